"""One row of actuals, resolved to plan ids, that looks up where its cells sit only when asked.

A table of a million rows then holds no position object per row: `source` (where the row starts)
is found through the table's `Places` the first time it is read, and each cell's place (`where`)
every time a diagnostic needs it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from salesplan.diagnostics import SourceRef


class Places(Protocol):
    """Where the cells of a table's rows sit: a row's start, and its cell of a column (None: no such column)."""

    def start(self, index: int) -> SourceRef: ...

    def locate(self, index: int, key: str) -> SourceRef | None: ...


@dataclass(init=False, slots=True)
class ActualRow:
    """One recorded result: its target, value in the target's unit, `coords` (region/product/rep -> id),
    day, or `month` (YYYY-MM) when only the month is known; `strategy` the strategy the result is
    attributed to (for ROI), if the row names one; `places` and `index` locate its cells."""

    target: str
    value: Decimal
    source: SourceRef
    coords: dict[str, str]
    day: dt.date | None
    month: str | None
    strategy: str | None
    places: Places | None = field(repr=False, compare=False)
    index: int = field(repr=False, compare=False)

    def __init__(
        self,
        target: str,
        value: Decimal,
        source: SourceRef | None = None,
        coords: dict[str, str] | None = None,
        day: dt.date | None = None,
        month: str | None = None,
        *,
        places: Places | None = None,
        index: int = 0,
        strategy: str | None = None,
    ) -> None:
        self.target, self.value, self.coords = target, value, {} if coords is None else coords
        self.strategy = strategy
        self.day, self.month, self.places, self.index = day, month, places, index
        if source is not None:
            self.source = source  # else looked up on first use (`__getattr__`)

    def __getattr__(self, name: str) -> SourceRef:
        """Called only for an attribute not set: `source`, found through `places` the first time."""
        if name != "source":
            raise AttributeError(name)
        found = self.places.start(self.index) if self.places is not None else SourceRef("")
        self.source = found
        return found

    def where(self, key: str) -> SourceRef:
        """Where the row's `key` column (region, rep, date...) sits in the file; the row's start otherwise."""
        found = self.places.locate(self.index, key) if self.places is not None else None
        return found or self.source

    def first_day(self) -> dt.date | None:
        return self.day or (dt.date.fromisoformat(f"{self.month}-01") if self.month else None)

    def last_day(self) -> dt.date | None:
        return self.day or (month_end(dt.date.fromisoformat(f"{self.month}-01")) if self.month else None)


def month_end(first: dt.date) -> dt.date:
    following = dt.date(first.year + 1, 1, 1) if first.month == 12 else dt.date(first.year, first.month + 1, 1)
    return following - dt.timedelta(days=1)
