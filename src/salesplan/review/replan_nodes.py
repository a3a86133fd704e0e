"""What each node of a re-planned time level holds: its completed time parts at its own actuals.

The nodes are those the time level splits (the whole target when time is the first level, else each
path of parts above it, such as east-a/device/李雷). A node keeps its allocation: what it holds is
taken from it and the rest goes to its remaining parts, so a node's own shortfall is caught up and
its surplus absorbed by its own remaining parts, and the plan's total never changes.

- A held amount is the node's actuals in the part, rounded to the target's granularity (half up); a
  part whose actuals are negative (returns beyond sales) is held at 0 and reported, since a held part
  cannot be negative.
- When a node's actuals exceed its whole allocation, its completed parts are held at their actuals
  in time order until the allocation is used up (the part that crosses it is cut, later ones get 0),
  its remaining parts get 0, and the excess is reported: it is never moved to another node.
- A node whose parts have all ended has nothing left to re-split and stays as planned.
- A row counts in the node its parts name; a row naming a rep but no region is in the rep's region, one
  naming an account but no rep is in its owner's node.
- A row that lacks a part of the path (a rep but no product) cannot be placed in a node; such rows
  are reported and not held anywhere (when no row can be placed, the caller leaves the level as it is).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from salesplan.periods import TIME_KINDS, time_parts
from salesplan.review.placing import dated_by, exact_sum, part_of
from salesplan.review.rows import ActualRow
from salesplan.split.result import SplitNode, TargetSplit


@dataclass
class NodeHeld:
    """One node: its path, the amount held in each completed part, its allocation and any excess."""

    path: tuple[str, ...]
    held: dict[str, Decimal]
    allocation: Decimal
    actual: Decimal
    excess: Decimal = Decimal(0)


@dataclass
class HeldPlan:
    """The held amounts of every node of one time level, and what could not be placed."""

    nodes: list[NodeHeld] = field(default_factory=list)
    unplaced: list[ActualRow] = field(default_factory=list)
    placed: int = 0  # rows of completed parts held in a node
    rounded: int = 0  # held amounts that were not whole multiples of the granularity
    negative: list[tuple[tuple[str, ...], str, Decimal]] = field(default_factory=list)  # node, part, actuals

    @property
    def excess(self) -> list[NodeHeld]:
        return [node for node in self.nodes if node.excess > 0]


def nodes_at(root: SplitNode, depth: int) -> list[tuple[tuple[str, ...], SplitNode]]:
    """The nodes `depth` levels below the root, each with its path of parts, in pre-order."""
    out: list[tuple[tuple[str, ...], SplitNode]] = []
    stack: list[tuple[tuple[str, ...], SplitNode]] = [((), root)]
    while stack:
        path, node = stack.pop()
        if len(path) == depth:
            out.append((path, node))
            continue
        stack.extend(((*path, str(child.part)), child) for child in reversed(node.children))
    return out


def held_plan(
    split: TargetSplit,
    depth: int,
    rows: list[ActualRow],
    as_of: dt.date,
    period: tuple[dt.date, dt.date],
    regions: dict[str, str],
    owners: dict[str, str] | None = None,
) -> HeldPlan:
    """The held amounts of the time level at `depth` of `split` (see the module docstring); `regions`
    gives each rep's region, for rows that name a rep but no region, and `owners` each account's rep,
    for rows that name an account but no rep."""
    kind = split.levels[depth]
    above = split.levels[:depth]
    ended = {part.id for part in time_parts(kind, *period) if part.end <= as_of}
    nodes = nodes_at(split.root, depth)
    index = {path: i for i, (path, _) in enumerate(nodes)}
    found: list[dict[str, list[Decimal]]] = [{} for _ in nodes]
    out = HeldPlan()
    for row in rows:
        if row.target != split.target_id or not dated_by(row, as_of):
            continue
        part = part_of(row, kind)
        if part not in ended:
            continue
        path = tuple(_coordinate(row, dim, regions, owners or {}) for dim in above)
        at = index.get(path) if None not in path else None  # type: ignore[arg-type]
        if at is None:
            out.unplaced.append(row)
            continue
        found[at].setdefault(part, []).append(row.value)
        out.placed += 1
    for (path, node), mine in zip(nodes, found, strict=True):
        done = [str(child.part) for child in node.children if child.part in ended]
        if len(done) == len(node.children):
            continue  # nothing left to re-split: the node stays as planned
        held = {part: _to_grain(exact_sum(mine.get(part, [])), split.granularity) for part in done}
        out.rounded += sum(1 for part in done if held[part] != exact_sum(mine.get(part, [])))
        for part in done:
            if held[part] < 0:
                out.negative.append((path, part, exact_sum(mine.get(part, []))))
                held[part] = Decimal(0)
        out.nodes.append(_capped(path, held, node.value))
    return out


def _capped(path: tuple[str, ...], held: dict[str, Decimal], allocation: Decimal) -> NodeHeld:
    """The node's held parts in time order, cut where they pass its allocation."""
    actual = sum(held.values(), Decimal(0))
    if actual <= allocation:
        return NodeHeld(path, held, allocation, actual)
    left, capped = allocation, {}
    for part, amount in held.items():
        capped[part] = min(amount, left)
        left -= capped[part]
    return NodeHeld(path, capped, allocation, actual, actual - allocation)


def _to_grain(value: Decimal, granularity: Decimal) -> Decimal:
    units = (value / granularity).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return units * granularity if granularity != 1 else units


def _coordinate(row: ActualRow, dim: str, regions: dict[str, str], owners: dict[str, str]) -> str | None:
    """The row's part of level `dim`; a row naming a rep but no region is in the rep's region, one naming
    an account but no rep is its owner's (the reader already gives it the account's region and tier)."""
    if dim in TIME_KINDS:
        return part_of(row, dim)
    found = row.coords.get(dim)
    rep = row.coords.get("rep")
    if found is None and dim == "rep" and (account := row.coords.get("account")) is not None:
        return owners.get(account)
    if found is None and dim == "region" and rep is None and (account := row.coords.get("account")) is not None:
        rep = owners.get(account)
    if found is None and dim == "region" and rep is not None:
        return regions.get(rep)
    return found
