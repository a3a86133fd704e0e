"""Expected-to-date of a sum target's nodes on any day, from one bottom-up pass over the breakdown.

A leaf expects its value times the share of its window's days elapsed (see `salesplan.review.engine`),
and a node with parts the sum of its parts'. Leaves that share a window share that share, so a node's
expected value on a day is the sum, over the distinct windows below it, of the window's leaf total
times its elapsed share. That *profile* (window -> total of the leaves covering it) is built once per
node; reading it for the as-of date and for every period bound of the re-planning alerts needs no
second walk of the tree and, for windows wholly past or not begun, no fraction at all.

A rep with a ramp-up (`salesplan.model.ramp`) expects each day at its tenure month's share: their
leaf's window carries the ramp as a third element, and the elapsed share is the ramped days passed
over the ramped days of the window.

Exact: totals are Decimal sums (80 digits hold any sum of plan values), shares Fractions; the result
equals the sum of every leaf's own expected value. `expected_ratio` gives the same value as a pair
of ints, directly for a node of one window (every leaf), so a large breakdown builds no Fraction
per part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Context, Decimal, localcontext
from fractions import Fraction

from salesplan.model.ramp import Ramp, ramped_days
from salesplan.review.figures import Ratio

Window = tuple[dt.date, dt.date] | tuple[dt.date, dt.date, Ramp]  # a ramped rep's window names the ramp
Profile = dict[Window, Decimal]
EXACT = Context(prec=80)  # sums of plan values and of actuals, exactly (see salesplan.review.placing.exact_sum)


def merged(profiles: Iterable[Profile]) -> Profile:
    """The profile of a node whose parts have `profiles`."""
    out: Profile = {}
    add = EXACT.add
    for profile in profiles:
        if not out:
            out = dict(profile)
            continue
        for window, total in profile.items():
            known = out.get(window)
            out[window] = total if known is None else add(known, total)
    return out


def expected_ratio(profile: Profile, day: dt.date) -> Ratio:
    """`expected_on` as (numerator, denominator), not reduced."""
    if len(profile) != 1 or len(next(iter(profile))) != 2:
        value = expected_on(profile, day)
        return value.numerator, value.denominator
    [((start, end, *_), total)] = profile.items()
    if day < start and day < end:
        return 0, 1
    numerator, denominator = total.as_integer_ratio()
    if day >= end:
        return numerator, denominator
    return numerator * ((day - start).days + 1), denominator * ((end - start).days + 1)


def expected_on(profile: Profile, day: dt.date) -> Fraction:
    """The expected value by the end of `day`: Σ total × share of the window elapsed (1 once it ended)."""
    whole = Decimal(0)
    partly = Fraction(0)
    with localcontext() as ctx:
        ctx.prec = 80
        for window, total in profile.items():
            start, end = window[0], window[1]
            if day >= end:
                whole += total
            elif day >= start:
                partly += Fraction(total) * _elapsed(window, day)
    return Fraction(whole) + partly


def _elapsed(window: Window, day: dt.date) -> Fraction:
    """The share of the window passed by the end of `day` (start <= day < end): its days, or its ramped days."""
    start, end = window[0], window[1]
    if len(window) == 2:
        return Fraction((day - start).days + 1, (end - start).days + 1)
    ramp = window[2]
    whole = ramped_days(start, end, ramp)
    if not whole:  # ramped to 0% throughout: nothing is expected before the window ends
        return Fraction(0)
    return ramped_days(start, day, ramp) / whole
