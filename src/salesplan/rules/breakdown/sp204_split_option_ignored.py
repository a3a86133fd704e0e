"""A split level gives data that its method does not read: `weights` outside `method: weights`,
`values` outside `method: explicit`, `margins` outside `method: ipf`, `cap` outside
`method: capacity`. The split silently goes by its method, so the numbers written there have no
effect — usually the method was changed and the data left behind, or the method was forgotten
(the default is `even`).

Failing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: history, weights: {east-a: 3, east-b: 2}}

Passing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 3, east-b: 2}}
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.rules.base import Context, Finding

CODE = "SP204"
NAME = "split-option-ignored"
SEVERITY = "warning"
SUMMARY = "A split level gives weights, values, margins or cap that its method does not use."

# the field and the one method that reads it
_READ_BY = {"weights": "weights", "values": "explicit", "margins": "ipf", "cap": "capacity"}


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        for j, level in enumerate(target.split):
            for field, method in _READ_BY.items():
                if field not in level.model_fields_set or level.method == method:
                    continue
                yield Finding(
                    ("targets", i, "split", j, field),
                    f"`{field}` is ignored: target '{target.id}' splits this level by method {level.method},"
                    f" and only method {method} reads it",
                    f"`{field}` 不起作用：目标 '{target.id}' 的这一层按 {level.method} 拆解，"
                    f"只有 {method} 方法会读取它",
                    hint=f"set `method: {method}`, or delete `{field}`",
                    hint_zh=f"改为 `method: {method}`，或删除 `{field}`",
                    key=True,
                )
