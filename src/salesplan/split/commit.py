"""Bottom-up commitments (承诺) beside the top-down allocation: a target's `commit:` names parts of
any level of its split; a part's allocation is the sum of its nodes (a rep under two products
counts both), and its gap is the commitment less the allocation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from salesplan.split.result import TargetSplit


@dataclass(frozen=True)
class Commitment:
    """One committed part: what the split allocates to it, what it commits to, and the gap."""

    part: str
    allocation: Decimal
    commitment: Decimal

    @property
    def gap(self) -> Decimal:
        return self.commitment - self.allocation

    def gap_percent(self) -> Decimal | None:
        """The gap as a percent of the allocation; None when nothing is allocated."""
        if self.allocation == 0:
            return None
        return self.gap / self.allocation * 100


def allocations(split: TargetSplit) -> dict[str, Decimal]:
    """Every part id of the split -> the sum of the values of its nodes, at whatever level."""
    out: dict[str, Decimal] = {}
    for _depth, node in split.root.walk():
        if node.part is not None:
            out[node.part] = out.get(node.part, Decimal(0)) + node.value
    return out


def commitments(split: TargetSplit, commit: Mapping[str, Decimal]) -> tuple[list[Commitment], list[str]]:
    """The committed parts found in the split, in `commit:` order, and the part ids it does not have."""
    allocated = allocations(split)
    found = [Commitment(part, allocated[part], amount) for part, amount in commit.items() if part in allocated]
    unknown = [part for part in commit if part not in allocated]
    return found, unknown
