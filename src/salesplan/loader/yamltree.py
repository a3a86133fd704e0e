"""YAML text -> plain data plus a table of source positions, with errors as values.

PyYAML's composer (the C one when present) builds the node tree; salesplan then constructs the
data itself so that it can refuse duplicate keys, bound alias expansion and nesting, read floats
from their source text as `Decimal`, and check that dates exist.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import accumulate
from typing import Any

import yaml

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import Message, _
from salesplan.loader.sourcemap import Located, Path_, SourceMap, Span, span_of
from salesplan.loader.syntax import syntax_diagnostic
from salesplan.loader.tags import implicit_tag, written_tag
from salesplan.model.dates import date_problem
from salesplan.numbers import MAX_DIGITS, MAX_PLACES, decimal_places

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "MAX_NODES", "Located", "ParsedYaml", "Path_", "SourceMap", "Span", "parse_yaml"]

MAX_DEPTH = 64
MAX_NODES = 100_000  # values in one file: a large plan has a few thousand; loading 10^5 takes seconds
MAX_ALIAS_EXPANSION = 10_000
_TOO_DEEP = _("data is nested more than {limit} levels deep", limit=MAX_DEPTH)


_TAG = "tag:yaml.org,2002:"
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BLOCK_PREFIX = re.compile(r"^[ \t?:-]*", re.M)
_SAFE = yaml.SafeLoader("")  # only its construct_yaml_int / _timestamp helpers are used


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
        self.refused: set[int] = set()
        self.repeated = 0

    def diag(self, code: str, message: Message, where: Located, path: Path_, hint: Message | None = None) -> None:
        span = span_of(where, self.source._odd_breaks)
        where_ref = SourceRef(self.source.file, span.line, span.col, span.end_line, span.end_col)
        self.diagnostics.append(codes.diagnostic(code, where_ref, message, path=path, hint=hint))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.diag(codes.NESTING_TOO_DEEP, _TOO_DEEP, span_of(node), path)
            raise _Abort
        if id(node) in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_EXPANSION:
                self.diag(
                    codes.ALIAS_LIMIT,
                    _(
                        "aliases expand to more than {limit} nodes (billion-laughs guard)",
                        limit=format(MAX_ALIAS_EXPANSION, ","),
                    ),
                    span_of(node),
                    path,
                )
                raise _Abort
            if id(node) in self.refused:
                self.source.refused.add(path)  # an alias of a refused node: refused where it stands too
                return None
        else:
            self.seen.add(id(node))
            if self.refuse_tag(node, path):
                self.refused.add(id(node))
                return None
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
                    _("a mapping key must be a plain value, not a list or mapping"),
                    span_of(key_node),
                    path,
                )
                continue
            if self.refuse_tag(key_node, path):
                continue
            key = str(key_node.value)
            if key in first:
                prev = first[key].start_mark.line + 1
                self.diag(
                    codes.DUPLICATE_KEY,
                    _(
                        "duplicate key '{key}' (first at line {line}); YAML would silently keep the last",
                        key=key,
                        line=prev,
                    ),
                    key_node,
                    (*path, key),
                    hint=_("remove or rename one of the two keys"),
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
                self.diag(codes.INVALID_VALUE, _("'<<' merges mappings only"), span_of(item), path)
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
                self.diag(codes.INVALID_NUMBER, _("'{text}' is not a valid integer", text=text), span, path)
                return None
            if _NOT_DECIMAL_INT.match(text):
                self.diag(
                    codes.INVALID_NUMBER,
                    _(
                        "'{text}' would be read as {value} (YAML 1.1 reads a leading 0 as octal, 0x/0b as hex/binary,"
                        " and a:b as base 60); salesplan does not guess",
                        text=text,
                        value=value,
                    ),
                    span,
                    path,
                    hint=_("write the number in plain decimal digits, or quote it if it is text"),
                )
                return None
            if abs(value) >= 10**MAX_DIGITS:
                self.diag(
                    codes.INVALID_NUMBER,
                    _(
                        "number with {digits} digits is too large (at most {limit} digits)",
                        digits=len(str(abs(value))),
                        limit=MAX_DIGITS,
                    ),
                    span,
                    path,
                )
                return None
            return value
        if tag == _TAG + "float":
            return self.decimal(text, span, path)
        if tag == _TAG + "timestamp":
            return self.timestamp(node, span, path)
        return text  # YAML's own `<<` or `=` as a value: the text as written

    def refuse_tag(self, node: yaml.Node, path: Path_) -> bool:
        """A tag that makes a node other than what YAML reads it as is refused (SP021, at the tag).

        A tag is harmless when it names what the node is anyway: `!!map` on a mapping, `!!seq` on a
        list, `!!int 5`; `!!str` on a single value reads it as text, as quotes do. Every other tag
        (`!!python/object:...`, `!!set`, `!!omap`, `!!binary`, `!!float 5`, `!custom`) is refused
        on a mapping, a list, a value and a key alike.
        """
        tag = node.tag
        if tag == implicit_tag(node) or (isinstance(node, yaml.ScalarNode) and tag == _TAG + "str"):
            return False
        written, where = written_tag(node, self.source.text)
        self.diag(
            codes.INVALID_VALUE,
            _("YAML tag '{tag}' is not supported in a plan", tag=written),
            where,
            path,
            hint=_("remove the tag: a plan is plain mappings, lists and values (quote a value to keep it as text)"),
        )
        return True

    def decimal(self, text: str, span: Located, path: Path_) -> Decimal | None:
        cleaned = text.replace("_", "")
        if cleaned.lower().lstrip("+-") in (".nan", ".inf"):
            self.diag(
                codes.INVALID_NUMBER,
                _("'{text}' is not a finite number", text=text),
                span,
                path,
                hint=_("write the number itself, e.g. 416.7"),
            )
            return None
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            self.diag(
                codes.INVALID_NUMBER,
                _("'{text}' is not a number salesplan can read exactly", text=text),
                span,
                path,
            )
            return None
        if not value.is_finite() or value.adjusted() >= MAX_DIGITS:
            self.diag(codes.INVALID_NUMBER, _("number '{text}' is too large", text=text[:40]), span, path)
            return None
        places = decimal_places(value)
        if places > MAX_PLACES:
            self.diag(
                codes.INVALID_NUMBER,
                _(
                    "number '{text}' has {places} decimal places; salesplan keeps at most {limit}",
                    text=text[:40],
                    places=places,
                    limit=MAX_PLACES,
                ),
                span,
                path,
                hint=_("round it, e.g. 416.7 or 0.125"),
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
        except (ValueError, OverflowError):
            self.diag(
                codes.INVALID_DATE,
                _("'{text}' is not a valid date ({reason})", text=text, reason=date_problem(text)),
                span,
                path,
                hint=_("write dates as YYYY-MM-DD, e.g. 2026-09-30"),
            )
            return None


def _mark_span(mark: Any) -> Span:
    if mark is None:
        return Span(1, 1, 1, 1)
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2)


# YAML 1.1 integers that are not plain decimal: 012 (octal), 0x1F, 0b101, 190:20 (base 60)
_NOT_DECIMAL_INT = re.compile(r"^[-+]?(0[0-9_]*[0-9]|0[xXbBoO]|[0-9][0-9_]*:)")


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
        if not issubclass(_Loader, yaml.SafeLoader) and _rough_depth(text[: end + 1]) > MAX_DEPTH:
            try:
                found = _walk_events(text, file, yaml.SafeLoader)
            except yaml.YAMLError:
                found = None
            if found is not None:
                return found
        return syntax_diagnostic(file, exc, text)


def _walk_events(text: str, file: str, loader: Any) -> Diagnostic | None:
    """The first node past MAX_DEPTH or MAX_NODES, or None; parser errors propagate."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _limit_diag(file, codes.NESTING_TOO_DEEP, _TOO_DEEP, event)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                return _limit_diag(
                    file,
                    codes.FILE_TOO_LARGE,
                    _("file holds more than {limit} values; a plan is never this large", limit=format(MAX_NODES, ",")),
                    event,
                    hint=_("split it into several plan files"),
                )
    return None


def _limit_diag(file: str, code: str, message: Message, event: yaml.Event, hint: Message | None = None) -> Diagnostic:
    span = _mark_span(event.start_mark)
    return codes.diagnostic(code, SourceRef(file, span.line, span.col), message, hint=hint)


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
        return ParsedYaml(None, source, [syntax_diagnostic(file, exc, text)])
    if node is None:
        return ParsedYaml(None, source, [])
    builder = _Builder(source)
    try:
        data = builder.build(node, (), 0)
    except _Abort:
        return ParsedYaml(None, source, builder.diagnostics)
    return ParsedYaml(data, source, builder.diagnostics)
