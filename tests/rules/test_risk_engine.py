"""The risk scoring engine: defaults, configurable matrix and bands, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.loader import load_plan
from salesplan.model.plan import Plan, Risk
from salesplan.risk import LEVELS, RiskConfig, score_risk, score_risks
from salesplan.risk.config import RiskConfigError

REFERENCE = REPO_REFERENCE


def reference() -> Plan:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    return loaded.plan


def test_reference_register_sorted_by_score() -> None:
    scored = score_risks(reference())
    assert [(s.risk.id, s.probability, s.impact, s.score, s.level) for s in scored] == [
        ("R1", 3, 5, 15, "high"),
        ("R2", 5, 3, 15, "high"),
        ("R3", 2, 2, 4, "low"),
    ]


def test_default_bands() -> None:
    config = RiskConfig()
    assert [config.level(n) for n in (1, 4, 5, 9, 10, 15, 16, 25)] == [
        "low", "low", "medium", "medium", "high", "high", "critical", "critical",
    ]  # fmt: skip


def test_configured_matrix_and_labels() -> None:
    config = RiskConfig(
        size=3,
        probability={"low": 1, "medium": 2, "high": 3},
        impact={"minor": 1, "moderate": 2, "severe": 3},
        bounds={"low": 2, "medium": 4, "high": 6},
    )
    scored = {s.risk.id: s for s in score_risks(reference(), config)}
    assert (scored["R1"].score, scored["R1"].level) == (6, "high")  # medium 2 × severe 3
    assert (scored["R3"].probability, scored["R3"].score) == (2, 4)  # 2 of 1..5 is 1.2 of 1..3, rounded up


def test_numbers_are_placed_proportionally_on_the_matrix() -> None:
    ten = RiskConfig(
        size=10,
        probability={"low": 2, "medium": 6, "high": 10},
        impact={"minor": 2, "moderate": 6, "severe": 10},
        bounds={"low": 16, "medium": 36, "high": 64},
    )
    scored = {s.risk.id: s for s in score_risks(reference(), ten)}
    assert (scored["R3"].probability, scored["R3"].impact, scored["R3"].score, scored["R3"].level) == (4, 4, 16, "low")
    assert (scored["R1"].score, scored["R1"].level) == (60, "high")  # medium 6 × severe 10
    three = RiskConfig(size=3, probability={"low": 1, "medium": 2, "high": 3}, impact={"minor": 1, "moderate": 2,
                       "severe": 3}, bounds={"low": 2, "medium": 4, "high": 6})  # fmt: skip
    assert [score_risk_number(n, three) for n in range(1, 6)] == [1, 2, 2, 3, 3]
    assert [score_risk_number(n, RiskConfig()) for n in range(1, 6)] == [1, 2, 3, 4, 5]


def score_risk_number(number: int, config: RiskConfig) -> int:
    """Where probability `number` lands on `config`'s matrix."""
    risk = Risk(id="R", description="d", probability=number, impact=1)
    return score_risk(risk, 0, config).probability


@pytest.mark.parametrize(
    "kwargs",
    [
        {"size": 1},
        {"probability": {"low": 1, "medium": 3}},
        {"impact": {"minor": 1, "moderate": 3, "severe": 9}},
        {"bounds": {"low": 9, "medium": 4, "high": 15}},
        {"respond_at": "urgent"},
    ],
)
def test_bad_config_is_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(RiskConfigError):
        RiskConfig(**kwargs)  # type: ignore[arg-type]


@given(st.integers(1, 25), st.integers(1, 25))
def test_levels_rise_with_the_score(a: int, b: int) -> None:
    config = RiskConfig()
    low, high = sorted((a, b))
    assert LEVELS.index(config.level(low)) <= LEVELS.index(config.level(high))
