"""Ramp-up (新人爬坡): capacity at each tenure month's share, in the split, SP103 and review (hand-computed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.model.ramp import Ramp, ramp_share, ramped_days
from salesplan.review.engine import Thresholds, review_plan
from salesplan.rules.smart._capacity import capacity_in_target_unit, team_capacity
from salesplan.split.engine import SplitOutcome, split_plan

PLAN = """\
salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a}]
  people:
    - {id: 李雷, region: east-a, capacity: CAP}
    - {id: 韩梅, region: east-a, capacity: 120, start: 2026-08-01, ramp: [30%, 60%]}
targets:
"""

MONTHS_THEN_REPS = (
    "  - id: T\n    value: 390\n    split:\n"
    "      - {by: month, method: explicit, values: {2026-07: 100, 2026-08: 130, 2026-09: 160}}\n"
    "      - {by: rep, method: capacity, cap: false}\n"
)


def split(targets: str, cap: int = 120, plan: str = PLAN) -> SplitOutcome:
    return split_plan(load_text(plan.replace("CAP", str(cap)) + targets, "plan.yaml"))


def test_ramped_days_of_the_worked_example() -> None:
    ramp = Ramp(dt.date(2026, 8, 1), (Fraction(3, 10), Fraction(6, 10)))
    assert ramped_days(dt.date(2026, 8, 1), dt.date(2026, 8, 31), ramp) == Fraction(93, 10)  # 31 × 30%
    assert ramped_days(dt.date(2026, 9, 1), dt.date(2026, 9, 30), ramp) == 18  # 30 × 60%
    assert ramped_days(dt.date(2026, 10, 1), dt.date(2026, 10, 31), ramp) == 31  # month 3: 100%
    assert ramped_days(dt.date(2026, 7, 1), dt.date(2026, 9, 30), ramp) == Fraction(273, 10)  # nothing before hire
    assert ramp_share(dt.date(2026, 7, 1), dt.date(2026, 9, 30), ramp) == Fraction(273, 610)


def test_tenure_months_follow_the_hire_day_clipped_to_short_months() -> None:
    ramp = Ramp(dt.date(2026, 1, 31), (Fraction(0), Fraction(1, 2)))
    assert ramp.month_start(1) == dt.date(2026, 2, 28)
    assert ramp.month_start(2) == dt.date(2026, 3, 31)
    # Jan 31 .. Feb 27 at 0%, Feb 28 .. Mar 30 at 50% (31 days), then 100%
    assert ramped_days(dt.date(2026, 1, 1), dt.date(2026, 3, 31), ramp) == Fraction(31, 2) + 1


def test_what_a_ramped_rep_carries_in_august_and_september() -> None:
    outcome = split(MONTHS_THEN_REPS)
    assert outcome.diagnostics == []
    months = outcome.splits[0].root.children
    carried = [[(rep.part, rep.value) for rep in month.children] for month in months]
    # Jul: 韩梅 not yet on the team; Aug: 120×31 : 120×31×30% = 1 : 0.3 of 130; Sep: 1 : 0.6 of 160
    assert carried == [[("李雷", 100), ("韩梅", 0)], [("李雷", 100), ("韩梅", 30)], [("李雷", 100), ("韩梅", 60)]]
    august, september = months[1].children[1].basis, months[2].children[1].basis
    # 120 × 9.3 / 92 = 12.13 of (120 × 31 + 120 × 9.3) / 92 = 52.57
    assert august.text("zh") == "按产能 12.13/52.57（爬坡 30%）"
    assert august.text("en") == "by capacity 12.13/52.57 (ramp 30%)"
    assert september.text("zh") == "按产能 23.48/62.61（爬坡 60%）"
    assert months[1].children[0].basis.text("zh") == "按产能 40.43/52.57"  # not ramped: no note


def test_over_the_whole_quarter_the_ramp_share_is_of_the_active_days() -> None:
    outcome = split("  - {id: T, value: 300, split: [{by: rep, method: capacity}]}\n", cap=300)
    parts = outcome.splits[0].root.children
    # 韩梅: 120 × 27.3 / 92 = 35.61 of 335.61; active 61 of 92 days, ramped 27.3 of 61 = 44.8%
    assert parts[1].basis.text("zh") == "按产能 35.61/335.61（在岗 61/92 天；爬坡 44.8%）"
    assert [p.value for p in parts] == [268, 32]  # 300 × 35.61/335.61 = 31.83


def test_the_cap_is_the_ramped_capacity() -> None:
    target = "  - {id: T, value: VALUE, split: [{by: rep, method: capacity, cap: true}]}\n"
    # caps: 李雷 100, 韩梅 120 × 27.3/92 = 35.61 -> 36 (unramped she could carry 79.57)
    fits = split(target.replace("VALUE", "136"), cap=100)
    assert fits.diagnostics == []
    assert [p.value for p in fits.splits[0].root.children] == [100, 36]
    over = split(target.replace("VALUE", "137"), cap=100)
    assert [d.code for d in over.diagnostics] == [codes.OVER_CAPACITY]
    assert "135.61" in over.diagnostics[0].message


def test_a_team_ramp_applies_to_reps_with_a_start_and_no_ramp_of_their_own() -> None:
    plan = PLAN.replace("ramp: [30%, 60%]}", "}").replace("team:\n", "team:\n  ramp: [30%, 60%]\n")
    outcome = split(MONTHS_THEN_REPS, plan=plan)
    months = outcome.splits[0].root.children
    assert [rep.value for rep in months[1].children] == [100, 30]  # 李雷 has no start: never ramped


def test_a_rep_leaving_mid_period_counts_to_the_last_day() -> None:
    plan = PLAN.replace("start: 2026-08-01, ramp: [30%, 60%]", "end: 2026-08-15")
    outcome = split("  - {id: T, value: 152, split: [{by: rep, method: capacity}]}\n", cap=92, plan=plan)
    # 李雷 92 × 92/92 ; 韩梅 120 × 46/92 = 60 (Jul 31 days + Aug 1..15 = 46 days), both at their caps
    assert outcome.diagnostics == []
    assert [p.value for p in outcome.splits[0].root.children] == [92, 60]
    assert outcome.splits[0].root.children[1].basis.text("en").startswith("by capacity 60/152 (active 46/92 days")


def test_sp103_counts_the_ramped_capacity() -> None:
    loaded = load_text(PLAN.replace("CAP", "100") + "  - {id: T, metric: revenue, value: 136}\n", "plan.yaml")
    target = loaded.plan.targets[0]
    capacity = team_capacity(loaded.plan, target)
    assert capacity is not None
    assert abs(Fraction(capacity) - 100 - Fraction(120 * 273, 10 * 92)) < Fraction(1, 10**20)  # 135.6086...
    assert capacity_in_target_unit(loaded.plan, target, capacity) == Decimal(136)


def test_review_expects_a_ramped_rep_by_ramped_days() -> None:
    loaded = load_text(PLAN.replace("CAP", "100") + "  - {id: T, value: 136, split: [{by: rep, method: capacity}]}\n")
    outcome = split_plan(loaded)
    review = review_plan(loaded.plan, outcome.splits, [], dt.date(2026, 8, 31), Thresholds())
    rows = {"/".join(r.coords.values()) or "total": r.expected for r in review.targets[0].rows}
    # 韩梅 carries 36 over Aug 1..Sep 30 (27.3 ramped days); by Aug 31, 9.3 of them: 36 × 93/273 = 12.26
    assert rows["韩梅"] == Decimal("12.26")
    assert rows["李雷"] == Decimal("67.39")  # 100 × 62/92, linear


@settings(max_examples=60, deadline=None)
@given(
    hire=st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
    shares=st.lists(st.integers(0, 100), min_size=1, max_size=6),
    start=st.dates(dt.date(2025, 6, 1), dt.date(2027, 6, 30)),
    length=st.integers(0, 400),
)
def test_ramped_capacity_never_exceeds_capacity(hire: dt.date, shares: list[int], start: dt.date, length: int) -> None:
    ramp = Ramp(hire, tuple(Fraction(s, 100) for s in shares))
    end = start + dt.timedelta(days=length)
    days = ramped_days(start, end, ramp)
    assert 0 <= days <= ramped_days(start, end, None)
    if all(s == 100 for s in shares):
        assert days == ramped_days(max(start, hire), end, None)


def test_a_ramp_share_outside_0_to_100_and_an_empty_ramp_are_located_all_at_once() -> None:
    text = (
        PLAN.replace("CAP", "100")
        .replace("ramp: [30%, 60%]", "ramp: [30%, 120%]")
        .replace("team:\n", "team:\n  ramp: []\n")
        + "  - {id: T, value: 100}\n"
    )
    found = load_text(text, "p.yaml").diagnostics
    assert [(d.code, d.line, d.col) for d in found] == [(codes.INVALID_VALUE, 6, 9), (codes.INVALID_VALUE, 10, 78)]
    assert found[0].message_zh == "team.ramp：爬坡至少列出一个月的比例，例如 [30%, 60%]（实际为 '[]'）"
    assert found[1].message == "team.people[1].ramp[1]: a ramp share must be from 0% to 100% (got '120%')"
    assert found[1].message_zh == "team.people[1].ramp[1]：爬坡比例应在 0% 到 100% 之间（实际为 '120%'）"


def test_a_negative_ramp_share_is_located() -> None:
    text = PLAN.replace("CAP", "100").replace("ramp: [30%, 60%]", "ramp: [-5%]") + "  - {id: T, value: 100}\n"
    [found] = load_text(text, "p.yaml").diagnostics
    assert (found.code, found.line) == (codes.INVALID_VALUE, 9)
    assert found.message == "team.people[1].ramp[0]: a ramp share must be from 0% to 100% (got '-5%')"
