"""The one small interface of every renderer, and the helpers they share."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from salesplan.diagnostics import Diagnostic
from salesplan.lint.result import LintResult


@dataclass(frozen=True)
class RenderOptions:
    """`root`: the folder URIs are relative to (the working directory); `color`: ANSI styling."""

    lang: str = "zh"
    color: bool = False
    root: Path = field(default_factory=Path.cwd)


Renderer = Callable[[LintResult, RenderOptions], str]

# bidirectional overrides and isolates reorder what a terminal shows: never pass them through
_BIDI = {0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _safe_char(ch: str) -> str:
    code = ord(ch)
    if code in _BIDI or (unicodedata.category(ch) == "Cc" and ch != "\t"):
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    return ch


def neutralise(text: str) -> str:
    """`text` with control characters (ESC, CR, BEL, C1, bidi overrides) made visible and inert."""
    if text.isprintable():
        return text
    return "".join(_safe_char(ch) for ch in text)


def hint_text(diag: Diagnostic, lang: str) -> str | None:
    """The finding's hint in `lang`: the Chinese one for zh when the rule gave one, else the English."""
    if lang == "zh":
        return diag.extra.get("hint_zh") or diag.hint
    return diag.hint


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
