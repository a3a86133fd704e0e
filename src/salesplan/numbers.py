"""The bounds on every number in a plan, shared by the YAML loader and the amount parser.

At most 18 digits before the point and 10 after: every amount, and every sum of them, is then
exact in the 28 significant digits of decimal arithmetic.
"""

from __future__ import annotations

from decimal import Decimal

MAX_DIGITS = 18
MAX_PLACES = 10


def out_of_bounds(value: Decimal) -> str | None:
    """Why `value` is not a number salesplan keeps exactly, or None when it is."""
    if not value.is_finite():
        return "the number must be finite"
    if value.adjusted() >= MAX_DIGITS:
        return f"the number is too large (at most {MAX_DIGITS} digits before the point)"
    places = -int(value.normalize().as_tuple().exponent)
    if places > MAX_PLACES:
        return f"the number has {places} decimal places; salesplan keeps at most {MAX_PLACES}"
    return None
