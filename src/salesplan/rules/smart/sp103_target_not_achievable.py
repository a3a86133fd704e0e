"""A target must be achievable (SMART A, 可实现): a reach, yet grounded — "接地气 + 够一够".

Three checks:

- growth over the baseline above `smart.max-growth` (default 50%) is an error: so high it
  demoralises. For metrics where less is better (sales cycle, complaints, cost — option
  `smart.lower-is-better`) the improvement is the drop below the baseline;
- a target at or below its baseline (above, for less-is-better metrics) is a warning: no stretch;
- a revenue target above the team's capacity is an error. Capacity is the sum of the
  `capacity` of the reps in the target's regions, each prorated by the days they are active
  in the plan period (a rep who starts on 08-01 of a July–September plan counts 61/92),
  rounded up to the target's granularity (the split hands out whole multiples of it).

Options: `smart.max-growth` (percent, default 50), `smart.lower-is-better`.

Failing example::

    team:
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 160}
    targets:
      - id: T1
        metric: revenue
        value: 500
        baseline: 200
        scope: {regions: [east-a]}

Passing example::

    team:
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 160}
        - {id: 韩梅, role: rep, region: east-a, capacity: 140}
    targets:
      - id: T1
        metric: revenue
        value: 280
        baseline: 240
        scope: {regions: [east-a]}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from salesplan.diagnostics import Severity
from salesplan.rules.base import Context, Finding
from salesplan.rules.settings import REVENUE_METRICS, matches
from salesplan.rules.smart._capacity import capacity_in_target_unit, is_money_unit, team_capacity

CODE = "SP103"
NAME = "target-not-achievable"
SEVERITY = "error"
SUMMARY = "Growth over baseline within the band (no stretch is a warning); revenue within the team's capacity."
OPTIONS = {"smart.max-growth": "largest growth over baseline, percent", "smart.lower-is-better": "metric fragments"}


def _pct(value: Decimal) -> str:
    return f"{value:.1f}%"


def check(ctx: Context) -> Iterator[Finding]:
    plan, settings = ctx.plan, ctx.settings
    for i, target in enumerate(plan.targets):
        path = ("targets", i, "value")
        if target.baseline is not None and target.baseline > 0:
            change = (target.value - target.baseline) / target.baseline * 100
            if matches(target.metric, settings.lower_is_better):
                change = -change
            if change <= 0:
                yield Finding(
                    path,
                    f"target '{target.id}' {target.value} is no stretch over its baseline {target.baseline}",
                    f"目标 '{target.id}' 的目标值 {target.value} 相对基线 {target.baseline} 没有挑战（不够“够一够”）",
                    hint="set a target that improves on the baseline",
                    hint_zh="目标应高于基线（越低越好的指标则应低于基线）",
                    severity=Severity.WARNING,
                )
            elif change > settings.max_growth:
                yield Finding(
                    path,
                    f"target '{target.id}' asks for {_pct(change)} over its baseline {target.baseline},"
                    f" more than the {_pct(settings.max_growth)} band",
                    f"目标 '{target.id}' 要求较基线 {target.baseline} 增长 {_pct(change)}，"
                    f"超过 {_pct(settings.max_growth)} 的合理范围",
                    hint="lower the target, or raise smart.max-growth in salesplan.toml if history supports it",
                    hint_zh="降低目标；若历史数据支持，可在 salesplan.toml 中调高 smart.max-growth",
                )
        if not matches(target.metric, REVENUE_METRICS) or not is_money_unit(target.unit):
            continue
        capacity = team_capacity(plan, target)
        if capacity is None:
            continue
        carries = capacity_in_target_unit(plan, target, capacity)
        if target.value > carries:
            yield Finding(
                path,
                f"target '{target.id}' {target.value} exceeds the capacity of the reps in scope"
                f" ({carries}, prorated by active days)",
                f"目标 '{target.id}' 的目标值 {target.value} 超过范围内销售代表的产能合计（{carries}，按在岗天数折算）",
                hint="add reps or capacity, narrow the scope, or lower the target",
                hint_zh="增加销售代表或产能、缩小范围，或降低目标",
            )
