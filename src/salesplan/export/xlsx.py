"""The Excel renderer: one sheet per table, streamed (write-only), styles shared, totals as live SUM formulas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.dimensions import RowDimension

from salesplan import codes
from salesplan.export import xlsx_stream
from salesplan.export.findings import PART_OF_SUM, SUM_AS_VALUE, Finding
from salesplan.export.forbidden import xml_safe
from salesplan.export.model import Document, Quantity, Row, Table
from salesplan.export.xlsx_charts import add_charts
from salesplan.export.xlsx_layout import prepare_sheet, write_extras
from salesplan.export.xlsx_sheets import Placement, chart_rows, check_width, extra_rows
from salesplan.export.xlsx_styles import (
    DATE_FORMAT,
    GENERAL,
    GROUP_FILL,
    HEADER,
    Palette,
    StyleKey,
    display_width,
    number_format,
    row_height,
    workbook_font,
    wrapped_lines,
)
from salesplan.export.xlsx_text import CellText, cell_text

_BOLD_KINDS = frozenset({"target", "group", "total"})
_WRAP_LIMIT = 5000  # bigger sheets skip text wrapping: it would cost a styled cell per text
_MAX_OUTLINE = 7  # Excel's deepest row outline level
MAX_DIGITS = 15  # significant digits Excel keeps of a number; more are kept as text

# a cell's look: (number format, row kind, indent, tone, wrap, forced text, centred, grid)
_Look = tuple[str, str, int, str | None, bool, bool, bool, bool]
# the hidden sheet's rows, from the tables with the titles of their sheets and the rows a sheet holds
Embed = Callable[[list[tuple[Table, list[str], int]]], list[list[str]]]


def render_xlsx(doc: Document, findings: list[Finding] | None = None, embed: Embed | None = None) -> bytes:
    """The document as an .xlsx file's bytes; what had to change to fit Excel is added to `findings`.

    `embed`, given the tables with the titles of their sheets and the rows a sheet holds, makes the
    rows of a very hidden sheet of plain text (what `salesplan import` reads back, `export.embed`).

    All text goes through `xlsx_text` (and so `forbidden.xml_safe`): cells, sheet titles, the page
    header; the document properties take the cleaned text directly. A table longer than a sheet
    continues on further sheets (`xlsx_sheets`); one wider than a sheet raises `xlsx_sheets.TooWide`.
    """
    check_width(doc)
    workbook = Workbook(write_only=True)
    workbook._fonts = IndexedList([workbook_font()])  # the default font: CJK sans in every client
    workbook.properties.title = xml_safe(doc.title)
    workbook.properties.subject = xml_safe(doc.subtitle) or None
    workbook.properties.creator = "salesplan"
    palette: Palette | None = None
    taken: set[str] = set()
    placed: list[tuple[Table, list[str], int]] = []
    for table in doc.tables:
        placement = Placement(table, taken)
        placed.append((table, placement.titles, placement.per_sheet))
        for index, title in enumerate(placement.titles):
            sheet = workbook.create_sheet(title)
            palette = palette or Palette(sheet)
            found = findings if findings is not None else []
            _SheetWriter(sheet, placement, index, palette, doc, found).write()
    if embed is not None:
        _hidden_sheet(workbook, embed(placed))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _hidden_sheet(workbook: Workbook, rows: list[list[str]]) -> None:
    """A very hidden sheet of plain text cells: a text starting with `=` stays text, never a formula."""
    sheet = workbook.create_sheet("salesplan")
    sheet.sheet_state = "veryHidden"
    for values in rows:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)


class _SheetWriter:
    def __init__(
        self, sheet: Any, placement: Placement, index: int, palette: Palette, doc: Document, findings: list[Finding]
    ) -> None:
        self.sheet, self.palette, self.doc, self.findings = sheet, palette, doc, findings
        self.placement, self.index, self.table = placement, index, placement.table
        table = self.table
        self.fits = len(table.rows) <= _WRAP_LIMIT  # text is wrapped and rows sized to it
        # a form's borders round every cell, empty ones too: past the limit a table is a plain list
        self.grid = table.grid and self.fits
        self.indent_columns = frozenset(i for i, c in enumerate(table.columns) if c.indent)
        self.wrap_columns = frozenset(i for i, c in enumerate(table.columns) if c.wrap and self.fits)
        self.summed_columns = frozenset(c for c in (table.sum_column, *table.sum_columns) if c is not None)
        self.widths: list[float] = []
        self.lines: dict[tuple[str, int, int, bool], int] = {}
        self.styles: dict[_Look, Any] = {}
        self.texts: dict[str, CellText] = {}
        # rows whose number in the summed column is kept as text: a SUM over them would skip it
        self.text_sums = frozenset(
            i
            for i, row in enumerate(table.rows)
            if any(_as_text(row.cells[c]) is not None for c in self.summed_columns)
        )
        self.summed = frozenset(i for row in table.rows for i in row.sums)
        self.dimensions: dict[tuple[int, float | None], RowDimension] = {}
        self.height = 0  # wrapped lines of the row being built
        # one cell per column, restyled and refilled for each row: a row is written out during its append
        self.pool = [WriteOnlyCell(sheet) for _ in table.columns]

    def write(self) -> None:
        table, sheet = self.table, self.sheet
        piece = self.placement.piece(self.index)
        first = self.index * self.placement.per_sheet
        self.widths = prepare_sheet(sheet, table, self.doc.title)
        xlsx_stream.install(sheet)
        lang = self.doc.lang
        header = [self.palette.text_cell(sheet, column.header, HEADER, lang) for column in table.columns]
        lines = max(
            (wrapped_lines(c.header, w, True) for c, w in zip(table.columns, self.widths, strict=True)), default=1
        )
        self.append(header, 1, 0, lines)
        for excel_row, row in enumerate(piece.rows, start=2):
            self.height = 1
            cells = self.cells(row, first + excel_row - 2, excel_row)
            self.append(cells, excel_row, row.level, self.height)
        write_extras(sheet, piece, self.palette, self.doc.lang, self.doc.blank)
        if self.index == len(self.placement.titles) - 1:
            add_charts(sheet, table, self.palette, lang, len(piece.rows) + 2 + extra_rows(piece) - chart_rows(piece))

    def append(self, cells: list[Any], excel_row: int, level: int, lines: int) -> None:
        """Append a row; rows stream out as they are appended, so its outline level and height (when it
        holds wrapped lines) are set just for its append."""
        height = row_height(lines) if lines > 1 else None
        if not level and height is None:
            self.sheet.append(cells)
            return
        key = (min(level, _MAX_OUTLINE), height)
        dimension = self.dimensions.get(key)
        if dimension is None:
            dimension = self.dimensions[key] = RowDimension(
                self.sheet, index=0, outlineLevel=key[0] or None, ht=height, customHeight=height is not None
            )
        dimensions = self.sheet.row_dimensions
        dimensions[excel_row] = dimension
        self.sheet.append(cells)
        del dimensions[excel_row]

    def wraps(self, value: str, column: int, indent: int, bold: bool) -> bool:
        """Whether the text is wrapped: in a column of long text, or when it is wider than its cell;
        the row's height grows to its lines."""
        if not self.fits:
            return False
        width = self.widths[column] - 2 * indent
        if column not in self.wrap_columns and display_width(value) * (1.1 if bold else 1) <= width - 1:
            return False
        key = (value, column, indent, bold)
        lines = self.lines.get(key)
        if lines is None:
            lines = self.lines[key] = wrapped_lines(value, width, bold)
        self.height = max(self.height, lines)
        return True

    def where(self, column: int, excel_row: int) -> str:
        return f"{self.sheet.title}!{get_column_letter(column + 1)}{excel_row}"

    def cells(self, row: Row, index: int, excel_row: int) -> list[Any]:
        """The row's cells; `index` is its place in the table, `excel_row` its row on this sheet."""
        grid = self.grid
        # on a form, a subtotal row (it sums others) is emphasised like a group
        kind = "group" if grid and row.sums and row.kind == "data" else row.kind
        plain = kind == "data" and not row.tones and not grid
        bold = kind in _BOLD_KINDS
        out: list[Any] = []
        for column, value in enumerate(row.cells):
            tone = row.tones[column] if row.tones else None
            if isinstance(value, str):
                text, risky = self.text(value, column, excel_row)
                indent = row.level if column in self.indent_columns else 0
                wrap = self.wraps(value, column, indent, bold)
                if plain and not (risky or indent or wrap):
                    out.append(text)
                    continue
                look = (GENERAL, kind, indent, tone, wrap, risky, tone is not None, grid)
                cell = self.styled(column, text, look)
                cell.data_type = "s"  # set after the value: text never becomes a formula
                out.append(cell)
            elif isinstance(value, Quantity):
                out.append(self.quantity(row, column, value, (index, excel_row), kind, tone))
            elif isinstance(value, dt.date):
                out.append(self.styled(column, value, (DATE_FORMAT, kind, 0, tone, False, False, False, grid)))
            elif tone is not None or not plain:
                out.append(self.styled(column, None, (GENERAL, kind, 0, tone, False, False, False, grid)))
            else:
                out.append(None)
        return out

    def quantity(self, row: Row, column: int, value: Quantity, at: tuple[int, int], kind: str, tone: str | None) -> Any:
        """A number cell: exact digits as a number (a live SUM for a total), or as text beyond 15 digits."""
        exact = _as_text(value)
        total = self.table.row_total
        summed = bool(row.sums) and column in self.summed_columns
        index, excel_row = at
        grid = self.grid
        if exact is not None:
            part = column in self.summed_columns and index in self.summed
            detail = SUM_AS_VALUE if summed else PART_OF_SUM if part else ""
            self.findings.append(Finding(codes.NUMBER_AS_TEXT, value.value, self.where(column, excel_row), detail))
            return self.styled(column, exact, (GENERAL, kind, 0, tone, False, True, False, grid))
        look = (number_format(value.fmt), kind, 0, tone, False, False, False, grid)
        formula = None
        if total is not None and column == total[2] and index not in self.text_sums:
            first, last = get_column_letter(total[0] + 1), get_column_letter(total[1] + 1)
            formula = f"=SUM({first}{excel_row}:{last}{excel_row})"
        elif summed and not self.text_sums.intersection(row.sums):
            formula = self.placement.formula(self.index, get_column_letter(column + 1), row.sums)
        return self.styled(column, formula or _Digits(_number(value)), look)

    def text(self, value: str, column: int, excel_row: int) -> tuple[Any, bool]:
        known = self.texts.get(value)
        if known is None:
            known = self.texts[value] = cell_text(value, self.doc.lang)
            if known.cut_from is not None:
                where = self.where(column, excel_row)
                self.findings.append(Finding(codes.CELL_TEXT_CUT, value, where, str(known.cut_from)))
        return known.value, known.risky

    def styled(self, column: int, value: Any, look: _Look) -> Any:
        """The column's pooled cell with the shared style of `look` (set first: a date must not restyle it)."""
        cell = self.pool[column]
        style = self.styles.get(look)
        if style is None:
            style = self.styles[look] = self.palette.style(_style_key(look))
        cell._style = style
        kind = type(value)
        if kind is _Digits:
            # a number's exact digits: openpyxl would write a Decimal through float ("%.16g")
            cell._value, cell.data_type = str(value), "n"
        elif kind is str and not value.startswith("="):
            # text is already clean and within Excel's limit (xlsx_text); the setter would only re-check it
            cell._value, cell.data_type = value, "s"
        else:
            cell.value = value  # formulas, dates (the setter gives them their number format), None
        return cell


def _style_key(look: _Look) -> StyleKey:
    fmt, kind, indent, tone, wrap, as_text, center, grid = look
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
        grid=grid,
        left=grid and fmt in (GENERAL, DATE_FORMAT) and not center,
    )


class _Digits(str):
    """A number's exact decimal digits, written as the cell's value."""


def _number(value: Quantity) -> str:
    """The stored number's digits, never through float: a percent is stored as its fraction (18% -> 0.18)."""
    number = value.value.scaleb(-2) if value.fmt.is_percent else value.value
    return format(number, "f")


def _as_text(value: object) -> str | None:
    """The exact text of a number Excel cannot hold (more than 15 significant digits); None when it can."""
    if not isinstance(value, Quantity):
        return None
    digits = value.value.normalize().as_tuple().digits
    if len(digits) <= MAX_DIGITS:
        return None
    return format(value.value, "f") + ("%" if value.fmt.is_percent else "")
