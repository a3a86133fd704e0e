"""The numbers written in a target's breakdown must add up to their parent exactly (拆解合计).

`method: explicit` values of the first level are parts of the target itself, so they add up to
the target's value; so does each dimension of an `ipf` level's `margins`. Parts are compared
exactly, in the target's unit ("500万" and "300" are both read in it).

Failing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: explicit, values: {east-a: 300, east-b: 180}}

Passing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from salesplan.i18n import Message, _
from salesplan.rules.base import Context, Finding

CODE = "SP201"
NAME = "split-does-not-add-up"
SEVERITY = "error"
SUMMARY = "Explicit split values (and ipf margins) must add up to the target's value."


def _mismatch(
    path: tuple[str | int, ...], what: Message, parts: Mapping[str, Decimal], whole: Decimal
) -> Finding | None:
    """`what`: the parts, named."""
    total = sum(parts.values(), Decimal(0))
    if total == whole:
        return None
    gap = whole - total
    if gap < 0:
        message = _("{what} add up to {total}, not {whole} (+{gap})", what=what, total=total, whole=whole, gap=abs(gap))
    else:
        message = _("{what} add up to {total}, not {whole} (-{gap})", what=what, total=total, whole=whole, gap=abs(gap))
    return Finding(
        path,
        message,
        _("change the parts so that they add up exactly, or use another method (history, capacity, ...)"),
    )


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        if not target.split:
            continue
        level = target.split[0]
        path = ("targets", i, "split", 0)
        if level.method == "explicit" and level.values:
            what = _("explicit values of target '{id}'", id=target.id)
            found = _mismatch((*path, "values"), what, level.values, target.value)
            if found:
                yield found
        if level.method == "ipf" and level.margins:
            for dim, margin in level.margins.items():
                what = _("{dim} margins of target '{id}'", dim=dim, id=target.id)
                found = _mismatch((*path, "margins", dim), what, margin, target.value)
                if found:
                    yield found
