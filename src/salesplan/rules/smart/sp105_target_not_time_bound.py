"""A target must be time-bound (SMART T, 有时限): a deadline inside the plan's period.

Failing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        deadline: 2026-12-31

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        deadline: 2026-09-30
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.rules.base import Context, Finding

CODE = "SP105"
NAME = "target-not-time-bound"
SEVERITY = "error"
SUMMARY = "A target needs a deadline inside the plan period."


def check(ctx: Context) -> Iterator[Finding]:
    period = ctx.plan.plan.period
    for i, target in enumerate(ctx.plan.targets):
        if target.deadline is None:
            yield Finding(
                ("targets", i),
                f"target '{target.id}' has no deadline",
                f"目标 '{target.id}' 缺少时间节点（deadline）",
                hint=f"add `deadline: {period.end}`",
                hint_zh=f"补上 `deadline: {period.end}`",
            )
        elif not period.start <= target.deadline <= period.end:
            yield Finding(
                ("targets", i, "deadline"),
                f"target '{target.id}' deadline {target.deadline} is outside the plan period"
                f" {period.start} – {period.end}",
                f"目标 '{target.id}' 的时间节点 {target.deadline} 不在计划周期 {period.start} 至 {period.end} 内",
                hint="move the deadline into the period, or widen the plan's period",
                hint_zh="把时间节点移到计划周期内，或扩大计划周期",
            )
