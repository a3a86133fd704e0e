"""The bounds on every number: why a number is refused, in both languages, from the core catalog."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.numbers import MAX_DIGITS, MAX_PLACES, PercentError, fixed, out_of_bounds, parse_percent, plain


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


@pytest.mark.parametrize(
    ("value", "points"),
    [
        (50, Decimal(50)),
        (Decimal("12.5"), Decimal("12.5")),
        ("50", Decimal(50)),
        ("50%", Decimal(50)),
        (" 7.5 % ", Decimal("7.5")),
    ],
)
def test_a_percent_reads_as_percent_points(value: object, points: Decimal) -> None:
    assert parse_percent(value) == points


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (True, 'must be a percentage such as 50 or "50%"', '应为百分比，如 50 或 "50%"'),
        (1.5, 'must be a percentage such as 50 or "50%"', '应为百分比，如 50 或 "50%"'),
        (
            "五成",
            "must be a percentage such as 50 or \"50%\" (got '五成')",
            "应为百分比，如 50 或 \"50%\"（实际为 '五成'）",
        ),
        (
            "500万",
            "must be a percentage such as 50 or \"50%\" (got '500万')",
            "应为百分比，如 50 或 \"50%\"（实际为 '500万'）",
        ),
        ("-5%", "must be a percentage of 0 or more (got -5)", "应为不小于 0 的百分比（实际为 -5）"),
        (Decimal("NaN"), "the number must be finite", "数字必须是有限值"),
        (
            "1" + "0" * MAX_DIGITS + "%",
            "the number is too large (at most 18 digits before the point)",
            "数字太大（整数部分最多 18 位）",
        ),
    ],
)
def test_a_value_that_is_not_a_percent_says_why(value: object, en: str, zh: str) -> None:
    with pytest.raises(PercentError) as raised:
        parse_percent(value)
    assert (raised.value.message.render("en"), raised.value.message.render("zh")) == (en, zh)


def test_a_plan_percent_may_be_negative() -> None:
    assert parse_percent("-5%", negative=True) == Decimal(-5)


@given(st.decimals(min_value=0, max_value=Decimal(10) ** MAX_DIGITS - 1, places=MAX_PLACES, allow_nan=False))
def test_every_way_of_writing_a_percent_reads_the_same(number: Decimal) -> None:
    """The same percent as a number, as text, and as text with `%` (the plan, the file and the command line)."""
    text = f"{number:f}"
    assert (
        parse_percent(number)
        == parse_percent(text)
        == parse_percent(f"{text}%")
        == parse_percent(f"{text} %")
        == number
    )


@pytest.mark.parametrize(
    ("value", "json", "shown"),
    [
        (None, None, None),
        (Decimal("6.70"), "6.70", "6.7"),
        (Decimal("8E+1"), "80", "80"),
        (Decimal("-12.5"), "-12.5", "-12.5"),
        (Decimal("-0.00"), "-0.00", "0"),
        (Decimal("0.000125"), "0.000125", "0.000125"),
    ],
)
def test_fixed_keeps_the_places_plain_drops_them(value: Decimal | None, json: str | None, shown: str | None) -> None:
    assert fixed(value) == json
    assert (None if value is None else plain(value)) == shown


@given(st.decimals(allow_nan=False, allow_infinity=False, places=MAX_PLACES, max_value=10**MAX_DIGITS - 1))
def test_fixed_and_plain_give_the_same_number_back(value: Decimal) -> None:
    json = fixed(value)
    assert json is not None and "E" not in json and Decimal(json) == value
    assert "E" not in plain(value) and Decimal(plain(value)) == value
