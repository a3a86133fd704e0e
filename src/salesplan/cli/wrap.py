"""Wrapping help text by its width on a terminal: a Chinese character takes two columns.

click wraps by counting characters and breaks lines only at spaces, so a Chinese help text runs far
past the terminal's edge. `wrap_text` keeps click's wrapping for text without wide characters and
otherwise breaks between any two Chinese characters (never before a closing punctuation mark, never
after an opening one), measuring each line in columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_WIDE_RANGES = r"\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
_WIDE = re.compile(rf"[{_WIDE_RANGES}]")
# spaces, a bracketed note such as typer's [default: zh], a word of narrow characters, one wide character
_PIECE = re.compile(rf"\s+|\[[^\]\s]*\]|[^\s{_WIDE_RANGES}]+|.")


def _tokens(text: str) -> list[str]:
    """The pieces of `text` a line may break between: a wide closing mark (，。）) joins the piece before
    it and a wide opening mark (（) the piece after it, so neither is left alone at a line's edge."""
    tokens: list[str] = []
    glued = False
    for piece in _PIECE.findall(text):
        if piece.isspace():
            tokens.append(" ")
            glued = False
            continue
        if tokens and tokens[-1] != " " and (glued or _marks(piece[0], ("Pe", "Pf", "Po"))):
            tokens[-1] += piece
        else:
            tokens.append(piece)
        glued = _marks(piece[-1], ("Ps", "Pi"))
    return tokens


def _marks(char: str, categories: tuple[str, ...]) -> bool:
    return bool(_WIDE.match(char)) and unicodedata.category(char) in categories


def columns(text: str) -> int:
    """How many terminal columns `text` takes."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _fill(paragraph: str, width: int, initial_indent: str, subsequent_indent: str) -> str:
    lines: list[str] = []
    line, used, space, empty = initial_indent, columns(initial_indent), False, True
    for token in _tokens(paragraph):
        if token == " ":
            space = not empty
            continue
        needed = columns(token) + (1 if space else 0)
        if not empty and used + needed > width:
            lines.append(line.rstrip())
            line, used, space = subsequent_indent, columns(subsequent_indent), False
            needed = columns(token)
        line += (" " if space else "") + token
        used, space, empty = used + needed, False, False
    lines.append(line.rstrip())
    return "\n".join(lines)


def wide_wrap(original: Callable[..., str]) -> Callable[..., str]:
    """click's `wrap_text(text, width, initial_indent, subsequent_indent, preserve_paragraphs)`, measuring
    wide characters as two columns; text without any is wrapped by `original`, as click does."""

    def wrap_text(
        text: str,
        width: int = 78,
        initial_indent: str = "",
        subsequent_indent: str = "",
        preserve_paragraphs: bool = False,
    ) -> str:
        if not _WIDE.search(text):
            return original(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
        if not preserve_paragraphs:
            return _fill(text, width, initial_indent, subsequent_indent)
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.expandtabs()) if p.strip()]
        return "\n\n".join(_fill(p, width, initial_indent, subsequent_indent) for p in paragraphs)

    return wrap_text
