"""Budget against spend, and ROI per strategy: the money side of the review (`--spend F`).

Budget lines: every strategy (`strategies[].budget`), every task (`tasks[].budget`) and every module
of the plan's allocation (`budget.total` × `budget.allocation[module]` %). A task's spend also counts
for its strategy, and a strategy's for its module. Spend dated after the review date is not counted.

ROI = revenue attributed to a strategy ÷ what the strategy spent, both in the plan's unit, exact
(`Fraction`), shown to 0.01. Revenue is attributed by the `strategy` column of the actuals, on rows
of a revenue target counted in money, dated (or in a month begun) on or before the review date. A
strategy that spent nothing has no ROI (`roi` is None: "no spend"), never 0 and never an error.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan.review.actuals import REVENUE_METRICS
from salesplan.review.amounts import money_scale

if TYPE_CHECKING:
    from salesplan.model.plan import Plan
    from salesplan.review.rows import ActualRow
    from salesplan.review.spend_read import SpendRow

HUNDRED = 100


@dataclass(frozen=True)
class BudgetLine:
    """One strategy's, task's or module's budget (None: none set) and what it spent, in the plan's unit."""

    kind: str  # strategy, task or module
    ident: str
    name: str
    budget: Decimal | None
    spent: Decimal

    @property
    def use_rate(self) -> Fraction | None:
        """Spent ÷ budget in percent points; None without a positive budget."""
        if self.budget is None or self.budget <= 0:
            return None
        return Fraction(self.spent) / Fraction(self.budget) * HUNDRED

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.spent

    @property
    def over(self) -> bool:
        """Spent more than the budget (a budget of 0 with any spend is over)."""
        return self.budget is not None and self.spent > self.budget


@dataclass(frozen=True)
class RoiLine:
    """A strategy's attributed revenue and spend, in the plan's unit."""

    strategy: str
    name: str
    revenue: Fraction
    spent: Fraction

    @property
    def roi(self) -> Fraction | None:
        """Revenue ÷ spend, exact; None when nothing was spent (no spend, no ROI)."""
        return self.revenue / self.spent if self.spent > 0 else None


@dataclass
class SpendReview:
    as_of: dt.date
    unit: str
    lines: list[BudgetLine] = field(default_factory=list)
    roi: list[RoiLine] = field(default_factory=list)


def attributed_revenue(plan: Plan, rows: Iterable[ActualRow], as_of: dt.date) -> dict[str, Fraction]:
    """Strategy id -> revenue attributed to it by the actuals, in the plan's unit, up to `as_of`."""
    plan_scale = money_scale(plan.plan.unit)
    scales: dict[str, Fraction] = {}
    if plan_scale is not None:
        for target in plan.targets:
            scale = money_scale(plan.target_unit(target))
            if scale is not None and (target.metric or "").lower() in REVENUE_METRICS:
                scales[target.id] = Fraction(scale, plan_scale)
    out: dict[str, Fraction] = defaultdict(Fraction)
    for row in rows:
        if row.strategy is None or row.target not in scales:
            continue
        first = row.first_day()
        if first is None or first <= as_of:
            out[row.strategy] += Fraction(row.value) * scales[row.target]
    return dict(out)


def review_spend(plan: Plan, spend: Iterable[SpendRow], attributed: dict[str, Fraction], as_of: dt.date) -> SpendReview:
    """Every budget line with its spend up to `as_of`, and the ROI of each strategy revenue is attributed to."""
    by_strategy: dict[str, Decimal] = defaultdict(Decimal)
    by_task: dict[str, Decimal] = defaultdict(Decimal)
    for row in spend:
        if row.day is not None and row.day > as_of:
            continue
        if row.strategy is not None:
            by_strategy[row.strategy] += row.amount
        if row.task is not None:
            by_task[row.task] += row.amount
    out = SpendReview(as_of, plan.plan.unit)
    for strategy in plan.strategies:
        out.lines.append(BudgetLine("strategy", strategy.id, strategy.name, strategy.budget, by_strategy[strategy.id]))
    for task in plan.tasks:
        out.lines.append(BudgetLine("task", task.id, task.name, task.budget, by_task[task.id]))
    out.lines += _modules(plan, by_strategy)
    for strategy in plan.strategies:
        if strategy.id in attributed:
            spent = Fraction(by_strategy[strategy.id])
            out.roi.append(RoiLine(strategy.id, strategy.name, attributed[strategy.id], spent))
    return out


def _modules(plan: Plan, by_strategy: dict[str, Decimal]) -> list[BudgetLine]:
    """A line per module of the allocation: its share of the total, and what its strategies spent."""
    if plan.budget is None or plan.budget.total is None:
        return []
    by_module: dict[str, Decimal] = defaultdict(Decimal)
    for strategy in plan.strategies:
        if strategy.module is not None:
            by_module[strategy.module] += by_strategy.get(strategy.id, Decimal(0))
    total = plan.budget.total
    return [
        BudgetLine("module", module, module, total * percent / HUNDRED, by_module[module])
        for module, percent in plan.budget.allocation.items()
    ]
