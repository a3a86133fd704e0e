"""Capacity caps at a rep level: no rep carries more than their capacity across the whole target.

A rep may appear under several nodes (every product of their region, every month...), so the cap
is on the sum of a rep's parts over the whole target, and it is the rep's capacity prorated to the
days they are active in the plan period, in whole granularity units rounded up (parts are whole
units, so a cap of 79.57 allows 80).

1. Exact quotas by prorated capacity at every node.
2. Water-filling: a rep whose quotas add up to more than the cap is scaled down to it; the excess
   of each node goes to the node's other reps in proportion to their remaining room; repeat until
   nobody is over (each round fixes at least one rep, so this ends).
3. Largest-remainder rounding per node. If that leaves a rep over their cap (the same reps win the
   leftover units of many alike nodes), the whole level is rounded at once instead, so that every
   rep's total is within one unit of their exact total (`salesplan.split.capacity_round`).
4. Where that cannot be done (water-filling found no taker for some excess), a repair: while a rep
   is over the cap, one unit moves along the shortest chain of nodes to a rep with room (an
   augmenting path). If no chain exists, the reps reachable from the overloaded one cannot carry
   what is asked: over capacity.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from salesplan.split.capacity_round import controlled_allocations
from salesplan.split.rounding import apportion, apportion_fractions, scaled_weights
from salesplan.split.shares import Shares

Job = tuple[int, Shares]  # a node's units and its shares at the rep level


class OverCapacity(Exception):
    """The reps `reps` are asked for `asked` units but can carry `can` units."""

    def __init__(self, reps: list[str], asked: Fraction, can: int) -> None:
        super().__init__(f"{reps}: {asked} > {can}")
        self.reps = reps
        self.asked = asked
        self.can = can


@dataclass
class CapacityPlan:
    allocations: list[list[int]]
    capped: set[str] = field(default_factory=set)
    helped: set[str] = field(default_factory=set)


def _members(shares: Shares) -> list[tuple[int, str]]:
    """The reps with a share (integer weights are positive exactly where the exact shares are)."""
    return [(i, rep) for i, rep in enumerate(shares.parts) if shares.weights[i] > 0]


def check_total(jobs: Sequence[Job], caps: dict[str, int]) -> None:
    """The simple test first: everything asked against every involved rep's cap."""
    distinct = {id(shares): shares for _, shares in jobs}.values()
    reps = list(dict.fromkeys(rep for shares in distinct for _, rep in _members(shares)))
    asked = sum(units for units, _ in jobs)
    can = sum(caps[rep] for rep in reps)
    if asked > can:
        raise OverCapacity(reps, Fraction(asked), can)


def _quotas(jobs: Sequence[Job]) -> list[list[Fraction]]:
    out: list[list[Fraction]] = []
    for units, shares in jobs:
        total = sum(shares.exact, Fraction(0))
        out.append([units * w / total if total else Fraction(0) for w in shares.exact])
    return out


def _column_totals(jobs: Sequence[Job], quotas: list[list[Fraction]]) -> dict[str, Fraction]:
    totals: dict[str, Fraction] = {}
    for (_, shares), row in zip(jobs, quotas, strict=True):
        for rep, q in zip(shares.parts, row, strict=True):
            totals[rep] = totals.get(rep, Fraction(0)) + q
    return totals


def _fast_totals(jobs: Sequence[Job]) -> dict[str, Fraction]:
    """Column totals of the plain quotas, summing the units of nodes that share their shares first."""
    grouped: dict[int, tuple[Shares, int]] = {}
    for units, shares in jobs:
        seen = grouped.get(id(shares))
        grouped[id(shares)] = (shares, units + (seen[1] if seen else 0))
    totals: dict[str, Fraction] = {}
    for shares, units in grouped.values():
        total = scaled_weights(shares.exact)[1]
        if not total:  # capacities are never negative: no rep of this node has a quota
            continue
        per_weight = units / total  # a quota is units * w / total: one product a rep
        for rep, w in zip(shares.parts, shares.exact, strict=True):
            if w:
                quota = w * per_weight
                so_far = totals.get(rep)
                totals[rep] = quota if so_far is None else so_far + quota
    return totals


def _water_fill(jobs: Sequence[Job], caps: dict[str, int], plan: CapacityPlan) -> list[list[Fraction]]:
    quotas = _quotas(jobs)
    while True:
        totals = _column_totals(jobs, quotas)
        over = {rep for rep, t in totals.items() if rep not in plan.capped and t > caps[rep]}
        if not over:
            return quotas
        excess: list[Fraction] = []
        for (_, shares), row in zip(jobs, quotas, strict=True):
            extra = Fraction(0)
            for i, rep in enumerate(shares.parts):
                if rep in over:
                    scaled = row[i] * caps[rep] / totals[rep]
                    extra += row[i] - scaled
                    row[i] = scaled
            excess.append(extra)
        plan.capped |= over
        room = {rep: caps[rep] - t for rep, t in totals.items() if rep not in plan.capped}
        for extra, (_, shares), row in zip(excess, jobs, quotas, strict=True):
            if not extra:
                continue
            takers = [(i, rep) for i, rep in _members(shares) if room.get(rep, 0) > 0]
            space = sum((room[rep] for _, rep in takers), Fraction(0))
            for i, rep in takers:
                row[i] += extra * room[rep] / space
                plan.helped.add(rep)
            # with no taker the excess is dropped here and restored by rounding; the repair decides


def allocate(jobs: Sequence[Job], caps: dict[str, int]) -> CapacityPlan:
    """Integer parts for every job, each node exact, no rep over their cap; raises OverCapacity."""
    check_total(jobs, caps)
    plan = CapacityPlan([])
    totals = _fast_totals(jobs)
    quotas: list[list[Fraction]] | None = None
    if any(t > caps[rep] for rep, t in totals.items()):
        quotas = _water_fill(jobs, caps, plan)
        plan.allocations = [apportion_fractions(units, row) for (units, _), row in zip(jobs, quotas, strict=True)]
    else:
        cache: dict[tuple[int, int], list[int]] = {}
        for units, shares in jobs:
            key = (id(shares), units)
            if key not in cache:
                cache[key] = apportion(units, shares.weights)
            plan.allocations.append(list(cache[key]))
    if any(carried > caps[rep] for rep, carried in _carried(jobs, plan.allocations).items()):
        controlled = controlled_allocations(jobs, caps, quotas)
        if controlled is not None:
            plan.allocations = controlled
        else:
            _repair(jobs, caps, plan, quotas or [])
    return plan


def _carried(jobs: Sequence[Job], allocations: list[list[int]]) -> dict[str, int]:
    carried: dict[str, int] = {}
    for (_, shares), row in zip(jobs, allocations, strict=True):
        for rep, units in zip(shares.parts, row, strict=True):
            carried[rep] = carried.get(rep, 0) + units
    return carried


def _repair(jobs: Sequence[Job], caps: dict[str, int], plan: CapacityPlan, quotas: list[list[Fraction]]) -> None:
    carried = _carried(jobs, plan.allocations)
    overloaded = [rep for rep in carried if carried[rep] > caps[rep]]
    if not overloaded:
        return
    if not quotas:
        quotas = _quotas(jobs)
    nodes_of: dict[str, list[int]] = {}
    for n, (_, shares) in enumerate(jobs):
        for _, rep in _members(shares):
            nodes_of.setdefault(rep, []).append(n)
    index = [{rep: i for i, rep in enumerate(shares.parts)} for _, shares in jobs]
    for rep in overloaded:
        while carried[rep] > caps[rep]:
            if not _augment(rep, jobs, caps, plan.allocations, quotas, carried, nodes_of, index):
                reached = _reachable(rep, jobs, plan.allocations, nodes_of)
                asked = sum((Fraction(carried[r]) for r in reached), Fraction(0))
                raise OverCapacity(reached, asked, sum(caps[r] for r in reached))


def _augment(
    source: str,
    jobs: Sequence[Job],
    caps: dict[str, int],
    alloc: list[list[int]],
    quotas: list[list[Fraction]],
    carried: dict[str, int],
    nodes_of: dict[str, list[int]],
    index: list[dict[str, int]],
) -> bool:
    """Move one unit from `source` to some rep with room along a chain of nodes (breadth first)."""
    came_from: dict[str, tuple[str, int] | None] = {source: None}
    queue = deque([source])
    while queue:
        giver = queue.popleft()
        nodes = [n for n in nodes_of.get(giver, []) if alloc[n][index[n][giver]] > 0]
        nodes.sort(key=lambda n: quotas[n][index[n][giver]] - alloc[n][index[n][giver]])
        for n in nodes:
            members = [rep for _, rep in _members(jobs[n][1]) if rep not in came_from]
            members.sort(key=lambda r: alloc[n][index[n][r]] - quotas[n][index[n][r]])
            for taker in members:
                came_from[taker] = (giver, n)
                if carried[taker] < caps[taker]:
                    _apply(taker, came_from, alloc, index, carried)
                    return True
                queue.append(taker)
    return False


def _apply(
    end: str,
    came_from: dict[str, tuple[str, int] | None],
    alloc: list[list[int]],
    index: list[dict[str, int]],
    carried: dict[str, int],
) -> None:
    carried[end] += 1
    step = came_from[end]
    taker = end
    while step is not None:
        giver, n = step
        alloc[n][index[n][taker]] += 1
        alloc[n][index[n][giver]] -= 1
        taker, step = giver, came_from[giver]
    carried[taker] -= 1


def _reachable(source: str, jobs: Sequence[Job], alloc: list[list[int]], nodes_of: dict[str, list[int]]) -> list[str]:
    seen = {source: None}
    queue = deque([source])
    while queue:
        rep = queue.popleft()
        for n in nodes_of.get(rep, []):
            for _, other in _members(jobs[n][1]):
                if other not in seen:
                    seen[other] = None
                    queue.append(other)
    return list(seen)
