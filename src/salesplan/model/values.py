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
from salesplan.numbers import MAX_DIGITS, out_of_bounds, trimmed

_MAGNITUDE = {
    "": 1,
    "千": 1000,
    "k": 1000,
    "K": 1000,
    "万": 10**4,
    "w": 10**4,
    "W": 10**4,
    "百万": 10**6,
    "M": 10**6,
    "千万": 10**7,
    "亿": 10**8,
}
_AMOUNT_RE = re.compile(
    r"^\s*(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<mag>百万|千万|千|万|亿|[kKwWM])?\s*"
    r"(?P<cur>元|人民币|RMB|CNY)?\s*$"
)
AMOUNT_PATTERN = r"^\s*[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*(百万|千万|千|万|亿|[kKwWM])?\s*(元|人民币|RMB|CNY)?\s*$"
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
    """A value the plan format refuses, worded in English and Chinese (the loader shows `zh` for --lang zh).

    `code` is the diagnostic code when it is not the general SP021 invalid-value (a negative amount,
    a malformed id or date): the loader takes it from here, never from the wording.
    """

    def __init__(self, message: str, zh: str, code: str = codes.INVALID_VALUE) -> None:
        super().__init__(message)
        self.zh = zh
        self.code = code


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
    for prefix in ("百万", "千万", "亿", "万", "千"):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return _MAGNITUDE[prefix]
    return 1


def is_money_unit(unit: str | None) -> bool:
    """元, 万元, 亿元 … (and no unit at all, read as 元): units an amount with `元` may be written in."""
    return not unit or unit.rstrip().endswith("元") or unit.strip().upper() in ("CNY", "RMB")


def parse_amount(value: Any, unit: str | None = None) -> Any:
    """Read a number exactly; strings may carry 万/亿/千 and 元 and are scaled into `unit`.

    `unit` is the unit of the field the value stands in (a target's own unit, else the plan's):
    `1200万` is 1200 in 万元, 0.12 in 亿元, 12000000 in 元, and 12000000 in 家 (a count). Plain
    numbers are already in `unit`. Raises `PlanValueError` for text that is not an amount, for a
    `元` amount in a unit that is not money (家, 个), and for any magnitude in a `%` field.
    """
    if isinstance(value, RefusedAmount):
        raise value.error
    if isinstance(value, bool):
        raise PlanValueError("expected a number, got true/false", "应为数字，而不是 true/false")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # only from a caller that bypassed the loader
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PlanValueError("the number must be finite", "数字必须是有限值")
        return value
    if isinstance(value, str):
        match = _AMOUNT_RE.match(value)
        if not match:
            raise PlanValueError(
                f"'{value}' is not an amount (write e.g. 500, 416.7, 500万 or 1.2亿)",
                f"'{value}' 不是金额（可写作 500、416.7、500万 或 1.2亿）",
            )
        number = Decimal(match["num"].replace(",", ""))
        magnitude = _MAGNITUDE[match["mag"] or ""]
        if (magnitude != 1 or match["cur"]) and unit and unit.strip() == "%":
            raise PlanValueError(
                f"'{value}' is an amount, but this value is a percentage (write e.g. 18%)",
                f"'{value}' 是金额，但这里的值是百分比（可写作 18%）",
            )
        if match["cur"] and not is_money_unit(unit):
            raise PlanValueError(
                f"'{value}' is money, but this value is counted in {unit}",
                f"'{value}' 是金额，但这里的值以“{unit}”计",
            )
        if magnitude != 1 or match["cur"]:
            number = trimmed(number * magnitude / unit_multiplier(unit))
        problem = out_of_bounds(number)
        if problem:
            raise PlanValueError(f"'{value[:40]}': {problem.render('en')}", f"'{value[:40]}'：{problem.render('zh')}")
        return number
    return value  # let the Decimal schema report the type error


def parse_percent(value: Any) -> Any:
    """`40%` -> Decimal('40'); plain numbers are percent points already."""
    if isinstance(value, str) and _PERCENT_RE.match(value):
        number = Decimal(value.strip().rstrip("%").strip())
        problem = out_of_bounds(number)
        if problem:
            raise PlanValueError(f"'{value[:40]}': {problem.render('en')}", f"'{value[:40]}'：{problem.render('zh')}")
        return number
    return parse_amount(value)


def is_percent_text(value: Any) -> bool:
    return isinstance(value, str) and bool(_PERCENT_RE.match(value))


def _amount_in_context(value: Any, info: ValidationInfo) -> Any:
    unit = (info.context or {}).get("unit") if info.context else None
    return parse_amount(value, unit)


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PlanValueError("must not be negative", "不能为负数", codes.NEGATIVE_VALUE)
    return value


def _date_in(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise PlanValueError("expected a date (YYYY-MM-DD) without a time", "应为日期（YYYY-MM-DD），不带时间")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PlanValueError(
                f"'{value}' is not a valid date (YYYY-MM-DD)",
                f"'{value}' 不是有效的日期（YYYY-MM-DD）",
                codes.INVALID_DATE,
            ) from None
    raise PlanValueError("expected a date (YYYY-MM-DD)", "应为日期（YYYY-MM-DD）")


def _check_id(value: str) -> str:
    for ch in value:
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Cc", "Cf", "Zl", "Zp", "Zs"):
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            raise PlanValueError(
                f"an id must not contain whitespace, control or invisible characters ({name})",
                f"id 不能包含空白、控制或不可见字符（{name}）",
                codes.INVALID_ID,
            )
    if not value:
        raise PlanValueError("an id must not be empty", "id 不能为空", codes.INVALID_ID)
    return value


def _level(labels: dict[str, str], kind: str) -> Any:
    kind_zh = {"probability": "发生概率", "impact": "影响程度"}.get(kind, kind)

    def label_or_number() -> PlanValueError:
        return PlanValueError(f"{kind} must be a label or 1..5", f"{kind_zh}应为标签或 1..5")

    def parse(value: Any) -> Any:
        if isinstance(value, bool):
            raise label_or_number()
        if isinstance(value, (int, Decimal)):
            if value != int(value) or not 1 <= int(value) <= 5:
                raise PlanValueError(
                    f"{kind} as a number must be a whole number from 1 to 5", f"{kind_zh}用数字表示时应为 1 到 5 的整数"
                )
            return int(value)
        if isinstance(value, str):
            key = value.strip().lower()
            if key in labels:
                return labels[key]
            if key.isdigit() and 1 <= int(key) <= 5:
                return int(key)
            allowed = ", ".join(sorted({k for k in labels}))
            raise PlanValueError(
                f"unknown {kind} '{value}' (use {allowed}, or 1..5)",
                f"未知的{kind_zh} '{value}'（可用 {allowed}，或 1..5）",
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
Percent = Annotated[Decimal, BeforeValidator(parse_percent), WithJsonSchema(_PERCENT_JSON)]
AmountOrPercent = Annotated[
    Decimal, BeforeValidator(parse_percent), WithJsonSchema({"anyOf": [_AMOUNT_JSON, _PERCENT_JSON]})
]
PlanDate = Annotated[dt.date, BeforeValidator(_date_in), WithJsonSchema(_DATE_JSON)]
Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]

_PROB_JSON = {
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "string", "enum": sorted(PROBABILITY_LABELS)}]
}
_IMPACT_JSON = {
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "string", "enum": sorted(IMPACT_LABELS)}]
}
Probability = Annotated[
    int | Literal["low", "medium", "high"],
    BeforeValidator(_level(PROBABILITY_LABELS, "probability")),
    WithJsonSchema(_PROB_JSON),
]
Impact = Annotated[
    int | Literal["minor", "moderate", "severe"],
    BeforeValidator(_level(IMPACT_LABELS, "impact")),
    WithJsonSchema(_IMPACT_JSON),
]


def to_decimal_or_none(value: Any) -> Decimal | None:
    try:
        return parse_amount(value) if value is not None else None
    except (ValueError, InvalidOperation):
        return None
