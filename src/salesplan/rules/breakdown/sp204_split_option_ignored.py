"""A split level gives data that its method does not read: `weights` outside `method: weights`,
`values` outside `method: explicit`, `margins` outside `method: ipf`, `cap` outside
`method: capacity` (a level with `rest:` reads its `values:`, and the weights or cap of its rest's
method). The split silently goes by its method, so the numbers written there have no
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

from salesplan.i18n import _
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
            reads = level.rest or level.method  # with `rest:`, values are held and the rest's method splits
            for field, method in _READ_BY.items():
                if field not in level.model_fields_set or reads == method or (field == "values" and level.rest):
                    continue
                yield Finding(
                    ("targets", i, "split", j, field),
                    _(
                        "`{field}` is ignored: target '{id}' splits this level by method {method},"
                        " and only method {reader} reads it",
                        field=field,
                        id=target.id,
                        method=level.method,
                        reader=method,
                    ),
                    _("set `method: {reader}`, or delete `{field}`", reader=method, field=field),
                    key=True,
                )
