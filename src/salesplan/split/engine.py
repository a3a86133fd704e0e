"""The split engine: a plan's targets broken down into exact parts that say how they were reached.

    split_plan(loaded, target_ids=None, *, allow_over_capacity=False, max_leaves=2_000_000) -> SplitOutcome

Pure: no printing, no files, never raises for a bad plan — every problem is a located diagnostic
(codes SP040–SP059 in `salesplan.codes`). A target whose split fails is left out of `splits`
and its diagnostics say why; a target without `split:` gives a root with no children. When the
plan did not load (`loaded.plan is None`) nothing is split and no diagnostic is added: the
loader's own diagnostics already say why.

Semantics
- Levels run outermost first; each part of a level is split again by the next level.
- Parts: region/product levels take the target's scope (else the team's regions/products), in the
  order declared, or `parts:` in its order. A rep level takes the people with role rep in the
  node's region (else in the target's scope). Time levels (quarter `2026-Q3`, month `2026-07`, ISO
  week `2026-W27`) cover the plan period, clipped to it and to any outer time part; keys may be
  written `Q3`, `2026-7`, `7月`, `W27` when the period lies in one year.
- Methods: even; weights (every part needs a weight; 0 gives nothing); explicit (`values`, in the
  target's unit, must add up to the node exactly; an unlisted part gets 0); history (shares of
  `history.metrics[metric]` if present, else `history.revenue`, looked up in the node's context:
  a product split inside east-a uses east-a's row, a region split sums each region's row over the
  target's products, a product split without a region sums the product over the scope's regions;
  a part without history gets 0 with warning SP058); capacity (reps' `capacity` prorated to the
  days they are active in the node's window); workdays (time parts weighted by China's working
  days from `chinese_calendar`, holidays and make-up days included; a year it does not know
  falls back to Mon–Fri with warning SP054); ipf (see `salesplan.split.ipf_level`).
- Edges and activity: `even` over time gives an edge part its share of days (`按天数 5/7`); given
  weights are not prorated at the period's edges. A rep is active from `start` to `end`: a rep
  level gives nothing to a rep not active at all in the node's window (`even` gives an equal
  share to every rep active there, even partly); a time level under a rep multiplies each part's
  weight by the share of its days the rep is active — weights 3:3:4 over Jul–Sep become 0:3:4
  for a rep who starts on 1 August. Explicit values are taken as given.
- Exactness: all arithmetic is in whole units of the target's `granularity` (default 1) and
  fractions.Fraction — never float. Rounding is largest remainder (Hamilton), ties to the larger
  weight, then to the earlier part; every node's parts add up to it exactly and each part is within
  one unit of its exact quota (capacity caps may move whole units, see below). A target value that
  is not a whole multiple of the granularity is SP040.
- Capacity caps (`method: capacity`, `cap: true`, the default): a rep's cap applies across the
  whole target (a rep under two products carries both parts within one cap); the cap is the
  rep's capacity prorated to the active days in the plan period, rounded up to whole units. Excess
  goes to the other reps of the node in proportion to their remaining room. When rounding node by
  node would put a rep over the cap, the level is rounded as a whole instead (every part still
  the floor or ceiling of its quota, see `salesplan.split.capacity_round`). If the reps cannot
  carry what is asked, SP051 is an error — or, with `allow_over_capacity`, a warning, and the
  parts are then plain capacity shares (the excess spread in proportion to capacity).
- `max_leaves`: leaves are counted from the level sizes before anything is built; a target that
  would take the count of all selected targets past the limit is refused with SP053.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Text, _
from salesplan.split.commit import unknown_commitments
from salesplan.split.env import SplitProblem, TargetEnv, plain
from salesplan.split.growth import comparable
from salesplan.split.result import Basis, SplitNode, TargetSplit

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.model.plan import Plan

MAX_LEAVES = 2_000_000


@dataclass
class SplitOutcome:
    """The breakdowns that could be made, and every finding (errors and warnings) on the way."""

    splits: list[TargetSplit] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def split_plan(
    loaded: LoadedPlan,
    target_ids: list[str] | None = None,
    *,
    allow_over_capacity: bool = False,
    max_leaves: int = MAX_LEAVES,
) -> SplitOutcome:
    """Split the plan's targets (all, or those named, in the plan's order)."""
    outcome = SplitOutcome()
    plan = loaded.plan
    if plan is None:
        return outcome
    indexes = _select(loaded, target_ids, outcome)
    budget = max_leaves
    with _cyclic_gc_paused():
        for index in indexes:
            budget = _split_one(loaded, plan, index, budget, allow_over_capacity, max_leaves, outcome)
    outcome.diagnostics = _unique(outcome.diagnostics)
    return outcome


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """A breakdown is a tree of fresh objects without reference cycles: the cyclic collector's
    repeated passes over them only cost time (and made it grow faster than the leaves)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _split_one(
    loaded: LoadedPlan,
    plan: Plan,
    index: int,
    budget: int,
    allow_over_capacity: bool,
    max_leaves: int,
    outcome: SplitOutcome,
) -> int:
    """Split one target into `outcome`; returns the leaf budget left."""
    env = TargetEnv.build(plan, index, loaded.source)
    try:
        split, leaves = _split_target(env, budget, allow_over_capacity, max_leaves)
        budget -= leaves
        outcome.splits.append(split)
    except SplitProblem as problem:
        outcome.diagnostics += problem.diagnostics
    except Exception as exc:  # a bug: one diagnostic naming it, never a traceback
        error = f"{type(exc).__name__}: {exc}"
        outcome.diagnostics.append(
            env.diag(
                codes.SPLIT_INTERNAL,
                env.path("split"),
                _("internal error in the split engine: {error}", error=error),
                hint=_("please report it with the plan file"),
            )
        )
    outcome.diagnostics += env.warnings
    return budget


def _select(loaded: LoadedPlan, target_ids: list[str] | None, outcome: SplitOutcome) -> list[int]:
    assert loaded.plan is not None
    first: dict[str, int] = {}
    for i, target in enumerate(loaded.plan.targets):
        first.setdefault(target.id, i)
    if target_ids is None:
        return list(first.values())
    chosen: list[int] = []
    for ident in target_ids:
        if ident in first:
            if first[ident] not in chosen:
                chosen.append(first[ident])
            continue
        known: Text = ", ".join(first) or _("none")
        outcome.diagnostics.append(
            codes.diagnostic(
                codes.UNKNOWN_TARGET,
                loaded.source.ref(("targets",)),
                _("no target '{target}' in this plan (targets: {known})", target=ident, known=known),
                path=("targets",),
            )
        )
    return sorted(chosen)


def _split_target(env: TargetEnv, budget: int, allow_over_capacity: bool, max_leaves: int) -> tuple[TargetSplit, int]:
    from salesplan.split.build import Builder
    from salesplan.split.count import count_leaves
    from salesplan.split.levels import check_levels

    target = env.target
    root = SplitNode(None, None, target.value, Basis("total"))
    if not target.split:
        history = comparable(env.plan, target)
        return TargetSplit(target.id, env.unit, target.value, [], root, env.granularity, comparable=history), 1
    if env.unit == "%":
        raise SplitProblem(
            [
                env.diag(
                    codes.NOT_ADDITIVE,
                    env.path("split"),
                    _("a rate (unit %) cannot be split into parts that add up; split the counts behind it instead"),
                )
            ]
        )
    if target.value < 0 or env.granularity <= 0:
        raise SplitProblem([])  # the loader's SP033 already says why
    units = env.to_units(target.value)
    if units is None:
        g = plain(env.granularity)
        raise SplitProblem(
            [
                env.diag(
                    codes.NOT_WHOLE,
                    env.path("value"),
                    _(
                        "value {value} is not a whole multiple of the granularity {granularity}",
                        value=plain(target.value),
                        granularity=g,
                    ),
                    hint=_("change the value or the target's `granularity:`"),
                )
            ]
        )
    levels, static, sound = check_levels(env)
    if static:  # the levels above the first with a problem are still split: what they find is said too
        levels = levels[:sound]
    leaves = count_leaves(env, levels)
    if leaves > budget and static:
        raise SplitProblem(static)
    if leaves > budget:
        left, most, count = f"{budget:,}", f"{max_leaves:,}", f"{leaves:,}"
        limit: Text = _("{left} left of {limit}", left=left, limit=most) if budget != max_leaves else left
        raise SplitProblem(
            [
                env.diag(
                    codes.TOO_MANY_LEAVES,
                    env.path("split"),
                    _(
                        "the breakdown would have {leaves} leaves, more than the limit ({limit}); nothing was built",
                        leaves=count,
                        limit=limit,
                    ),
                    hint=_("split fewer levels (e.g. months instead of weeks) or fewer targets at once"),
                )
            ]
        )
    builder = Builder(env, allow_over_capacity)
    frontier = [(root, env.root_ctx(), units)]
    for k, level in enumerate(levels):
        try:
            frontier = builder.level(level, frontier, last=k == len(levels) - 1)
        except SplitProblem as problem:  # the level cannot be split at all: nothing below it can be checked
            env.deferred += problem.diagnostics
            break
    if static or env.deferred:  # every node of every level that could be reached was looked at: all at once
        raise SplitProblem(static + env.deferred)
    dims = [dim for level in levels for dim in level.dims]
    commit, history = dict(target.commit or {}), comparable(env.plan, target)
    split = TargetSplit(target.id, env.unit, target.value, dims, root, env.granularity, commit, history)
    if unknown := unknown_commitments(env, split):
        raise SplitProblem(unknown)
    return split, leaves


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, tuple[str | int, ...], str]] = set()
    out: list[Diagnostic] = []
    for diag in diagnostics:
        key = (diag.code, diag.path, diag.message)
        if key not in seen:
            seen.add(key)
            out.append(diag)
    return sorted(out, key=Diagnostic.sort_key)
