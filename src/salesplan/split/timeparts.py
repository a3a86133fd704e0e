"""Working days of a period, one holiday calendar per country or territory code.

Working days come from the `holidays` library (CN by default; HK, TW, SG, US …): its weekend, its
public holidays and, for China, the make-up working days (调休) of every year whose official schedule
is published. For a later year the library computes China's statutory holidays but cannot know the
make-up days; such a year is reported as unpublished. The time parts themselves (ids, bounds, keys)
live in `salesplan.periods`, re-exported here for the split's modules.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from salesplan.periods import (
    TIME_KINDS,
    TIME_RANK,
    TimePart,
    days_between,
    normalize_key,
    overlap,
    part_bounds,
    part_days,
    time_key_candidates,
    time_parts,
)

__all__ = [
    "DEFAULT_CALENDAR",
    "TIME_KINDS",
    "TIME_RANK",
    "TimePart",
    "WorkdayCalendar",
    "days_between",
    "normalize_key",
    "overlap",
    "part_bounds",
    "part_days",
    "published_through",
    "time_key_candidates",
    "time_parts",
    "workday_calendar",
]

DEFAULT_CALENDAR = "CN"


def published_through(code: str) -> int | None:
    """The last year whose official schedule of make-up working days the library holds, for a
    calendar that has such days (China's, published yearly by the State Council); None otherwise."""
    if code != "CN":
        return None
    from holidays.countries.china import ChinaStaticHolidays

    return max(ChinaStaticHolidays.special_public_holidays)


class WorkdayCalendar:
    """Working days of [start, end] in one holiday calendar: counts over any sub-range in O(1) from
    prefix sums."""

    def __init__(self, start: dt.date, end: dt.date, code: str = DEFAULT_CALENDAR) -> None:
        import holidays

        self.start = start
        self.code = code
        years = range(start.year, end.year + 1)
        table = holidays.country_holidays(code, years=years)
        last = published_through(code)
        self.unpublished_years: set[int] = {y for y in years if last is not None and y > last}
        prefix = [0]
        for offset in range((end - start).days + 1):
            day = start + dt.timedelta(days=offset)
            prefix.append(prefix[-1] + table.is_working_day(day))
        self._prefix = prefix

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days in [start, end] (clipped to the calendar's range)."""
        first = max(0, (start - self.start).days)
        last = min(len(self._prefix) - 1, (end - self.start).days + 1)
        return self._prefix[last] - self._prefix[first] if last > first else 0


@lru_cache(maxsize=64)
def workday_calendar(start: dt.date, end: dt.date, code: str = DEFAULT_CALENDAR) -> WorkdayCalendar:
    """The calendar of a period, built once per process (it is read-only after construction)."""
    return WorkdayCalendar(start, end, code)
