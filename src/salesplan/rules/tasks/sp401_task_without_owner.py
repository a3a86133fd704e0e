"""Every task needs an owner (负责人). An owner not in `team.people` is reported as SP031.

Failing example::

    tasks:
      - id: K1
        name: 代理商签约
        start: 2026-07-01
        end: 2026-07-31

Passing example::

    tasks:
      - id: K1
        name: 代理商签约
        owner: 赵强
        start: 2026-07-01
        end: 2026-07-31
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP401"
NAME = "task-without-owner"
SEVERITY = "error"
SUMMARY = "Every task needs an owner."


def check(ctx: Context) -> Iterator[Finding]:
    for i, task in enumerate(ctx.plan.tasks):
        if not task.owner:
            yield Finding(
                ("tasks", i),
                _("task '{id}' has no owner", id=task.id),
                _("add `owner:` with a person id from team.people"),
            )
