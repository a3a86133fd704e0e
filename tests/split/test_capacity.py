"""Capacity: prorated weights, caps across the whole target, redistribution, over-capacity."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from salesplan import codes
from salesplan.split.engine import SplitOutcome
from salesplan.split.result import TargetSplit


def _rep_totals(split: TargetSplit) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for coords, node in split.leaves():
        totals[coords["rep"]] = totals.get(coords["rep"], Decimal(0)) + node.value
    return totals


MONTH_THEN_REP = """
- id: T
  value: 240
  scope: {regions: [east-b]}
  split:
    - {by: month, method: even}
    - {by: rep, method: capacity}
"""


def test_cap_holds_across_the_target_and_excess_goes_to_reps_with_room(
    split: Callable[..., SplitOutcome], exact: Callable[..., None]
) -> None:
    # east-b: 周杰 capacity 120 (whole period), 吴敏 120 from 08-01 -> 120*61/92 = 79.57, cap 80 (whole units).
    # 240 is more than 120 + 80: refused up front, naming the reps and their prorated capacity.
    outcome = split(MONTH_THEN_REP)
    (diag,) = outcome.diagnostics
    assert diag.code == codes.OVER_CAPACITY and diag.severity == "error"
    assert "周杰, 吴敏" in diag.message and "240万元" in diag.message and "199.57万元" in diag.message
    assert outcome.splits == []

    # 180 is within the caps (120 + 80): July 60 -> 周杰 60 (吴敏 inactive); August 60 -> 30/30;
    # September 60 -> 30/30. 周杰: 60+30+30 = 120 <= 120 (no cap binds).
    outcome = split(MONTH_THEN_REP.replace("value: 240", "value: 180"))
    assert outcome.diagnostics == []
    assert _rep_totals(outcome.splits[0]) == {"周杰": 120, "吴敏": 60}

    # 195: July 65 -> 周杰 65; Aug 65 -> 32.5/32.5; Sep 65 -> 32.5/32.5 -> 周杰's quotas 130 > 120.
    # Water-filling scales 周杰 to 120 (July 60, Aug 30, Sep 30); July's excess 5 has no taker, August's and
    # September's 2.5 go to 吴敏 (35 each). Rounding gives July back to 周杰 (65, he is the only rep), so the
    # repair moves 周杰's units to 吴敏 in August/September until he is at 120: 吴敏 ends with 75 <= 80.
    outcome = split(MONTH_THEN_REP.replace("value: 240", "value: 195"))
    assert outcome.diagnostics == []
    t = outcome.splits[0]
    exact(t.root)
    assert _rep_totals(t) == {"周杰": 120, "吴敏": 75}
    july = t.root.children[0]
    assert [(r.part, r.value) for r in july.children] == [("周杰", Decimal(65)), ("吴敏", Decimal(0))]
    assert "已达产能上限" in july.children[0].basis.text()
    assert "承接他人超出产能部分" in t.root.children[1].children[1].basis.text()


def test_region_over_capacity_names_its_reps(split: Callable[..., SplitOutcome]) -> None:
    targets = """
    - id: T
      value: 500
      split:
        - {by: region, method: explicit, values: {east-a: 280, east-b: 220}}
        - {by: rep, method: capacity}
    """
    outcome = split(targets)
    (diag,) = outcome.diagnostics
    # the team can carry 500 in all, but east-b's reps only 200 (120 + ceil(79.57)).
    assert diag.code == codes.OVER_CAPACITY
    assert "周杰" in diag.message and "吴敏" in diag.message and "李雷" not in diag.message
    assert "220万元" in diag.message


def test_allow_over_capacity_warns_and_spreads_by_capacity(split: Callable[..., SplitOutcome]) -> None:
    targets = "- {id: T, value: 600, split: [{by: rep, method: capacity}]}"
    assert split(targets).diagnostics[0].severity == "error"
    outcome = split(targets, allow_over_capacity=True)
    (diag,) = outcome.diagnostics
    assert diag.code == codes.OVER_CAPACITY and diag.severity == "warning"
    # 600 by prorated capacity 160 : 140 : 120 : 79.57 (sum 499.57): 192.18, 168.16, 144.13, 95.56
    # -> floors 192 168 144 95 = 599, the 1 left to the largest remainder (.56): 吴敏.
    assert _rep_totals(outcome.splits[0]) == {"李雷": 192, "韩梅": 168, "周杰": 144, "吴敏": 96}


def test_cap_false_ignores_capacity_limits(split: Callable[..., SplitOutcome]) -> None:
    outcome = split("- {id: T, value: 600, split: [{by: rep, method: capacity, cap: false}]}")
    assert outcome.diagnostics == []


def test_rep_without_capacity_is_located_at_the_person(
    split: Callable[..., SplitOutcome], make_plan: Callable[[str], str]
) -> None:
    from salesplan.loader import load_text
    from salesplan.split.engine import split_plan

    text = make_plan("- {id: T, value: 10, split: [{by: rep, method: capacity}]}").replace(
        "region: east-a, capacity: 140}", "region: east-a}"
    )
    outcome = split_plan(load_text(text, "plan.yaml"))
    (diag,) = outcome.diagnostics
    assert diag.code == codes.NO_CAPACITY and "韩梅" in diag.message
    assert diag.line == next(i for i, line in enumerate(text.splitlines(), 1) if "韩梅" in line)


def test_rounding_that_would_break_a_cap_is_controlled_across_the_level(
    split: Callable[..., SplitOutcome], exact: Callable[..., None]
) -> None:
    # east-a: 李雷 160, 韩梅 140 (caps 160 and 140). 299 by week, even: Q3 2026 has 14 ISO weeks, W27 with
    # 5 of its 7 days (Jul 1-5) and W40 with 3 (Sep 28-30), so weights 5/7, 1 (x12), 3/7, sum 92/7:
    #   quotas 299*5/92 = 16.25, 299*7/92 = 22.75 (x12), 299*3/92 = 9.75 -> floors 16 + 12 x 22 + 9 = 289;
    #   the 10 units left go to the 13 remainders of .75: full weeks first (larger weight), earlier first:
    #   16, 23 (W28-W37), 22, 22, 9. Then each week by capacity 160 : 140:
    #   week of 23: quotas 12.267 / 10.733 -> largest remainder gives 韩梅 the unit: 12 / 11
    #   week of 22: 11.733 / 10.267 -> 12 / 10;   week of 16: 8.533 / 7.467 -> 9 / 7;   week of 9: 4.8 / 4.2 -> 5 / 4
    # Week by week, 韩梅 would get 10 x 11 + 2 x 10 + 7 + 4 = 141 > 140, though her exact total is
    # 299 x 140/300 = 139.53. The level is then rounded as a whole: every part stays the floor or the
    # ceiling of its quota, and 韩梅 carries ceil(139.53) = 140, 李雷 the other 159.
    outcome = split(
        """
        - id: T
          value: 299
          scope: {regions: [east-a]}
          split:
            - {by: week, method: even}
            - {by: rep, method: capacity}
        """
    )
    assert outcome.diagnostics == []
    (t,) = outcome.splits
    exact(t.root)
    weeks = [w.value for w in t.root.children]
    assert weeks == [16, *[23] * 10, 22, 22, 9]
    assert _rep_totals(t) == {"李雷": 159, "韩梅": 140}
    for week in t.root.children:
        for rep, weight in zip(week.children, (160, 140), strict=True):
            quota = Fraction(week.value) * weight / 300
            assert quota - 1 < rep.value < quota + 1, (week.part, rep.part, rep.value, quota)
