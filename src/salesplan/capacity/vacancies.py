"""Regions with no active capacity, where hires are needed most: their targets for `salesplan capacity`.

A rep level cannot split a region in which no rep is active in the period (SP047): `split` and `lint`
refuse it, but for capacity planning that region is the point, so its target must be shown against a
capacity of 0. When the split fails on SP047 alone, each region without an active rep with capacity
gets a vacancy: a stand-in rep, active the whole period, never ramped, with a capacity no target
reaches, who carries the region's target in a second split. Regions with reps split exactly as before
(a region's value never depends on the reps of another region); the vacancy's leaves count for its
region, and its capacity is never counted (the capacity engine counts the plan's own reps only).
SP047 stays on stderr, as a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.loader import LoadedPlan
from salesplan.model.plan import Person, Plan, Target
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

_UNREACHABLE = Decimal(10) ** 30  # a vacancy's capacity: more than any target, so it is never over capacity


@dataclass
class CapacitySplit:
    """The split capacity measures (None when the target cannot be split), its findings, and the
    vacancies it holds: stand-in rep id -> their region (None: the target is split by no region)."""

    split: TargetSplit | None
    diagnostics: list[Diagnostic]
    vacancies: Mapping[str, str | None] = field(default_factory=dict)


def _active(person: Person, plan: Plan) -> bool:
    period = plan.plan.period
    starts, ends = person.start or period.start, person.end or period.end
    return bool(person.capacity) and starts <= period.end and ends >= period.start and starts <= ends


def vacant_regions(plan: Plan, target: Target) -> list[str | None]:
    """The regions of the target's region level with no rep active in the period with a capacity (a
    target split by no region: [None] when its whole scope has none)."""
    scoped = list(target.scope.regions) if target.scope and target.scope.regions else None
    staffed = {p.region for p in plan.team.people if p.role == "rep" and _active(p, plan)}
    by_region = any("region" in ([level.by] if isinstance(level.by, str) else level.by) for level in target.split)
    if not by_region:
        mine = [p for p in plan.team.people if p.role == "rep" and _active(p, plan)]
        return [] if any(scoped is None or p.region in scoped for p in mine) else [None]
    regions = scoped if scoped is not None else [r.id for r in plan.team.regions]
    return [r for r in regions if r not in staffed]


def _staffed(plan: Plan, vacancies: Mapping[str, str | None]) -> Plan:
    stand_ins = [Person(id=rep, role="rep", region=region, capacity=_UNREACHABLE) for rep, region in vacancies.items()]
    team = plan.team.model_copy(update={"people": [*plan.team.people, *stand_ins]})
    return plan.model_copy(update={"team": team})


def _as_warning(diagnostic: Diagnostic) -> Diagnostic:
    if diagnostic.code == codes.NO_REPS and diagnostic.severity is Severity.ERROR:
        return dataclasses.replace(diagnostic, severity=Severity.WARNING)
    return diagnostic


def split_for_capacity(loaded: LoadedPlan, target: Target) -> CapacitySplit:
    """The target's split as `salesplan split --allow-over-capacity` makes it; when that fails on SP047
    alone, the split with a vacancy in each region that lacks an active rep (SP047 then a warning)."""
    outcome = split_plan(loaded, [target.id], allow_over_capacity=True)
    if outcome.splits:
        return CapacitySplit(outcome.splits[0], outcome.diagnostics)
    plan = loaded.plan
    errors = [d for d in outcome.diagnostics if d.severity is Severity.ERROR]
    if plan is None or not errors or any(d.code != codes.NO_REPS for d in errors):
        return CapacitySplit(None, outcome.diagnostics)
    taken = {p.id for p in plan.team.people}
    vacancies = {_vacancy_id(region, taken): region for region in vacant_regions(plan, target)}
    if not vacancies:
        return CapacitySplit(None, outcome.diagnostics)
    again = split_plan(
        dataclasses.replace(loaded, plan=_staffed(plan, vacancies)), [target.id], allow_over_capacity=True
    )
    if not again.splits:
        return CapacitySplit(None, outcome.diagnostics)
    found = [_as_warning(d) for d in outcome.diagnostics]
    found += [d for d in again.diagnostics if d not in found]
    return CapacitySplit(again.splits[0], found, vacancies)


def _vacancy_id(region: str | None, taken: set[str]) -> str:
    ident = f"vacancy-{region or 'all'}"
    while ident in taken:
        ident += "-"
    taken.add(ident)
    return ident
