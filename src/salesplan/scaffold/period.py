"""The plan period: `--period 2026-Q3` (or H1/H2, a year, a month, a date range) or --start/--end.

Init supports periods of 28 to 366 days: long enough to place tasks one after another, short
enough that month and week splits stay readable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from salesplan.i18n import Message, _
from salesplan.periods import month_end, part_bounds
from salesplan.scaffold.errors import ScaffoldError

MIN_DAYS = 28
MAX_DAYS = 366

_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[Qq]([1-4])$")
_HALF = re.compile(r"^(\d{4})\s*-?\s*[Hh]([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_PERIOD_RANGE = re.compile(r"^(\S+)\s*(?:\.\.|/|~|至)\s*(\S+)$")


@dataclass(frozen=True)
class Period:
    """A plan period and its name (Q3 2026, in Chinese 2026 年第三季度)."""

    start: dt.date
    end: dt.date
    name: Message

    def label(self, lang: str) -> str:
        return self.name.render(lang)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def quarter(year: int, q: int) -> Period:
    start, end = part_bounds("quarter", dt.date(year, 3 * q, 1))[1:]
    names = (_("Q1 {year}", year=year), _("Q2 {year}", year=year), _("Q3 {year}", year=year), _("Q4 {year}", year=year))
    return Period(start, end, names[q - 1])


def _half(year: int, half: int) -> Period:
    start, end = dt.date(year, 6 * half - 5, 1), month_end(year, 6 * half)
    return Period(start, end, (_("H1 {year}", year=year), _("H2 {year}", year=year))[half - 1])


def _month(year: int, month: int) -> Period:
    names = (
        _("January {year}", year=year),
        _("February {year}", year=year),
        _("March {year}", year=year),
        _("April {year}", year=year),
        _("May {year}", year=year),
        _("June {year}", year=year),
        _("July {year}", year=year),
        _("August {year}", year=year),
        _("September {year}", year=year),
        _("October {year}", year=year),
        _("November {year}", year=year),
        _("December {year}", year=year),
    )
    return Period(dt.date(year, month, 1), month_end(year, month), names[month - 1])


def _day(day: dt.date) -> Message:
    """A day in a period's name: 03 Jul 2026 (in Chinese 2026-07-03)."""
    fields = {"day": f"{day.day:02d}", "year": day.year}
    names = (
        _("{day} Jan {year}", **fields),
        _("{day} Feb {year}", **fields),
        _("{day} Mar {year}", **fields),
        _("{day} Apr {year}", **fields),
        _("{day} May {year}", **fields),
        _("{day} Jun {year}", **fields),
        _("{day} Jul {year}", **fields),
        _("{day} Aug {year}", **fields),
        _("{day} Sep {year}", **fields),
        _("{day} Oct {year}", **fields),
        _("{day} Nov {year}", **fields),
        _("{day} Dec {year}", **fields),
    )
    return names[day.month - 1]


def next_quarter(today: dt.date) -> Period:
    """The calendar quarter after the one `today` is in: plans are made before their period."""
    q = (today.month - 1) // 3 + 1
    return quarter(today.year + q // 4, q % 4 + 1)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ScaffoldError("bad_date", _("'{text}' is not a valid date (YYYY-MM-DD)", text=text)) from None


def from_dates(start: dt.date, end: dt.date) -> Period:
    """A custom period, checked for order and length."""
    if end < start:
        raise ScaffoldError(
            "period_order", _("the period ends ({end}) before it starts ({start})", start=start, end=end)
        )
    days = (end - start).days + 1
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ScaffoldError(
            "period_length",
            _(
                "the period is {days} days long; init makes plans of {low} to {high} days",
                days=days,
                low=MIN_DAYS,
                high=MAX_DAYS,
            ),
        )
    return Period(start, end, _("{start} – {end}", start=_day(start), end=_day(end)))


def parse_period(text: str) -> Period:
    """`2026-Q3`, `2026Q3`, `2026-H2`, `2026`, `2026-07` or `2026-07-01..2026-09-30`."""
    value = text.strip()
    if match := _QUARTER.match(value):
        return quarter(int(match[1]), int(match[2]))
    if match := _HALF.match(value):
        return _half(int(match[1]), int(match[2]))
    if match := _YEAR.match(value):
        year = int(match[1])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), _("FY{year}", year=year))
    if (match := _MONTH.match(value)) and 1 <= int(match[2]) <= 12:
        return _month(int(match[1]), int(match[2]))
    if match := _PERIOD_RANGE.match(value):
        return from_dates(parse_date(match[1]), parse_date(match[2]))
    raise ScaffoldError(
        "bad_period",
        _(
            "cannot read the period '{text}': write 2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30",
            text=text,
        ),
    )


def resolve_period(period: str | None, start: str | None, end: str | None) -> Period | None:
    """The period the options give, or None when they give none."""
    if period is not None and (start is not None or end is not None):
        raise ScaffoldError("period_and_dates", _("give either --period or --start/--end, not both"))
    if period is not None:
        return parse_period(period)
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise ScaffoldError("dates_incomplete", _("give both --start and --end"))
    return from_dates(parse_date(start), parse_date(end))
