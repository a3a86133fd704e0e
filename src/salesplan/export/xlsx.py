"""The Excel renderer: one sheet per table, streamed (write-only), styles shared, totals as live SUM formulas."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension

from salesplan.export import xlsx_stream
from salesplan.export.model import Document, Quantity, Row, Table
from salesplan.export.xlsx_layout import prepare_sheet, sum_formula, write_extras
from salesplan.export.xlsx_styles import (
    DATE_FORMAT,
    GENERAL,
    GROUP_FILL,
    HEADER,
    Palette,
    StyleKey,
    number_format,
    safe_text,
)

_BOLD_KINDS = frozenset({"target", "group", "total"})
_WRAP_LIMIT = 5000  # bigger sheets skip text wrapping: it would cost a styled cell per text
_MAX_OUTLINE = 7  # Excel's deepest row outline level
_MAX_CELL_TEXT = 32_767  # Excel's limit on a cell's text
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

# a cell's look: (number format, row kind, indent, tone, wrap, forced text, centred)
_Look = tuple[str, str, int, str | None, bool, bool, bool]


def render_xlsx(doc: Document) -> bytes:
    """The document as an .xlsx file's bytes."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = doc.title
    workbook.properties.subject = doc.subtitle or None
    workbook.properties.creator = "salesplan"
    palette: Palette | None = None
    for table in doc.tables:
        sheet = workbook.create_sheet(_BAD_SHEET_CHARS.sub("_", table.title)[:31])
        palette = palette or Palette(sheet)
        _SheetWriter(sheet, table, palette, doc).write()
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _SheetWriter:
    def __init__(self, sheet: Any, table: Table, palette: Palette, doc: Document) -> None:
        self.sheet, self.table, self.palette, self.doc = sheet, table, palette, doc
        wrap = len(table.rows) <= _WRAP_LIMIT
        self.indent_columns = frozenset(i for i, c in enumerate(table.columns) if c.indent)
        self.wrap_columns = frozenset(i for i, c in enumerate(table.columns) if c.wrap and wrap)
        self.sum_letter = get_column_letter(table.sum_column + 1) if table.sum_column is not None else ""
        self.styles: dict[_Look, Any] = {}
        self.texts: dict[str, tuple[str, bool]] = {}
        self.outline = {level: RowDimension(sheet, index=0, outlineLevel=level) for level in range(1, 8)}
        # one cell per column, restyled and refilled for each row: a row is written out during its append
        self.pool = [WriteOnlyCell(sheet) for _ in table.columns]

    def write(self) -> None:
        table, sheet = self.table, self.sheet
        prepare_sheet(sheet, table, self.doc.title)
        xlsx_stream.install(sheet)
        sheet.append([self.palette.cell(sheet, column.header, HEADER) for column in table.columns])
        # rows stream out as they are appended, so a row's outline level is set just for its append
        dimensions = sheet.row_dimensions
        for excel_row, row in enumerate(table.rows, start=2):
            cells = self.cells(row)
            if row.level:
                dimensions[excel_row] = self.outline[min(row.level, _MAX_OUTLINE)]
                sheet.append(cells)
                del dimensions[excel_row]
            else:
                sheet.append(cells)
        write_extras(sheet, table, self.palette, self.doc.lang, self.doc.blank)

    def cells(self, row: Row) -> list[Any]:
        kind, table = row.kind, self.table
        plain = kind == "data" and not row.tones
        out: list[Any] = []
        for column, value in enumerate(row.cells):
            tone = row.tones[column] if row.tones else None
            if isinstance(value, str):
                text, risky = self.text(value)
                indent = row.level if column in self.indent_columns else 0
                wrap = column in self.wrap_columns
                if plain and not (risky or indent or wrap):
                    out.append(text)
                    continue
                cell = self.styled(column, text, (GENERAL, kind, indent, tone, wrap, risky, tone is not None))
                cell.data_type = "s"  # set after the value: text never becomes a formula
                out.append(cell)
            elif isinstance(value, Quantity):
                look = (number_format(value.fmt), kind, 0, tone, False, False, False)
                formula = None
                if row.sums and column == table.sum_column:
                    formula = sum_formula(self.sum_letter, [i + 2 for i in row.sums])
                out.append(self.styled(column, formula or _number(value), look))
            elif isinstance(value, dt.date):
                out.append(self.styled(column, value, (DATE_FORMAT, kind, 0, tone, False, False, False)))
            elif tone is not None or not plain:
                out.append(self.styled(column, None, (GENERAL, kind, 0, tone, False, False, False)))
            else:
                out.append(None)
        return out

    def text(self, value: str) -> tuple[str, bool]:
        known = self.texts.get(value)
        if known is None:
            known = self.texts[value] = safe_text(value)
        return known

    def styled(self, column: int, value: Any, look: _Look) -> Any:
        """The column's pooled cell with the shared style of `look` (set first: a date must not restyle it)."""
        cell = self.pool[column]
        style = self.styles.get(look)
        if style is None:
            style = self.styles[look] = self.palette.style(_style_key(look))
        cell._style = style
        kind = type(value)
        if kind is Decimal or kind is int:
            cell._value, cell.data_type = value, "n"  # what the value setter infers, without its type dispatch
        elif kind is str and not value.startswith("="):
            # text is already clean (safe_text); the setter would only re-check it and cap its length
            cell._value, cell.data_type = value[:_MAX_CELL_TEXT], "s"
        else:
            cell.value = value  # formulas, dates (the setter gives them their number format), None
        return cell


def _style_key(look: _Look) -> StyleKey:
    fmt, kind, indent, tone, wrap, as_text, center = look
    return StyleKey(
        number_format=fmt,
        bold=kind in _BOLD_KINDS,
        grey=kind == "example",
        fill=GROUP_FILL if kind == "group" and tone is None else None,
        indent=indent,
        tone=tone,
        wrap=wrap,
        center=center,
        as_text=as_text,
        top_border=kind == "total",
    )


def _number(value: Quantity) -> Decimal:
    return value.value.scaleb(-2) if value.fmt.is_percent else value.value
