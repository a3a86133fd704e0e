"""What rules read besides the plan: their options' values (each option is declared beside its rule),
and the metric keyword lists the options default to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from salesplan.model.values import REVENUE_METRICS as REVENUE_METRICS
from salesplan.options import Option, value_of
from salesplan.risk.config import RiskConfig

T = TypeVar("T")

# metrics whose targets are growth over a baseline (substring match on the metric name)
GROWTH_METRICS = (
    "revenue", "sales", "gmv", "customer", "rate", "order_value", "aov", "retention",
    "repurchase", "collection", "roi", "conversion", "coverage", "profit", "orders",
)  # fmt: skip
# metrics where less is better: a target below its baseline is the stretch
LOWER_IS_BETTER = ("cycle", "complaint", "churn", "cost", "time", "days", "response", "overdue")
# metrics counted in money: they may take the plan's money unit
MONEY_METRICS = ("revenue", "sales", "gmv", "amount", "order_value", "aov", "collection", "payment", "profit")


@dataclass(frozen=True)
class RuleSettings:
    """What the rules read: the options' values from salesplan.toml, by key (`smart.max-growth`);
    an option not given keeps the default its rule declares. `risk` is the matrix the `[risk]`
    options describe. Percentages are percent points (50 = 50%)."""

    values: Mapping[str, Any] = field(default_factory=dict)
    risk: RiskConfig = field(default_factory=RiskConfig)

    def get(self, option: Option[T]) -> T:
        return value_of(self.values, option)


def matches(metric: str | None, keywords: tuple[str, ...]) -> bool:
    return metric is not None and any(word in metric.lower() for word in keywords)
