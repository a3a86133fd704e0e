"""What a team can carry: reps' capacities in a target's scope, prorated by their active days (ramped)."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from salesplan.model.plan import Plan, Target
from salesplan.model.ramp import ramp_of, ramped_days
from salesplan.model.values import unit_multiplier


def team_capacity(plan: Plan, target: Target) -> Decimal | None:
    """Capacity in the plan's unit of the reps in the target's regions; None when no rep has one."""
    period = plan.plan.period
    total_days = (period.end - period.start).days + 1
    if total_days <= 0:
        return None
    regions = set(target.scope.regions) if target.scope and target.scope.regions else None
    total: Decimal | None = None
    for person in plan.team.people:
        if person.role != "rep" or person.capacity is None:
            continue
        if regions is not None and person.region not in regions:
            continue
        start = max(period.start, person.start or period.start)
        end = min(period.end, person.end or period.end)
        ramp = ramp_of(person, plan.team)
        if ramp is None:
            active = max(0, (end - start).days + 1)
            total = (total or Decimal(0)) + person.capacity * active / total_days
        else:  # each active day at its tenure month's share (a Fraction of tenths of a percent: exact)
            days = ramped_days(start, end, ramp)
            total = (total or Decimal(0)) + person.capacity * days.numerator / (days.denominator * total_days)
    return total


def capacity_in_target_unit(plan: Plan, target: Target, capacity: Decimal) -> Decimal:
    """`capacity` (plan unit) in the target's unit, rounded up to the target's granularity.

    The split hands out whole multiples of the granularity, so a capacity of 499.57 carries 500.
    """
    in_unit = capacity * unit_multiplier(plan.plan.unit) / unit_multiplier(plan.target_unit(target))
    step = target.granularity if target.granularity and target.granularity > 0 else Decimal(1)
    return (in_unit / step).to_integral_value(rounding=ROUND_CEILING) * step
