"""Every task serves a strategy (`strategy:`): a warning. An unknown strategy id is SP031.

Failing example::

    tasks:
      - {id: K9, name: 整理客户档案, owner: 孙丽, start: 2026-07-01, end: 2026-07-10}

Passing example::

    tasks:
      - {id: K9, name: 整理客户档案, strategy: S2, owner: 孙丽, start: 2026-07-01, end: 2026-07-10}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP407"
NAME = "task-without-strategy"
SEVERITY = "warning"
SUMMARY = "Every task should serve a strategy."


def check(ctx: Context) -> Iterator[Finding]:
    for i, task in enumerate(ctx.plan.tasks):
        if not task.strategy:
            yield Finding(
                ("tasks", i),
                _("task '{id}' serves no strategy", id=task.id),
                _("add `strategy:` with the id of the strategy it carries out"),
            )
