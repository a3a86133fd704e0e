"""Date ranges of the split's time parts (month `2026-07`, quarter `2026-Q3`, week `2026-W27`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

TIME_LEVELS = ("quarter", "month", "week")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def part_range(level: str, part: str) -> tuple[dt.date, dt.date]:
    """First and last day of a time part, by its id."""
    if level == "month" and (m := _MONTH.match(part)):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if level == "quarter" and (m := _QUARTER.match(part)):
        year, q = int(m[1]), int(m[2])
        last = 3 * q
        return dt.date(year, last - 2, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    if level == "week" and (m := _WEEK.match(part)):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    raise ValueError(f"unknown {level} part '{part}'")


def part_id(level: str, day: dt.date) -> str:
    """The id of the time part of `level` that holds `day`."""
    if level == "month":
        return f"{day.year}-{day.month:02d}"
    if level == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def parts_between(level: str, start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The time parts of `level` that meet [start, end], in order, each with its days clipped to it."""
    out: list[tuple[str, dt.date, dt.date]] = []
    day = start
    while day <= end:
        part = part_id(level, day)
        first, last = part_range(level, part)
        out.append((part, max(first, start), min(last, end)))
        day = last + dt.timedelta(days=1)
    return out
