"""The plan period: `--period 2026-Q3` (or H1/H2, a year, a month, a date range) or --start/--end.

Init supports periods of 28 to 366 days: long enough to place tasks one after another, short
enough that month and week splits stay readable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from salesplan.scaffold.errors import ScaffoldError

MIN_DAYS = 28
MAX_DAYS = 366

_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[Qq]([1-4])$")
_HALF = re.compile(r"^(\d{4})\s*-?\s*[Hh]([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_RANGE = re.compile(r"^(\S+)\s*(?:\.\.|/|~|至)\s*(\S+)$")
_ZH_QUARTER = ("一", "二", "三", "四")
_ZH_HALF = ("上", "下")
_EN_MONTH = tuple(f"{dt.date(2000, m, 1):%B}" for m in range(1, 13))


@dataclass(frozen=True)
class Period:
    """A plan period with its name in both languages (2026 年第三季度 / Q3 2026)."""

    start: dt.date
    end: dt.date
    label_zh: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def quarter(year: int, q: int) -> Period:
    start = dt.date(year, 3 * q - 2, 1)
    return Period(start, _month_end(year, 3 * q), f"{year} 年第{_ZH_QUARTER[q - 1]}季度", f"Q{q} {year}")


def next_quarter(today: dt.date) -> Period:
    """The calendar quarter after the one `today` is in: plans are made before their period."""
    q = (today.month - 1) // 3 + 1
    return quarter(today.year + q // 4, q % 4 + 1)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ScaffoldError("bad_date", text=text) from None


def from_dates(start: dt.date, end: dt.date) -> Period:
    """A custom period, checked for order and length."""
    if end < start:
        raise ScaffoldError("period_order", start=start, end=end)
    days = (end - start).days + 1
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ScaffoldError("period_length", days=days, low=MIN_DAYS, high=MAX_DAYS)
    zh = f"{start.isoformat()} 至 {end.isoformat()}"
    en = f"{start:%d %b %Y} – {end:%d %b %Y}"
    return Period(start, end, zh, en)


def parse_period(text: str) -> Period:
    """`2026-Q3`, `2026Q3`, `2026-H2`, `2026`, `2026-07` or `2026-07-01..2026-09-30`."""
    value = text.strip()
    if match := _QUARTER.match(value):
        return quarter(int(match[1]), int(match[2]))
    if match := _HALF.match(value):
        year, half = int(match[1]), int(match[2])
        start, end = dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
        return Period(start, end, f"{year} 年{_ZH_HALF[half - 1]}半年", f"H{half} {year}")
    if match := _YEAR.match(value):
        year = int(match[1])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year} 年度", f"FY{year}")
    if (match := _MONTH.match(value)) and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        start = dt.date(year, month, 1)
        return Period(start, _month_end(year, month), f"{year} 年 {month} 月", f"{_EN_MONTH[month - 1]} {year}")
    if match := _RANGE.match(value):
        return from_dates(parse_date(match[1]), parse_date(match[2]))
    raise ScaffoldError("bad_period", text=text)


def resolve_period(period: str | None, start: str | None, end: str | None) -> Period | None:
    """The period the options give, or None when they give none."""
    if period is not None and (start is not None or end is not None):
        raise ScaffoldError("period_and_dates")
    if period is not None:
        return parse_period(period)
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise ScaffoldError("dates_incomplete")
    return from_dates(parse_date(start), parse_date(end))
