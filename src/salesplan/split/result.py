"""What a split produces: a tree of exact parts, each saying how it was derived.

This is the contract between the split engine and its readers (the split command's renderers,
lint's breakdown rules, export's breakdown table, review).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from salesplan.i18n import Message, Text, render
from salesplan.split.basis_text import basis_message


@dataclass(frozen=True)
class Basis:
    """How a part was derived (拆解逻辑), rendered per language.

    method: even | weights | explicit | history | capacity | workdays | ipf | total
    numerator/denominator: the share's terms as shown to people (e.g. capacity 160/300,
    workdays 22/64, history 150/250); None where the method has none (even, explicit).
    days: an even time part that is only partly covered (numerator days of denominator).
    note: what else shaped the part (`active 46/92 days`, `at capacity`), a Message of any language.
    """

    method: str
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: Message | None = None

    def share(self) -> Decimal | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator

    def message(self) -> Text:
        """The 拆解逻辑 text, not yet rendered (`salesplan.i18n`)."""
        return basis_message(self)

    def text(self, lang: str = "zh") -> str:
        """The 拆解逻辑 text in `lang`: `按权重 3/10`, `by weight 3/10`."""
        return render(self.message(), lang)


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
