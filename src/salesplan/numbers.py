"""The bounds on every number in a plan, shared by the YAML loader and the amount parser.

At most 18 digits before the point and 10 after: every amount, and every sum of them, is then
exact in the 28 significant digits of decimal arithmetic.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from salesplan.i18n import Message, _

MAX_DIGITS = 18
MAX_PLACES = 10
CENTS = Decimal("0.01")
TENTHS = Decimal("0.1")


def decimal_places(value: Decimal) -> int:
    """Digits after the point a finite `value` needs: 0.125 -> 3, 80.000 -> 0, 8E+1 -> 0."""
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 500, 66.7, 0.5."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def fixed(value: Decimal | None) -> str | None:
    """A Decimal as the JSON outputs write it: its digits in fixed point, as computed (no exponent, its
    places kept: 6.70 stays 6.70); None stays None (null)."""
    return None if value is None else format(value, "f")


def out_of_bounds(value: Decimal) -> Message | None:
    """Why `value` is not a number salesplan keeps exactly, or None when it is."""
    if not value.is_finite():
        return _("the number must be finite")
    if value.adjusted() >= MAX_DIGITS:
        return _("the number is too large (at most {digits} digits before the point)", digits=MAX_DIGITS)
    places = decimal_places(value)
    if places > MAX_PLACES:
        return _(
            "the number has {places} decimal places; salesplan keeps at most {limit}", places=places, limit=MAX_PLACES
        )
    return None


def to_decimal(value: Fraction, places: Decimal = CENTS) -> Decimal:
    """An exact fraction shown to `places` (half up): what review prints for expected values and gaps."""
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator) if value.denominator != 1 else Decimal(value.numerator)
    )
    return exact.quantize(places, rounding=ROUND_HALF_UP)


def trimmed(value: Decimal) -> Decimal:
    """`value` without trailing zeros after the point, never in exponent form: 80.000 -> 80, 0.120 -> 0.12.

    A scaled amount (`0.008亿` read in 万元 is 80.000) then prints, exports and compares exactly as
    the same number written plainly (80)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# a percent written as text: `18%`, `12.5 %`, `-3%` (a plain `18` is 18 percent points too)
PERCENT_PATTERN = r"^\s*[+-]?\d+(\.\d+)?\s*%?\s*$"
_PERCENT_RE = re.compile(PERCENT_PATTERN)


class PercentError(ValueError):
    """A value that is not a percent; `message` says why, in every language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def parse_percent(value: object, *, negative: bool = False) -> Decimal:
    """The one reading of a percent, in percent points: `40`, `Decimal("40")`, `"40%"` and
    `"40 %"` are all 40.

    Bounds, the same for a plan, `salesplan.toml` and the command line: a whole or decimal number
    (never true/false), finite, with at most `MAX_DIGITS` digits before the point and `MAX_PLACES`
    after it (`out_of_bounds`); 0 or more unless `negative` (a plan's own values: a negative
    target is reported where it stands, SP033). A setting may narrow this further (`drop` ≤ 100).
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise PercentError(_('must be a percentage such as 50 or "50%"'))
    if isinstance(value, str):
        if not _PERCENT_RE.match(value):
            raise PercentError(_("must be a percentage such as 50 or \"50%\" (got '{value}')", value=value[:40]))
        value = Decimal(value.strip().rstrip("%").strip())
    number = Decimal(value)
    problem = out_of_bounds(number)
    if problem is not None:
        raise PercentError(problem)
    if number < 0 and not negative:
        raise PercentError(_("must be a percentage of 0 or more (got {value})", value=number))
    return number
