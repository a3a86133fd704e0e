"""The risk scoring engine: defaults, configurable matrix and bands, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.loader import load_plan
from salesplan.model.plan import Plan
from salesplan.risk import LEVELS, RiskConfig, score_risks
from salesplan.risk.config import RiskConfigError

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference-plan.yaml"


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
    assert (scored["R3"].probability, scored["R3"].score) == (2, 4)  # numbers are capped at the matrix edge


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
