"""Every strategy is carried out by at least one task (策略 → 执行): a warning.

Failing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕}
      - {id: S2, module: customer, name: 大客户分层跟进}
    tasks:
      - {id: K1, name: 代理商签约, strategy: S1, start: 2026-07-01, end: 2026-07-31}

Passing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕}
    tasks:
      - {id: K1, name: 代理商签约, strategy: S1, start: 2026-07-01, end: 2026-07-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP406"
NAME = "strategy-without-task"
SEVERITY = "warning"
SUMMARY = "Every strategy should have at least one task."


def check(ctx: Context) -> Iterator[Finding]:
    used = {task.strategy for task in ctx.plan.tasks}
    for i, strategy in enumerate(ctx.plan.strategies):
        if strategy.id not in used:
            yield Finding(
                ("strategies", i),
                _("strategy '{id}' has no task carrying it out", id=strategy.id),
                _("add a task with `strategy: {id}`", id=strategy.id),
            )
