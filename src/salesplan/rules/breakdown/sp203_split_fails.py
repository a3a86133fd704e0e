"""`salesplan split` must succeed on every target: lint runs the split engine and reports why not.

This rule does not re-implement the split: it runs the same engine as `salesplan split` and
reports each of its errors and warnings under the engine's own code, located where the engine
points (for example SP051 split-over-capacity: the reps cannot carry what is asked; SP045 all
weights zero; SP042 a month outside the period; SP058 a part without history, a warning). Each of
those codes is documented on its own (`salesplan rules SP051`) and can be selected, ignored,
given another severity or suppressed (`# salesplan: ignore[SP051]`) like any rule; the split runs
when SP203 or any of them is enabled. A finding SP201 or SP202 already reports at the same key is
not said again; the target's other findings (a month missing further down) are.

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
from dataclasses import replace

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.rules.base import Context
from salesplan.rules.breakdown import sp201_split_does_not_add_up, sp202_split_part_not_defined

CODE = "SP203"
NAME = "split-fails"
SEVERITY = "error"
SUMMARY = "Every target with a split must split cleanly (the split engine's findings, under their own codes)."
# every split code but SP057 (lint splits the plan's own targets, never one named on a command line)
EMITS = tuple(code for code in codes.CODES if codes.group(code) == "split" and code != codes.UNKNOWN_TARGET)
# the hint of an engine finding that has none
SEE_SPLIT = _("run `salesplan split` on this plan to see the breakdown")


def check(ctx: Context) -> Iterator[Diagnostic]:
    from salesplan.split.engine import split_plan  # imported on first use: `salesplan rules` stays light

    said = {  # what SP201 and SP202 report already: the engine's finding at the same key is not said twice
        tuple(f.path) for rule in (sp201_split_does_not_add_up, sp202_split_part_not_defined) for f in rule.check(ctx)
    }
    ids = [t.id for t in ctx.plan.targets if t.split]
    if not ids:
        return
    outcome = split_plan(ctx.loaded, ids)
    for diag in outcome.diagnostics:
        if diag.path in said:
            continue
        if not diag.hint:
            diag = replace(diag, hint=SEE_SPLIT.render("en"), hint_zh=SEE_SPLIT.render("zh"))
        yield diag
