"""YAML text -> plain data plus a table of source positions, with errors as values.

PyYAML's composer (the C one when present) builds the node tree; salesplan then constructs the
data itself so that it can refuse duplicate keys, bound alias expansion and nesting, read floats
from their source text as `Decimal`, and check that dates exist.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import accumulate
from typing import Any

import yaml

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.numbers import MAX_DIGITS, MAX_PLACES

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 100_000  # values in one file: a large plan has a few thousand; loading 10^5 takes seconds
MAX_ALIAS_EXPANSION = 10_000

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BLOCK_PREFIX = re.compile(r"^[ \t?:-]*", re.M)
_SAFE = yaml.SafeLoader("")  # only its construct_yaml_int / _timestamp helpers are used


@dataclass(frozen=True)
class Span:
    line: int
    col: int
    end_line: int
    end_col: int


# a position as the parser left it (a node), turned into a Span only when asked: most are never asked
Located = Span | yaml.Node


# line breaks to YAML 1.1 but not to an editor: where a file has one, positions come from the index
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def _span(located: Located, text: str | None = None) -> Span:
    """1-based span of a node; pass the text when it holds a YAML-only line break (see above)."""
    if isinstance(located, Span):
        return located
    s, e = located.start_mark, located.end_mark
    if text is not None and s.index is not None and e.index is not None:
        (line, col), (end_line, end_col) = _editor_position(text, s.index), _editor_position(text, e.index)
        return Span(line, col, end_line, end_col)
    return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)


@dataclass
class SourceMap:
    """Positions of every value and every mapping key, by path from the document root."""

    file: str
    text: str = ""
    values: dict[Path_, Located] = field(default_factory=dict)
    keys: dict[Path_, Located] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._odd_breaks = self.text if any(b in self.text for b in _YAML_ONLY_BREAKS) else None

    def span(self, path: Path_, key: bool = False) -> Span | None:
        """The span of `path`, or of its nearest located ancestor."""
        p = tuple(path)
        if key and p in self.keys:
            return _span(self.keys[p], self._odd_breaks)
        while p:
            if p in self.values:
                return _span(self.values[p], self._odd_breaks)
            p = p[:-1]
        root = self.values.get(())
        return None if root is None else _span(root, self._odd_breaks)

    def ref(self, path: Path_, key: bool = False) -> SourceRef:
        span = self.span(path, key)
        if span is None:
            return SourceRef(self.file, 1, 1)
        return SourceRef(self.file, span.line, span.col, span.end_line, span.end_col)

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


@dataclass
class ParsedYaml:
    data: Any
    source: SourceMap
    diagnostics: list[Diagnostic]


class _Abort(Exception):
    """Stops construction: a limit was hit and the data cannot be trusted."""


class _Builder:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.seen: set[int] = set()
        self.repeated = 0

    def diag(
        self,
        code: str,
        message: str,
        message_zh: str,
        where: Located,
        path: Path_,
        hint: str | None = None,
        hint_zh: str | None = None,
    ) -> None:
        span = _span(where, self.source._odd_breaks)
        where_ref = SourceRef(self.source.file, span.line, span.col, span.end_line, span.end_col)
        self.diagnostics.append(codes.diagnostic(code, where_ref, message, message_zh, path, hint, hint_zh))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.diag(
                codes.NESTING_TOO_DEEP,
                f"data is nested more than {MAX_DEPTH} levels deep",
                f"数据嵌套超过 {MAX_DEPTH} 层",
                _span(node),
                path,
            )
            raise _Abort
        if id(node) in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_EXPANSION:
                self.diag(
                    codes.ALIAS_LIMIT,
                    f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes (billion-laughs guard)",
                    f"别名展开超过 {MAX_ALIAS_EXPANSION:,} 个节点（防“十亿笑”攻击）",
                    _span(node),
                    path,
                )
                raise _Abort
        else:
            self.seen.add(id(node))
        self.source.values[path] = node
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merged.update(self._merge_source(value_node, path, depth))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.diag(
                    codes.INVALID_VALUE,
                    "a mapping key must be a plain value, not a list or mapping",
                    "映射的键必须是普通值，不能是列表或映射",
                    _span(key_node),
                    path,
                )
                continue
            key = str(key_node.value)
            if key in first:
                prev = first[key].start_mark.line + 1
                self.diag(
                    codes.DUPLICATE_KEY,
                    f"duplicate key '{key}' (first at line {prev}); YAML would silently keep the last",
                    f"重复的键 '{key}'（第一次出现在第 {prev} 行）；YAML 会静默保留后一个",
                    key_node,
                    (*path, key),
                    hint="remove or rename one of the two keys",
                    hint_zh="删除或重命名其中一个键",
                )
                continue
            first[key] = key_node
            self.source.keys[(*path, key)] = key_node
            out[key] = self.build(value_node, (*path, key), depth + 1)
        for key, value in merged.items():
            out.setdefault(key, value)
        return out

    def _merge_source(self, node: yaml.Node, path: Path_, depth: int) -> dict[str, Any]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        merged: dict[str, Any] = {}
        for item in items:
            if not isinstance(item, yaml.MappingNode):
                self.diag(codes.INVALID_VALUE, "'<<' merges mappings only", "'<<' 只能合并映射", _span(item), path)
                continue
            value = self.mapping(item, path, depth + 1)
            for key, val in value.items():
                merged.setdefault(key, val)
        return merged

    def scalar(self, node: yaml.ScalarNode, span: Located, path: Path_) -> Any:
        tag = node.tag
        text = node.value
        if tag == _TAG + "str" or node.style in ("'", '"', "|", ">"):
            return text
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return text.lower() in ("yes", "true", "on", "y")
        if tag == _TAG + "int":
            try:
                value = _SAFE.construct_yaml_int(node)
            except ValueError:
                self.diag(
                    codes.INVALID_NUMBER, f"'{text}' is not a valid integer", f"'{text}' 不是有效的整数", span, path
                )
                return None
            if _NOT_DECIMAL_INT.match(text):
                self.diag(
                    codes.INVALID_NUMBER,
                    f"'{text}' would be read as {value} (YAML 1.1 reads a leading 0 as octal, 0x/0b as hex/binary,"
                    " and a:b as base 60); salesplan does not guess",
                    f"'{text}' 会被读成 {value}（YAML 1.1 把以 0 开头的数读作八进制，"
                    "0x/0b 为十六/二进制，a:b 为六十进制）；salesplan 不做猜测",
                    span,
                    path,
                    hint="write the number in plain decimal digits, or quote it if it is text",
                    hint_zh="用普通十进制数字书写；如果是文本，请加引号",
                )
                return None
            if abs(value) >= 10**MAX_DIGITS:
                self.diag(
                    codes.INVALID_NUMBER,
                    f"number with {len(str(abs(value)))} digits is too large (at most {MAX_DIGITS} digits)",
                    f"数字有 {len(str(abs(value)))} 位，太大（最多 {MAX_DIGITS} 位）",
                    span,
                    path,
                )
                return None
            return value
        if tag == _TAG + "float":
            return self.decimal(text, span, path)
        if tag == _TAG + "timestamp":
            return self.timestamp(node, span, path)
        if tag.startswith("!") or tag.startswith(_TAG):
            self.diag(
                codes.INVALID_VALUE,
                f"YAML tag '{tag}' is not supported in a plan",
                f"计划中不支持 YAML 标签 '{tag}'",
                span,
                path,
            )
            return None
        return text

    def decimal(self, text: str, span: Located, path: Path_) -> Decimal | None:
        cleaned = text.replace("_", "")
        if cleaned.lower().lstrip("+-") in (".nan", ".inf"):
            self.diag(
                codes.INVALID_NUMBER,
                f"'{text}' is not a finite number",
                f"'{text}' 不是有限的数字",
                span,
                path,
                hint="write the number itself, e.g. 416.7",
                hint_zh="直接写出数字，例如 416.7",
            )
            return None
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            self.diag(
                codes.INVALID_NUMBER,
                f"'{text}' is not a number salesplan can read exactly",
                f"'{text}' 不是 salesplan 能精确读取的数字",
                span,
                path,
            )
            return None
        if not value.is_finite() or value.adjusted() >= MAX_DIGITS:
            self.diag(
                codes.INVALID_NUMBER, f"number '{text[:40]}' is too large", f"数字 '{text[:40]}' 太大", span, path
            )
            return None
        places = -int(value.normalize().as_tuple().exponent)
        if places > MAX_PLACES:
            self.diag(
                codes.INVALID_NUMBER,
                f"number '{text[:40]}' has {places} decimal places; salesplan keeps at most {MAX_PLACES}",
                f"数字 '{text[:40]}' 有 {places} 位小数；salesplan 最多保留 {MAX_PLACES} 位",
                span,
                path,
                hint="round it, e.g. 416.7 or 0.125",
                hint_zh="请取整，例如 416.7 或 0.125",
            )
            return None
        return value

    def timestamp(self, node: yaml.ScalarNode, span: Located, path: Path_) -> Any:
        text = node.value
        match = _DATE_RE.match(text)
        try:
            if match:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            return _SAFE.construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            self.diag(
                codes.INVALID_DATE,
                f"'{text}' is not a valid date ({exc})",
                f"'{text}' 不是有效的日期（{exc}）",
                span,
                path,
                hint="write dates as YYYY-MM-DD, e.g. 2026-09-30",
                hint_zh="日期写作 YYYY-MM-DD，例如 2026-09-30",
            )
            return None


def _mark_span(mark: Any) -> Span:
    if mark is None:
        return Span(1, 1, 1, 1)
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2)


# what YAML accepts in a stream (YAML 1.1 §5.1); anything else stops the reader
_NOT_YAML_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# YAML 1.1 integers that are not plain decimal: 012 (octal), 0x1F, 0b101, 190:20 (base 60)
_NOT_DECIMAL_INT = re.compile(r"^[-+]?(0[0-9_]*[0-9]|0[xXbBoO]|[0-9][0-9_]*:)")
_TAB_WORD = re.compile(r"\btabs?\b|'\\t'")


def _editor_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character as an editor counts them: only LF ends a line (YAML
    also breaks lines at NEL and U+2028, which would shift every later line number)."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _mark_position(mark: Any, text: str) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    if getattr(mark, "index", None) is not None and 0 <= mark.index <= len(text):
        return _editor_position(text, mark.index)
    return mark.line + 1, mark.column + 1


def _forbidden_character(file: str, exc: yaml.reader.ReaderError, text: str) -> Diagnostic:
    """A control or non-character in the file: located where it is, named, with what to do."""
    found = _NOT_YAML_CHAR.search(text)
    index = found.start() if found else min(max(exc.position, 0), len(text))
    char = text[index] if index < len(text) else "\x00"
    line, col = _editor_position(text, index)
    code_point = f"U+{ord(char):04X}"
    name, name_zh = unicodedata.name(char, "control character"), unicodedata.name(char, "控制字符")
    return _syntax_error(
        SourceRef(file, line, col),
        f"character {code_point} ({name}) is not allowed in a YAML file",
        f"YAML 文件中不允许出现字符 {code_point}（{name_zh}）",
        f'delete it; to keep it, write it as an escape inside double quotes, e.g. "\\u{ord(char):04x}"',
        f'删除它；如需保留，请在双引号字符串中写成转义形式，例如 "\\u{ord(char):04x}"',
    )


def _syntax_error(where: SourceRef, message: str, message_zh: str, hint: str | None, hint_zh: str | None) -> Diagnostic:
    return codes.diagnostic(
        codes.YAML_SYNTAX, where, f"YAML syntax error: {message}", f"YAML 语法错误：{message_zh}", (), hint, hint_zh
    )


def _syntax_diag(file: str, exc: yaml.YAMLError, text: str) -> Diagnostic:
    if isinstance(exc, yaml.reader.ReaderError):
        return _forbidden_character(file, exc, text)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"{context}: {problem}" if context else str(problem)
    mark = problem_mark or context_mark
    if context_mark is not None and problem_mark is not None and "end of stream" in str(problem):
        # an unclosed quote or bracket: point at where it opened, not at the end of the file
        message += f" (reached the end of the file at line {_mark_position(problem_mark, text)[0]})"
        mark = context_mark
    elif context_mark is not None and problem_mark is not None and context_mark.line != problem_mark.line:
        opened_line, opened_col = _mark_position(context_mark, text)
        message += (
            f" (the {str(context).removeprefix('while parsing a ')} opened at line {opened_line}, column {opened_col})"
        )
    line, col = _mark_position(mark, text)
    hint = hint_zh = None
    lines = text.split("\n")
    at = lines[line - 1] if 0 < line <= len(lines) else ""
    # the C parser does not name the character: look for a tab in the line's indentation
    if _TAB_WORD.search(message) or "\t" in at[: len(at) - len(at.lstrip())]:
        hint = "YAML forbids tabs for indentation: indent with spaces"
        hint_zh = "YAML 不允许用 Tab 缩进：请改用空格"
    return _syntax_error(SourceRef(file, line, col), message, message, hint, hint_zh)


def _rough_depth(text: str) -> int:
    """An upper bound of nesting, cheap to compute; exact only matters when it is large."""
    brackets = _NOT_BRACKET.sub("", text)
    flow = max(accumulate(_DEPTH_STEP[c] for c in brackets), default=0)
    block = max((len(m) for m in _BLOCK_PREFIX.findall(text)), default=0)
    return flow + block


def _stream_problem(text: str, file: str) -> Diagnostic | None:
    """Walk the event stream (no recursion, no data built) for nesting or size beyond the limits.

    libyaml has nesting limits of its own (0.2.6 stops at flow level ~1000 while scanning ahead),
    so a parser error whose text up to the error is nested beyond MAX_DEPTH is classified by its
    cause: the walk is redone with PyYAML's pure-Python parser, which has no such limit and stops
    at the node that breaks salesplan's own bound.
    """
    try:
        return _walk_events(text, file, _Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        end = mark.index if mark is not None and getattr(mark, "index", None) is not None else len(text)
        if _Loader is not yaml.SafeLoader and _rough_depth(text[: end + 1]) > MAX_DEPTH:
            try:
                found = _walk_events(text, file, yaml.SafeLoader)
            except yaml.YAMLError:
                found = None
            if found is not None:
                return found
        return _syntax_diag(file, exc, text)


def _walk_events(text: str, file: str, loader: Any) -> Diagnostic | None:
    """The first node past MAX_DEPTH or MAX_NODES, or None; parser errors propagate."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _limit_diag(
                    file,
                    codes.NESTING_TOO_DEEP,
                    f"data is nested more than {MAX_DEPTH} levels deep",
                    f"数据嵌套超过 {MAX_DEPTH} 层",
                    event,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                return _limit_diag(
                    file,
                    codes.FILE_TOO_LARGE,
                    f"file holds more than {MAX_NODES:,} values; a plan is never this large",
                    f"文件包含超过 {MAX_NODES:,} 个值；计划文件不会这么大",
                    event,
                    hint="split it into several plan files",
                    hint_zh="把它拆成几个计划文件",
                )
    return None


def _limit_diag(
    file: str,
    code: str,
    message: str,
    message_zh: str,
    event: yaml.Event,
    hint: str | None = None,
    hint_zh: str | None = None,
) -> Diagnostic:
    span = _mark_span(event.start_mark)
    return codes.diagnostic(code, SourceRef(file, span.line, span.col), message, message_zh, (), hint, hint_zh)


def parse_yaml(text: str, file: str) -> ParsedYaml:
    """Compose `text` and build plain data; never raises for bad input."""
    source = SourceMap(file=file, text=text)
    # every value takes at least one character, so only a text this long can hold too many
    if len(text) > MAX_NODES or _rough_depth(text) > MAX_DEPTH:
        problem = _stream_problem(text, file)
        if problem is not None:
            return ParsedYaml(None, source, [problem])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return ParsedYaml(None, source, [_syntax_diag(file, exc, text)])
    if node is None:
        return ParsedYaml(None, source, [])
    builder = _Builder(source)
    try:
        data = builder.build(node, (), 0)
    except _Abort:
        return ParsedYaml(None, source, builder.diagnostics)
    return ParsedYaml(data, source, builder.diagnostics)
