"""What a split produces: a tree of exact parts, each saying how it was derived.

This is the contract between the split engine and its readers (the split command's renderers,
lint's breakdown rules, export's breakdown table, review).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from salesplan.split.basis_text import Basis as Basis
from salesplan.split.growth import Comparable, growth_text


@dataclass
class SplitNode:
    """One part of a breakdown. The root has level None; children add up to value exactly."""

    level: str | None
    part: str | None
    value: Decimal
    basis: Basis
    children: list[SplitNode] = field(default_factory=list)
    label: str | None = None  # display name (region/product name), where it differs from the id

    def walk(self, depth: int = 0) -> Iterator[tuple[int, SplitNode]]:
        """Pre-order: (depth, node), the root at depth 0."""
        stack: list[tuple[int, SplitNode]] = [(depth, self)]
        while stack:
            d, node = stack.pop()
            yield d, node
            stack.extend((d + 1, child) for child in reversed(node.children))


@dataclass
class TargetSplit:
    """A target's whole breakdown."""

    target_id: str
    unit: str
    value: Decimal
    levels: list[str]
    root: SplitNode
    granularity: Decimal = Decimal(1)
    commit: dict[str, Decimal] = field(default_factory=dict)  # the target's `commit:` (bottom-up commitments)
    comparable: Comparable | None = None  # the comparable history (同比), None when the target has none
    # a commitment of a commitments file keyed by a path (`east-a / P1`): key -> its (level, part id) steps
    commit_paths: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def growth(self, coords: dict[str, str], value: Decimal) -> str | None:
        """The 同比 of the node at `coords` (`+20.0%`), None without a comparable history."""
        found = self.comparable.growth(coords, value) if self.comparable is not None else None
        return growth_text(found) if found is not None else None

    def leaves(self) -> Iterator[tuple[dict[str, str], SplitNode]]:
        """Each leaf with its coordinates: {level: part} from the outermost level in."""
        stack: list[tuple[dict[str, str], SplitNode]] = [({}, self.root)]
        while stack:
            coords, node = stack.pop()
            if node.level is not None and node.part is not None:
                coords = {**coords, node.level: node.part}
            if not node.children:
                yield coords, node
            else:
                stack.extend((coords, child) for child in reversed(node.children))
