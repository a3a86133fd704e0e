"""Renderers by name: the one small interface every result type's output formats share.

A renderer turns a result (a lint result, a split, a review, a diff, a roll-up, a capacity plan …)
into one output format: `renderer(result, options) -> str | bytes | Iterator[str]` (an iterator is
text made while it is written: a million-row split never held as one string). Each result type
offers its renderers as a `Renderers` table, and the command line picks one by the `-f/--format`
name (as check-jsonschema's REPORTER_BY_NAME and ruff's output formats). `cell_width` and `pad` are
the one measure of text in a terminal column (CJK characters take two), `plain_console` the one
way to draw a plain-text table.
"""

from __future__ import annotations

import io
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
