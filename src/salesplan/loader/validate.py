"""pydantic validation errors -> located diagnostics, with did-you-mean for unknown keys."""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.loader.yamltree import Path_, SourceMap


def resolve_loc(data: Any, loc: tuple[Any, ...]) -> Path_:
    """Keep the parts of a pydantic `loc` that address the data (drop union/validator tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and loc[-1] == part:
            path.append(part)  # a missing or unknown key: the last element
            break
    return tuple(path)


def _candidates(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _candidates(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [c for arg in typing.get_args(tp) for c in _candidates(arg)]
    return [tp]


def _step(tp: Any, part: str | int) -> Any:
    for cand in _candidates(tp):
        if isinstance(cand, type) and issubclass(cand, BaseModel) and isinstance(part, str):
            if part in cand.model_fields:
                return cand.model_fields[part].annotation
        origin = typing.get_origin(cand)
        if origin is list and isinstance(part, int):
            return typing.get_args(cand)[0]
        if origin is dict and isinstance(part, str):
            return typing.get_args(cand)[1]
    return None


def fields_at(root: type[BaseModel], path: Path_) -> list[str]:
    """The field names allowed in the mapping at `path`, following the models' annotations."""
    tp: Any = root
    for part in path:
        tp = _step(tp, part)
        if tp is None:
            return []
    for cand in _candidates(tp):
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return list(cand.model_fields)
    return []


def did_you_mean(word: str, options: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _clean_message(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            return msg[len(prefix) :]
    return msg


def _visible(text: str) -> str:
    """Invisible and control characters as escapes: the message is about them, so show them."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)


def _shown(source: SourceMap, path: Path_, value: Any) -> str:
    """The refused value quoted as the file writes it (`2026-09-30T18:00:00+08:00`), never a repr."""
    node = source.values.get(path)
    written = source.written(path)
    # the node at `path` is the value itself unless pydantic's location stopped short of it
    if written is None or (isinstance(node, yaml.CollectionNode) and not isinstance(value, (dict, list))):
        written = _yaml_spelling(value)
    first, *rest = written.strip().split("\n") or [""]
    text = _visible(first) + (" …" if rest else "")
    return f"'{text}'" if len(text) <= 60 else f"'{text[:57]}…'"


def _yaml_spelling(value: Any) -> str:
    """A value no node holds (put there by the model itself), spelled as YAML would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    return str(value)


# pydantic error types -> codes; a plan value type names its own code (PlanValueError.code)
_CODE_BY_TYPE = {"missing": codes.MISSING_FIELD, "extra_forbidden": codes.UNKNOWN_KEY}
_DATE_TYPES = ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")


def error_code(err: Any) -> str:
    """The code of one pydantic error, from its type (and the plan's own error), never its wording."""
    from salesplan.model.values import PlanValueError

    etype = str(err["type"])
    error = (err.get("ctx") or {}).get("error")
    if isinstance(error, PlanValueError):
        return error.code
    if etype in _CODE_BY_TYPE:
        return _CODE_BY_TYPE[etype]
    if etype in _DATE_TYPES or etype.startswith("date_"):
        return codes.INVALID_DATE
    return codes.INVALID_VALUE


def _unknown_key(root: type[BaseModel], source: SourceMap, path: Path_) -> Diagnostic:
    key = str(path[-1]) if path else "?"
    parent = path[:-1]
    allowed = fields_at(root, parent)
    guess = did_you_mean(key, allowed)
    message = f"unknown key '{key}' in {_dotted_or_top(parent)}"
    message_zh = f"未知字段 '{key}'（{_dotted_or_top(parent, 'zh')}）"
    if guess:
        message += f"; did you mean '{guess}'?"
        message_zh += f"；是否应为 '{guess}'？"
    hint = f"allowed keys: {', '.join(allowed)}" if allowed else None
    hint_zh = f"允许的字段：{', '.join(allowed)}" if allowed else None
    return _diag(codes.UNKNOWN_KEY, message, message_zh, source, path, key=True, hint=hint, hint_zh=hint_zh)


def _missing(source: SourceMap, path: Path_, field: str, empty: bool) -> Diagnostic:
    """A required field that is absent, or present with nothing after its ':' (null)."""
    parent = path[:-1] if path and path[-1] == field else path
    where, where_zh = _dotted_or_top(parent), _dotted_or_top(parent, "zh")
    if empty:
        return _diag(
            codes.MISSING_FIELD,
            f"required field '{field}' in {where} has no value",
            f"必填字段 '{field}'（{where_zh}）没有填写值",
            source,
            path,
            hint=f"write the value after '{field}:'",
            hint_zh=f"在 '{field}:' 后面填写值",
        )
    message = f"missing required field '{field}' in {where}"
    return _diag(codes.MISSING_FIELD, message, f"缺少必填字段 '{field}'（{where_zh}）", source, parent)


def validation_diagnostics(
    exc: ValidationError, data: Any, source: SourceMap, root: type[BaseModel], known: set[Path_] | None = None
) -> list[Diagnostic]:
    """One diagnostic per located problem; union branches that fail alike are reported once, and a
    path in `known` (a value the YAML layer refused already) not at all."""
    out: list[Diagnostic] = []
    seen: set[Path_] = set(known or ())
    for err in exc.errors(include_url=False):
        path = resolve_loc(data, tuple(err["loc"]))
        code = error_code(err)
        if code == codes.UNKNOWN_KEY:
            out.append(_unknown_key(root, source, path))
            continue
        if path in seen:
            continue
        seen.add(path)
        value = err.get("input")
        if code == codes.MISSING_FIELD or (value is None and path and isinstance(path[-1], str)):
            # absent, or written with nothing (null) after its ':'; a model validator may have put
            # None where the file has no key at all
            field = str(err["loc"][-1]) if code == codes.MISSING_FIELD else str(path[-1])
            out.append(_missing(source, path, field, empty=path in source.values))
            continue
        msg = _clean_message(err["msg"])
        field_name = _dotted_or_top(path)
        got = _shown(source, path, value)
        message = f"{field_name}: {msg} (got {got})"
        message_zh = f"{field_name}：{_message_zh(err, msg)}（实际为 {got}）"
        hint = hint_zh = None
        if isinstance(value, bool) and err["type"] in ("string_type", "literal_error"):
            # the "Norway problem": YAML 1.1 reads an unquoted no/yes/on/off as false/true
            hint = "YAML reads unquoted yes/no/on/off/true/false as true or false: quote it, e.g. 'no'"
            hint_zh = "YAML 会把不带引号的 yes/no/on/off/true/false 读成布尔值：请加引号，例如 'no'"
        out.append(_diag(code, message, message_zh, source, path, hint=hint, hint_zh=hint_zh))
    return out


# pydantic's error types in Chinese; `{...}` takes the error's context
_ZH: dict[str, str] = {
    "literal_error": "应为 {expected} 之一",
    "enum": "应为 {expected} 之一",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文本",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为日期（YYYY-MM-DD），不带时间",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应大于或等于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应小于或等于 {le}",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "string_too_short": "至少需要 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "格式不符合要求（{pattern}）",
    "decimal_max_digits": "数字位数太多（最多 {max_digits} 位）",
    "decimal_max_places": "小数位数太多（最多 {decimal_places} 位）",
    "finite_number": "数字必须是有限值",
}


def _message_zh(err: Any, english: str) -> str:
    """The Chinese wording of a pydantic error: the plan's own (PlanValueError), else by its type."""
    from salesplan.model.values import PlanValueError

    ctx = err.get("ctx") or {}
    error = ctx.get("error")
    if isinstance(error, PlanValueError):
        return error.zh
    template = _ZH.get(err["type"])
    if template is not None:
        try:
            return template.format(**{k: str(v) for k, v in ctx.items()})
        except (KeyError, IndexError):
            pass
    return "取值无效"


def _dotted_or_top(path: Path_, lang: str = "en") -> str:
    from salesplan.diagnostics import dotted

    if not path:
        return "顶层" if lang == "zh" else "the top level"
    return dotted(path)


def _diag(
    code: str,
    message: str,
    message_zh: str | None,
    source: SourceMap,
    path: Path_,
    key: bool = False,
    hint: str | None = None,
    hint_zh: str | None = None,
) -> Diagnostic:
    return codes.diagnostic(code, source.ref(path, key=key), message, message_zh, path, hint, hint_zh)
