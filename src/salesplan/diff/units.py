"""Amounts of the old plan in the new plan's unit, exactly: 500 万元 is 5000000 元."""

from __future__ import annotations

from decimal import Decimal

from salesplan.model.values import is_money_unit, unit_multiplier
from salesplan.numbers import trimmed

# the magnitudes a unit may start with, as plans write them (words salesplan reads, never prints)
UNIT_PREFIXES = ("百万", "千万", "亿", "万", "千")
MONEY = "money"


def base_unit(unit: str | None) -> str:
    """What a unit counts, without its magnitude: money for 元, 万元, 亿元, CNY or none; 万人 -> 人; 家 -> 家."""
    if is_money_unit(unit):
        return MONEY
    assert unit is not None
    for prefix in UNIT_PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix) :]
    return unit


def comparable(old_unit: str | None, new_unit: str | None) -> bool:
    """Whether an amount in `old_unit` can be stated in `new_unit` (same thing counted, any magnitude)."""
    return base_unit(old_unit) == base_unit(new_unit)


def _power_of_ten(number: int) -> int:
    text = str(number)
    assert text.startswith("1") and set(text[1:]) <= {"0"}, number  # every magnitude salesplan reads is 10^k
    return len(text) - 1


def converter(old_unit: str | None, new_unit: str | None) -> Scale:
    """A function stating amounts of `old_unit` in `new_unit` (identity for the same magnitude)."""
    shift = _power_of_ten(unit_multiplier(old_unit)) - _power_of_ten(unit_multiplier(new_unit))
    return Scale(shift)


class Scale:
    """Multiplies by 10^shift exactly: the coefficient is kept, only the exponent moves."""

    def __init__(self, shift: int) -> None:
        self.shift = shift

    def __call__(self, value: Decimal) -> Decimal:
        return value if self.shift == 0 else trimmed(value.scaleb(self.shift))

    def maybe(self, value: Decimal | None) -> Decimal | None:
        return None if value is None else self(value)
