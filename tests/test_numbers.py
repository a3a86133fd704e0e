"""The bounds on every number: why a number is refused, in both languages, from the core catalog."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesplan.numbers import MAX_DIGITS, MAX_PLACES, out_of_bounds


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        ("Infinity", "the number must be finite", "数字必须是有限值"),
        ("NaN", "the number must be finite", "数字必须是有限值"),
        (
            "1" + "0" * MAX_DIGITS,
            "the number is too large (at most 18 digits before the point)",
            "数字太大（整数部分最多 18 位）",
        ),
        (
            "0." + "0" * MAX_PLACES + "1",
            "the number has 11 decimal places; salesplan keeps at most 10",
            "数字有 11 位小数；salesplan 最多保留 10 位",
        ),
    ],
)
def test_a_number_beyond_the_bounds_says_why_in_both_languages(value: str, en: str, zh: str) -> None:
    problem = out_of_bounds(Decimal(value))
    assert problem is not None
    assert (problem.render("en"), problem.render("zh")) == (en, zh)


@pytest.mark.parametrize("value", ["9" * MAX_DIGITS, "0." + "0" * (MAX_PLACES - 1) + "1", "-416.7", "0", "1.2E+3"])
def test_a_number_within_the_bounds_is_kept(value: str) -> None:
    assert out_of_bounds(Decimal(value)) is None
