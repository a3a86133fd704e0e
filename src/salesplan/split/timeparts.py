"""Time parts (quarters, months, ISO weeks) of a period, their keys, and working days.

Part ids: quarters `2026-Q3`, months `2026-07`, ISO weeks `2026-W27` (Monday to Sunday, the ISO
year). A part is clipped to the window it is cut from (the plan period, or an outer time part);
`full_days` keeps the length of the whole calendar part, so an edge part knows its share of days.
Working days come from the `holidays` library, one calendar per country or territory code (CN by
default; HK, TW, SG, US …): its weekend, its public holidays and, for China, the make-up working
days (调休) of every year whose official schedule is published. For a later year the library computes
China's statutory holidays but cannot know the make-up days; such a year is reported as unpublished.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass
from functools import lru_cache

TIME_KINDS = ("quarter", "month", "week")
TIME_RANK = {kind: rank for rank, kind in enumerate(TIME_KINDS)}
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class TimePart:
    """One calendar part clipped to a window: [start, end], both inclusive."""

    id: str
    start: dt.date
    end: dt.date
    full_days: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def days_between(start: dt.date, end: dt.date) -> int:
    """Days in [start, end], 0 when the range is empty."""
    return max(0, (end - start).days + 1)


def overlap(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> tuple[dt.date, dt.date]:
    """The intersection of two ranges (empty when start > end)."""
    return max(a_start, b_start), min(a_end, b_end)


def part_bounds(kind: str, day: dt.date) -> tuple[str, dt.date, dt.date]:
    """The id, first and last day of the whole calendar part of `kind` that holds `day`.

    The last day is clipped to `date.max` (a week of 9999-12-31 ends there); `part_days` gives
    a part's full length whatever the clipping."""
    if kind == "quarter":
        q = (day.month - 1) // 3
        last_month = 3 * q + 3
        start = dt.date(day.year, 3 * q + 1, 1)
        return f"{day.year}-Q{q + 1}", start, dt.date(day.year, last_month, monthrange(day.year, last_month)[1])
    if kind == "month":
        start = day.replace(day=1)
        return f"{day.year}-{day.month:02d}", start, day.replace(day=monthrange(day.year, day.month)[1])
    if kind == "week":
        iso = day.isocalendar()
        start = day - dt.timedelta(days=day.weekday())
        end = start + dt.timedelta(days=6) if dt.date.max - start >= dt.timedelta(days=6) else dt.date.max
        return f"{iso.year}-W{iso.week:02d}", start, end
    raise ValueError(f"not a time level: {kind}")


def part_days(kind: str, start: dt.date, end: dt.date) -> int:
    """Days of a whole calendar part from its bounds: 7 for every week, even one clipped at date.max."""
    return 7 if kind == "week" else (end - start).days + 1


@lru_cache(maxsize=4096)
def time_parts(kind: str, start: dt.date, end: dt.date) -> tuple[TimePart, ...]:
    """The parts of `kind` that cover [start, end], clipped to it, in calendar order."""
    parts: list[TimePart] = []
    day = start
    while day <= end:
        ident, full_start, full_end = part_bounds(kind, day)
        clipped_end = min(full_end, end)
        parts.append(TimePart(ident, day, clipped_end, part_days(kind, full_start, full_end)))
        if clipped_end == dt.date.max:
            break
        day = clipped_end + _ONE_DAY
    return tuple(parts)


_QUARTER = re.compile(r"^(?:(\d{4})\s*[-年]?\s*)?[Qq]([1-4])$")
_MONTH = re.compile(r"^(?:(\d{4})\s*[-/年.]\s*)?(\d{1,2})\s*月?$")
_WEEK = re.compile(r"^(?:(\d{4})\s*-?\s*)?[Ww](\d{1,2})$")


def time_key_candidates(kind: str, key: str, ids: list[str]) -> list[str]:
    """The part ids among `ids` that a user's key (`Q3`, `2026-7`, `7月`, `W49`) can mean.

    A key with a year means at most one id; a short key without a year means the part of that
    number in each year of the period (a plan from 2026-12 to 2027-02 has `W49` only in 2026, but
    `W5` only in 2027), so it is ambiguous exactly when the period holds it in two years.
    """
    text = str(key).strip()
    if text in ids:
        return [text]
    pattern = {"quarter": _QUARTER, "month": _MONTH, "week": _WEEK}.get(kind)
    match = pattern.match(text) if pattern else None
    if match is None:
        return []
    year_text, number = match.group(1), int(match.group(2))
    years = [year_text] if year_text else sorted({ident[:4] for ident in ids})
    suffix = {"quarter": f"Q{number}", "month": f"{number:02d}", "week": f"W{number:02d}"}[kind]
    known = set(ids)
    return [ident for year in years if (ident := f"{year}-{suffix}") in known]


def normalize_key(kind: str, key: str, ids: list[str]) -> str:
    """A user's key for a time part as the one part id it means; unchanged when it means none or
    several (the caller reports it, naming the candidates: see `time_key_candidates`)."""
    found = time_key_candidates(kind, key, ids)
    return found[0] if len(found) == 1 else str(key).strip()


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
