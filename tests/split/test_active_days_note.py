"""A rep active for part of a month weighs that month by its active days; its 拆解逻辑 says so
(`在岗 20/31 天`), whatever the month level's method, as a capacity rep level says a rep's days; and
SP051 says the capacity it compares is prorated by active days and ramp-up, as it is."""

from __future__ import annotations

from decimal import Decimal

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

PLAN = """\
salesplan: 1
plan:
  name: 测试计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: east-b, name: B区}
  people:
    - {id: 周杰, role: rep, region: east-b, capacity: 120, end: 2026-08-20}
    - {id: 吴敏, role: rep, region: east-b, capacity: 120, start: 2026-08-01, ramp: [60%]}
history:
  by_month: {2025-07: 30, 2025-08: 40, 2025-09: 50}
targets:
  - id: T
    value: 100
    split:
      - {by: rep, method: capacity}
      - {by: month, method: history}
  - id: U
    value: 100
    split:
      - {by: rep, method: even}
      - {by: month, method: weights, weights: {2026-07: 1, 2026-08: 1, 2026-09: 1}}
"""


def _rows(split: TargetSplit, lang: str) -> list[tuple[str | None, Decimal, str]]:
    return [(node.part, node.value, node.basis.text(lang)) for _coords, node in split.leaves()]


def test_months_phased_by_history_say_the_days_a_leaving_rep_is_active() -> None:
    outcome = split_plan(load_text(PLAN, "plan.yaml"))
    assert outcome.diagnostics == []
    history = outcome.splits[0]
    # 周杰 is active 1 July - 20 August: 51 of 92 days, capacity 120 x 51/92 = 66.52; 吴敏 from 1 August,
    # 60% in August: 18.6 + 30 = 48.6 ramped days, 120 x 48.6/92 = 63.39; 100 x 66.52/129.91 = 51.2 -> 51
    # 周杰's months: July 30, August 40 x 20/31 = 25.81, September 0: 53.8% and 46.2% of 51 = 27.42 and 23.58,
    # 27 and 24; 吴敏's: August 40 x 60% = 24, September 50: 32.4% and 67.6% of 49 = 15.89 and 33.11, 16 and 33
    assert _rows(history, "zh") == [
        ("2026-07", 27, "按去年同期 53.8%"),
        ("2026-08", 24, "按去年同期 46.2%（在岗 20/31 天）"),
        ("2026-09", 0, "按去年同期 0.0%（未在岗）"),
        ("2026-07", 0, "按去年同期 0.0%（未在岗）"),
        ("2026-08", 16, "按去年同期 32.4%（爬坡 60%）"),
        ("2026-09", 33, "按去年同期 67.6%"),
    ]
    assert _rows(history, "en")[1] == ("2026-08", 24, "like the same month last year 46.2% (active 20/31 days)")
    assert [child.basis.text("zh") for child in history.root.children] == [
        "按产能 66.52/129.91（在岗 51/92 天）",
        "按产能 63.39/129.91（在岗 61/92 天；爬坡 79.7%）",
    ]


def test_months_by_weights_say_the_days_too() -> None:
    outcome = split_plan(load_text(PLAN, "plan.yaml"))
    weights = outcome.splits[1]
    # 周杰's 50: July 1, August 1 x 20/31 = 0.65, September 0: 50 x 1/1.65 = 30.39 and 19.61 -> 30 and 20
    assert _rows(weights, "zh")[:3] == [
        ("2026-07", 30, "按权重 1/1.65"),
        ("2026-08", 20, "按权重 0.65/1.65（在岗 20/31 天）"),
        ("2026-09", 0, "按权重 0/1.65（未在岗）"),
    ]


def test_a_month_under_even_keeps_its_days_basis_alone() -> None:
    plan = PLAN.replace("method: weights, weights: {2026-07: 1, 2026-08: 1, 2026-09: 1}", "method: even")
    weights = split_plan(load_text(plan, "plan.yaml")).splits[1]
    assert _rows(weights, "zh")[1] == ("2026-08", 20, "按天数 20/31")


def test_over_capacity_says_active_days_and_ramp_up() -> None:
    plan = PLAN.replace(
        "value: 100\n    split:\n      - {by: rep, method: capacity}",
        "value: 150\n    split:\n      - {by: rep, method: capacity}",
    )
    [diag] = split_plan(load_text(plan, "plan.yaml")).diagnostics
    assert diag.code == codes.OVER_CAPACITY
    assert diag.message == (
        "target 'T': reps 周杰, 吴敏 are asked for 150万元 but their capacity (prorated to the days they are active "
        "and their ramp-up) is 129.91万元"
    )
    assert (
        diag.message_zh == "目标 'T'：销售代表 周杰, 吴敏 需承担 150万元，但其产能（按在岗天数和爬坡折算）仅 129.91万元"
    )
