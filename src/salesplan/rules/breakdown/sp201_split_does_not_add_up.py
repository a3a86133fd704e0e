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

from salesplan.rules.base import Context, Finding

CODE = "SP201"
NAME = "split-does-not-add-up"
SEVERITY = "error"
SUMMARY = "Explicit split values (and ipf margins) must add up to the target's value."


def _mismatch(
    path: tuple[str | int, ...], what: tuple[str, str], parts: Mapping[str, Decimal], whole: Decimal
) -> Finding | None:
    """`what`: the parts named in English and in Chinese."""
    total = sum(parts.values(), Decimal(0))
    if total == whole:
        return None
    gap = whole - total
    return Finding(
        path,
        f"{what[0]} add up to {total}, not {whole} ({'+' if gap < 0 else '-'}{abs(gap)})",
        f"{what[1]}合计为 {total}，与目标值 {whole} 不符（{'多' if gap < 0 else '少'} {abs(gap)}）",
        hint="change the parts so that they add up exactly, or use another method (history, capacity, ...)",
        hint_zh="调整各项使合计恰好相等，或改用其他拆解方法（history、capacity 等）",
    )


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        if not target.split:
            continue
        level = target.split[0]
        path = ("targets", i, "split", 0)
        if level.method == "explicit" and level.values:
            what = (f"explicit values of target '{target.id}'", f"目标 '{target.id}' 的指定拆解值")
            found = _mismatch((*path, "values"), what, level.values, target.value)
            if found:
                yield found
        if level.method == "ipf" and level.margins:
            for dim, margin in level.margins.items():
                what = (f"{dim} margins of target '{target.id}'", f"目标 '{target.id}' 的 {dim} 边际值")
                found = _mismatch((*path, "margins", dim), what, margin, target.value)
                if found:
                    yield found
