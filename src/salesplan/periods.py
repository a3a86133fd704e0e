"""Time parts of a period (quarters, months, ISO weeks): their ids, their days, users' keys for them.

Part ids: quarters `2026-Q3`, months `2026-07`, ISO weeks `2026-W27` (Monday to Sunday, the ISO
year). A part is clipped to the window it is cut from (the plan period, or an outer time part);
`full_days` keeps the length of the whole calendar part, so an edge part knows its share of days.
This module is the one place that turns part ids into dates and dates into part ids.
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


def month_end(year: int, month: int) -> dt.date:
    """The last day of a calendar month."""
    return dt.date(year, month, monthrange(year, month)[1])


def part_bounds(kind: str, day: dt.date) -> tuple[str, dt.date, dt.date]:
    """The id, first and last day of the whole calendar part of `kind` that holds `day`.

    The last day is clipped to `date.max` (a week of 9999-12-31 ends there); `part_days` gives
    a part's full length whatever the clipping."""
    if kind == "quarter":
        q = (day.month - 1) // 3
        return f"{day.year}-Q{q + 1}", dt.date(day.year, 3 * q + 1, 1), month_end(day.year, 3 * q + 3)
    if kind == "month":
        return f"{day.year}-{day.month:02d}", day.replace(day=1), month_end(day.year, day.month)
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


_ID_FORMS = (
    ("quarter", re.compile(r"^(\d{4})-?[Qq]([1-4])$")),
    ("month", re.compile(r"^(\d{4})-(\d{1,2})$")),
    ("week", re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")),
)


def part_of_id(part: str) -> tuple[str, dt.date, dt.date] | None:
    """The kind, first and last day of a part id (`2026-Q3`, `2026-07`, `2026-W27`; also the
    forms `2026Q3`, `2026-7`, `2026w27`); None for any other text or a part the calendar lacks."""
    for kind, form in _ID_FORMS:
        if match := form.match(part):
            year, number = int(match[1]), int(match[2])
            try:
                if kind == "week":
                    _, start, end = part_bounds(kind, dt.date.fromisocalendar(year, number, 1))
                else:
                    _, start, end = part_bounds(kind, dt.date(year, number * 3 if kind == "quarter" else number, 1))
            except ValueError:
                return None
            return kind, start, end
    return None


def part_range(kind: str, part: str) -> tuple[dt.date, dt.date]:
    """First and last day of a time part of `kind`, by its id; ValueError for any other text."""
    found = part_of_id(part)
    if found is None or found[0] != kind:
        raise ValueError(f"unknown {kind} part '{part}'")
    return found[1], found[2]


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
