"""Stable codes of `salesplan export` and the review workbook (SP080–SP089). Codes are never reused.

All are warnings: the file is still written, with the change made visible in it.
"""

from __future__ import annotations

from salesplan.diagnostics import Diagnostic, Severity, SourceRef

FORBIDDEN_CHARACTER = "SP080"
CELL_TEXT_CUT = "SP081"
NUMBER_AS_TEXT = "SP082"

EXPORT_CODES: dict[str, tuple[str, str]] = {
    FORBIDDEN_CHARACTER: (
        "export-forbidden-character",
        "Plan text holds a character XML 1.0 forbids (a C0 control, U+FFFE/U+FFFF, a lone surrogate); "
        "the export shows U+FFFD (�) in its place.",
    ),
    CELL_TEXT_CUT: (
        "export-cell-text-cut",
        "A text is longer than Excel's 32,767 characters per cell; the cell is cut and ends in …[truncated].",
    ),
    NUMBER_AS_TEXT: (
        "export-number-as-text",
        "A number has more than 15 significant digits, which Excel would round; the cell holds its exact "
        "digits as text, and a total over it is written as its exact value instead of a SUM formula.",
    ),
}


def name(code: str) -> str:
    entry = EXPORT_CODES.get(code)
    return entry[0] if entry else ""


def export_warning(
    code: str,
    source: SourceRef,
    message: str,
    message_zh: str,
    path: tuple[str | int, ...] = (),
    hint: str | None = None,
    hint_zh: str | None = None,
) -> Diagnostic:
    """A warning of the export: its code's name, both languages, located at the plan value."""
    return Diagnostic(
        code=code,
        severity=Severity.WARNING,
        message=message,
        message_zh=message_zh,
        source=source,
        path=path,
        hint=hint,
        hint_zh=hint_zh,
        name=name(code),
    )
