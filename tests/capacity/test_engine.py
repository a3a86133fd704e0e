"""The capacity engine on hand-computed plans: targets, ramped capacity, gaps and hires, exact."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.capacity import CapacityPlan, Hiring, plan_capacity
from salesplan.capacity.engine import ALL, chosen_target, hire_carries
from salesplan.i18n import Message
from salesplan.loader import load_text
from salesplan.periods import time_parts
from salesplan.split.engine import split_plan

# 92 days; A: 92 (1 a day); B: 184 (2 a day) from 08-01 at 50% in their first month
ONE_REGION = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a}]
  ramp: [50%]
  people:
    - {id: A, role: rep, region: east-a, capacity: 92}
    - {id: B, role: rep, region: east-a, capacity: 184, start: 2026-08-01}
targets:
  - id: T1
    metric: revenue
    value: 400
    split:
      - {by: month, method: explicit, values: {2026-07: 100, 2026-08: 100, 2026-09: 200}}
"""

# two regions, an even split by region only (92 each, spread over the days); reps only in east-a
TWO_REGIONS = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a}, {id: east-b}]
  people:
    - {id: A, role: rep, region: east-a, capacity: 92}
targets:
  - {id: N, value: 5, unit: 家}
  - {id: T1, metric: revenue, value: 184, split: [{by: region}]}
"""


def capacity(text: str, by: str = "month", target: str | None = None) -> CapacityPlan:
    loaded = load_text(text, "plan.yaml")
    assert loaded.ok and loaded.plan is not None, [d.format() for d in loaded.diagnostics]
    chosen = chosen_target(loaded.plan, target)
    assert not isinstance(chosen, Message)
    outcome = split_plan(loaded, [chosen.id])
    assert not outcome.diagnostics
    return plan_capacity(loaded.plan, chosen, outcome.splits[0], by)


def table(plan: CapacityPlan) -> dict[tuple[str, str], tuple[object, ...]]:
    return {(c.region, c.part): (c.target, c.capacity, c.gap) for c in plan.cells}


def hired(hiring: Hiring) -> tuple[object, ...]:
    return (hiring.gap, hiring.shortfall, hiring.average, hiring.reps, hiring.start, hiring.carries)


def test_ramped_capacity_by_month_and_the_hires() -> None:
    plan = capacity(ONE_REGION)
    assert plan.parts == ("2026-07", "2026-08", "2026-09")
    # July: A 31, B not yet; August: A 31, B 2 x 31 x 50%; September: A 30, B 60
    assert table(plan) == {
        (ALL, "2026-07"): (100, 31, 69),
        (ALL, "2026-08"): (100, 62, 38),
        (ALL, "2026-09"): (200, 90, 110),
    }
    (hiring,) = plan.hiring
    # average 138 (1.5 a day); a hire from 07-01 at the team's 50% ramp carries 15.5 x 1.5 = 23.25 in
    # July, 46.5 in August, 45 in September: July's 69 needs 3 of them (2 carry 46.5), August's 38 one,
    # September's 110 three; from 08-01 none carries July's: July is the latest. Two July hires would
    # carry 217 = the period's gap (2 x 114.75), but not July's 69.
    assert hired(hiring) == (217, 217, 138, 3, "2026-07", Fraction("114.75"))


def test_by_quarter_is_one_part() -> None:
    assert table(capacity(ONE_REGION, "quarter")) == {(ALL, "2026-Q3"): (400, 183, 217)}


def test_a_region_without_reps_hires_at_the_team_average() -> None:
    plan = capacity(TWO_REGIONS)
    assert plan.regions == ("east-a", "east-b")
    assert table(plan)[("east-b", "2026-07")] == (31, 0, 31)
    assert table(plan)[("east-a", "2026-09")] == (30, 30, 0)
    east_a, east_b = plan.hiring
    assert hired(east_a) == (0, 0, 92, 0, None, None)
    # 92 in the period at 1 a day, no ramp: a July hire carries each month's gap (31, 31, 30), an
    # August one none of July's
    assert hired(east_b) == (92, 92, 92, 1, "2026-07", 92)


def test_weeks_are_clipped_to_the_period() -> None:
    plan = capacity(TWO_REGIONS, "week")
    assert plan.parts[0] == "2026-W27"
    assert table(plan)[("east-b", "2026-W27")] == (5, 0, 5)  # 07-01..07-05
    assert table(plan)[("east-a", "2026-W28")] == (7, 7, 0)


def test_the_default_target_is_the_revenue_one_and_a_count_is_refused() -> None:
    loaded = load_text(TWO_REGIONS, "plan.yaml")
    assert loaded.plan is not None
    found = chosen_target(loaded.plan, None)
    assert not isinstance(found, Message) and found.id == "T1"
    refused = chosen_target(loaded.plan, "N")
    assert isinstance(refused, Message)
    assert refused.render("en") == "target 'N' is not in money (家): capacity is money"
    assert refused.render("zh") == "目标 'N' 不以金额计（家）：产能以金额计"
    unknown = chosen_target(loaded.plan, "X")
    assert isinstance(unknown, Message) and unknown.render("en") == "unknown target 'X'"


@settings(max_examples=30, deadline=None)
@given(
    value=st.integers(min_value=0, max_value=5000),
    capacity_a=st.integers(min_value=1, max_value=900),
    by=st.sampled_from(["quarter", "month", "week"]),
)
def test_parts_add_up_and_the_hires_close_the_gap(value: int, capacity_a: int, by: str) -> None:
    text = ONE_REGION.replace("value: 400", f"value: {value}").replace("capacity: 92", f"capacity: {capacity_a}")
    text = text.replace("method: explicit, values: {2026-07: 100, 2026-08: 100, 2026-09: 200}", "method: even")
    plan = capacity(text, by)
    assert sum(c.target for c in plan.cells) == value
    unramped = capacity_a + 184 * Fraction(61, 92)
    assert sum(c.capacity for c in plan.cells) == unramped - 184 * Fraction(31, 92) / 2
    (hiring,) = plan.hiring
    assert_hires_cover_every_part(text, plan, hiring)


def assert_hires_cover_every_part(text: str, plan: CapacityPlan, hiring: Hiring) -> None:
    """The hires, from their latest start, cover every part's gap; one fewer from the first month
    leaves a part short; no part short, no hire."""
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None
    period = loaded.plan.plan.period
    parts = {p.id: p for p in time_parts(plan.by, period.start, period.end)}
    cells = [c for c in plan.cells if c.region == hiring.region and c.gap > 0]
    assert hiring.shortfall == sum(c.gap for c in cells)
    if not cells:
        assert hiring.reps == 0 and hiring.start is None
        return
    assert hiring.average is not None and hiring.start is not None
    first, latest = period.start, parts_start(hiring.start)

    def covered(reps: int, start: dt.date) -> bool:
        return all(
            reps * hire_carries(loaded.plan, hiring.average, start, parts[c.part].end, parts[c.part].start)  # type: ignore[arg-type]
            >= c.gap
            for c in cells
        )

    assert covered(hiring.reps, latest)
    assert not covered(hiring.reps - 1, first)


def parts_start(month: str) -> dt.date:
    year, number = month.split("-")
    return dt.date(int(year), int(number), 1)


# July has 30 to spare and September lacks what its 30 days cannot carry: the period's net gap is
# negative, yet September needs hires (A: 92, 1 a day, never ramped)
SLACK = ONE_REGION.replace("    - {id: B, role: rep, region: east-a, capacity: 184, start: 2026-08-01}\n", "")


@pytest.mark.parametrize(
    ("september", "ramp", "expected"),
    [
        # a hire at the 50% ramp carries 15 in a September they start in, 30 if in August or before
        (50, "[50%]", (-10, 20, 1, "2026-08", Fraction("45.5"))),  # from August: (15.5 + 30) x 1
        (70, "[50%]", (10, 40, 2, "2026-08", Fraction("45.5"))),  # 40 needs two, from August too
        (44, "[50%]", (-16, 14, 1, "2026-09", 15)),  # 15 covers 14: September will do
        # a first month at 0%: only a July hire carries anything (30) in September
        (50, "[0%, 50%]", (-10, 20, 1, "2026-07", Fraction("45.5"))),  # 0 + 15.5 + 30
    ],
)
def test_a_short_month_needs_hires_whatever_the_other_months_spare(
    september: int, ramp: str, expected: tuple[object, ...]
) -> None:
    text = SLACK.replace("ramp: [50%]", f"ramp: {ramp}").replace(
        "values: {2026-07: 100, 2026-08: 100, 2026-09: 200}",
        f"values: {{2026-07: 1, 2026-08: 31, 2026-09: {september}}}",
    )
    text = text.replace("value: 400", f"value: {32 + september}")
    plan = capacity(text)
    assert table(plan) == {
        (ALL, "2026-07"): (1, 31, -30),
        (ALL, "2026-08"): (31, 31, 0),
        (ALL, "2026-09"): (september, 30, september - 30),
    }
    (hiring,) = plan.hiring
    gap, shortfall, reps, start, carries = expected
    assert hired(hiring) == (gap, shortfall, 92, reps, start, carries)
    assert_hires_cover_every_part(text, plan, hiring)


MIXED_REPS = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a}, {id: east-b}]
  people:
    - {id: A, role: rep, region: east-a, capacity: 92}
    - {id: B, role: rep, region: east-b, capacity: 184}
    - {id: C, role: rep, capacity: 92}
targets:
  - {id: T1, metric: revenue, value: 300, split: [{by: rep, method: capacity, cap: false}]}
"""


def test_a_rep_without_a_region_puts_the_whole_target_in_one_row() -> None:
    """A, B and C split 300 by capacity 92 : 184 : 92 (75, 150, 75); C has no region, so the target
    has one row of every leaf, 300 (it showed C's 75 alone), against every rep's 368."""
    plan = capacity(MIXED_REPS, "quarter")
    assert plan.regions == (ALL,)
    assert table(plan) == {(ALL, "2026-Q3"): (300, 368, -68)}


@settings(max_examples=30, deadline=None)
@given(
    region_of=st.lists(st.sampled_from(["east-a", "east-b", None]), min_size=1, max_size=4),
    value=st.integers(min_value=0, max_value=5000),
    by=st.sampled_from(["quarter", "month"]),
)
def test_the_rows_hold_the_whole_target_wherever_the_reps_are(region_of: list[str | None], value: int, by: str) -> None:
    people = "\n".join(
        f"    - {{id: R{i}, role: rep, capacity: 100{f', region: {region}' if region else ''}}}"
        for i, region in enumerate(region_of)
    )
    text = (
        "salesplan: 1\nplan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}\n"
        "team:\n  regions: [{id: east-a}, {id: east-b}]\n  people:\n" + people + "\n"
        f"targets:\n  - {{id: T1, metric: revenue, value: {value}, split: [{{by: rep, method: even}}]}}\n"
    )
    plan = capacity(text, by)
    assert sum(c.target for c in plan.cells) == value
    assert sum(c.capacity for c in plan.cells) == 100 * len(region_of)
