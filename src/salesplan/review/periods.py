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
