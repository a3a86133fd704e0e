"""pydantic validation errors -> located diagnostics, with did-you-mean for unknown keys."""

from __future__ import annotations

import difflib
import re
import string
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import DEFAULT, Message, Text, _
from salesplan.loader.yamltree import Path_, SourceMap
from salesplan.model.words import alternatives


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


def suggestion(guess: str | None) -> Text:
    """`; did you mean 'x'?` after a message naming what is not known, or nothing without a guess."""
    return _("; did you mean '{guess}'?", guess=guess) if guess else ""


def _unknown_key(root: type[BaseModel], source: SourceMap, path: Path_) -> Diagnostic:
    key = str(path[-1]) if path else "?"
    parent = path[:-1]
    allowed = fields_at(root, parent)
    guess = suggestion(did_you_mean(key, allowed))
    message = _("unknown key '{key}' in {where}{suggestion}", key=key, where=_where(parent), suggestion=guess)
    hint = _("allowed keys: {keys}", keys=", ".join(allowed)) if allowed else None
    return _diag(codes.UNKNOWN_KEY, message, source, path, key=True, hint=hint)


def _missing(source: SourceMap, path: Path_, field: str, empty: bool) -> Diagnostic:
    """A required field that is absent, or present with nothing after its ':' (null)."""
    parent = path[:-1] if path and path[-1] == field else path
    where = _where(parent)
    if empty:
        return _diag(
            codes.MISSING_FIELD,
            _("required field '{field}' in {where} has no value", field=field, where=where),
            source,
            path,
            hint=_("write the value after '{field}:'", field=field),
        )
    message = _("missing required field '{field}' in {where}", field=field, where=where)
    return _diag(codes.MISSING_FIELD, message, source, parent)


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
        got = _shown(source, path, value)
        message = _("{field}: {problem} (got {got})", field=_where(path), problem=problem(err), got=got)
        hint = None
        if isinstance(value, bool) and err["type"] in ("string_type", "literal_error"):
            # the "Norway problem": YAML 1.1 reads an unquoted no/yes/on/off as false/true
            hint = _("YAML reads unquoted yes/no/on/off/true/false as true or false: quote it, e.g. 'no'")
        out.append(_diag(code, message, source, path, hint=hint))
    return out


_NUMBER = _("should be a number")
_INTEGER = _("should be an integer")
_BOOLEAN = _("should be true or false")
_LIST = _("should be a list")
_MAPPING = _("should be a mapping (key: value)")
_DATE = _("should be a date (YYYY-MM-DD)")
_ONE_OF = _("should be one of {expected}")
# pydantic's error types in the words of the catalog; `{...}` takes the error's context
_PROBLEMS: dict[str, Message] = {
    "literal_error": _ONE_OF,
    "enum": _ONE_OF,
    "decimal_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "bool_type": _BOOLEAN,
    "bool_parsing": _BOOLEAN,
    "string_type": _("should be text"),
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _("should be a date (YYYY-MM-DD) without a time"),
    "greater_than": _("should be greater than {gt}"),
    "greater_than_equal": _("should be greater than or equal to {ge}"),
    "less_than": _("should be less than {lt}"),
    "less_than_equal": _("should be less than or equal to {le}"),
    "too_short": _("should have at least {min_length} items"),
    "too_long": _("should have at most {max_length} items"),
    "string_too_short": _("should have at least {min_length} characters"),
    "string_too_long": _("should have at most {max_length} characters"),
    "string_pattern_mismatch": _("should match the pattern {pattern}"),
    "decimal_max_digits": _("should have at most {max_digits} digits"),
    "decimal_max_places": _("should have at most {decimal_places} decimal places"),
    "finite_number": _("should be a finite number"),
}
_INVALID = _("invalid value")


@dataclass(frozen=True)
class _Said(Message):
    """pydantic's problem: its own English words (`said`), the catalog's in any other language."""

    said: str = ""

    def render(self, lang: str = DEFAULT) -> str:
        return self.said if lang == "en" else super().render(lang)


def problem(err: Any) -> Message:
    """What is wrong, in every language: the plan's own message (PlanValueError), else pydantic's
    English with the catalog's wording of its error type."""
    from salesplan.model.values import PlanValueError

    ctx = err.get("ctx") or {}
    error = ctx.get("error")
    if isinstance(error, PlanValueError):
        return error.message
    wording = _PROBLEMS.get(err["type"], _INVALID)
    fields: tuple[tuple[str, Text], ...] = tuple(
        (k, alternatives(_CHOICE_SEP.split(str(v))) if k == "expected" and wording is _ONE_OF else str(v))
        for k, v in ctx.items()
    )
    if not _fields(wording.msgid) <= {k for k, _v in fields}:
        wording = _INVALID
    if err["type"] in _PYTHON_WORDED:
        return Message(wording.msgid, fields)
    return _Said(wording.msgid, fields, said=_clean_message(err["msg"]))


# pydantic's English for these speaks of Python (`instance of Region`, `Decimal object`, `float`): the
# catalog's own English is said instead
_PYTHON_WORDED = frozenset(
    {"model_type", "model_attributes_type", "dataclass_type", "is_instance_of", "decimal_type", "dict_type"}
)


# how pydantic joins the values a literal or an enum allows, "'A', 'B' or 'C'": joined again in the
# language of the message (`alternatives`), each value quoted as pydantic quotes it
_CHOICE_SEP = re.compile(r", | or ")


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _where(path: Path_) -> Text:
    from salesplan.diagnostics import dotted

    return dotted(path) if path else _("the top level")


def _diag(
    code: str, message: Message, source: SourceMap, path: Path_, key: bool = False, hint: Message | None = None
) -> Diagnostic:
    return codes.diagnostic(code, source.ref(path, key=key), message, path=path, hint=hint)
