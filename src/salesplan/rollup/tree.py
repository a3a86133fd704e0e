"""The combined tree `salesplan rollup` prints: a parent target, its parts (each carried by a child
plan's target, or by none), down to each child's own breakdown. Every node's parts add up to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from salesplan.i18n import Text, _
from salesplan.rollup.check import Link, RollupReport, check_relations
from salesplan.rollup.facts import FileFacts, Part, real_path
from salesplan.rollup.parents import ParentCache
from salesplan.rollup.units import convert
from salesplan.rollup.words import NO_CHILD, part_text
from salesplan.split.result import SplitNode


@dataclass
class Node:
    """One row: a target of a file, a part of a parent's split, or a part of a child's own breakdown."""

    label: Text
    value: Decimal
    unit: str
    file: str = ""
    target: str = ""
    expected: Decimal | None = None  # a child target: its parent's part, in the child's unit
    children: list[Node] = field(default_factory=list)

    @property
    def gap(self) -> Decimal | None:
        return None if self.expected is None else self.value - self.expected


@dataclass
class Rollup:
    roots: list[Node]
    report: RollupReport
    plans: ParentCache = field(default_factory=ParentCache)  # every plan the run loaded, by real path


def _plans(root: Path) -> list[Path]:
    folder = root if root.is_dir() else root.parent
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def rollup_tree(root: Path) -> Rollup:
    """The tree of every parent in `root` (a folder) or of `root` (a parent file) over its folder."""
    names = {real_path(p): str(p) for p in _plans(root)}
    cache = ParentCache(names)
    facts: list[FileFacts] = []
    for real, shown in names.items():
        parent = cache.get(real)
        if parent.loaded.is_plan:
            facts.append(FileFacts(shown, real, tuple(parent.claims)))
    report = check_relations(facts, cache=cache)
    children: dict[tuple[str, str], list[Link]] = {}
    for link in report.links:
        children.setdefault((link.claim.parent, link.claim.parent_target), []).append(link)
    is_child = {(f.real, c.target) for f in facts for c in f.claims}
    tops = [real_path(root)] if root.is_file() else list(names)
    roots = []
    for real in tops:
        plan = cache.get(real).loaded.plan
        for target in plan.targets if plan else []:
            if (real, target.id) in children and (root.is_file() or (real, target.id) not in is_child):
                roots.append(_parent_node(real, target.id, children, cache))
    return Rollup(roots, report, cache)


def _parent_node(real: str, target: str, children: dict[tuple[str, str], list[Link]], cache: ParentCache) -> Node:
    links = children[(real, target)]
    index = links[0].index
    parent = cache.get(real)
    node = Node(target, index.split.value, index.split.unit, parent.loaded.file, target)
    dims = [d for d in index.split.levels if any(d == dim for link in links for dim, _ in link.claim.part)]
    parts: dict[Part, list[int]] = {}
    for i, (coords, _leaf) in enumerate(index.leaves):
        parts.setdefault(tuple((d, coords[d]) for d in dims if d in coords), []).append(i)
    placed = {id(link): link for link in links}
    for part, leaves in parts.items():
        link = next((lk for lk in placed.values() if set(leaves) <= lk.leaves), None)
        if link is None:
            node.children.append(Node(_labelled(part, NO_CHILD), index.value(leaves), index.split.unit))
            continue
        placed.pop(id(link))
        node.children.append(_child_node(link, children, cache))
    return node


def _labelled(part: Part, what: Text) -> Text:
    return _("{part}: {what}", part=part_text(part), what=what)


def _child_node(link: Link, children: dict[tuple[str, str], list[Link]], cache: ParentCache) -> Node:
    claim = link.claim
    expected = convert(link.index.value(link.leaves), link.index.split.unit, claim.unit)
    if (claim.real, claim.target) in children:
        node = _parent_node(claim.real, claim.target, children, cache)
    else:
        node = Node(claim.target, claim.value, claim.unit, claim.file, claim.target)
        index = cache.get(claim.real).index(claim.target)
        if index is not None:
            node.children = [_split_node(child, claim.unit) for child in index.split.root.children]
    node.label = _labelled(claim.part, claim.target)
    node.expected = expected
    node.value = claim.value
    return node


def _split_node(split: SplitNode, unit: str) -> Node:
    part: Part = ((split.level or "", split.part or ""),)
    node = Node(split.label or part_text(part), split.value, unit)
    node.children = [_split_node(child, unit) for child in split.children]
    return node
