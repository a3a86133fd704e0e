"""The thresholds rules read (their options), with defaults; `salesplan.toml` overrides them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from salesplan.risk.config import RiskConfig

# metrics whose targets are growth over a baseline (substring match on the metric name)
GROWTH_METRICS = (
    "revenue", "sales", "gmv", "customer", "rate", "order_value", "aov", "retention",
    "repurchase", "collection", "roi", "conversion", "coverage", "profit", "orders",
)  # fmt: skip
# metrics where less is better: a target below its baseline is the stretch
LOWER_IS_BETTER = ("cycle", "complaint", "churn", "cost", "time", "days", "response", "overdue")
# metrics counted in money: they may take the plan's money unit
MONEY_METRICS = ("revenue", "sales", "gmv", "amount", "order_value", "aov", "collection", "payment", "profit")
# revenue-like metrics, checked against the team's capacity
REVENUE_METRICS = ("revenue", "sales", "gmv")


@dataclass(frozen=True)
class Settings:
    """Options of the rules. Percentages are percent points (50 = 50%)."""

    max_growth: Decimal = Decimal(50)
    growth_metrics: tuple[str, ...] = GROWTH_METRICS
    lower_is_better: tuple[str, ...] = LOWER_IS_BETTER
    risk: RiskConfig = field(default_factory=RiskConfig)


def matches(metric: str | None, keywords: tuple[str, ...]) -> bool:
    return metric is not None and any(word in metric.lower() for word in keywords)
