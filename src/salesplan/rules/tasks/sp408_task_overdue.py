"""A task whose status says it is still open (not started, in progress, delayed or blocked) is past
its end as of the lint date (`--as-of DATE`, default today): the plan says work is going on that
should be finished. The plan's execution record is stale or the task is late; either way the
people reading the plan need to know. Tasks with no `status:` are not judged (a plan written before
execution records none); `done` and `cancelled` tasks never are. `salesplan review --progress`
shows every task's state, and which later tasks a late one puts at risk.

Linted on any day after 2026-07-31 (`--as-of 2026-11-30`: 122 days late).

Failing example::

    plan:
      period: {start: 2026-07-01, end: 2026-12-31}
    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31, status: in_progress}

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-12-31}
    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31, status: done}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP408"
NAME = "task-overdue"
SEVERITY = "warning"
SUMMARY = "A task still open by its status is past its end as of the lint date."


def check(ctx: Context) -> Iterator[Finding]:
    from salesplan.review.execution import task_states
    from salesplan.review.words import TASK_STATUS_WORDS

    as_of = ctx.as_of or dt.date.today()
    states = task_states(ctx.plan, as_of)
    for i, (task, state) in enumerate(zip(ctx.plan.tasks, states, strict=True)):
        if task.status is None or state.state != "overdue":
            continue
        yield Finding(
            ("tasks", i, "status"),
            _(
                "task '{id}' is {status} but ended {end}: {days} days late as of {as_of}",
                id=task.id,
                status=TASK_STATUS_WORDS[task.status],
                end=task.end.isoformat(),
                days=state.late_days,
                as_of=as_of.isoformat(),
            ),
            _("record its real status (done, delayed, cancelled) or move its end date"),
        )
