"""`salesplan split` must succeed on every target: lint runs the split engine and reports why not.

This rule does not re-implement the split: it runs the same engine as `salesplan split` and
reports each of its errors and warnings here, with the engine's own code in the message (for
example SP051 split-over-capacity: the reps cannot carry what is asked; SP045 all weights zero;
SP042 a month outside the period; SP058 a part without history, a warning). Targets already
reported by SP201 or SP202 are not split again.

Failing example::

    team:
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 100}
    targets:
      - id: T1
        value: 500
        split:
          - {by: rep, method: capacity}

Passing example::

    team:
      people:
        - {id: 李雷, role: rep, region: east-a, capacity: 300}
        - {id: 韩梅, role: rep, region: east-a, capacity: 200}
    targets:
      - id: T1
        value: 500
        split:
          - {by: rep, method: capacity}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.rules.base import Context, Finding
from salesplan.rules.breakdown import sp201_split_does_not_add_up, sp202_split_part_not_defined

CODE = "SP203"
NAME = "split-fails"
SEVERITY = "error"
SUMMARY = "Every target with a split must split cleanly (the split engine's own errors, reported here)."


def check(ctx: Context) -> Iterator[Finding]:
    from salesplan.split.engine import split_plan  # imported on first use: `salesplan rules` stays light

    flagged = {
        f.path[1]
        for rule in (sp201_split_does_not_add_up, sp202_split_part_not_defined)
        for f in rule.check(ctx)
        if len(f.path) > 1
    }
    ids = [t.id for i, t in enumerate(ctx.plan.targets) if t.split and i not in flagged]
    if not ids:
        return
    outcome = split_plan(ctx.loaded, ids)
    for diag in outcome.diagnostics:
        yield Finding(
            diag.path,
            f"split: {diag.message} ({diag.code} {diag.name})".replace(" )", ")"),
            f"拆解：{diag.message_zh or diag.message}（{diag.code} {diag.name}）".replace(" ）", "）"),
            hint=diag.hint or "run `salesplan split` on this plan to see the breakdown",
            hint_zh=diag.hint_zh if diag.hint else "对该计划运行 `salesplan split` 查看拆解明细",
            severity=diag.severity,
            at=diag.source,
        )
