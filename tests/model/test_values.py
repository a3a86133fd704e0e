"""Value types: exact amounts with 万/亿, percents, risk labels, dates, ids."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.loader import load_text
from salesplan.model.values import AMOUNT_PATTERN, PlanValueError, parse_amount, parse_percent, unit_multiplier

REFERENCE = REPO_REFERENCE


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("500万", "万元", Decimal("500")),
        ("1.2亿", "万元", Decimal("12000")),
        ("1.2亿", "元", Decimal("120000000")),
        ("500万元", "元", Decimal("5000000")),
        ("3,000元", "万元", Decimal("0.3")),
        ("416.7", "万元", Decimal("416.7")),
        ("30万", "家", Decimal("300000")),
    ],
)
def test_amount_strings_are_scaled_into_the_unit(text: str, unit: str, expected: Decimal) -> None:
    assert parse_amount(text, unit) == expected


def test_unit_multiplier() -> None:
    assert unit_multiplier("万元") == 10_000
    assert unit_multiplier("亿元") == 10**8
    assert unit_multiplier("元") == 1
    assert unit_multiplier("万") == 1  # a bare 万 is not a unit prefix


def test_percent() -> None:
    assert parse_percent("18%") == Decimal("18")
    assert parse_percent("12.5 %") == Decimal("12.5")


def test_reference_plan_numbers_are_exact() -> None:
    loaded = load_text(REFERENCE.read_text(encoding="utf-8"), "ref.yaml")
    assert loaded.ok, loaded.diagnostics
    plan = loaded.plan
    assert plan is not None
    t1, _t2, t3 = plan.targets
    assert t1.baseline == Decimal("416.7") and isinstance(t1.baseline, Decimal)
    assert t3.value == Decimal("18") and t3.unit == "%" and t3.baseline == Decimal("12")
    assert plan.history is not None
    assert plan.history.revenue["east-b"] == {"device": Decimal("100"), "consumable": Decimal("66.7")}
    assert plan.budget is not None and sum(plan.budget.allocation.values()) == 100
    assert [(r.probability, r.impact) for r in plan.risks] == [("medium", "severe"), ("high", "moderate"), (2, 2)]


def test_amount_strings_in_a_plan_use_the_target_unit() -> None:
    text = (
        REFERENCE.read_text(encoding="utf-8")
        .replace("value: 500\n", "value: 500万\n")
        .replace("budget: 45", "budget: 45万")
    )
    plan = load_text(text, "p.yaml").plan
    assert plan is not None
    assert plan.targets[0].value == Decimal("500")
    assert plan.strategies[0].budget == Decimal("45")


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_yaml_decimals_are_read_from_text(value: Decimal) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("baseline: 416.7", f"baseline: {value:f}")
    loaded = load_text(text, "p.yaml")
    if value < 0:
        assert any(d.code == "SP033" for d in loaded.diagnostics)
    else:
        assert loaded.plan is not None and loaded.plan.targets[0].baseline == value


@pytest.mark.parametrize(
    ("label", "expected"), [("高", "high"), ("中", "medium"), ("低", "low"), ("HIGH", "high"), ("3", 3)]
)
def test_probability_labels(label: str, expected: object) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("probability: medium", f"probability: {label}")
    plan = load_text(text, "p.yaml").plan
    assert plan is not None and plan.risks[0].probability == expected


@pytest.mark.parametrize(("label", "expected"), [("严重", "severe"), ("一般", "moderate"), ("轻微", "minor"), (5, 5)])
def test_impact_labels(label: object, expected: object) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("impact: severe", f"impact: {label}")
    plan = load_text(text, "p.yaml").plan
    assert plan is not None and plan.risks[0].impact == expected


@pytest.mark.parametrize("text", ["¥500", "￥3万", "- 5", ".5万", "１，２００", "5万万", "1,23"])
def test_a_plan_refuses_the_forms_its_schema_does_not_allow(text: str) -> None:
    """A spreadsheet's forms (¥, a sign apart, a leading point, full-width separators) are read in a file of
    actuals, not in a plan: the plan's JSON Schema (AMOUNT_PATTERN) says what check-jsonschema accepts."""
    with pytest.raises(PlanValueError) as refused:
        parse_amount(text, "万元")
    assert refused.value.code == "SP021" and "is not an amount" in str(refused.value)
    assert not re.search(AMOUNT_PATTERN, text)


def test_a_plan_reads_minus_zero_as_zero() -> None:
    assert not parse_amount("-0", "万元").is_signed() and parse_amount("-0万", "元") == 0


@given(st.text(alphabet="0123456789,.+- ¥万亿千kWM元人民币RMB%２，", max_size=10))
def test_a_plan_accepts_exactly_what_its_schema_allows(text: str) -> None:
    allowed = bool(re.search(AMOUNT_PATTERN, text))  # as check-jsonschema matches a pattern
    try:
        parse_amount(text, "元")  # at most 10 characters: always within the bounds
    except PlanValueError as refused:
        assert not allowed, (text, str(refused))
    else:
        assert allowed, text
