"""Regions with no active capacity, where hires are needed most: their targets for `salesplan capacity`.

A rep level cannot split a region in which no rep is active in the period, or, under a time level, in
a time part (SP047): `split` and `lint` refuse it, but for capacity planning that region is the point,
so its target must be shown against a capacity of 0. When the split fails on SP047 alone, each
region without an active rep with capacity gets a vacancy: a stand-in rep, active the days no rep of
the region is, never ramped, with a capacity no target reaches, who carries the region's target there
in a second split. A region's value and its time parts' never depend on who splits them below (the
capacity engine sums a region's leaves), so every region shows the target the split gives it; the
vacancy's leaves count for its region, and its capacity is never counted (the capacity engine counts
the plan's own reps only). SP047 stays on stderr, as a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.loader import LoadedPlan
from salesplan.model.plan import Person, Plan, SplitLevel, Target
from salesplan.model.values import unit_multiplier
from salesplan.periods import TIME_KINDS
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit


@dataclass
class CapacitySplit:
    """The split capacity measures (None when the target cannot be split), its findings, and the
    vacancies it holds: stand-in rep id -> their region (None: the target is split by no region)."""

    split: TargetSplit | None
    diagnostics: list[Diagnostic]
    vacancies: Mapping[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Vacancy:
    """Days of the period when a region (None: the target's whole scope) has no active rep with a
    capacity: the whole period, or, under a time level, a stretch of it."""

    region: str | None
    start: dt.date
    end: dt.date


def _dims(level: SplitLevel) -> list[str]:
    return [level.by] if isinstance(level.by, str) else list(level.by)


def _stretches(plan: Plan, reps: list[Person]) -> list[tuple[dt.date, dt.date]]:
    """The stretches of the period in which none of `reps` is active."""
    period = plan.plan.period
    spans = sorted((max(p.start or period.start, period.start), min(p.end or period.end, period.end)) for p in reps)
    out: list[tuple[dt.date, dt.date]] = []
    day = period.start
    for first, last in spans:
        if first > day:
            out.append((day, first - dt.timedelta(days=1)))
        day = max(day, last + dt.timedelta(days=1))
    if day <= period.end:
        out.append((day, period.end))
    return out


def vacancies(plan: Plan, target: Target) -> list[Vacancy]:
    """Where the target's rep level finds no active rep with a capacity: each region of its region level
    (a target split by no region: its whole scope) with none in the period; when a time level comes
    before the rep level, also each stretch of the period in which a region has none (its time parts
    there have no one to carry them; under no time level, a rep active on some days carries the region)."""
    period = plan.plan.period
    scoped = list(target.scope.regions) if target.scope and target.scope.regions else None
    active = [
        p
        for p in plan.team.people
        if p.role == "rep"
        and p.capacity
        and (scoped is None or p.region in scoped)
        and (p.start or period.start) <= min(p.end or period.end, period.end)
        and (p.end or period.end) >= period.start
    ]
    dims = [_dims(level) for level in target.split]
    first_rep = next((i for i, level in enumerate(dims) if "rep" in level), len(dims))
    timed = any(set(level) & set(TIME_KINDS) for level in dims[:first_rep])
    by_region = any("region" in level for level in dims)
    regions: list[str | None] = list(scoped or [r.id for r in plan.team.regions]) if by_region else [None]
    out: list[Vacancy] = []
    for region in regions:
        reps = [p for p in active if region is None or p.region == region]
        if reps and not timed:
            continue
        out.extend(Vacancy(region, first, last) for first, last in _stretches(plan, reps))
    return out


def _unreachable(plan: Plan, target: Target) -> Decimal:
    """A stand-in's capacity, in the plan's unit: ten times the target's value and more, so no part of it
    is over capacity (and small enough for the split's shown totals)."""
    factor = Decimal(unit_multiplier(plan.target_unit(target))) / Decimal(unit_multiplier(plan.plan.unit))
    return (abs(target.value) * factor + 1) * 10


def _staffed(plan: Plan, target: Target, stand_ins: Mapping[str, Vacancy]) -> Plan:
    period = plan.plan.period
    capacity = _unreachable(plan, target)
    people = [
        Person(
            id=rep,
            role="rep",
            region=vacancy.region,
            capacity=capacity,
            start=vacancy.start if vacancy.start > period.start else None,
            end=vacancy.end if vacancy.end < period.end else None,
            ramp=[Decimal(100)],  # a stand-in is never ramped
        )
        for rep, vacancy in stand_ins.items()
    ]
    team = plan.team.model_copy(update={"people": [*plan.team.people, *people]})
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
    stand_ins = {_vacancy_id(vacancy.region, taken): vacancy for vacancy in vacancies(plan, target)}
    if not stand_ins:
        return CapacitySplit(None, outcome.diagnostics)
    staffed = dataclasses.replace(loaded, plan=_staffed(plan, target, stand_ins))
    again = split_plan(staffed, [target.id], allow_over_capacity=True)
    if not again.splits:
        return CapacitySplit(None, outcome.diagnostics)
    # the first split's SP047, as warnings, then what the split shown found (the first's other findings
    # were about a split never made: its SP051 counted the rep level without the vacancies)
    found = [_as_warning(d) for d in outcome.diagnostics if d.code == codes.NO_REPS]
    found += [d for d in again.diagnostics if d not in found]
    return CapacitySplit(again.splits[0], found, {rep: vacancy.region for rep, vacancy in stand_ins.items()})


def _vacancy_id(region: str | None, taken: set[str]) -> str:
    ident = f"vacancy-{region or 'all'}"
    while ident in taken:
        ident += "-"
    taken.add(ident)
    return ident
