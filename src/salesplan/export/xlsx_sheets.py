"""Excel's sheet limits: a table longer than a sheet holds continues on further sheets, header repeated.

Excel (and LibreOffice) open at most 1,048,576 rows and 16,384 columns of a sheet; rows past that
are silently dropped or the file is refused. A table whose rows do not fit is written as several
sheets, `Table`, `Table (2)`, `Table (3)`…, each starting with the header and ending with the table's legend
and notes; a total whose parts lie on another sheet sums them there (`'Table (2)'!C2:C9`). A table
wider than a sheet cannot be continued that way and is refused before anything is written.
"""

from __future__ import annotations

import dataclasses

from salesplan.export.model import Document, Table
from salesplan.export.xlsx_charts import CHART_ROWS
from salesplan.export.xlsx_layout import sum_formula
from salesplan.export.xlsx_text import sheet_title
from salesplan.i18n import _

MAX_ROWS = 1_048_576  # Excel's rows per sheet
MAX_COLUMNS = 16_384  # Excel's columns per sheet (XFD)


class TooWide(Exception):
    """A table has more columns than an Excel sheet holds; `message` names the limit and the way out, in
    every language (`str()` of the error is its English text)."""

    def __init__(self, table: Table) -> None:
        count, limit = format(len(table.columns), ","), format(MAX_COLUMNS, ",")
        self.message = _(
            "table '{title}' has {count} columns; an Excel sheet holds at most {limit}: "
            "leave it out with --tables, or export it as Markdown (--format md)",
            title=table.title,
            count=count,
            limit=limit,
        )
        super().__init__(self.message.render("en"))


def check_width(doc: Document) -> None:
    """Raise TooWide for the first table no Excel sheet can hold."""
    for table in doc.tables:
        if len(table.columns) > MAX_COLUMNS:
            raise TooWide(table)


def extra_rows(table: Table) -> int:
    """Rows appended after the data: legend and notes (`write_extras`) and the charts' blocks
    (`xlsx_charts`), each after a blank row."""
    legend = 2 + len(table.legend) if table.legend else 0
    notes = 1 + len(table.notes) if table.notes else 0
    return legend + notes + chart_rows(table)


def chart_rows(table: Table) -> int:
    """Rows the charts' blocks take (on the table's last sheet only)."""
    return sum(1 + max(CHART_ROWS, 1 + len(chart.categories)) for chart in table.charts)


class Placement:
    """Where each of a table's rows lands: sheet `index // per_sheet`, Excel row `index % per_sheet + 2`."""

    def __init__(self, table: Table, taken: set[str]) -> None:
        self.table = table
        charts = chart_rows(table)
        self.per_sheet = max(1, MAX_ROWS - 1 - (extra_rows(table) - charts))
        count = max(1, -(-len(table.rows) // self.per_sheet))
        if len(table.rows) - (count - 1) * self.per_sheet + charts > self.per_sheet:
            count += 1  # the charts do not fit under the last rows: they take a sheet of their own
        self.titles = [sheet_title(table.title, taken) for _ in range(count)]

    def piece(self, sheet: int) -> Table:
        """The table as sheet `sheet` shows it (the whole table when it fits one sheet)."""
        if len(self.titles) == 1:
            return self.table
        start = sheet * self.per_sheet
        return dataclasses.replace(self.table, rows=list(self.table.rows[start : start + self.per_sheet]))

    def excel_row(self, index: int) -> int:
        return index % self.per_sheet + 2

    def formula(self, sheet: int, letter: str, parts: tuple[int, ...]) -> str | None:
        """`=SUM(...)` over the rows `parts` (table indices) as seen from sheet `sheet`."""
        if len(self.titles) == 1:
            return sum_formula(letter, [i + 2 for i in parts])
        by_sheet: dict[int, list[int]] = {}
        for index in parts:
            by_sheet.setdefault(index // self.per_sheet, []).append(self.excel_row(index))
        here = by_sheet.pop(sheet, [])
        return sum_formula(letter, here, [(self.titles[k], rows) for k, rows in by_sheet.items()])
