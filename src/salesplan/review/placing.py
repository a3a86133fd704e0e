"""Actuals rows placed in a breakdown: the part of a level a row falls in, which rows count by a date, exact sums."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from salesplan.review.actuals import ActualRow
from salesplan.review.expect import EXACT
from salesplan.review.periods import TIME_LEVELS
from salesplan.split.timeparts import part_bounds


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of actual values. The default context would round past 28 digits; actuals are
    below 10^15 with at most 10 decimal places (the reader refuses others), so 80 digits hold any
    sum of a million of them exactly."""
    return functools.reduce(EXACT.add, values, Decimal(0))


def dated_by(row: ActualRow, as_of: dt.date) -> bool:
    first = row.first_day()
    return first is None or first <= as_of


def part_of(row: ActualRow, level: str) -> str | None:
    """The part of `level` a row falls in: its id for region/product/rep, the time part holding its day
    (a row with only a month: the month or its quarter, no week); None where the row does not say."""
    if level not in TIME_LEVELS:
        return row.coords.get(level)
    if row.day is not None:
        return _time_part(level, row.day)
    if row.month is not None and level != "week":
        return row.month if level == "month" else f"{row.month[:4]}-Q{(int(row.month[5:]) - 1) // 3 + 1}"
    return None


@functools.lru_cache(maxsize=8192)
def _time_part(level: str, day: dt.date) -> str:
    return part_bounds(level, day)[0]


def recency(row: ActualRow) -> tuple[dt.date, int, int]:
    """A level's latest row is the last by date (undated rows count as earliest), then by file position."""
    return row.first_day() or dt.date.min, row.source.line, row.source.col


def latest_value(rows: list[ActualRow]) -> Fraction:
    """A level's latest value (see `recency`); 0 without rows."""
    return Fraction(max(rows, key=recency).value) if rows else Fraction(0)
