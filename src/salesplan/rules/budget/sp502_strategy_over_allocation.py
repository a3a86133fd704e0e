"""The strategies of a module spend no more than the module's allocation (percent × budget.total).

Strategies are grouped by `module`; their budgets add up to at most the module's share. A
strategy whose module has no allocation, while other modules have one, is a warning.

Failing example::

    strategies:
      - {id: S3, module: promotion, name: 线上直播获客, budget: 80}
    budget:
      total: 150
      allocation: {promotion: 40%, channel: 30%}

Passing example::

    strategies:
      - {id: S3, module: promotion, name: 线上直播获客, budget: 60}
    budget:
      total: 150
      allocation: {promotion: 40%, channel: 30%}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from salesplan.diagnostics import Severity
from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP502"
NAME = "strategy-over-allocation"
SEVERITY = "error"
SUMMARY = "Strategies' budgets per module must stay within the module's allocation (% × total)."


def check(ctx: Context) -> Iterator[Finding]:
    budget = ctx.plan.budget
    if budget is None or budget.total is None or not budget.allocation:
        return
    spent: dict[str, Decimal] = defaultdict(Decimal)
    last: dict[str, int] = {}
    for i, strategy in enumerate(ctx.plan.strategies):
        if strategy.module is None or strategy.budget is None:
            continue
        spent[strategy.module] += strategy.budget
        last[strategy.module] = i
        if strategy.module not in budget.allocation:
            yield Finding(
                ("strategies", i, "module"),
                _(
                    "strategy '{id}' has a budget but module '{module}' has no allocation",
                    id=strategy.id,
                    module=strategy.module,
                ),
                _("add `{module}: N%` to budget.allocation", module=strategy.module),
                severity=Severity.WARNING,
            )
    for module, amount in spent.items():
        share = budget.allocation.get(module)
        if share is None:
            continue
        allowed = budget.total * share / 100
        if amount > allowed:
            yield Finding(
                ("strategies", last[module], "budget"),
                _(
                    "strategies of module '{module}' spend {amount},"
                    " over its allocation {allowed} ({share}% of {total})",
                    module=module,
                    amount=amount,
                    allowed=allowed,
                    share=share,
                    total=budget.total,
                ),
                _("lower the strategies' budgets or raise the module's allocation"),
            )
