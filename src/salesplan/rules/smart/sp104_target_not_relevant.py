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

from salesplan.rules.base import Context, Finding

CODE = "SP104"
NAME = "target-not-relevant"
SEVERITY = "error"
SUMMARY = "A target must be linked to at least one strategy that exists."


def check(ctx: Context) -> Iterator[Finding]:
    known = {s.id for s in ctx.plan.strategies}
    for i, target in enumerate(ctx.plan.targets):
        if not target.strategies:
            yield Finding(
                ("targets", i),
                f"target '{target.id}' is linked to no strategy",
                f"目标 '{target.id}' 未关联任何策略",
                hint="add `strategies: [S1]` naming the strategies that serve it",
                hint_zh="补上 `strategies: [S1]`，写明支撑该目标的策略",
            )
        elif not any(sid in known for sid in target.strategies):
            yield Finding(
                ("targets", i, "strategies"),
                f"none of the strategies of target '{target.id}' exists",
                f"目标 '{target.id}' 关联的策略都不存在",
                hint=f"known strategies: {', '.join(sorted(known)) or 'none'}",
                hint_zh=f"已定义的策略：{'、'.join(sorted(known)) or '无'}",
            )
