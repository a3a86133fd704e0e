"""What the lint renderers share: their signature (`salesplan.rendering`'s interface over a LintResult)."""

from __future__ import annotations

from collections.abc import Callable

from salesplan.diagnostics import Diagnostic, inert
from salesplan.lint.result import LintResult
from salesplan.rendering import RenderOptions, cell_width

Renderer = Callable[[LintResult, RenderOptions], str]

# plan text in a report is made inert exactly as in every diagnostic line
neutralise = inert


def hint_text(diag: Diagnostic, lang: str) -> str | None:
    """The finding's hint in `lang`: the Chinese one for zh when the rule gave one, else the English."""
    return diag.hint_in(lang)


__all__ = ["RenderOptions", "Renderer", "cell_width", "hint_text", "neutralise"]
