"""A target must be relevant (SMART R, 相关): it serves at least one strategy of this plan.

A target with no `strategies`, or whose strategies are all unknown ids, is not connected to how
the plan will reach it. (Each unknown id is also reported as SP031.)

Failing example::

    targets:
      - id: T1
        metric: revenue
        value: 500

Passing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕}
    targets:
      - id: T1
        metric: revenue
        value: 500
        strategies: [S1]
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import Message, _
from salesplan.rules.base import Context, Finding

CODE = "SP104"
NAME = "target-not-relevant"
SEVERITY = "error"
SUMMARY = "A target must be linked to at least one strategy that exists."


def _listing(items: list[str]) -> str | Message:
    """`a, b, c` (`a、b、c` in Chinese), nested by halves so that a long list renders without deep recursion."""
    if len(items) == 1:
        return items[0]
    half = len(items) // 2
    return _("{head}, {tail}", head=_listing(items[:half]), tail=_listing(items[half:]))


def check(ctx: Context) -> Iterator[Finding]:
    known = {s.id for s in ctx.plan.strategies}
    for i, target in enumerate(ctx.plan.targets):
        if not target.strategies:
            yield Finding(
                ("targets", i),
                _("target '{id}' is linked to no strategy", id=target.id),
                _("add `strategies: [S1]` naming the strategies that serve it"),
            )
        elif not any(sid in known for sid in target.strategies):
            yield Finding(
                ("targets", i, "strategies"),
                _("none of the strategies of target '{id}' exists", id=target.id),
                _("known strategies: {ids}", ids=_listing(sorted(known))) if known else _("known strategies: none"),
            )
