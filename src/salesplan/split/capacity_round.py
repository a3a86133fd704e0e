"""Controlled rounding of a capacity level when plain largest remainder breaks a rep's cap.

Largest remainder rounds each node on its own. When many nodes share the same shares (every week
of every product of a region), the same reps win the leftover units in all of them, and a rep well
within their cap in exact terms can end up hundreds of units over it. Moving those units back one
at a time is slow; rounding the whole level at once is not:

- rows are the nodes (each must add up to its units exactly), columns the reps;
- a rep's column may reach the ceiling of the rep's exact total over all nodes, never more; that
  is within the rep's cap, a whole number at least as large as the exact total;
- every cell becomes the floor or the ceiling of its exact quota: cells are rounded up in order of
  their fractional part (largest first) while their row still needs units and their column has
  room, then augmenting paths (breadth first, one unit at a time) finish the rows still short.

Such a rounding always exists: the exact quotas are a fractional flow of the same transport
problem, so an integral one exists too (integral flow theorem), and augmenting paths find it.
Every part stays within one unit of its quota and no rep carries more than the ceiling of their
exact total. All arithmetic is on integers and Fractions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from fractions import Fraction

from salesplan.split.shares import Shares

Job = tuple[int, Shares]
_SCALE = 10**30  # fractional parts as integers for ordering only; exactness never depends on it


class _Cells:
    """The level as a sparse matrix: per node, (rep, floor, fractional order key, has fraction)."""

    def __init__(self, jobs: Sequence[Job], quotas: Sequence[Sequence[Fraction]] | None) -> None:
        self.rows: list[list[tuple[str, int, int, bool]]] = []
        self.totals: dict[str, Fraction] = {}
        self.exact = True  # every node's quotas add up to its units
        grouped: dict[int, tuple[Shares, int]] = {}
        for n, (units, shares) in enumerate(jobs):
            row: list[tuple[str, int, int, bool]] = []
            if quotas is None:
                denominator = sum(shares.weights)
                for rep, weight in zip(shares.parts, shares.weights, strict=True):
                    if weight:
                        floor, rest = divmod(units * weight, denominator)
                        row.append((rep, floor, rest * _SCALE // denominator, rest > 0))
                seen = grouped.get(id(shares))
                grouped[id(shares)] = (shares, units + (seen[1] if seen else 0))
            else:
                given = Fraction(0)
                for rep, quota in zip(shares.parts, quotas[n], strict=True):
                    if quota:
                        floor, rest = divmod(quota.numerator, quota.denominator)
                        row.append((rep, floor, rest * _SCALE // quota.denominator, rest > 0))
                        self.totals[rep] = self.totals.get(rep, Fraction(0)) + quota
                        given += quota
                self.exact = self.exact and given == units
            self.rows.append(row)
        for shares, units in grouped.values():  # plain shares: one sum per distinct shares, not per node
            denominator = sum(shares.weights)
            for rep, weight in zip(shares.parts, shares.weights, strict=True):
                if weight:
                    self.totals[rep] = self.totals.get(rep, Fraction(0)) + Fraction(units * weight, denominator)


def controlled_allocations(
    jobs: Sequence[Job], caps: dict[str, int], quotas: Sequence[Sequence[Fraction]] | None = None
) -> list[list[int]] | None:
    """Whole parts for every node (floor or ceiling of its quota), every rep within their cap.

    `quotas` are the exact quotas per node and part (after water-filling), or None for the plain
    shares. Returns None when the quotas cannot give such a rounding (a node's quotas fall short of
    its units, or a rep's exact total is over their cap): the caller then repairs unit by unit.
    """
    cells = _Cells(jobs, quotas)
    if not cells.exact or any(total > caps[rep] for rep, total in cells.totals.items()):
        return None
    reps = list(cells.totals)
    row_need = [units - sum(c[1] for c in row) for (units, _), row in zip(jobs, cells.rows, strict=True)]
    col_need = {rep: -(-total.numerator // total.denominator) for rep, total in cells.totals.items()}  # ceilings
    for row in cells.rows:
        for rep, floor, _, _ in row:
            col_need[rep] -= floor
    up = [[False] * len(row) for row in cells.rows]
    holders: dict[str, dict[int, None]] = {rep: {} for rep in reps}  # rep -> nodes where it is rounded up
    expected = dict.fromkeys(reps, 0)  # per rep: the fractional parts still to come, scaled
    for row in cells.rows:
        for rep, _, key, _ in row:
            expected[rep] += key
    for n, row in enumerate(cells.rows):
        # a node takes its leftover units from the reps with the most room for what is still to come,
        # then by its own largest remainders: room is spent at the pace it is expected to be needed
        candidates = [i for i, (rep, _, _, fractional) in enumerate(row) if fractional and col_need[rep] > 0]
        candidates.sort(key=lambda i: (-(col_need[row[i][0]] * _SCALE // max(1, expected[row[i][0]])), -row[i][2], i))
        for i in candidates[: row_need[n]]:
            rep = row[i][0]
            up[n][i] = True
            holders[rep][n] = None
            col_need[rep] -= 1
            row_need[n] -= 1
        for rep, _, key, _ in row:
            expected[rep] -= key
    index = [{cell[0]: i for i, cell in enumerate(row)} for row in cells.rows]
    for n, need in enumerate(row_need):
        for _ in range(need):
            if not _augment(n, cells.rows, index, up, holders, col_need):
                return None
    return [_expand(shares, row, flags) for (_, shares), row, flags in zip(jobs, cells.rows, up, strict=True)]


def _expand(shares: Shares, row: list[tuple[str, int, int, bool]], flags: list[bool]) -> list[int]:
    values = dict.fromkeys(shares.parts, 0)
    for (rep, floor, _, _), flag in zip(row, flags, strict=True):
        values[rep] = floor + flag
    return [values[rep] for rep in shares.parts]


def _augment(
    start: int,
    rows: list[list[tuple[str, int, int, bool]]],
    index: list[dict[str, int]],
    up: list[list[bool]],
    holders: dict[str, dict[int, None]],
    col_need: dict[str, int],
) -> bool:
    """Round one more cell of node `start` up, shifting other nodes' choices along an alternating path."""
    came_from: dict[str, tuple[int, int, str | None, int | None]] = {}  # rep -> (node, cell, previous rep, its cell)
    queue: deque[tuple[int, str | None, int | None]] = deque([(start, None, None)])
    seen = {start}
    while queue:
        n, via, via_cell = queue.popleft()
        for i, (rep, _, _, fractional) in enumerate(rows[n]):
            if not fractional or up[n][i] or rep in came_from:
                continue
            came_from[rep] = (n, i, via, via_cell)
            if col_need[rep] > 0:
                col_need[rep] -= 1
                current: str | None = rep
                while current is not None:
                    node, cell, previous, previous_cell = came_from[current]
                    up[node][cell] = True
                    holders[current][node] = None
                    if previous is not None and previous_cell is not None:
                        up[node][previous_cell] = False
                        del holders[previous][node]
                    current = previous
                return True
            for k in holders[rep]:
                if k not in seen:
                    seen.add(k)
                    queue.append((k, rep, index[k][rep]))
    return False
