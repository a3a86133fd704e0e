"""A target must be measurable (SMART M, 可衡量): a number with a unit, and a baseline for growth.

The value's unit is the target's `unit`, `%` for a percent value, or the plan's money unit for
money metrics (revenue, sales, ...). A metric that is not money (new customers, satisfaction)
with no `unit` of its own would silently be read in the plan's money unit: give it one.
Growth metrics (revenue, customers, rates, ... — option `smart.growth-metrics`) need a
baseline so that progress can be measured: conversion 12% → 18%. The baseline is the target's
`baseline`, else its comparable history, the one its 同比 is computed from (see `salesplan split`:
`history.metrics[<metric>]`, or `history.revenue` / `history.by_month` for a revenue target in a
money unit, over the target's scope, of the plan period whole years earlier): a target measured
against that history needs no `baseline` of its own.

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

Also passing (no `baseline`, but a comparable history: 同比 600 / 500 - 1 = +20.0%)::

    history:
      revenue: {east-a: 300, east-b: 200}
    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - {id: T1, metric: revenue, value: 600}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.options import Option, words
from salesplan.rules.base import Context, Finding
from salesplan.rules.settings import GROWTH_METRICS, MONEY_METRICS, matches
from salesplan.split.growth import target_growth

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
        if (
            target.baseline is None
            and matches(target.metric, ctx.settings.get(GROWTH))
            and target_growth(ctx.plan, target) is None  # its comparable history is a baseline
        ):
            yield Finding(
                base,
                _(
                    "target '{id}' ({metric}) has no baseline to measure growth against",
                    id=target.id,
                    metric=target.metric,
                ),
                _(
                    "add `baseline:` with last period's value, e.g. baseline: 12%, or the comparable period's "
                    "history (history.revenue for revenue, history.metrics for another metric)"
                ),
            )
