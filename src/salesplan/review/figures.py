"""A review row's figures from exact integer ratios: 达成率, pacing and gap without a Fraction per node.

A figure is `(numerator, denominator)` of ints, the denominator positive and the pair not reduced
(reducing is what makes `fractions.Fraction` costly over a breakdown of 100,000 parts). `shown`
prints it exactly as `salesplan.numbers.to_decimal` prints the same fraction: the quotient in the
current decimal context, then half up to the places. A quotient of exact integers is correctly
rounded, so it depends on the value only, never on whether the pair was reduced.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from salesplan.numbers import CENTS, TENTHS

Ratio = tuple[int, int]
ZERO: Ratio = (0, 1)


def shown(value: Ratio, places: Decimal = CENTS) -> Decimal:
    """`value` to `places`, half up (`to_decimal` of the same fraction)."""
    numerator, denominator = value
    if numerator % denominator == 0:
        exact = Decimal(numerator // denominator)
    else:
        exact = Decimal(numerator) / Decimal(denominator)
    return exact.quantize(places, rounding=ROUND_HALF_UP)


def percent_of(part: Ratio, whole: Ratio) -> Decimal | None:
    """`part` as percent points of `whole`, to 0.1 (None when `whole` is 0)."""
    if whole[0] == 0:
        return None
    numerator, denominator = part[0] * whole[1] * 100, part[1] * whole[0]
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    return shown((numerator, denominator), TENTHS)


def minus(a: Ratio, b: Ratio) -> Ratio:
    """`a - b`."""
    if a[1] == b[1]:
        return a[0] - b[0], a[1]
    return a[0] * b[1] - b[0] * a[1], a[1] * b[1]
