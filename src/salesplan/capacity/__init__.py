"""Capacity planning (`salesplan capacity`): a target against the reps' ramped capacity, region by
time part, and the hires of average capacity that would close the gap, with their latest start."""

from salesplan.capacity.engine import CapacityPlan, Cell, Hiring, chosen_target, plan_capacity, revenue_target
from salesplan.capacity.vacancies import CapacitySplit, split_for_capacity

__all__ = [
    "CapacityPlan",
    "CapacitySplit",
    "Cell",
    "Hiring",
    "chosen_target",
    "plan_capacity",
    "revenue_target",
    "split_for_capacity",
]
