"""The bounds on every number in a plan, shared by the YAML loader and the amount parser, and the
one grammar of an amount written as text (`500万`, `1,200元`, `¥3k`), read alike in a plan file and in
a file of actuals or commitments.

At most 18 digits before the point and 10 after: every amount, and every sum of them, is then
exact in the 28 significant digits of decimal arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import NamedTuple

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


# the magnitude words an amount may carry (3万 is 30000), a word before any shorter word it starts with
MAGNITUDES = {
    **{"百万": 10**6, "千万": 10**7, "千": 10**3, "万": 10**4, "亿": 10**8},
    **{"k": 10**3, "K": 10**3, "w": 10**4, "W": 10**4, "M": 10**6},
}
# the words that make an amount money (3000元); a yen sign before the number does too, where it is read
CURRENCIES = ("元", "人民币", "RMB", "CNY")
# full-width ASCII forms and the ideographic space, as spreadsheets write them, and their ASCII twins
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def narrow(text: str) -> str:
    """`text` with full-width ASCII forms and the ideographic space as their ASCII twins."""
    return text.translate(_WIDE)


def _either(words: Iterable[str]) -> str:
    """`words` as alternatives of a pattern, in their order, single ASCII letters as one class: 万|[kK]."""
    letters = [word for word in words if len(word) == 1 and word.isascii()]
    others = [word for word in words if word not in letters]
    return "|".join(others + ([f"[{''.join(letters)}]"] if letters else []))


MAGNITUDE_WORDS = _either(MAGNITUDES)
CURRENCY_WORDS = _either(CURRENCIES)
# the forms a plan file's amount takes (the JSON Schema's pattern, so written for JSON Schema): a sign
# next to its digits, thousands separators, a magnitude word, a currency word
AMOUNT_PATTERN = rf"^\s*[+-]?(\d{{1,3}}(,\d{{3}})+|\d+)(\.\d+)?\s*({MAGNITUDE_WORDS})?\s*({CURRENCY_WORDS})?\s*$"
_PLAN_AMOUNT_RE = re.compile(AMOUNT_PATTERN)
# every form: those, and a sign apart from its digits (- 5), a yen sign (¥1,234), a number without its
# leading zero (.5)
AMOUNT_RE = re.compile(
    r"^\s*(?P<sign>[+-])?\s*(?P<yen>[¥￥])?\s*(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*"
    rf"(?P<mag>{MAGNITUDE_WORDS})?\s*(?P<cur>{CURRENCY_WORDS})?\s*$"
)


class AmountText(NamedTuple):
    """An amount text as the grammar reads it."""

    number: Decimal  # exact, its sign applied (a zero is never negative)
    magnitude: int | None  # what its magnitude word counts (万: 10000), None without one
    money: bool  # it names money: a currency word or a yen sign
    span: tuple[int, int]  # where the number stands in the text, its sign included


def read_amount_text(text: str, *, wide: bool = True) -> AmountText | None:
    """The one reading of an amount written as text, or None when `text` is no amount.

    `wide` reads every form a spreadsheet cell holds (`AMOUNT_RE`, full-width text narrowed first:
    `１，２３４`); without it only the forms of a plan file (`AMOUNT_PATTERN`, what the plan's JSON
    Schema allows). What an amount means in a field (its unit, a refusal) is its reader's policy.
    """
    if wide:
        text = narrow(text)
    elif not _PLAN_AMOUNT_RE.match(text):
        return None
    match = AMOUNT_RE.match(text)
    if match is None:
        return None
    try:
        number = Decimal(match["num"].replace(",", ""))
    except InvalidOperation:
        return None
    if match["sign"] == "-" and number:
        number = number.copy_negate()  # exact, whatever its digits (a unary minus rounds to 28)
    magnitude = MAGNITUDES[match["mag"]] if match["mag"] else None
    start = match.start("sign") if match["sign"] else match.start("num")
    return AmountText(number, magnitude, bool(match["cur"] or match["yen"]), (start, match.end("num")))
