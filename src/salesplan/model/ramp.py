"""Ramp-up (新人爬坡): a new rep sells a share of their capacity in their first months on the team.

`people[].ramp` (else the plan's `team.ramp`) lists the share of each tenure month, counted from the
rep's `start`: month 1 runs from `start` to the day before the same day of the next month (clipped
to a shorter month's last day), month 2 from there, and so on; every later month counts 100%. A rep
without `start` has no tenure to count and is never ramped.

A rep's ramped days in a range are the sum, over their days in it, of the share of that day's tenure
month: 31 days at 30% count 9.3 days. Capacity over a range is capacity per day of the plan period
times these days, so a ramp lowers it exactly (Fractions) and never raises it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesplan.model.plan import Person, Team


@dataclass(frozen=True)
class Ramp:
    """A rep's ramp: the first day of their tenure and the share (0..1) of each of its first months."""

    hire: dt.date
    shares: tuple[Fraction, ...]

    def month_start(self, month: int) -> dt.date:
        """The first day of tenure month `month` + 1 (0: the hire date)."""
        total = self.hire.month - 1 + month
        year, index = self.hire.year + total // 12, total % 12 + 1
        if year > dt.MAXYEAR:
            return dt.date.max
        return dt.date(year, index, min(self.hire.day, calendar.monthrange(year, index)[1]))

    def segments(self) -> list[tuple[dt.date, dt.date | None, Fraction]]:
        """(first day, last day or None for open, share) of each ramped month, then 100% from there."""
        out: list[tuple[dt.date, dt.date | None, Fraction]] = []
        for month, share in enumerate(self.shares):
            first, after = self.month_start(month), self.month_start(month + 1)
            if after == dt.date.max:
                out.append((first, None, share))
                return out
            out.append((first, after - dt.timedelta(days=1), share))
        out.append((self.month_start(len(self.shares)), None, Fraction(1)))
        return out


def ramp_of(person: Person, team: Team) -> Ramp | None:
    """The person's ramp (their own, else the team's), None when they have no start or no ramp."""
    shares = person.ramp if person.ramp is not None else team.ramp
    if shares is None or person.start is None:
        return None
    return Ramp(person.start, tuple(Fraction(s) / 100 for s in shares))


def ramped_days(start: dt.date, end: dt.date, ramp: Ramp | None) -> Fraction:
    """The days of [start, end], each counted at its tenure month's share (days before the hire count 0)."""
    if start > end:
        return Fraction(0)
    if ramp is None:
        return Fraction((end - start).days + 1)
    total = Fraction(0)
    for first, last, share in ramp.segments():
        lo, hi = max(start, first), end if last is None else min(end, last)
        if lo <= hi:
            total += share * ((hi - lo).days + 1)
    return total


def ramp_share(start: dt.date, end: dt.date, ramp: Ramp | None) -> Fraction:
    """The ramped share of [start, end]'s days from the hire date on (1 without a ramp or such days)."""
    if ramp is None:
        return Fraction(1)
    first = max(start, ramp.hire)
    if first > end:
        return Fraction(1)
    return ramped_days(first, end, ramp) / ((end - first).days + 1)
