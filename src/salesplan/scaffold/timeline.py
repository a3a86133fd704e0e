"""Dates and amounts the templates place, computed here so every plan fits its period and unit.

Templates never do date arithmetic: they ask for `at(0.2)` (the day 20% into the period) and
`before(0.5)` (the day before the middle), so a task ending `before(x)` and its dependant
starting `at(x)` never overlap, whatever the period's length.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from salesplan.periods import month_end

_TEN_THOUSAND = Decimal(10_000)
# the units of money init writes a plan in, under the names a user may give them (words salesplan reads)
UNIT_WORDS = {"万元": "万元", "万": "万元", "wan": "万元", "元": "元", "yuan": "元"}
WAN, YUAN = UNIT_WORDS["wan"], UNIT_WORDS["yuan"]


@dataclass(frozen=True)
class Timeline:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def _offset(self, fraction: float) -> dt.date:
        return self.start + dt.timedelta(days=math.floor(Decimal(str(fraction)) * self.days))

    def at(self, fraction: float) -> dt.date:
        """The day `fraction` of the way into the period (0 = first day), kept inside it."""
        return min(max(self._offset(fraction), self.start), self.end)

    def before(self, fraction: float) -> dt.date:
        """The day before `at(fraction)`; `before(1)` is the last day of the period."""
        return min(max(self._offset(fraction) - dt.timedelta(days=1), self.start), self.end)

    def months(self) -> list[str]:
        """`YYYY-MM` of every month the period touches, in order."""
        out: list[str] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def month_weights(self, first: int, last: int) -> str:
        """A YAML flow mapping month -> whole weight rising from `first` to `last` (a ramp-up)."""
        months = self.months()
        steps = max(len(months) - 1, 1)
        weights = [math.floor(first + (last - first) * i / steps + 0.5) for i in range(len(months))]
        return "{" + ", ".join(f"{m}: {w}" for m, w in zip(months, weights, strict=True)) + "}"

    def last_year(self) -> tuple[dt.date, dt.date]:
        """The same period a year earlier: the basis of `method: history`."""
        return _year_earlier(self.start), _year_earlier(self.end)

    def season(self) -> tuple[dt.date, dt.date]:
        """The span of `history.by_month`: the period a year earlier, widened to whole quarters when
        the months are phased by quarter (`spring`), since a quarter weighs all three of its months."""
        start, end = self.last_year()
        if not self.spring():
            return start, end
        first = dt.date(start.year, start.month - (start.month - 1) % 3, 1)
        last_month = end.month + 2 - (end.month - 1) % 3
        return first, month_end(end.year, last_month)

    def last_year_months(self) -> list[str]:
        """`YYYY-MM` of every month of `season()`: the keys of `history.by_month`."""
        return Timeline(*self.season()).months()

    def seasonal(self, total: int, shape: Sequence[int]) -> list[tuple[str, int]]:
        """Last year's months, `total` shared among them like `shape` (12 weights, January first):
        whole amounts that add up to `total` exactly (largest remainder, ties to the earlier month)."""
        keys = self.last_year_months()
        weights = [shape[int(key[5:]) - 1] for key in keys]
        quotas = [Fraction(total * w, sum(weights)) for w in weights]
        amounts = [math.floor(q) for q in quotas]
        by_remainder = sorted(range(len(keys)), key=lambda i: (-(quotas[i] - amounts[i]), i))
        for i in by_remainder[: total - sum(amounts)]:
            amounts[i] += 1
        return list(zip(keys, amounts, strict=True))

    def spring(self) -> bool:
        """Whether the period's months include January or February among others, in a year whose Spring
        Festival falls in the other month than the year before's: last year's months are then no guide
        to them (the split warns, SP049). When both years hold it in the same month (2026-02-17 and
        2027-02-06), last year's months phase this year's like any others. A year whose festival is not
        known counts as moved."""
        from salesplan.split.spring import spring_festival

        months = self.months()
        if len(months) < 2:
            return False
        for year in sorted({int(m[:4]) for m in months if m[5:] in ("01", "02")}):
            this, last = spring_festival(year), spring_festival(year - 1)
            if this is None or last is None or this.month != last.month:
                return True
        return False

    def workdays_known(self) -> bool:
        """Whether China's official holiday schedule (make-up working days) is published for every
        year of the period."""
        from salesplan.split.timeparts import DEFAULT_CALENDAR, published_through

        last = published_through(DEFAULT_CALENDAR)
        return last is None or self.end.year <= last


def _year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def money(unit: str) -> Callable[[float], str]:
    """`wan(45)` in a template: an amount written in 万元, rendered in the plan's `unit`."""
    scale = _TEN_THOUSAND if unit == YUAN else Decimal(1)

    def wan(amount: float) -> str:
        value = (Decimal(str(amount)) * scale).normalize()
        return format(value, "f")

    return wan
