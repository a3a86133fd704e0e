"""A target must be achievable (SMART A, 可实现): a reach, yet grounded — "接地气 + 够一够".

Its checks:

- growth over the baseline above `smart.max-growth` (default 50%) is an error: so high it
  demoralises. For metrics where less is better (sales cycle, complaints, cost — option
  `smart.lower-is-better`) the improvement is the drop below the baseline;
- a target without a `baseline` is measured against its comparable history instead (同比, see
  `salesplan split`: `history.metrics[<metric>]`, or `history.revenue` / `history.by_month` for a
  revenue target, summed over the target's scope, in the target's unit): growth = value / history
  - 1, held to the same band;
- a target without a baseline whose `history.period` is not the plan period whole years earlier
  (shorter, longer or shifted) is a warning at `history.period`: its 同比 is not computed;
- a target at or below its baseline or history (above, for less-is-better metrics) is a warning:
  no stretch;
- a revenue target above the team's capacity is an error. Capacity is the sum of the
  `capacity` of the reps in the target's regions, each prorated by the days they are active
  in the plan period (a rep who starts on 08-01 of a July–September plan counts 61/92) and
  by their ramp-up (`ramp` of the rep, else of the team: each day at its tenure month's share,
  so ramp [30%, 60%] from 08-01 counts 31 × 30% + 30 × 60% = 27.3 of the 92 days), rounded up
  to the target's granularity (the split hands out whole multiples of it).

Options: `smart.max-growth` (percent, default 50), `smart.lower-is-better`.

Failing example::

    team:
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 160}
    targets:
      - id: T1
        metric: revenue
        value: 500
        baseline: 200
        scope: {regions: [east-a]}

Also failing (no baseline: 同比 against history, 320 / 200 - 1 = +60.0%)::

    history:
      revenue: {east-a: 200}
    team:
      regions: [{id: east-a}]
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 400}
    targets:
      - {id: T1, metric: revenue, value: 320, scope: {regions: [east-a]}}

Passing example::

    team:
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 160}
        - {id: 韩梅, role: rep, region: east-a, capacity: 140}
    targets:
      - id: T1
        metric: revenue
        value: 280
        baseline: 240
        scope: {regions: [east-a]}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from salesplan.diagnostics import Severity
from salesplan.i18n import _
from salesplan.model.plan import Plan, Target
from salesplan.model.values import is_money_unit
from salesplan.numbers import plain, to_decimal
from salesplan.options import Option, percent, words
from salesplan.rules.base import Context, Finding
from salesplan.rules.settings import LOWER_IS_BETTER, REVENUE_METRICS, matches
from salesplan.rules.smart._capacity import capacity_in_target_unit, team_capacity
from salesplan.split.growth import comparable, growth_text, same_span, target_growth

CODE = "SP103"
NAME = "target-not-achievable"
SEVERITY = "error"
SUMMARY = "Growth over baseline within the band (no stretch is a warning); revenue within the team's capacity."
MAX_GROWTH: Option[Decimal] = Option(
    "smart.max-growth", Decimal(50), percent, "largest growth over the baseline, percent (default 50)"
)
LOWER: Option[tuple[str, ...]] = Option(
    "smart.lower-is-better", LOWER_IS_BETTER, words, "metric fragments where a drop is the stretch"
)
OPTIONS = (MAX_GROWTH, LOWER)


def _pct(value: Decimal) -> str:
    return f"{value:.1f}%"


def check(ctx: Context) -> Iterator[Finding]:
    plan, max_growth, lower = ctx.plan, ctx.settings.get(MAX_GROWTH), ctx.settings.get(LOWER)
    for i, target in enumerate(plan.targets):
        path = ("targets", i, "value")
        if target.baseline is None and (found := target_growth(plan, target)) is not None:
            yield from _against_history(target.id, found, max_growth, matches(target.metric, lower), path)
        elif target.baseline is None and (span := _other_span(plan, target)) is not None:
            yield span
        elif target.baseline is not None and target.baseline > 0:
            change = (target.value - target.baseline) / target.baseline * 100
            if matches(target.metric, lower):
                change = -change
            if change <= 0:
                yield Finding(
                    path,
                    _(
                        "target '{id}' {value} is no stretch over its baseline {baseline}",
                        id=target.id,
                        value=target.value,
                        baseline=target.baseline,
                    ),
                    _("set a target that improves on the baseline"),
                    severity=Severity.WARNING,
                )
            elif change > max_growth:
                yield Finding(
                    path,
                    _(
                        "target '{id}' asks for {growth} over its baseline {baseline}, more than the {band} band",
                        id=target.id,
                        growth=_pct(change),
                        baseline=target.baseline,
                        band=_pct(max_growth),
                    ),
                    _("lower the target, or raise smart.max-growth in salesplan.toml if history supports it"),
                )
        if not matches(target.metric, REVENUE_METRICS) or not is_money_unit(target.unit):
            continue
        capacity = team_capacity(plan, target)
        if capacity is None:
            continue
        carries = capacity_in_target_unit(plan, target, capacity)
        if target.value > carries:
            yield Finding(
                path,
                _(
                    "target '{id}' {value} exceeds the capacity of the reps in scope"
                    " ({capacity}, prorated by active days and ramp-up)",
                    id=target.id,
                    value=target.value,
                    capacity=carries,
                ),
                _("add reps or capacity, narrow the scope, or lower the target"),
            )


def _against_history(
    target: str, found: tuple[Fraction, Fraction], max_growth: Decimal, lower: bool, path: tuple[str | int, ...]
) -> Iterator[Finding]:
    """同比 against the comparable history, for a target without a baseline."""
    history, growth = found
    change = -growth if lower else growth
    shown = plain(to_decimal(history))
    if change <= 0:
        yield Finding(
            path,
            _(
                "target '{id}' is no stretch over its comparable history {history} (YoY {growth})",
                id=target,
                history=shown,
                growth=growth_text(growth),
            ),
            _("set a target that improves on the comparable period"),
            severity=Severity.WARNING,
        )
    elif change * 100 > max_growth:
        yield Finding(
            path,
            _(
                "target '{id}' asks for YoY {growth} over its comparable history {history}, more than the {band} band",
                id=target,
                growth=growth_text(growth),
                history=shown,
                band=_pct(max_growth),
            ),
            _("lower the target, or raise smart.max-growth in salesplan.toml if history supports it"),
        )


def _other_span(plan: Plan, target: Target) -> Finding | None:
    """A warning at history.period when it is not the comparable period of a target that has no
    baseline but would have a comparable history: its 同比 is not computed."""
    history = plan.history
    if history is None or history.period is None or same_span(plan):
        return None
    if comparable(plan, target, any_span=True) is None:
        return None
    period, span = plan.plan.period, history.period
    return Finding(
        ("history", "period"),
        _(
            "target '{id}' has no baseline, and history.period {start}..{end} is not the plan period "
            "{plan_start}..{plan_end} a whole number of years earlier: no YoY growth is computed",
            id=target.id,
            start=span.start.isoformat(),
            end=span.end.isoformat(),
            plan_start=period.start.isoformat(),
            plan_end=period.end.isoformat(),
        ),
        _("give history.period the comparable period (the same days last year), or a baseline"),
        severity=Severity.WARNING,
    )
