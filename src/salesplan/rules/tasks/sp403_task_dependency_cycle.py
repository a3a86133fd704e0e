"""Task dependencies (`depends_on`) must not form a cycle: K1 → K2 → K1 can never start.

Each cycle is reported once, at the first of its tasks in the file, with the whole loop in the
message. (A `depends_on` naming an unknown task is SP031.)

Failing example::

    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31, depends_on: [K2]}
      - {id: K2, name: 代理商培训, start: 2026-08-01, end: 2026-08-15, depends_on: [K1]}

Passing example::

    tasks:
      - {id: K1, name: 代理商签约, start: 2026-07-01, end: 2026-07-31}
      - {id: K2, name: 代理商培训, start: 2026-08-01, end: 2026-08-15, depends_on: [K1]}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding

CODE = "SP403"
NAME = "task-dependency-cycle"
SEVERITY = "error"
SUMMARY = "Task dependencies must not form a cycle."


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Every cycle found by one iterative depth-first walk (no recursion: 100,000 tasks are fine)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []
    for root in graph:
        if state.get(root):
            continue
        path: list[str] = [root]
        stack: list[Iterator[str]] = [iter(graph[root])]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))
    return cycles


def check(ctx: Context) -> Iterator[Finding]:
    index = {task.id: i for i, task in enumerate(ctx.plan.tasks)}
    graph = {task.id: [d for d in task.depends_on if d in index] for task in ctx.plan.tasks}
    for cycle in find_cycles(graph):
        first = min(cycle[:-1], key=index.__getitem__)
        at = cycle.index(first)
        loop = [*cycle[at:-1], *cycle[:at], first]
        arrow = " → ".join(loop)
        yield Finding(
            ("tasks", index[first], "depends_on"),
            _("task dependencies form a cycle: {cycle}", cycle=arrow),
            _("remove one dependency of the loop"),
        )
