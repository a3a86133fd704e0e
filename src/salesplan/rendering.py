"""Renderers by name: the one small interface every result type's output formats share.

A renderer turns a result (a lint result, a split, a review, a diff, a roll-up, a capacity plan …)
into one output format: `renderer(result, options) -> str | bytes | Iterator[str]` (an iterator is
text made while it is written: a million-row split never held as one string). Each result type
offers its renderers as a `Renderers` table, and the command line picks one by the `-f/--format`
name (as check-jsonschema's REPORTER_BY_NAME and ruff's output formats). `cell_width` and `pad` are
the one measure of text in a terminal column (CJK characters take two), `wrap` the one way to fold
a paragraph to a width (Chinese as well as English), `plain_console` the one way to draw a
plain-text table.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

R = TypeVar("R")
Rendered = str | bytes | Iterator[str]


@dataclass(frozen=True)
class RenderOptions:
    """What every renderer may read. `lang`: zh or en; `color`: ANSI styling (a terminal); `root`: the
    folder paths and URIs are relative to (the working directory); `width`: terminal columns a table
    may take; `depth`: the levels of a hierarchy shown (None: all)."""

    lang: str = "zh"
    color: bool = False
    root: Path = field(default_factory=Path.cwd)
    width: int = 120
    depth: int | None = None


@dataclass(frozen=True)
class Renderers(Generic[R]):
    """A result type's renderers by format name, in the order `--format` lists them."""

    by_name: Mapping[str, Callable[[R, RenderOptions], Rendered]]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.by_name)

    def __getitem__(self, name: str) -> Callable[[R, RenderOptions], Rendered]:
        """The renderer of `name`; KeyError for a name the table lacks (the command line offers only
        the names of the table, so this is a programming error)."""
        return self.by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self.by_name

    def render(self, name: str, result: R, options: RenderOptions) -> Rendered:
        return self.by_name[name](result, options)

    def text(self, name: str, result: R, options: RenderOptions) -> str:
        """The output of a renderer known to give text whole (str), e.g. for a test."""
        out = self.render(name, result, options)
        if isinstance(out, bytes):
            raise TypeError(f"the {name} renderer gives bytes, not text")
        return out if isinstance(out, str) else "".join(out)


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns (as `str.ljust`, counting wide characters twice)."""
    return text + " " * max(0, width - cell_width(text))


# a wide character stands alone (a line may break before or after it); other text breaks at spaces only
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2014\u2026"
_PIECE = re.compile(rf"\s+|[{_WIDE}]|[^\s{_WIDE}]+")
# never at the start of a line (a closing mark stays with what it closes), never at the end (an opening one)
_NO_START = frozenset("，。、；：！？）》」』】〕〉’”…—,.;:!?)]}%")
_NO_END = frozenset("（《「『【〔〈‘“([{")


def wrap(text: str, width: int, lead: str = "") -> list[str]:
    """`text` folded into lines of at most `width` terminal columns, the first led by `lead` and the rest
    by as many spaces. Lines break at spaces and between wide (CJK) characters, never before a closing
    mark or after an opening one (the line-breaking rules of Chinese typesetting, 避头尾: the character
    before a closing mark goes down with it); a piece wider than a whole line stands on a line of its
    own. Joining the lines without their leads, with a space where a space was dropped, gives `text`."""
    indent = " " * cell_width(lead)
    lines: list[str] = []
    pieces: list[str] = [lead]  # the line being filled, its lead first

    def used() -> int:
        return sum(cell_width(piece) for piece in pieces)

    for piece in _PIECE.findall(text):
        if piece.isspace():
            if len(pieces) > 1:
                pieces.append(piece)
            continue
        if used() + cell_width(piece) > width and len(pieces) > 1:
            down = [piece]
            # a closing mark takes the piece before it down; an opening mark goes down with what it opens
            while piece[0] in _NO_START and len(pieces) > 1:
                down.insert(0, pieces.pop())
                if not down[0].isspace() and down[0][0] not in _NO_START:
                    break
            while len(pieces) > 1 and (pieces[-1].isspace() or pieces[-1][-1] in _NO_END):
                last = pieces.pop()
                if not last.isspace():
                    down.insert(0, last)
            if len(pieces) > 1:
                lines.append("".join(pieces).rstrip())
                pieces = [indent]
                piece = "".join(down)
            else:
                pieces.extend(down[:-1])
        pieces.append(piece)
    if len(pieces) > 1 or not lines:
        lines.append("".join(pieces).rstrip())
    return lines


def plain_console(width: int, *, color: bool = False) -> tuple[Console, io.StringIO]:
    """A rich console that writes text `width` columns wide into the buffer returned beside it: the one
    way a renderer draws a text table. No markup (plan text such as "[/x]" is shown as written, never
    read as rich markup) and no highlighting; ANSI colours (the 16 standard ones) only with `color`."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        markup=False,
    )
    return console, buffer
