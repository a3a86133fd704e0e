"""A task should say what done looks like (交付标准, `deliverable`): a warning.

Failing example::

    tasks:
      - {id: K3, name: A 类客户高层拜访, owner: 孙丽, start: 2026-07-01, end: 2026-09-30}

Passing example::

    tasks:
      - {id: K3, name: A 类客户高层拜访, owner: 孙丽, start: 2026-07-01, end: 2026-09-30, deliverable: 20 家拜访纪要}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP405"
NAME = "task-without-deliverable"
SEVERITY = "warning"
SUMMARY = "A task should have a deliverable (acceptance standard)."


def check(ctx: Context) -> Iterator[Finding]:
    for i, task in enumerate(ctx.plan.tasks):
        if not (task.deliverable or "").strip():
            yield Finding(
                ("tasks", i),
                _("task '{id}' has no deliverable", id=task.id),
                _("add `deliverable:` — what done looks like, with a number"),
            )
