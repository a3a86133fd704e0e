"""Capacity planning (`salesplan capacity`): a target against the reps' ramped capacity, region by
time part, and the hires of average capacity that would close the gap, with their latest start."""

from salesplan.capacity.engine import CapacityPlan, Cell, Hiring, chosen_target, plan_capacity, revenue_target

__all__ = ["CapacityPlan", "Cell", "Hiring", "chosen_target", "plan_capacity", "revenue_target"]
