"""The renderer-neutral document: tables of typed values, built once and read by every renderer.

Business decisions (which rows, in which order, what sums what, which colour a risk gets) are
made while building these; the Excel and Markdown renderers only lay them out.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, overload

TableName = Literal[
    "breakdown", "crosstab", "execution", "risks", "heatmap", "timeline", "review", "alerts", "spend", "roi"
]
ChartKind = Literal["pie", "bar", "line"]
RowKind = Literal["data", "target", "group", "total", "example"]


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a quantity is shown: its unit as the plan states it (万元, 家, %) and its decimal places."""

    unit: str
    places: int = 0

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in its plan unit (percent points when the unit is %)."""

    value: Decimal
    fmt: NumberFormat


Cell = str | Quantity | dt.date | None


@dataclass(frozen=True)
class Column:
    """A column: its header and hints for laying it out."""

    key: str
    header: str
    choices: tuple[str, ...] = ()  # allowed values, offered as a drop-down in the blank template
    wrap: bool = False  # long free text
    indent: bool = False  # shows the hierarchy (indented by the row's level)
    week: dt.date | None = None  # a timeline column: the Monday it starts


@dataclass(slots=True)
class Row:
    """One row. `sums` lists the rows (indices into the table's rows) whose `sum_column` it totals."""

    cells: tuple[Cell, ...]
    level: int = 0
    kind: RowKind = "data"
    sums: tuple[int, ...] = ()
    tones: tuple[str | None, ...] | None = None  # per cell: a colour key (risk level, strategy module)


class RowStream(Sequence[Row]):
    """Rows made afresh on every pass by `make`, never held together: a table of a million rows read
    by a renderer that needs no row indices (Markdown), at the memory of one row. `count` rows.

    Indexing walks the rows up to the index (meant for a sample at the top, e.g. column widths)."""

    def __init__(self, count: int, make: Callable[[], Iterator[Row]]) -> None:
        self._count = count
        self._make = make

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Row]:
        return self._make()

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return list(self)[index]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return next(itertools.islice(self._make(), index % self._count, None))

    def mapped(self, change: Callable[[Row, int], Row]) -> RowStream:
        """The same rows, each passed through `change(row, position)` as it is made."""
        return RowStream(self._count, lambda: map(change, self._make(), itertools.count()))


@dataclass(frozen=True)
class LegendItem:
    tone: str
    text: str


@dataclass(frozen=True)
class GanttTask:
    """A task on the timeline, for renderers that draw their own calendar (mermaid)."""

    id: str
    name: str
    section: str
    start: dt.date
    end: dt.date
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class ToneRule:
    """A colour that follows the numbers (Excel conditional formatting): the cells of `columns` take
    `tone` while the row's number in `source` is at least `at_least` and below `below` (percent
    points for a percent column; None: unbounded)."""

    tone: str
    source: int
    columns: tuple[int, ...]
    at_least: Decimal | None = None
    below: Decimal | None = None


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[Decimal, ...]


@dataclass(frozen=True)
class Chart:
    """A native chart of a table: pie or bar over `categories` (one value per series each), or lines
    over them (a burn-up). `line_at`: a reference value drawn as a flat line (100% on a rate chart).
    Values are in the table's unit (percent points for `%`)."""

    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    unit: str = ""
    line_at: Decimal | None = None


@dataclass
class Table:
    name: TableName
    title: str
    columns: tuple[Column, ...]
    rows: list[Row] | RowStream = field(default_factory=list)  # a RowStream has no `sums`: Markdown only
    sum_column: int | None = None
    legend: tuple[LegendItem, ...] = ()
    gantt: tuple[GanttTask, ...] = ()
    notes: tuple[str, ...] = ()
    filterable: bool = True
    tone_rules: tuple[ToneRule, ...] = ()
    # more columns the rows' `sums` total, beside `sum_column` (a cross-tab's time parts)
    sum_columns: tuple[int, ...] = ()
    # (first, last, column): `column` holds the SUM of its row from `first` to `last` (a cross-tab's 合计)
    row_total: tuple[int, int, int] | None = None
    grid: bool = False  # borders round every cell: a form people fill in and print
    charts: tuple[Chart, ...] = ()

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


@dataclass
class Document:
    """Everything one export holds, in one language."""

    title: str
    lang: str
    tables: list[Table]
    subtitle: str = ""
    blank: bool = False
