"""Two plans compared by meaning: `diff_plans(old, new) -> PlanDiff`.

Pure: no printing, no files. Both plans are loaded (`salesplan.loader`) and split
(`salesplan.split.engine.split_plan`) by `prepare`; a plan that does not load or split comes back
as its diagnostics, and nothing is compared. Amounts are compared exactly (Decimal) in the new
plan's unit: an old plan in 万元 is read in 元 by moving the decimal point (`salesplan.diff.units`).
YAML layout, comments, key order and the order of lists do not count as changes; neither do
inputs that give the same numbers (weights 3:3:4 written 30:30:40).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from salesplan.diagnostics import Diagnostic, has_errors
from salesplan.diff import sections
from salesplan.diff.fields import by_id, entities
from salesplan.diff.parts import compare_splits
from salesplan.diff.result import PlanDiff, Status, TargetDiff
from salesplan.diff.units import Scale, comparable, converter

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.model.plan import Plan, Target
    from salesplan.split.result import TargetSplit


@dataclass
class Side:
    """One plan of a comparison: loaded, and every target split."""

    file: str
    plan: Plan
    splits: dict[str, TargetSplit]


@dataclass
class Prepared:
    side: Side | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def prepare(loaded: LoadedPlan) -> Prepared:
    """A loaded plan split for comparison; `side` is None when it did not load or a target did not split."""
    from salesplan.split.engine import split_plan

    if loaded.plan is None or not loaded.ok:
        return Prepared(None, list(loaded.diagnostics))
    outcome = split_plan(loaded)
    found = [*loaded.diagnostics, *outcome.diagnostics]
    if has_errors(outcome.diagnostics):
        return Prepared(None, found)
    return Prepared(Side(loaded.file, loaded.plan, {s.target_id: s for s in outcome.splits}), found)


def _target(old: Side, new: Side, ident: str) -> TargetDiff | None:
    before: Target | None = by_id(old.plan.targets).get(ident)
    after: Target | None = by_id(new.plan.targets).get(ident)
    old_unit = old.plan.target_unit(before) if before is not None else ""
    new_unit = new.plan.target_unit(after) if after is not None else ""
    same_kind = before is None or after is None or comparable(old_unit, new_unit)
    both = before is not None and after is not None
    scale = converter(old_unit, new_unit) if both and same_kind else Scale(0) if not both else None
    fields = sections.target_fields(before, after, old_unit, new_unit, scale)
    old_split = old.splits.get(ident) if before is not None else None
    new_split = new.splits.get(ident) if after is not None else None
    parts = compare_splits(old_split, new_split, scale or converter(None, None)) if same_kind else ()
    if both and not fields and not parts:
        return None
    status: Status = "changed" if both else "added" if after is not None else "removed"
    shown = after if after is not None else before
    assert shown is not None
    old_value = (scale(before.value) if scale else before.value) if before is not None else None
    return TargetDiff(
        ident,
        shown.name or "",
        status,
        new_unit or old_unit,
        old_value,
        after.value if after is not None else None,
        fields,
        parts,
        comparable=same_kind,
    )


def _other(old: Plan, new: Plan) -> tuple[str, ...]:
    """Sections compared only as a whole: history (its amounts are inputs; their effect is in the parts)."""
    if old.plan.unit != new.plan.unit:
        return ()  # amounts in another unit: the unit change is reported, and the parts say the rest
    return ("history",) if old.history != new.history else ()


def diff_plans(old: Side, new: Side) -> PlanDiff:
    """Everything that changed from `old` to `new` (see `salesplan.diff.result` and docs/diff.md)."""
    o, n = old.plan, new.plan
    scale = converter(o.plan.unit, n.plan.unit) if comparable(o.plan.unit, n.plan.unit) else converter(None, None)
    unit = n.plan.unit
    ids = [*by_id(n.targets), *(t for t in by_id(o.targets) if t not in by_id(n.targets))]
    plan_fields = entities("plan", {"plan": o.plan}, {"plan": n.plan}, sections.PLAN)
    return PlanDiff(
        old.file,
        new.file,
        unit,
        plan=plan_fields[0].fields if plan_fields else (),
        targets=tuple(t for t in (_target(old, new, i) for i in ids) if t is not None),
        strategies=entities("strategy", by_id(o.strategies), by_id(n.strategies), sections.STRATEGY, scale, unit),
        budget=sections.budget(o, n, scale),
        risks=sections.risks(o, n),
        tasks=entities("task", by_id(o.tasks), by_id(n.tasks), sections.TASK, scale, unit),
        team=sections.team(o, n, scale),
        other=_other(o, n),
    )


__all__ = ["Prepared", "Side", "diff_plans", "prepare"]
