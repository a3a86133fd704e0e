"""The tasks of a strategy spend no more than the strategy's budget.

Failing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕, budget: 25}
    tasks:
      - {id: K1, name: 代理商签约, strategy: S1, start: 2026-07-01, end: 2026-07-31, budget: 20}
      - {id: K2, name: 代理商培训, strategy: S1, start: 2026-08-01, end: 2026-08-15, budget: 10}

Passing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕, budget: 45}
    tasks:
      - {id: K1, name: 代理商签约, strategy: S1, start: 2026-07-01, end: 2026-07-31, budget: 20}
      - {id: K2, name: 代理商培训, strategy: S1, start: 2026-08-01, end: 2026-08-15, budget: 10}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP503"
NAME = "task-over-strategy-budget"
SEVERITY = "error"
SUMMARY = "Tasks' budgets must stay within their strategy's budget."


def check(ctx: Context) -> Iterator[Finding]:
    spent: dict[str, Decimal] = defaultdict(Decimal)
    last: dict[str, int] = {}
    for i, task in enumerate(ctx.plan.tasks):
        if task.strategy and task.budget is not None:
            spent[task.strategy] += task.budget
            last[task.strategy] = i
    for strategy in ctx.plan.strategies:
        amount = spent.get(strategy.id)
        if amount is None or strategy.budget is None or amount <= strategy.budget:
            continue
        yield Finding(
            ("tasks", last[strategy.id], "budget"),
            _(
                "tasks of strategy '{id}' spend {amount}, over its budget {budget}",
                id=strategy.id,
                amount=amount,
                budget=strategy.budget,
            ),
            _("lower the tasks' budgets or raise the strategy's budget"),
        )
