"""The cells of an exported workbook that salesplan writes but never reads back, checked for edits.

Import reads only the input cells (docs/import.md, What is read); a number or word typed into a derived
cell (拆解逻辑, a part's 责任人, 风险等级, a task's 策略模块, the heat map, the timeline) would be lost
without a word. `derived_edits` compares each visible cell import did not read with the same cell of
the workbook salesplan writes for the embedded plan (`expected`, made by the caller, which may call
the exporter) and warns, SP608 at the cell, where they differ. A cell left empty in the workbook is
not a finding (a workbook exported by an older salesplan may lack a column that is shown now); nor is a
formula (totals are checked where they are read).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.utils import get_column_letter

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.i18n import _
from salesplan.importer.book import HIDDEN, Book
from salesplan.importer.cells import is_formula, text

MAX_FINDINGS = 50  # a re-sorted sheet would otherwise give one finding per cell
WARNING = _("[warning]")  # before a finding that does not stop the import


def derived_edits(book: Book, expected: Book) -> list[Diagnostic]:
    """A warning at each derived cell of `book` whose value differs from `expected`'s (see the module doc)."""
    before = len(book.diagnostics)
    flagged = {d.path for d in book.diagnostics}
    for title, sheet in book.sheets.items():
        other = expected.sheets.get(title)
        if title == HIDDEN or other is None:
            continue
        for row_index, values in enumerate(sheet.rows, start=1):
            for column, value in enumerate(values, start=1):
                if (title, row_index, column) in book.inputs or _empty(value) or is_formula(value):
                    continue
                old = other.get(row_index, column)
                if is_formula(old) or _shown(value) == _shown(old):
                    continue
                if len(book.diagnostics) - before >= MAX_FINDINGS:
                    return book.diagnostics[before:]
                _finding(book, title, row_index, column, value, old, flagged)
    return book.diagnostics[before:]


def _finding(book: Book, title: str, row: int, column: int, value: Any, old: Any, flagged: set[Any]) -> None:
    if (title, f"{get_column_letter(column)}{row}") in flagged:
        return
    message = _(
        "a derived cell, not read: '{value}' is not imported (salesplan writes '{old}' here)",
        value=_shown(value)[:80],
        old=_shown(old)[:80],
    )
    hint = _("edit the cells the import reads (or the plan file); this cell follows on the next export")
    book.diag(codes.IMPORT_TOTAL, title, row, column, message, hint, severity=Severity.WARNING)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    """A cell as compared: its text, a day as its date (a date cell and its text alike)."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return text(value) or ""
