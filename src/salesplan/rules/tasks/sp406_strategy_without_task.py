"""Every strategy is carried out by at least one task (策略 → 执行): a warning.

Failing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕}
      - {id: S2, module: customer, name: 大客户分层跟进}
    tasks:
      - {id: K1, name: 代理商签约, strategy: S1, start: 2026-07-01, end: 2026-07-31}

Passing example::

    strategies:
      - {id: S1, module: channel, name: 渠道深耕}
    tasks:
      - {id: K1, name: 代理商签约, strategy: S1, start: 2026-07-01, end: 2026-07-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.rules.base import Context, Finding

CODE = "SP406"
NAME = "strategy-without-task"
SEVERITY = "warning"
SUMMARY = "Every strategy should have at least one task."


def check(ctx: Context) -> Iterator[Finding]:
    used = {task.strategy for task in ctx.plan.tasks}
    for i, strategy in enumerate(ctx.plan.strategies):
        if strategy.id not in used:
            yield Finding(
                ("strategies", i),
                f"strategy '{strategy.id}' has no task carrying it out",
                f"策略 '{strategy.id}' 没有对应的执行任务",
                hint=f"add a task with `strategy: {strategy.id}`",
                hint_zh=f"添加一个 `strategy: {strategy.id}` 的任务",
            )
