"""The change of every part of a target's split, at every level, and why each part moved.

Parts are matched by their place in the tree: the (level, part id) pairs from the outermost level
in. A part in both plans whose value moved gets a cause:

- `inputs`: its own inputs at its level changed: an explicit value, its share (a weight, its
  history or capacity share, its working days), or the set of parts it is split with;
- `parent`: same inputs, it moved with its parent (华东 300 -> 320 gives 李雷 his share of +20);
- `rounding`: same inputs, and it moved only because the largest-remainder rounding moved: the
  move is at most one unit (the coarser granularity of the two plans) and its exact share of the
  parent's move is less than one unit, e.g. the parent grew by one unit and the unit went to a
  sibling, or the parent did not move at all while the unit (万元 -> 元) or granularity did.

A part only in the new (old) plan is `added` (`removed`), with its sub-parts. An unchanged part is
listed only as `context`, above a changed part beneath it. Parts come in tree order (the new
plan's, with removed parts after their parent's remaining children).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from salesplan.diff.result import Cause, PartChange
from salesplan.diff.units import Scale
from salesplan.split.result import Basis, SplitNode, TargetSplit

Path = tuple[tuple[str, str], ...]
_SHARED = ("weights", "history", "capacity", "workdays", "ipf")


@dataclass
class _Old:
    node: SplitNode
    siblings: tuple[str, ...]


def _key(node: SplitNode) -> tuple[str, str]:
    return (node.level or "", node.part or "")


def _index(split: TargetSplit) -> dict[Path, _Old]:
    found: dict[Path, _Old] = {}
    stack: list[tuple[Path, SplitNode]] = [((), split.root)]
    while stack:
        path, node = stack.pop()
        siblings = tuple(sorted(c.part or "" for c in node.children))
        for child in node.children:
            child_path = (*path, _key(child))
            found[child_path] = _Old(child, siblings)
            stack.append((child_path, child))
    return found


def _inputs(basis: Basis) -> tuple[str, Fraction | None, object]:
    """What a part's value was derived from at its level, whatever the unit: method, share, note."""
    share = None
    if basis.numerator is not None and basis.denominator:
        share = Fraction(basis.numerator) / Fraction(basis.denominator)
    return (basis.method, share, basis.note)


def _weight(node: SplitNode) -> Fraction:
    """A part's weight among its siblings, for the methods whose basis holds no share (even, days)."""
    basis = node.basis
    if basis.note is not None and basis.method == "even":
        return Fraction(0)  # a rep not active in the window
    if basis.method == "days" and basis.numerator is not None and basis.denominator:
        return Fraction(basis.numerator) / Fraction(basis.denominator)
    return Fraction(1)


class _Parent:
    """A node whose children are being compared: their ids and weights worked out once for all of them."""

    def __init__(self, node: SplitNode, old: Decimal | None) -> None:
        self.node, self.old = node, old
        self.siblings = tuple(sorted(c.part or "" for c in node.children))
        self._total: Fraction | None = None

    def share(self, child: SplitNode) -> Fraction | None:
        """`child`'s exact share of this node, from its basis (None where the basis holds none)."""
        basis = child.basis
        if basis.method in _SHARED:
            return _inputs(basis)[1]
        if basis.method not in ("even", "days"):
            return None
        if self._total is None:
            self._total = sum((_weight(c) for c in self.node.children), Fraction(0))
        return _weight(child) / self._total if self._total else None


class _Compare:
    def __init__(self, old: TargetSplit | None, new: TargetSplit | None, scale: Scale) -> None:
        self.old = _index(old) if old is not None else {}
        self.scale = scale
        grains = [scale(old.granularity)] if old is not None else []
        grains += [new.granularity] if new is not None else []
        self.unit = max(grains, default=Decimal(1))
        self.old_root = scale(old.root.value) if old is not None else None

    def cause(self, path: Path, node: SplitNode, parent: _Parent) -> Cause | None:
        before = self.old.get(path)
        if before is None:
            return "added"
        old_value = self.scale(before.node.value)
        if old_value == node.value:
            return None
        if node.basis.method == "explicit" or parent.siblings != before.siblings:
            return "inputs"
        if _inputs(before.node.basis) != _inputs(node.basis):
            return "inputs"
        moved = abs(node.value - old_value)
        parent_moved = parent.node.value - (parent.old if parent.old is not None else parent.node.value)
        share = parent.share(node)
        if moved <= self.unit and share is not None and abs(Fraction(parent_moved) * share) < Fraction(self.unit):
            return "rounding"
        return "parent" if parent_moved else "inputs"

    def subtree(self, path: Path, node: SplitNode) -> tuple[list[PartChange], bool]:
        """The rows of `node`'s children (and below), and whether any of them changed."""
        rows: list[PartChange] = []
        changed = False
        old_self = self.old.get(path)
        old_value = self.scale(old_self.node.value) if old_self is not None else None
        if not path:
            old_value = self.old_root
        parent = _Parent(node, old_value)
        for child in node.children:
            child_path = (*path, _key(child))
            cause = self.cause(child_path, child, parent)
            if cause == "added":
                rows += [*_all(child_path, child, "added")]
                changed = True
                continue
            below, below_changed = self.subtree(child_path, child)
            before = self.old[child_path]
            if cause is not None or below_changed:
                rows.append(
                    PartChange(child_path, self.scale(before.node.value), child.value, cause or "context", child.label)
                )
                rows += below
                changed = True
        if old_self is not None or not path:
            rows += self.removed(path, node)
            changed = changed or any(r.cause == "removed" for r in rows)
        return rows, changed

    def removed(self, path: Path, node: SplitNode) -> list[PartChange]:
        here = {_key(c) for c in node.children}
        rows: list[PartChange] = []
        old_node = self.old[path].node if path else None
        children = old_node.children if old_node is not None else self._old_root_children()
        for child in children:
            if _key(child) not in here:
                rows += [*_all((*path, _key(child)), child, "removed", self.scale)]
        return rows

    def _old_root_children(self) -> list[SplitNode]:
        return [entry.node for path, entry in self.old.items() if len(path) == 1]


def _all(path: Path, node: SplitNode, cause: Cause, scale: Scale | None = None) -> Iterator[PartChange]:
    """A part that exists on one side only, and all its sub-parts."""
    stack: list[tuple[Path, SplitNode]] = [(path, node)]
    while stack:
        where, part = stack.pop()
        value = scale(part.value) if scale is not None else part.value
        yield PartChange(
            where, value if cause == "removed" else None, value if cause == "added" else None, cause, part.label
        )
        stack.extend(((*where, _key(c)), c) for c in reversed(part.children))


def compare_splits(old: TargetSplit | None, new: TargetSplit | None, scale: Scale) -> tuple[PartChange, ...]:
    """Every part that moved, appeared or went, with its cause (see the module docstring)."""
    if new is None and old is None:
        return ()
    if new is None:
        assert old is not None
        return tuple(r for child in old.root.children for r in _all((_key(child),), child, "removed", scale))
    rows, _changed = _Compare(old, new, scale).subtree((), new.root)
    return tuple(rows)
