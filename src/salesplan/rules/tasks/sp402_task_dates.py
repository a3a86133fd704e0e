"""A task starts no later than it ends, and both dates lie inside the plan's period.

Failing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-31, end: 2026-07-01}
      - {id: K2, name: 年终回访, start: 2026-09-01, end: 2026-10-15}

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.rules.base import Context, Finding

CODE = "SP402"
NAME = "task-dates"
SEVERITY = "error"
SUMMARY = "A task's start is on or before its end, both inside the plan period."


def check(ctx: Context) -> Iterator[Finding]:
    period = ctx.plan.plan.period
    for i, task in enumerate(ctx.plan.tasks):
        if task.end < task.start:
            yield Finding(
                ("tasks", i, "end"),
                f"task '{task.id}' ends ({task.end}) before it starts ({task.start})",
                f"任务 '{task.id}' 的完成日期 {task.end} 早于开始日期 {task.start}",
                hint="swap or correct the dates",
                hint_zh="调换或更正开始、完成日期",
            )
            continue
        for key in ("start", "end"):
            day = getattr(task, key)
            if not period.start <= day <= period.end:
                yield Finding(
                    ("tasks", i, key),
                    f"task '{task.id}' {key} {day} is outside the plan period {period.start} – {period.end}",
                    f"任务 '{task.id}' 的{'开始' if key == 'start' else '完成'}日期 {day} "
                    f"不在计划周期 {period.start} 至 {period.end} 内",
                    hint="move the task into the period, or widen the plan's period",
                    hint_zh="把任务移到计划周期内，或扩大计划周期",
                )
