"""The capacity engine: a target's split against the reps' ramped capacity, exact (Fractions).

The target of a region in a time part is the sum of the split's leaves of that region (a rep's leaf
counts for the rep's region), each spread over the days of its own time part (or of the plan period
when the split has no time level) and counted for the days that fall in the part. When a leaf has no
region (the target is split by no region, or a rep has none), the target has one row, of every leaf,
against every rep in scope. The capacity is,
for every rep of the region, capacity per day of the plan period times the rep's ramped days in the
part (`salesplan.model.ramp`), in the target's unit.

A hire of average capacity (the region's reps' mean, else the team's) who starts on the first day of
a month carries, in a time part, capacity per day times their ramped days in it, at the team's ramp
(`team.ramp`). Capacity is a rate: what a part leaves unused cannot be sold in another, so the hires
must cover every part's gap on its own, not the period's net gap. The hires a region needs are the
fewest, over the months they may start in, whose capacity in each short part covers its gap; their
latest start is the last month at which that many still cover every part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import ceil

from salesplan.i18n import Message, _
from salesplan.model.plan import Person, Plan, Target
from salesplan.model.ramp import Ramp, ramp_of, ramped_days
from salesplan.model.values import is_money_unit, unit_multiplier
from salesplan.periods import TIME_KINDS, TimePart, part_range, time_parts
from salesplan.split.result import TargetSplit

ALL = ""  # the region key of a target split by no region (and of the reps of every region)


@dataclass(frozen=True)
class Cell:
    """A region's target and capacity in one time part."""

    region: str
    part: str
    target: Fraction
    capacity: Fraction

    @property
    def gap(self) -> Fraction:
        """What the capacity lacks (negative: capacity to spare)."""
        return self.target - self.capacity


@dataclass(frozen=True)
class Hiring:
    """A region's gap over the period, its parts' shortfalls and the hires that cover each of them."""

    region: str
    gap: Fraction  # the sum of the parts' gaps (a part's spare capacity offsets another's gap)
    shortfall: Fraction  # the sum of the gaps of the parts short of capacity (spare capacity offsets none)
    average: Fraction | None  # a rep's average capacity over the period; None without reps with capacity
    reps: int  # hires needed (0 when no part is short, or no average to hire at)
    start: str | None  # the latest month (id) they may start and still cover every part's gap
    carries: Fraction | None  # what one hire starting then carries to the period's end


@dataclass(frozen=True)
class CapacityPlan:
    """Everything `salesplan capacity` shows, for one target."""

    target_id: str
    unit: str
    by: str
    parts: tuple[str, ...]
    regions: tuple[str, ...]
    cells: tuple[Cell, ...]
    hiring: tuple[Hiring, ...]


def revenue_target(plan: Plan) -> Target | None:
    """The target capacity is measured against by default: the first revenue target, else the first money one."""
    money = [t for t in plan.targets if is_money_unit(plan.target_unit(t)) and plan.target_unit(t) != "%"]
    return next((t for t in money if t.metric == "revenue"), money[0] if money else None)


def chosen_target(plan: Plan, target_id: str | None) -> Target | Message:
    """The target named (else the default revenue target), or why there is none to measure."""
    if target_id is None:
        found = revenue_target(plan)
        return found if found is not None else _("the plan has no target in money to compare with capacity")
    target = next((t for t in plan.targets if t.id == target_id), None)
    if target is None:
        return _("unknown target '{target}'", target=target_id)
    unit = plan.target_unit(target)
    if unit == "%" or not is_money_unit(unit):
        return _("target '{target}' is not in money ({unit}): capacity is money", target=target_id, unit=unit)
    return target


def _leaf_range(coords: dict[str, str], period: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    start, end = period
    for kind in TIME_KINDS:
        if kind in coords:
            first, last = part_range(kind, coords[kind])
            start, end = max(start, first), min(end, last)
    return start, end


def _days(start: dt.date, end: dt.date) -> int:
    return max(0, (end - start).days + 1)


def _targets(
    plan: Plan, split: TargetSplit, parts: tuple[TimePart, ...], vacancies: Mapping[str, str | None]
) -> dict[tuple[str, str], Fraction]:
    period = (plan.plan.period.start, plan.plan.period.end)
    out: dict[tuple[str, str], Fraction] = {}
    for coords, node in split.leaves():
        region = coords.get("region")
        if region is None and "rep" in coords:
            person = plan.person(coords["rep"])
            region = person.region if person is not None else vacancies.get(coords["rep"])
        start, end = _leaf_range(coords, period)
        total = _days(start, end)
        if total == 0:
            continue
        for part in parts:
            days = _days(max(start, part.start), min(end, part.end))
            if days:
                key = (region or ALL, part.id)
                out[key] = out.get(key, Fraction(0)) + Fraction(node.value) * days / total
    return out


def _reps(plan: Plan, target: Target) -> list[Person]:
    scope = set(target.scope.regions) if target.scope and target.scope.regions else None
    return [
        p
        for p in plan.team.people
        if p.role == "rep" and p.capacity is not None and (scope is None or p.region in scope)
    ]


def _capacity(plan: Plan, rep: Person, part: TimePart, factor: Fraction) -> Fraction:
    """The rep's ramped capacity in the part, in the target's unit."""
    period = plan.plan.period
    start, end = max(part.start, rep.start or part.start), min(part.end, rep.end or part.end)
    assert rep.capacity is not None
    per_day = Fraction(rep.capacity) * factor / _days(period.start, period.end)
    return per_day * ramped_days(start, end, ramp_of(rep, plan.team))


def hire_carries(
    plan: Plan, average: Fraction, start: dt.date, end: dt.date | None = None, since: dt.date | None = None
) -> Fraction:
    """What a hire of `average` capacity starting on `start` carries from `since` (else `start`) to `end`
    (else the period's end), at the team's ramp."""
    period = plan.plan.period
    shares = plan.team.ramp
    ramp = Ramp(start, tuple(Fraction(s) / 100 for s in shares)) if shares else None
    first = start if since is None else max(start, since)
    return average / _days(period.start, period.end) * ramped_days(first, end or period.end, ramp)


def _average(reps: Iterable[Person], factor: Fraction) -> Fraction | None:
    values = [Fraction(p.capacity) * factor for p in reps if p.capacity is not None]
    return sum(values, Fraction(0)) / len(values) if values else None


def _needed(plan: Plan, average: Fraction, start: dt.date, short: list[tuple[TimePart, Fraction]]) -> int | None:
    """The fewest hires starting on `start` whose capacity in each short part covers its gap (None: no
    number does, a short part ending before they start or falling in a 0% month of their ramp)."""
    most = 0
    for part, gap in short:
        carried = hire_carries(plan, average, start, part.end, part.start)
        if carried == 0:
            return None
        most = max(most, ceil(gap / carried))
    return most


def _hiring(plan: Plan, region: str, row: list[Cell], parts: tuple[TimePart, ...], average: Fraction | None) -> Hiring:
    gap = sum((c.gap for c in row), Fraction(0))
    short = [(part, cell.gap) for part, cell in zip(parts, row, strict=True) if cell.gap > 0]
    shortfall = sum((g for _part, g in short), Fraction(0))
    if not short or average is None or average == 0:
        return Hiring(region, gap, shortfall, average, 0, None, None)
    months = time_parts("month", plan.plan.period.start, plan.plan.period.end)
    needed = [(m, _needed(plan, average, m.start, short)) for m in months]
    feasible = [n for _m, n in needed if n is not None]
    if not feasible:  # a ramp at 0% wherever a part is short: no hire carries anything there
        return Hiring(region, gap, shortfall, average, 0, None, None)
    reps = min(feasible)
    month = next(m for m, n in reversed(needed) if n is not None and n <= reps)
    return Hiring(region, gap, shortfall, average, reps, month.id, hire_carries(plan, average, month.start))


def plan_capacity(
    plan: Plan, target: Target, split: TargetSplit, by: str = "month", vacancies: Mapping[str, str | None] | None = None
) -> CapacityPlan:
    """The target's split against the reps' ramped capacity, region by time part of kind `by`; the
    split's `vacancies` (`salesplan.capacity.vacancies`: stand-in rep -> region) count for their region
    and carry no capacity."""
    period = plan.plan.period
    parts = time_parts(by, period.start, period.end)
    factor = Fraction(unit_multiplier(plan.plan.unit), unit_multiplier(plan.target_unit(target)))
    targets = _targets(plan, split, parts, vacancies or {})
    reps = _reps(plan, target)
    keys = {region for region, _ in targets}
    if ALL in keys:  # a part of no region (a rep without one): one row for the whole target, every leaf in it
        whole: dict[tuple[str, str], Fraction] = {}
        for (_region, part_id), value in targets.items():
            whole[(ALL, part_id)] = whole.get((ALL, part_id), Fraction(0)) + value
        targets = whole
    regions = [ALL] if ALL in keys else sorted(keys | {p.region for p in reps if p.region})
    order = {r.id: i for i, r in enumerate(plan.team.regions)}
    regions.sort(key=lambda r: (order.get(r, len(order)), r))
    cells: list[Cell] = []
    hiring: list[Hiring] = []
    for region in regions:
        own = [p for p in reps if region == ALL or p.region == region]
        row = [
            Cell(
                region,
                part.id,
                targets.get((region, part.id), Fraction(0)),
                sum((_capacity(plan, p, part, factor) for p in own), Fraction(0)),
            )
            for part in parts
        ]
        cells.extend(row)
        average = _average(own, factor) if own else _average(reps, factor)
        hiring.append(_hiring(plan, region, row, parts, average))
    unit = plan.target_unit(target)
    return CapacityPlan(target.id, unit, by, tuple(p.id for p in parts), tuple(regions), tuple(cells), tuple(hiring))
