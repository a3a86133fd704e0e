"""Comparing a child's value with its parent's part across units: 元 under 万元 converts exactly."""

from __future__ import annotations

from decimal import Decimal

from salesplan.model.values import UNIT_PREFIXES, unit_multiplier


def base_unit(unit: str) -> str:
    """What a unit counts once its magnitude is taken off: 万元 -> 元, 万人 -> 人, 家 -> 家."""
    unit = unit.strip()
    for prefix in UNIT_PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix) :]
    return unit


def compatible(child: str, parent: str) -> bool:
    """Two units convert into each other when they count the same thing (a percent only into a percent)."""
    return base_unit(child) == base_unit(parent)


def convert(value: Decimal, unit: str, into: str) -> Decimal:
    """`value` in `unit`, expressed exactly in `into` (units a power of ten apart: a shift of the point)."""
    return value.scaleb(_exponent(unit) - _exponent(into))


def _exponent(unit: str) -> int:
    return len(str(unit_multiplier(unit))) - 1
