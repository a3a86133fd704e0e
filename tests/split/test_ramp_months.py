"""Months under a rep of a capacity level follow the rep's ramp; missing history is reported all at once."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.capacity_time import ramp_factors
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.env import TargetEnv
from salesplan.split.timeparts import time_parts

PLAN = """\
salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a}, {id: east-b}]
  people:
    - {id: 李雷, region: east-a, capacity: 120}
    - {id: 韩梅, region: east-a, capacity: 120, start: 2026-08-01, ramp: [30%, 60%]}
"""


def split(targets: str, head: str = PLAN) -> SplitOutcome:
    return split_plan(load_text(head + "targets:\n" + targets, "plan.yaml"))


def _months(outcome: SplitOutcome) -> dict[str, list[int]]:
    assert outcome.diagnostics == []
    region = outcome.splits[0].root.children[0]
    return {rep.part or "": [int(m.value) for m in rep.children] for rep in region.children}


def test_the_default_month_level_under_capacity_follows_the_ramp() -> None:
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: region, parts: [east-a]}\n"
        "      - {by: rep, method: capacity, cap: false}\n"
        "      - {by: month}\n"
    )
    months = _months(split(targets))
    # reps: 李雷 120 x 92/92 = 120, 韩梅 120 x 27.3/92 = 35.61 -> 300 x 120/155.61 = 231.35 and 68.65: 231, 69.
    # 韩梅's months count her ramped days: July 0, August 31 x 30% of 31, September 30 x 60% of 30, so
    # even weights 0 : 0.3 : 0.6 -> 69 x 1/3 = 23, 69 x 2/3 = 46 (unramped, 1:1, it was 35 and 34)
    assert months == {"李雷": [77, 77, 77], "韩梅": [0, 23, 46]}


def test_weights_and_the_basis_say_the_ramp() -> None:
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: region, parts: [east-a]}\n"
        "      - {by: rep, method: capacity, cap: false}\n"
        "      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}\n"
    )
    outcome = split(targets)
    # 韩梅 69 by 0 : 3 x 0.3 : 4 x 0.6 = 0 : 0.9 : 2.4 -> 18.82, 50.18: 19, 50
    assert _months(outcome)["韩梅"] == [0, 19, 50]
    han = outcome.splits[0].root.children[0].children[1]
    assert [m.basis.text("en") for m in han.children][1:] == [
        "by weight 0.9/3.3 (ramp 30%)",
        "by weight 2.4/3.3 (ramp 60%)",
    ]


def test_under_a_rep_level_of_another_method_months_count_days() -> None:
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: region, parts: [east-a]}\n"
        "      - {by: rep, method: even}\n"
        "      - {by: month}\n"
    )
    # 150 each; 韩梅 active from 08-01: 0 : 1 : 1 -> 75, 75 (no capacity level: the ramp is not counted)
    assert _months(split(targets))["韩梅"] == [0, 75, 75]


@settings(max_examples=40, deadline=None)
@given(
    shares=st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=3),
    day=st.integers(min_value=0, max_value=91),
    value=st.integers(min_value=0, max_value=10**7),
)
def test_ramped_months_add_up_and_never_exceed_capacity(shares: list[int], day: int, value: int) -> None:
    start = dt.date(2026, 7, 1) + dt.timedelta(days=day)
    ramp = ", ".join(f"{s}%" for s in shares)
    head = PLAN.replace("start: 2026-08-01, ramp: [30%, 60%]", f"start: {start}, ramp: [{ramp}]")
    targets = (
        f"  - id: T\n    value: {value}\n    split:\n"
        "      - {by: region, parts: [east-a]}\n"
        "      - {by: rep, method: capacity, cap: false}\n"
        "      - {by: month}\n"
    )
    loaded = load_text(head + "targets:\n" + targets, "plan.yaml")
    outcome = split_plan(loaded)
    assert outcome.diagnostics == []
    for rep in outcome.splits[0].root.children[0].children:
        assert sum(m.value for m in rep.children) == rep.value  # every rep's months add up to the rep
    assert loaded.plan is not None
    env = TargetEnv.build(loaded.plan, 0, loaded.source)
    parts = time_parts("month", env.start, env.end)
    factors = ramp_factors(env, 2, "韩梅", parts) or [Fraction(1)] * len(parts)
    for factor, part in zip(factors, parts, strict=True):
        ramped = env.ramped_days("韩梅", part.start, part.end)
        assert 0 <= factor <= 1 and ramped <= env.active_days("韩梅", part.start, part.end)  # ramped <= capacity


def test_every_missing_month_of_every_row_is_reported_at_once() -> None:
    head = PLAN + ("history:\n  by_month:\n    east-a: {2025-07: 10, 2025-09: 30}\n    east-b: {2025-08: 20}\n")
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: region, method: even}\n"
        "      - {by: month, method: history}\n"
    )
    outcome = split(targets, head)
    assert outcome.splits == []
    found = [(d.code, d.path, d.message) for d in outcome.diagnostics]
    # one finding per row and missing month: east-a lacks August, east-b July and September
    assert [(code, path) for code, path, _ in found] == [
        (codes.NO_HISTORY, ("history", "by_month", "east-a")),
        (codes.NO_HISTORY, ("history", "by_month", "east-b")),
        (codes.NO_HISTORY, ("history", "by_month", "east-b")),
    ]
    assert ["month 8" in m for _, _, m in found] == [True, False, False]
    assert ["month 7" in found[1][2], "month 9" in found[2][2]] == [True, True]


def test_missing_months_under_reps_are_reported_once_each() -> None:
    head = PLAN + "history:\n  by_month:\n    east-a: {2025-07: 10, 2025-09: 30}\n    east-b: {2025-08: 20}\n"
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: region, parts: [east-a]}\n"
        "      - {by: rep, method: even}\n"
        "      - {by: month, method: history}\n"
    )
    outcome = split(targets, head)
    # two reps of east-a need its August: one finding, at east-a's row
    assert [(d.code, d.path) for d in outcome.diagnostics] == [(codes.NO_HISTORY, ("history", "by_month", "east-a"))]
    assert "no month 8" in outcome.diagnostics[0].message and outcome.diagnostics[0].line == 12


def test_a_month_level_by_capacity_follows_the_reps_ramped_capacity() -> None:
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: region, parts: [east-a]}\n"
        "      - {by: rep, method: capacity, cap: false}\n"
        "      - {by: month, method: capacity}\n"
    )
    outcome = split(targets)
    # 李雷 231 by his capacity days 31 : 31 : 30 -> 77.84, 77.84, 75.33: 78, 78, 75;
    # 韩梅 69 by her ramped days 0 : 9.3 : 18 -> 23.51, 45.49: 24, 45
    assert _months(outcome) == {"李雷": [78, 78, 75], "韩梅": [0, 24, 45]}
    han = outcome.splits[0].root.children[0].children[1]
    assert [m.basis.text("zh") for m in han.children][1:] == [
        "按产能 9.3/27.3（爬坡 30%）",
        "按产能 18/27.3（爬坡 60%）",
    ]


def test_a_time_level_by_capacity_needs_a_rep_level_above() -> None:
    outcome = split("  - {id: T, value: 300, split: [{by: month, method: capacity}]}\n")
    assert [d.code for d in outcome.diagnostics] == [codes.METHOD_NOT_APPLICABLE] and outcome.splits == []
    assert "only under a rep level" in outcome.diagnostics[0].message
