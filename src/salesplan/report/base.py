"""The one small interface of every renderer, and the helpers they share."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from salesplan.diagnostics import Diagnostic, inert
from salesplan.lint.result import LintResult


@dataclass(frozen=True)
class RenderOptions:
    """`root`: the folder URIs are relative to (the working directory); `color`: ANSI styling."""

    lang: str = "zh"
    color: bool = False
    root: Path = field(default_factory=Path.cwd)


Renderer = Callable[[LintResult, RenderOptions], str]

# plan text in a report is made inert exactly as in every diagnostic line
neutralise = inert


def hint_text(diag: Diagnostic, lang: str) -> str | None:
    """The finding's hint in `lang`: the Chinese one for zh when the rule gave one, else the English."""
    return diag.hint_in(lang)


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
