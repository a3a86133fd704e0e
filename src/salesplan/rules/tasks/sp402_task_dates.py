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
from datetime import date

from salesplan.i18n import Message, _
from salesplan.rules.base import Context, Finding

CODE = "SP402"
NAME = "task-dates"
SEVERITY = "error"
SUMMARY = "A task's start is on or before its end, both inside the plan period."


def _outside(task_id: str, key: str, day: date, start: date, end: date) -> Message:
    if key == "start":
        return _(
            "task '{id}' start {day} is outside the plan period {start} – {end}",
            id=task_id,
            day=day,
            start=start,
            end=end,
        )
    return _(
        "task '{id}' end {day} is outside the plan period {start} – {end}", id=task_id, day=day, start=start, end=end
    )


def check(ctx: Context) -> Iterator[Finding]:
    period = ctx.plan.plan.period
    for i, task in enumerate(ctx.plan.tasks):
        if task.end < task.start:
            yield Finding(
                ("tasks", i, "end"),
                _("task '{id}' ends ({end}) before it starts ({start})", id=task.id, end=task.end, start=task.start),
                _("swap or correct the dates"),
            )
            continue
        for key in ("start", "end"):
            day = getattr(task, key)
            if not period.start <= day <= period.end:
                yield Finding(
                    ("tasks", i, key),
                    _outside(task.id, key, day, period.start, period.end),
                    _("move the task into the period, or widen the plan's period"),
                )
