"""What export had to change to write the plan faithfully, as plain data for `locate` to turn into warnings.

`clean_document` is the one pass every text of a document goes through before any renderer sees
it: characters XML 1.0 forbids become U+FFFD (see `forbidden`). The Excel renderer adds its own
findings (a cell cut at Excel's limit, a number kept as text) while it writes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from openpyxl.utils import get_column_letter

from salesplan import codes
from salesplan.export.forbidden import forbidden_in, xml_safe
from salesplan.export.model import Cell, Column, Document, GanttTask, LegendItem, Quantity, Row, RowStream, Table
from salesplan.i18n import Text, _

# the detail of a number kept as text in a summed column: a total is its exact value, not a SUM formula
SUM_AS_VALUE = _("a total: written as its exact value, not a SUM formula")
PART_OF_SUM = _("the total over it is written as its exact value, not a SUM formula (SUM would skip text)")


@dataclass(frozen=True)
class Finding:
    """One change: its code, the plan text (or number) it concerns, where it shows and a detail
    (the forbidden characters; the text's length before the cut; why a number's total is a value)."""

    code: str
    value: str | Decimal
    where: str
    detail: Text = ""


class _Cleaner:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self._seen: set[str] = set()

    def text(self, text: str, where: str) -> str:
        clean = xml_safe(text)
        if clean is not text and text not in self._seen:
            self._seen.add(text)
            detail = " ".join(forbidden_in(text))
            self.findings.append(Finding(codes.FORBIDDEN_CHARACTER, text, where, detail))
        return clean

    def cell(self, value: Cell, where: str) -> Cell:
        if isinstance(value, str):
            return self.text(value, where)
        if isinstance(value, Quantity) and not value.fmt.unit.isprintable():
            return Quantity(value.value, replace(value.fmt, unit=self.text(value.fmt.unit, where)))
        return value

    def row(self, row: Row, sheet: str, number: int) -> Row:
        cells = row.cells
        for cell in cells:  # the common case first: nothing to clean (one pass, no copies)
            if cell.__class__ is str:
                if not cell.isprintable():
                    break
            elif cell.__class__ is Quantity and not cell.fmt.unit.isprintable():
                break
        else:
            return row
        new = tuple(self.cell(c, f"{sheet}!{get_column_letter(i + 1)}{number}") for i, c in enumerate(cells))
        return Row(new, row.level, row.kind, row.sums, row.tones)

    def table(self, table: Table) -> Table:
        sheet = self.text(table.title, table.title)
        rows: list[Row] | RowStream
        if isinstance(table.rows, RowStream):
            # rows made as they are written: one pass now for the findings, and the cleaning again as
            # they are read only when a row needed it
            needed = False
            for n, row in enumerate(table.rows, start=2):
                needed = self.row(row, sheet, n) is not row or needed
            rows = table.rows.mapped(lambda row, n: self.row(row, sheet, n + 2)) if needed else table.rows
        else:
            rows = [self.row(row, sheet, n) for n, row in enumerate(table.rows, start=2)]
        return replace(
            table,
            title=sheet,
            columns=tuple(self.column(c, sheet, i) for i, c in enumerate(table.columns)),
            rows=rows,
            legend=tuple(LegendItem(item.tone, self.text(item.text, sheet)) for item in table.legend),
            gantt=tuple(self.task(task, sheet) for task in table.gantt),
            notes=tuple(self.text(note, sheet) for note in table.notes),
        )

    def column(self, column: Column, sheet: str, index: int) -> Column:
        where = f"{sheet}!{get_column_letter(index + 1)}1"
        return replace(
            column,
            header=self.text(column.header, where),
            choices=tuple(self.text(choice, where) for choice in column.choices),
        )

    def task(self, task: GanttTask, sheet: str) -> GanttTask:
        return replace(
            task,
            id=self.text(task.id, sheet),
            name=self.text(task.name, sheet),
            section=self.text(task.section, sheet),
            after=tuple(self.text(a, sheet) for a in task.after),
        )


def clean_document(doc: Document) -> tuple[Document, list[Finding]]:
    """`doc` with every text made safe for XML, and a finding for each distinct text that was changed."""
    cleaner = _Cleaner()
    title = cleaner.text(doc.title, "title")
    subtitle = cleaner.text(doc.subtitle, "subtitle")
    tables = [cleaner.table(table) for table in doc.tables]
    return replace(doc, title=title, subtitle=subtitle, tables=tables), cleaner.findings
