"""Largest-remainder (Hamilton) apportionment in exact integer arithmetic.

A whole number of units is shared in proportion to weights: every part gets the floor of its
exact quota `total * w / sum(w)`, and the units left over go one each to the parts with the
largest remainders; ties go to the part with the larger weight, then to the earlier part.
Parts therefore add up to `total` exactly and each is within one unit of its quota.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import lcm


def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """Share `total` units over non-negative integer `weights` (which must not all be 0 unless total is 0)."""
    if total == 0:
        return [0] * len(weights)
    denominator = sum(weights)
    if denominator <= 0:
        raise ValueError("weights must not all be zero")
    floors: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        quotient, remainder = divmod(total * weight, denominator)
        floors.append(quotient)
        remainders.append(remainder)
    left = total - sum(floors)
    if left:
        order = sorted(range(len(weights)), key=lambda i: (-remainders[i], -weights[i], i))
        for i in order[:left]:
            floors[i] += 1
    return floors


def integer_weights(weights: Sequence[Fraction]) -> list[int]:
    """Exact rationals scaled to integers in the same proportion (a common denominator)."""
    return scaled_weights(weights)[0]


def scaled_weights(weights: Sequence[Fraction]) -> tuple[list[int], Fraction]:
    """`integer_weights`, and the exact sum of `weights` (their integers' sum over the common
    denominator: one division where adding the rationals one by one takes one per weight)."""
    common = lcm(*(w.denominator for w in weights)) if weights else 1
    scaled = [w.numerator * (common // w.denominator) for w in weights]
    return scaled, Fraction(sum(scaled), common)


def apportion_fractions(total: int, weights: Sequence[Fraction]) -> list[int]:
    """`apportion` for rational weights."""
    return apportion(total, integer_weights(weights))
