"""Where each value of a plan file is: positions by path, kept as the parser's nodes until asked."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from salesplan.diagnostics import SourceRef
from salesplan.loader.syntax import editor_position

Path_ = tuple[str | int, ...]


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


def span_of(located: Located, text: str | None = None) -> Span:
    """1-based span of a node; pass the text when it holds a YAML-only line break (see above)."""
    if isinstance(located, Span):
        return located
    s, e = located.start_mark, located.end_mark
    if text is not None and s.index is not None and e.index is not None:
        (line, col), (end_line, end_col) = editor_position(text, s.index), editor_position(text, e.index)
        return Span(line, col, end_line, end_col)
    return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)


@dataclass
class SourceMap:
    """Positions of every value and every mapping key, by path from the document root."""

    file: str
    text: str = ""
    values: dict[Path_, Located] = field(default_factory=dict)
    keys: dict[Path_, Located] = field(default_factory=dict)
    # paths whose value the YAML layer refused (None in the data): the model does not report them again
    refused: set[Path_] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._odd_breaks = self.text if any(b in self.text for b in _YAML_ONLY_BREAKS) else None

    def span(self, path: Path_, key: bool = False) -> Span | None:
        """The span of `path`, or of its nearest located ancestor."""
        p = tuple(path)
        if key and p in self.keys:
            return span_of(self.keys[p], self._odd_breaks)
        while p:
            if p in self.values:
                return span_of(self.values[p], self._odd_breaks)
            p = p[:-1]
        root = self.values.get(())
        return None if root is None else span_of(root, self._odd_breaks)

    def ref(self, path: Path_, key: bool = False) -> SourceRef:
        span = self.span(path, key)
        if span is None:
            return SourceRef(self.file, 1, 1)
        return SourceRef(self.file, span.line, span.col, span.end_line, span.end_col)

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def written(self, path: Path_) -> str | None:
        """The value at `path` as the file writes it (a value's text, a list's or mapping's source)."""
        node = self.values.get(tuple(path))
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        if not isinstance(node, yaml.Node):
            return None
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(self.text):
            return self.text[start:end]
        return None
