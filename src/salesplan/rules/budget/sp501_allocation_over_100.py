"""The budget's allocation percents add up to at most 100%.

Failing example::

    budget:
      total: 150
      allocation: {promotion: 50%, channel: 40%, customer: 20%}

Passing example::

    budget:
      total: 150
      allocation: {promotion: 40%, channel: 30%, customer: 10%, reserve: 20%}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP501"
NAME = "allocation-over-100"
SEVERITY = "error"
SUMMARY = "Budget allocation percents must add up to at most 100%."


def check(ctx: Context) -> Iterator[Finding]:
    budget = ctx.plan.budget
    if budget is None or not budget.allocation:
        return
    total = sum(budget.allocation.values(), Decimal(0))
    if total > 100:
        yield Finding(
            ("budget", "allocation"),
            _("budget allocation adds up to {total}%, over 100%", total=total),
            _("lower some percents so that they add up to 100% or less"),
        )
