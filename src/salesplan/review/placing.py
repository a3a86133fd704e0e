"""Actuals rows placed in a breakdown: the part of a level a row falls in, which rows count by a date, exact sums.

A sum target's rows are placed as bundles (`bundled`): the rows naming the same parts in the same week
and month fall in the same part of every level and count together, so a million rows of a few
thousand parts are placed as a bundle per part and week, each summed once.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter

from salesplan.periods import TIME_KINDS, part_bounds
from salesplan.review.actuals import ActualRow
from salesplan.review.expect import EXACT


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of actual values. The default context would round past 28 digits; actuals are
    below 10^15 with at most 10 decimal places (the reader refuses others), so 80 digits hold any
    sum of a million of them exactly."""
    return functools.reduce(EXACT.add, values, Decimal(0))


class Bundle(ActualRow):
    """Rows with the same parts (the same `coords` mapping) in the same week and month, all counted by the
    as-of date or all not: one row to place, whose value is their exact sum and whose day (or month) is
    its first row's, which falls in the same part of every time level as each of theirs."""

    __slots__ = ("rows",)

    def __init__(self, first: ActualRow) -> None:
        super().__init__(first.target, first.value, None, first.coords, first.day, first.month)
        self.rows = [first]


def bundled(rows: Iterable[ActualRow], as_of: dt.date) -> list[ActualRow]:
    """`rows` as bundles, in the order of their first rows."""
    found: dict[int, Bundle] = {}
    when: dict[dt.date | str | None, int] = {}  # a day or month -> the number of its (counted, week, month)
    kinds: dict[tuple[bool, str | None, str | None], int] = {}
    for row in rows:
        day = row.day or row.month
        kind = when.get(day)
        if kind is None:
            week = _time_part("week", row.day) if row.day else None
            month = _time_part("month", row.day) if row.day else row.month
            kind = when[day] = kinds.setdefault((dated_by(row, as_of), week, month), len(kinds))
        key = id(row.coords) << 24 | kind  # the reader gives rows of the same parts one mapping
        bundle = found.get(key)
        if bundle is None:
            found[key] = Bundle(row)
        else:
            bundle.rows.append(row)
    value = attrgetter("value")
    for bundle in found.values():
        if len(bundle.rows) > 1:
            bundle.value = exact_sum(map(value, bundle.rows))
    return list(found.values())


def unbundled(rows: list[ActualRow]) -> list[ActualRow]:
    """The rows behind `rows` (bundles or rows): in file order where they are a reader's rows."""
    if not any(isinstance(row, Bundle) for row in rows):
        return rows
    inside = [one for row in rows for one in (row.rows if isinstance(row, Bundle) else [row])]
    return sorted(inside, key=attrgetter("index"))


def dated_by(row: ActualRow, as_of: dt.date) -> bool:
    first = row.first_day()
    return first is None or first <= as_of


def part_of(row: ActualRow, level: str) -> str | None:
    """The part of `level` a row falls in: its id for region/product/rep/account/channel (an account's
    tier for tier, its region when the row names none), the time part holding its day
    (a row with only a month: the month or its quarter, no week); None where the row does not say."""
    if level not in TIME_KINDS:
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
