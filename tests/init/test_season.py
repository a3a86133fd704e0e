"""The sprint scenario's seasonality and ramp-up: last year's months from the chosen period (hand-computed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.loader import load_text
from salesplan.scaffold import Options, plan_text
from salesplan.scaffold.timeline import Timeline
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode

SHAPE = [70, 40, 80, 70, 75, 100, 65, 65, 90, 60, 85, 130]
TODAY = dt.date(2026, 11, 23)


def test_last_years_months_share_the_total_like_the_shape() -> None:
    q4 = Timeline(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    # 680 x 60/275 = 148.36, x 85/275 = 210.18, x 130/275 = 321.45: the unit left goes to December
    assert q4.seasonal(680, SHAPE) == [("2025-10", 148), ("2025-11", 210), ("2025-12", 322)]
    assert not q4.spring() and q4.season() == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))


@pytest.mark.parametrize(
    ("start", "end", "spring", "season"),
    [
        # the festival on 2026-02-17 after 2025-01-29: moved, whole quarters of history
        ((2026, 1, 1), (2026, 3, 31), True, ((2025, 1, 1), (2025, 3, 31))),
        ((2025, 12, 15), (2026, 2, 10), True, ((2024, 10, 1), (2025, 3, 31))),
        # 2027-02-06 after 2026-02-17: February both years, last year's months are a guide
        ((2027, 1, 1), (2027, 3, 31), False, ((2026, 1, 1), (2026, 3, 31))),
        ((2026, 12, 15), (2027, 2, 10), False, ((2025, 12, 15), (2026, 2, 10))),
        ((2026, 2, 1), (2026, 2, 28), False, ((2025, 2, 1), (2025, 2, 28))),
        ((2024, 3, 15), (2024, 5, 10), False, ((2023, 3, 15), (2023, 5, 10))),
        ((2026, 1, 1), (2026, 12, 31), True, ((2025, 1, 1), (2025, 12, 31))),
    ],
)
def test_spring_periods_take_whole_quarters_of_history(
    start: tuple[int, int, int], end: tuple[int, int, int], spring: bool, season: tuple[tuple[int, int, int], ...]
) -> None:
    timeline = Timeline(dt.date(*start), dt.date(*end))
    assert timeline.spring() is spring
    assert timeline.season() == (dt.date(*season[0]), dt.date(*season[1]))


@given(
    st.dates(dt.date(2001, 1, 1), dt.date(2098, 12, 31)),
    st.integers(27, 365),
    st.integers(0, 10_000),
    st.lists(st.integers(1, 500), min_size=12, max_size=12),
)
def test_the_months_add_up_to_the_total_each_within_one_of_its_quota(
    start: dt.date, days: int, total: int, shape: list[int]
) -> None:
    timeline = Timeline(start, start + dt.timedelta(days=days))
    months = timeline.seasonal(total, shape)
    assert [key for key, _ in months] == timeline.last_year_months()
    assert sum(amount for _, amount in months) == total
    weights = {key: shape[int(key[5:]) - 1] for key, _ in months}
    for key, amount in months:
        assert abs(amount - Fraction(total * weights[key], sum(weights.values()))) < 1


def _exact(node: SplitNode) -> bool:
    return not node.children or (
        sum(c.value for c in node.children) == node.value and all(_exact(c) for c in node.children)
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("period", ["2026-Q4", "2026-07", "2026", "2027-Q1", "2026-02-01..2026-02-28"])
def test_the_sprint_phases_by_last_year_and_ramps_the_new_hire(lang: str, period: str) -> None:
    loaded = load_text(plan_text(Options(scenario="sprint", lang=lang, period=period), TODAY))
    plan = loaded.plan
    assert plan is not None and plan.history is not None and plan.history.period is not None
    timeline = Timeline(plan.plan.period.start, plan.plan.period.end)
    by_month = plan.history.by_month
    assert [str(k) for k in by_month] == timeline.last_year_months()
    assert sum(Decimal(str(v)) for v in by_month.values()) == plan.targets[0].baseline
    levels = [(str(level.by), level.method) for level in plan.targets[0].split]
    phased = [("quarter", "history")] if timeline.spring() else [("month", "history")]
    assert levels[0] == ("rep", "capacity") and levels[1:-1][: len(phased)] == phased
    new = [p for p in plan.team.people if p.start is not None]
    starts = [p.start for p in new if p.start is not None]
    assert len(new) == 1 and plan.plan.period.start < starts[0] <= plan.plan.period.end
    assert [str(share) for share in new[0].ramp or []] == ["30", "60"]
    outcome = split_plan(loaded)
    assert outcome.diagnostics == []
    assert all(_exact(s.root) and s.root.value == s.value for s in outcome.splits)


def test_the_q4_sprint_splits_as_computed_by_hand() -> None:
    loaded = load_text(plan_text(Options(scenario="sprint", lang="en", period="2026-Q4"), TODAY))
    t1 = split_plan(loaded).splits[0]
    reps = {node.part: node for node in t1.root.children}
    # Ruby Yan from 2026-10-24: 31 days at 30%, 30 at 60%, 8 at 100% = 35.3 of 92 days; 150 x 35.3/92 = 57.55
    # 800 x (170, 150, 140, 160, 130, 120, 57.55)/927.55 = 146.62, 129.37, 120.75, 138.00, 112.12, 103.50, 49.64
    assert [reps[r].value for r in ("leon.cheng", "nora.xu", "dong.wei", "daniel.luo", "chuan.qin", "mia.su")] == [
        147,
        129,
        121,
        138,
        112,
        103,
    ]
    assert reps["ruby.yan"].value == 50
    # Leon's 147 like 148:210:322 = 31.99, 45.40, 69.61; the two units left to October and December
    assert [m.value for m in reps["leon.cheng"].children] == [32, 45, 70]
    # Ruby counts from 24 October, each day at her ramp (30% to 11-23, 60% to 12-23, then 100%), as the
    # capacity level counted her: October 8 days x 30% = 2.4 of 8, November 23 x 30% + 7 x 60% = 11.1 of 30,
    # December 23 x 60% + 8 = 21.8 of 31; 148 x 8/31 x 0.3 = 11.46, 210 x 11.1/30 = 77.7, 322 x 21.8/31 =
    # 226.44 -> 50 x (3.6%, 24.6%, 71.7%) = 1.82, 12.31, 35.87: the two units left to December and October
    assert [m.value for m in reps["ruby.yan"].children] == [2, 12, 36]


def test_a_2027_q1_sprint_phases_its_months_like_2026s_since_both_festivals_are_in_february() -> None:
    """2026-02-17 and 2027-02-06: last year's January to March are a guide to this year's, so the
    sprint phases its months by them (no quarter level of one quarter at 100%, no warning)."""
    loaded = load_text(plan_text(Options(scenario="sprint", lang="zh", period="2027-Q1"), TODAY))
    assert loaded.plan is not None and loaded.plan.history is not None
    levels = [(str(level.by), level.method) for level in loaded.plan.targets[0].split]
    assert levels[:2] == [("rep", "capacity"), ("month", "history")]
    months = {str(k): Decimal(str(v)) for k, v in loaded.plan.history.by_month.items()}
    assert list(months) == ["2026-01", "2026-02", "2026-03"]
    outcome = split_plan(loaded)
    assert outcome.diagnostics == []
    first = outcome.splits[0].root.children[0]
    assert months == {"2026-01": 251, "2026-02": 143, "2026-03": 286}
    # 程亮's 147, like last year's 251 : 143 : 286 of 680: 54.26, 30.91, 61.83 -> 54, 31, 62
    assert (first.part, first.value) == ("程亮", 147)
    assert [m.value for m in first.children] == [54, 31, 62]
    assert [m.basis.text("zh") for m in first.children] == ["按去年同期 36.9%", "按去年同期 21.0%", "按去年同期 42.1%"]
