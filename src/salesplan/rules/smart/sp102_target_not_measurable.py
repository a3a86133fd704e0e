"""A target must be measurable (SMART M, 可衡量): a number with a unit, and a baseline for growth.

The value's unit is the target's `unit`, `%` for a percent value, or the plan's money unit for
money metrics (revenue, sales, ...). A metric that is not money (new customers, satisfaction)
with no `unit` of its own would silently be read in the plan's money unit: give it one.
Growth metrics (revenue, customers, rates, ... — option `smart.growth-metrics`) need a
`baseline` so that progress can be measured: conversion 12% → 18%.

Options: `smart.growth-metrics` (metric name fragments that need a baseline).

Failing example::

    targets:
      - id: T2
        metric: new_customers
        value: 30

Passing example::

    targets:
      - id: T2
        metric: new_customers
        value: 30
        unit: 家
        baseline: 22
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.options import Option, words
from salesplan.rules.base import Context, Finding
from salesplan.rules.settings import GROWTH_METRICS, MONEY_METRICS, matches

CODE = "SP102"
NAME = "target-not-measurable"
SEVERITY = "error"
SUMMARY = "A target needs a value with a unit, and a baseline when its metric is a growth metric."
GROWTH: Option[tuple[str, ...]] = Option(
    "smart.growth-metrics", GROWTH_METRICS, words, "metric name fragments that need a baseline"
)
OPTIONS = (GROWTH,)


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        base = ("targets", i)
        if target.metric and not target.unit and not matches(target.metric, MONEY_METRICS):
            yield Finding(
                (*base, "value"),
                _(
                    "target '{id}' value {value} has no unit; '{metric}' is not money,"
                    " so the plan's unit '{unit}' does not fit",
                    id=target.id,
                    value=target.value,
                    metric=target.metric,
                    unit=ctx.plan.plan.unit,
                ),
                _("add `unit:` (e.g. customers, pieces, days) or write the value as a percent (18%)"),
            )
        if target.baseline is None and matches(target.metric, ctx.settings.get(GROWTH)):
            yield Finding(
                base,
                _(
                    "target '{id}' ({metric}) has no baseline to measure growth against",
                    id=target.id,
                    metric=target.metric,
                ),
                _("add `baseline:` with last period's value, e.g. baseline: 12%"),
            )
