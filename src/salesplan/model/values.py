"""Value types of plan format 1: exact amounts, percents, risk levels, dates and ids.

Numbers are `Decimal` end to end. Amount strings such as `500万`, `1.2亿`, `3,000元` are read in
the unit of the field they stand in (a target's own unit, else the plan's unit).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema

from salesplan import codes
from salesplan.i18n import Message, _
from salesplan.model.dates import date_problem
from salesplan.model.words import IMPACT, PROBABILITY, character, listing
from salesplan.numbers import (
    AMOUNT_PATTERN,
    MAGNITUDES,
    MAX_DIGITS,
    PercentError,
    out_of_bounds,
    read_amount_text,
    trimmed,
)
from salesplan.numbers import parse_percent as read_percent

# the unit a plan's amounts are read in when its header names none
DEFAULT_UNIT = "万元"
# revenue-like metrics: checked against the team's capacity, compared with history.revenue (同比)
REVENUE_METRICS = ("revenue", "sales", "gmv")
# a unit that starts with one of these counts that many (万元, 亿元, 万人), longest first
UNIT_PREFIXES = ("百万", "千万", "亿", "万", "千")
# a money unit ends in this (元, 万元)
_YUAN = "元"
# amounts with a magnitude, as a hint suggests writing them
_AMOUNT_EXAMPLES = ("500万", "1.2亿")
PERCENT_PATTERN = r"^\s*[+-]?\d+(\.\d+)?\s*%\s*$"
_PERCENT_RE = re.compile(PERCENT_PATTERN)
ID_PATTERN = r"^[^\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+$"

PROBABILITY_LABELS = {
    "low": "low",
    "medium": "medium",
    "high": "high",
    "低": "low",
    "中": "medium",
    "高": "high",
    "较低": "low",
    "较高": "high",
}
IMPACT_LABELS = {
    "minor": "minor",
    "moderate": "moderate",
    "severe": "severe",
    "轻微": "minor",
    "一般": "moderate",
    "严重": "severe",
    "low": "minor",
    "medium": "moderate",
    "high": "severe",
    "低": "minor",
    "中": "moderate",
    "高": "severe",
}


class PlanValueError(ValueError):
    """A value the plan format refuses: `message` says why, in every language (the loader renders it).

    `str()` is the English text (what pydantic quotes). `code` is the diagnostic code when it is not
    the general SP021 invalid-value (a negative amount, a malformed id or date): the loader takes it
    from here, never from the wording.
    """

    def __init__(self, message: Message, code: str = codes.INVALID_VALUE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message.render("en")


def _beyond_bounds(value: str, problem: Message) -> PlanValueError:
    return PlanValueError(_("'{value}': {problem}", value=value[:40], problem=problem))


class RefusedAmount:
    """An amount string refused where the field's unit was known (a model validator scaled it);
    the field's own validator raises `error`, so the finding stays located at the field."""

    def __init__(self, text: str, error: PlanValueError) -> None:
        self.text, self.error = text, error

    def __repr__(self) -> str:
        return repr(self.text)


def unit_multiplier(unit: str | None) -> int:
    """How many base units one of `unit` holds: 万元 -> 10000, 亿元 -> 10^8, 元 -> 1, 家 -> 1, 万人 -> 10000."""
    if not unit:
        return 1
    for prefix in UNIT_PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return MAGNITUDES[prefix]
    return 1


def is_money_unit(unit: str | None) -> bool:
    """元, 万元, 亿元 … (and no unit at all, read as 元): units an amount with `元` may be written in."""
    return not unit or unit.rstrip().endswith(_YUAN) or unit.strip().upper() in ("CNY", "RMB")


def _not_a_number(value: str, unit: str | None, kind: str) -> Message:
    """Why `value` is not read, with examples of the field's own kind: percentages for a share or a %
    field, weights for a weight, counts for a count (家, 个), amounts for money."""
    if kind == "weight":
        return _("'{value}' is not a weight (write e.g. 2, 0.5 or 30%)", value=value)
    if unit is not None and unit.strip() == "%":
        return _("'{value}' is not a percentage (write e.g. 30%, 12.5% or 30)", value=value)
    if unit and not is_money_unit(unit):
        return _("'{value}' is not a number (write e.g. 30, 1,200 or {wan})", value=value, wan=_AMOUNT_EXAMPLES[0])
    return _(
        "'{value}' is not an amount (write e.g. 500, 416.7, {wan} or {yi})",
        value=value,
        wan=_AMOUNT_EXAMPLES[0],
        yi=_AMOUNT_EXAMPLES[1],
    )


def parse_amount(value: Any, unit: str | None = None, *, kind: str = "amount") -> Any:
    """Read a number exactly; strings may carry 万/亿/千 and 元 and are scaled into `unit`.

    `unit` is the unit of the field the value stands in (a target's own unit, else the plan's):
    `1200万` is 1200 in 万元, 0.12 in 亿元, 12000000 in 元, and 12000000 in 家 (a count). Plain
    numbers are already in `unit`. Raises `PlanValueError` for text that is not an amount (its examples
    of the field's `kind`, amount or weight, and unit), for a `元` amount in a unit that is not money
    (家, 个), and for any magnitude in a `%` field.
    """
    if isinstance(value, RefusedAmount):
        raise value.error
    if isinstance(value, bool):
        raise PlanValueError(_("expected a number, got true/false"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # only from a caller that bypassed the loader
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PlanValueError(_("the number must be finite"))
        return value
    if isinstance(value, str):
        read = read_amount_text(value, wide=False)  # the forms AMOUNT_PATTERN, the JSON Schema's, allows
        if read is None:
            raise PlanValueError(_not_a_number(value, unit, kind))
        number, magnitude = read.number, read.magnitude or 1
        if (read.magnitude or read.money) and unit and unit.strip() == "%":
            raise PlanValueError(
                _("'{value}' is an amount, but this value is a percentage (write e.g. 18%)", value=value)
            )
        if read.money and not is_money_unit(unit):
            raise PlanValueError(_("'{value}' is money, but this value is counted in {unit}", value=value, unit=unit))
        if read.magnitude or read.money:
            number = trimmed(number * magnitude / unit_multiplier(unit))
        problem = out_of_bounds(number)
        if problem:
            raise _beyond_bounds(value, problem)
        return number
    return value  # let the Decimal schema report the type error


def parse_percent(value: Any) -> Any:
    """`40%` -> Decimal('40') (read by `salesplan.numbers.parse_percent`, signed: a negative target is
    SP033, reported where it stands); anything else is an amount, plain numbers being percent points already."""
    if is_percent_text(value):
        try:
            return read_percent(value, negative=True)
        except PercentError as exc:
            raise _beyond_bounds(value, exc.message) from None
    return parse_amount(value)


def parse_share(value: Any) -> Any:
    """A percentage field's value (a ramp share, a budget allocation): `30%` or `30`, percent points;
    an amount such as `1.5万` is refused as one."""
    return parse_percent(value) if is_percent_text(value) else parse_amount(value, "%")


def parse_weight(value: Any) -> Any:
    """A weight: a number (`2`, `0.5`) or a percentage (`30%`, its percent points)."""
    return parse_percent(value) if is_percent_text(value) else parse_amount(value, kind="weight")


def is_percent_text(value: Any) -> bool:
    return isinstance(value, str) and bool(_PERCENT_RE.match(value))


def _amount_in_context(value: Any, info: ValidationInfo) -> Any:
    unit = (info.context or {}).get("unit") if info.context else None
    return parse_amount(value, unit)


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PlanValueError(_("must not be negative"), codes.NEGATIVE_VALUE)
    return value


def _date_in(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise PlanValueError(_("expected a date (YYYY-MM-DD) without a time"))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PlanValueError(
                _("'{value}' is not a valid date ({reason})", value=value, reason=date_problem(value)),
                codes.INVALID_DATE,
            ) from None
    raise PlanValueError(_("expected a date (YYYY-MM-DD)"))


def _check_id(value: str) -> str:
    for ch in value:
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Cc", "Cf", "Zl", "Zp", "Zs"):
            raise PlanValueError(
                _("an id must not contain whitespace, control or invisible characters ({name})", name=character(ch)),
                codes.INVALID_ID,
            )
    if not value:
        raise PlanValueError(_("an id must not be empty"), codes.INVALID_ID)
    return value


def _level(labels: dict[str, str], kind: Message) -> Any:
    def label_or_number() -> PlanValueError:
        return PlanValueError(_("{kind} must be a label or 1..5", kind=kind))

    def parse(value: Any) -> Any:
        if isinstance(value, bool):
            raise label_or_number()
        if isinstance(value, (int, Decimal)):
            if value != int(value) or not 1 <= int(value) <= 5:
                raise PlanValueError(_("{kind} as a number must be a whole number from 1 to 5", kind=kind))
            return int(value)
        if isinstance(value, str):
            key = value.strip().lower()
            if key in labels:
                return labels[key]
            if key.isdigit() and 1 <= int(key) <= 5:
                return int(key)
            allowed = listing(sorted(labels))
            raise PlanValueError(
                _("unknown {kind} '{value}' (use {allowed}, or 1..5)", kind=kind, value=value, allowed=allowed)
            )
        raise label_or_number()

    return parse


# numbers bounded as the loader bounds them (an infinity or a 400-digit number fails here too)
_NUMBER_JSON = {"type": "number", "exclusiveMaximum": 10**MAX_DIGITS, "exclusiveMinimum": -(10**MAX_DIGITS)}
_AMOUNT_JSON = {"anyOf": [_NUMBER_JSON, {"type": "string", "pattern": AMOUNT_PATTERN}]}
_PERCENT_JSON = {"anyOf": [_NUMBER_JSON, {"type": "string", "pattern": PERCENT_PATTERN}]}
_DATE_JSON = {"type": "string", "format": "date"}

Amount = Annotated[Decimal, BeforeValidator(_amount_in_context), WithJsonSchema(_AMOUNT_JSON)]
NonNegativeAmount = Annotated[
    Decimal, BeforeValidator(_amount_in_context), AfterValidator(_non_negative), WithJsonSchema(_AMOUNT_JSON)
]
Percent = Annotated[Decimal, BeforeValidator(parse_share), WithJsonSchema(_PERCENT_JSON)]
AmountOrPercent = Annotated[
    Decimal, BeforeValidator(parse_percent), WithJsonSchema({"anyOf": [_AMOUNT_JSON, _PERCENT_JSON]})
]
Weight = Annotated[Decimal, BeforeValidator(parse_weight), WithJsonSchema({"anyOf": [_AMOUNT_JSON, _PERCENT_JSON]})]
PlanDate = Annotated[dt.date, BeforeValidator(_date_in), WithJsonSchema(_DATE_JSON)]


def _ramp_share(value: Decimal) -> Decimal:
    if not 0 <= value <= 100:
        raise PlanValueError(_("a ramp share must be from 0% to 100%"))
    return value


def _ramp_listed(value: list[Decimal]) -> list[Decimal]:
    if not value:
        raise PlanValueError(_("a ramp lists the share of at least one month, e.g. [30%, 60%]"))
    return value


RampShare = Annotated[Decimal, BeforeValidator(parse_share), AfterValidator(_ramp_share), WithJsonSchema(_PERCENT_JSON)]
Ramp = Annotated[list[RampShare], AfterValidator(_ramp_listed)]
Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]


def _check_calendar(value: str) -> str:
    """A holiday calendar is a country or territory code of the `holidays` library (CN, HK, TW, SG, US)."""
    import holidays

    code = value.strip().upper()
    if code not in holidays.list_supported_countries():
        raise PlanValueError(
            _(
                "'{value}' is not a holiday calendar: write a country or territory code such as CN, HK, TW, SG or US",
                value=value,
            )
        )
    return code


Calendar = Annotated[
    str,
    AfterValidator(_check_calendar),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2,3}$", "examples": ["CN", "HK", "TW", "SG", "US"]}),
]

_PROB_JSON = {
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "string", "enum": sorted(PROBABILITY_LABELS)}]
}
_IMPACT_JSON = {
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "string", "enum": sorted(IMPACT_LABELS)}]
}
Probability = Annotated[
    int | Literal["low", "medium", "high"],
    BeforeValidator(_level(PROBABILITY_LABELS, PROBABILITY)),
    WithJsonSchema(_PROB_JSON),
]
Impact = Annotated[
    int | Literal["minor", "moderate", "severe"],
    BeforeValidator(_level(IMPACT_LABELS, IMPACT)),
    WithJsonSchema(_IMPACT_JSON),
]


def to_decimal_or_none(value: Any) -> Decimal | None:
    try:
        return parse_amount(value) if value is not None else None
    except (ValueError, InvalidOperation):
        return None
