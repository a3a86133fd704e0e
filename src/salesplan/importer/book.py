"""A workbook's cells, each with the place a diagnostic names (`plan.xlsx:销售目标设定与拆解表!C7`), and the
hidden sheet `salesplan export` writes (`salesplan.export.embed`: marker, language, plan text, row keys).

Cells are read as stored, formulas as their text (`=SUM(C3:C9)`): a total is derived, never input,
so its cached value is never needed. A number cell in a percent format reads as the percent text
Excel shows (`0.18` → `18%`), a float as Excel shows it (15 significant digits).
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from salesplan import codes
from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic, Severity, SourceRef, inert
from salesplan.i18n import Message, _
from salesplan.importer.cells import Formula
from salesplan.numbers import plain
from salesplan.review.cells import excel_number

MAX_CELLS = 2_000_000
HIDDEN = "salesplan"
MARKER = "salesplan-workbook"
SEP = "\t"


def place(file: str, sheet: str, row: int, column: int) -> SourceRef:
    """A cell's place: line = Excel row, col = column number, named `plan.xlsx:销售目标设定与拆解表!C7`."""
    return SourceRef(file, row, column, sheet=sheet)


def location(diag: Diagnostic) -> str:
    """Where a finding sits as people name a cell, `plan.xlsx:销售目标设定与拆解表!C7` (a finding about the
    whole file, or a plan text's, as `file:line:col`)."""
    if diag.source.sheet is None and len(diag.path) == 2 and all(isinstance(p, str) for p in diag.path):
        sheet, cell = diag.path
        return inert(f"{diag.source.file}:{sheet}!{cell}")
    return inert(diag.source.where)


@dataclass
class Sheet:
    title: str
    rows: list[list[Any]] = field(default_factory=list)  # row 1 first; a cell's value as `cell_value` reads it

    def get(self, row: int, column: int) -> Any:
        if row - 1 < len(self.rows) and column - 1 < len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None


@dataclass
class Embedded:
    """What the hidden sheet says: the sheets' language, the plan's text (None: a blank template), each
    mapped sheet's table name and column keys and the keys of its data rows, the words shown."""

    lang: str = "zh"
    unit: str | None = None  # a blank template's unit of amounts
    examples: dict[str, list[str]] = field(default_factory=dict)  # title -> a blank template's example row
    text: str | None = None
    tables: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # title -> (table, columns)
    keys: dict[str, list[str]] = field(default_factory=dict)  # title -> row keys from row 2
    words: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> text


@dataclass
class Book:
    file: str
    sheets: dict[str, Sheet]
    embedded: Embedded | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str = ""  # the workbook's title (document properties)
    inputs: set[tuple[str, int, int]] = field(default_factory=set)  # (sheet, row, column) of each cell read

    def diag(
        self,
        code: str,
        sheet: str,
        row: int,
        column: int,
        message: Message,
        hint: Message | None = None,
        *,
        severity: Severity | None = None,
    ) -> None:
        ref = place(self.file, sheet, row, column)
        cell = (sheet, f"{get_column_letter(column)}{row}")
        self.diagnostics.append(diagnostic(code, ref, message, path=cell, hint=hint, severity=severity))


def cell_value(value: Any, number_format: str | None, data_type: str | None = None) -> Any:
    """A cell as the user sees it: floats to 15 significant digits, percent-formatted numbers as `18%`, a
    formula as a `Formula` (a text that starts with `=` stays a text)."""
    if data_type == "f" and isinstance(value, str):
        return Formula(value)
    if isinstance(value, float):
        value = excel_number(value)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        if "%" in (number_format or ""):
            return f"{plain(Decimal(value) * 100)}%"
    return value


def read_book(data: bytes, file: str) -> tuple[Book | None, list[Diagnostic]]:
    """The workbook's sheets (at most MAX_CELLS cells in all); None and why when openpyxl cannot read it."""
    import openpyxl

    where = SourceRef(file, 1, 1)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds on a damaged or hostile file
        message = _("not a readable xlsx workbook ({error})", error=type(exc).__name__)
        return None, [diagnostic(codes.IMPORT_UNREADABLE, where, message)]
    sheets: dict[str, Sheet] = {}
    count = 0
    try:
        for worksheet in workbook.worksheets:
            sheet = Sheet(worksheet.title)
            for row in worksheet.iter_rows():
                values = [
                    cell_value(c.value, getattr(c, "number_format", None), getattr(c, "data_type", None)) for c in row
                ]
                count += len(values)
                if count > MAX_CELLS:
                    limit = format(MAX_CELLS, ",")
                    too_many = _("the workbook holds more than {count} cells", count=limit)
                    return None, [diagnostic(codes.IMPORT_TOO_LARGE, where, too_many)]
                while values and values[-1] is None:
                    values.pop()
                sheet.rows.append(values)
            while sheet.rows and not sheet.rows[-1]:
                sheet.rows.pop()
            sheets[sheet.title] = sheet
    except Exception as exc:
        message = _("not a readable xlsx workbook ({error})", error=type(exc).__name__)
        return None, [diagnostic(codes.IMPORT_UNREADABLE, where, message)]
    finally:
        workbook.close()
    hidden = sheets.pop(HIDDEN, None)
    book = Book(file, sheets, None, title=str(workbook.properties.title or ""))
    if hidden is not None:
        book.embedded = _embedded(hidden, book)
    return book, []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _embedded(hidden: Sheet, book: Book) -> Embedded | None:
    """The hidden sheet read back; None (and a diagnostic) when it is not salesplan's."""
    if not hidden.rows or _text(hidden.get(1, 1)) != MARKER:
        book.diag(codes.IMPORT_EMBEDDED, HIDDEN, 1, 1, _("the sheet 'salesplan' is not one salesplan wrote"))
        return None
    found = Embedded()
    for number, row in enumerate(hidden.rows, start=1):
        head = [_text(v) for v in row]
        kind = head[0] if head else ""
        if kind == "lang" and len(head) > 1:
            found.lang = head[1] if head[1] in ("zh", "en") else "zh"
        elif kind == "plan":
            found.text = "".join(head[1:])
        elif kind == "plan-base64":
            try:
                found.text = base64.b64decode("".join(head[1:]), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                book.diag(codes.IMPORT_EMBEDDED, HIDDEN, number, 2, _("the embedded plan text is damaged"))
                return None
        elif kind == "sheet" and len(head) > 2:
            found.tables[head[1]] = (head[2], tuple(head[3:]))
        elif kind == "rows" and len(head) > 1:
            joined = "".join(head[2:])
            found.keys[head[1]] = joined.split("\n") if joined else []
        elif kind == "unit" and len(head) > 1:
            found.unit = head[1]
        elif kind == "example" and len(head) > 1:
            found.examples[head[1]] = head[2:]
        elif kind == "word" and len(head) > 3:
            found.words[head[1], head[2]] = head[3]
    return found
