"""A target must be time-bound (SMART T, 有时限): a deadline inside the plan's period.

Failing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        value: 500
        deadline: 2026-12-31

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        value: 500
        deadline: 2026-09-30
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP105"
NAME = "target-not-time-bound"
SEVERITY = "error"
SUMMARY = "A target needs a deadline inside the plan period."


def check(ctx: Context) -> Iterator[Finding]:
    period = ctx.plan.plan.period
    for i, target in enumerate(ctx.plan.targets):
        if target.deadline is None:
            yield Finding(
                ("targets", i),
                _("target '{id}' has no deadline", id=target.id),
                _("add `deadline: {end}`", end=period.end),
            )
        elif not period.start <= target.deadline <= period.end:
            yield Finding(
                ("targets", i, "deadline"),
                _(
                    "target '{id}' deadline {deadline} is outside the plan period {start} – {end}",
                    id=target.id,
                    deadline=target.deadline,
                    start=period.start,
                    end=period.end,
                ),
                _("move the deadline into the period, or widen the plan's period"),
            )
