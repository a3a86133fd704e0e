"""A task starts after every task it depends on has ended (the day after at the earliest).

Failing example::

    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31}
      - {id: K2, name: 代理商培训, start: 2026-07-20, end: 2026-08-15, depends_on: [K1]}

Passing example::

    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31}
      - {id: K2, name: 代理商培训, start: 2026-08-01, end: 2026-08-15, depends_on: [K1]}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP404"
NAME = "task-starts-before-dependency"
SEVERITY = "error"
SUMMARY = "A task must not start before the tasks it depends on have ended."


def check(ctx: Context) -> Iterator[Finding]:
    tasks = {task.id: task for task in ctx.plan.tasks}
    for i, task in enumerate(ctx.plan.tasks):
        for j, dep_id in enumerate(task.depends_on):
            dep = tasks.get(dep_id)
            if dep is not None and dep is not task and task.start <= dep.end:
                yield Finding(
                    ("tasks", i, "depends_on", j),
                    _(
                        "task '{id}' starts {start}, before '{dependency}' (which it depends on) ends {end}",
                        id=task.id,
                        start=task.start,
                        dependency=dep.id,
                        end=dep.end,
                    ),
                    _("start '{id}' after {end}, or drop the dependency", id=task.id, end=dep.end),
                )
