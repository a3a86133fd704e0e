"""An actual value in its target's unit, converted exactly between 元, 万元 and 亿元.

A value may carry its own magnitude or currency (`3万`, `1.2亿`, `30000元`, `¥1,234`), or take the
unit its column's header names (`金额（元）`, `实际(亿元)`); either way it is converted exactly into
the target's unit (3万 is 3 in a 万元 target and 30000 in a 元 target; the cell's own suffix wins
over the header). Thousands separators (`1,234.5`) and full-width digits (`１２３４`) are read.
A target counted in something other than money (家, 个) takes a bare magnitude as the plan file does
(3万 家 is 30,000 customers, 3k is 3,000) and refuses money (`3万元`, `¥3`, a column in 元): that
is a misplaced amount, and salesplan does not guess. A percent target (%) refuses both.

A text cell is read once per distinct text, unit and header unit; a plain number (`1234`, `12.50`)
without the full parser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from salesplan.i18n import Message, Text, _
from salesplan.numbers import CURRENCIES, MAGNITUDES, MAX_PLACES, decimal_places, narrow, read_amount_text
from salesplan.review.cells import excel_number

LIMIT = Decimal(10) ** 15  # larger results are typos (or attacks), not sales
MONEY = {
    **dict.fromkeys(CURRENCIES, 1),
    **{f"{prefix}元": MAGNITUDES[prefix] for prefix in ("千", "万", "百万", "千万", "亿")},
}
MONEY_EXAMPLES = ("元", "万元", "亿元")  # the money units a hint suggests (each one of MONEY)
_PERCENT_RE = re.compile(r"^(?P<num>[+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*%$")


def money_scale(unit: str | None) -> int | None:
    """How many 元 one `unit` holds (万元 -> 10000; a bare 万 in a header means 万元), None if not money."""
    if unit is None:
        return None
    unit = narrow(unit).strip()
    return MONEY.get(unit.upper() if unit.isascii() else unit) or MAGNITUDES.get(unit)


@dataclass(frozen=True)
class Refusal:
    """Why a cell is not a value of its target."""

    reason: Message
    about_unit: bool = False  # the number reads, but not in the target's unit

    @property
    def message(self) -> str:
        """The reason in English."""
        return self.reason.render("en")


def read_value(raw: Any, unit: str | None, column: tuple[str, str] | None = None) -> Decimal | Refusal:
    """`raw` in `unit` (the target's; None when the row's target is unknown, and only the number is
    judged); `column` is (header, unit the header names) when it names one."""
    if isinstance(raw, str):
        return _read_text(raw, unit, column)
    return _read(raw, unit, column)


@functools.lru_cache(maxsize=65536)
def _read_text(raw: str, unit: str | None, column: tuple[str, str] | None) -> Decimal | Refusal:
    return _read(raw, unit, column)


def _read(raw: Any, unit: str | None, column: tuple[str, str] | None) -> Decimal | Refusal:
    shown = "" if raw is None else str(raw)[:60]
    named: Text = _("the target's unit") if unit is None else unit
    number, scale, percent = _number(raw)
    if number is None or not number.is_finite():
        return Refusal(_("'{value}' is not a number in {unit}", value=shown, unit=named))
    target_scale = money_scale(unit)
    if percent and unit != "%":
        return Refusal(
            _("'{value}' is a percent, but the target is counted in {unit}", value=shown, unit=named),
            about_unit=True,
        )
    if scale is None and column is not None:
        header, header_unit = column
        scale = money_scale(header_unit)
        if scale is not None and target_scale is None:
            return Refusal(
                _(
                    "column '{header}' holds money in {header_unit}, but the target is counted in {unit}",
                    header=header,
                    header_unit=header_unit,
                    unit=named,
                ),
                about_unit=True,
            )
        if scale is None and header_unit != unit:
            return Refusal(
                _(
                    "column '{header}' is in {header_unit}, but the target is counted in {unit}",
                    header=header,
                    header_unit=header_unit,
                    unit=named,
                ),
                about_unit=True,
            )
    counted = unit not in (None, "%") and (column is None or money_scale(column[1]) is None)
    if scale is not None and target_scale is None and counted and not _money_text(raw):
        with localcontext() as ctx:
            ctx.prec = 80  # a count times a power of ten, exactly
            return _bounded(number * scale, shown)  # 3万 家: 30,000, as in the plan file
    if scale is not None and target_scale is None:
        return Refusal(
            _(
                "'{value}' is an amount of money, but the target is counted in {unit}: salesplan does not guess",
                value=shown,
                unit=named,
            ),
            about_unit=True,
        )
    if scale is not None and target_scale is not None and scale != target_scale:
        with localcontext() as ctx:
            ctx.prec = 80  # a power of ten divides exactly
            number = number * scale / target_scale
    return _bounded(number, shown)


def _number(raw: Any) -> tuple[Decimal | None, int | None, bool]:
    """The number a cell holds, the 元 its own suffix names (None: no suffix) and whether it is a percent."""
    if raw is None or isinstance(raw, bool):
        return None, None, False
    if isinstance(raw, int):
        return Decimal(raw), None, False
    if isinstance(raw, float):
        return excel_number(raw), None, False
    if isinstance(raw, Decimal):
        return raw, None, False
    if not isinstance(raw, str):
        return None, None, False
    if _plain(raw):
        return Decimal(raw), None, False
    return parse_number_text(raw)


def parse_number_text(raw: str) -> tuple[Decimal | None, int | None, bool]:
    """The full reading of a text amount: signs, separators, ¥, magnitudes (万, 亿, k), 元, percents."""
    text = narrow(raw).strip()
    percent = _PERCENT_RE.match(text)
    if percent is not None:
        return Decimal(percent["num"]), None, True
    read = read_amount_text(text)
    if read is None:
        return None, None, False
    return read.number, read.magnitude or (1 if read.money else None), False


def _money_text(raw: Any) -> bool:
    """Whether a text cell names money of its own (`元`, `人民币`, `RMB`, `¥`), not a bare magnitude (`3万`)."""
    read = read_amount_text(raw) if isinstance(raw, str) else None
    return read is not None and read.money


def _plain(text: str) -> bool:
    """ASCII digits with at most one point and a digit after it (`1234`, `12.50`, `.5`): what `_AMOUNT_RE`
    reads as a bare number, read without it."""
    whole, point, fraction = text.partition(".")
    return text.isascii() and (whole.isdigit() or (whole == "" and point == ".")) and (not point or fraction.isdigit())


def _bounded(number: Decimal, shown: str) -> Decimal | Refusal:
    normal = number.normalize()
    places = decimal_places(normal)
    if abs(number) < LIMIT and places <= MAX_PLACES:
        return normal if places else number.quantize(Decimal(1))
    return Refusal(_("'{value}' is too large or has more than {places} decimal places", value=shown, places=MAX_PLACES))
