"""The roll-up check across files: each claim against its parent's part, parts claimed once, no cycles.

Pure: facts in (what lint read off each file), located diagnostics out. Each parent plan is loaded
once and each parent target split once per run (`ParentCache`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import Message, _
from salesplan.model.plan import Target
from salesplan.model.words import dimension
from salesplan.rollup.facts import Claim, FileFacts, Part
from salesplan.rollup.graph import cyclic
from salesplan.rollup.parents import Parent, ParentCache, PartIndex
from salesplan.rollup.units import compatible, convert
from salesplan.rollup.words import amount, gap_text, part_text


@dataclass
class RollupReport:
    """The findings, and the text of the lines they point at (file -> line -> text)."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    lines: dict[str, dict[int, str]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)  # the claims placed in their parent's split


@dataclass
class Link:
    """A claim that checked out far enough to be placed in its parent's split."""

    claim: Claim
    parent: Parent
    index: PartIndex
    leaves: set[int]


def _at(ref: SourceRef) -> str:
    return f"{ref.file}:{ref.line}:{ref.col}"


class _Checker:
    def __init__(self, facts: Sequence[FileFacts], cache: ParentCache | None) -> None:
        self.in_run = {f.real: f for f in facts}
        self.cache = cache or ParentCache({f.real: f.file for f in facts})
        self.report = RollupReport()
        self.links: list[Link] = []

    def parents_of(self, real: str) -> list[str]:
        facts = self.in_run.get(real)
        claims = facts.claims if facts is not None else self.cache.get(real).claims
        return [c.parent for c in claims]

    def emit(self, code: str, claim: Claim, key: str, message: Message, hint: Message | None = None) -> None:
        ref = claim.where(key)
        path = ("targets", claim.index, "implements") if key not in ("value", "unit", "period") else ()
        self.report.diagnostics.append(codes.diagnostic(code, ref, message, path=path, hint=hint))
        self.report.lines.setdefault(ref.file, {}).update(claim.lines)

    def emit_parent(self, code: str, parent: Parent, ref: SourceRef, message: Message) -> None:
        self.report.diagnostics.append(codes.diagnostic(code, ref, message))
        text = parent.loaded.source.text.splitlines()
        if 0 < ref.line <= len(text):
            self.report.lines.setdefault(ref.file, {})[ref.line] = text[ref.line - 1]

    def run(self, require_children: bool) -> RollupReport:
        claims = [c for f in self.in_run.values() for c in f.claims]
        loops = cyclic(claims, self.parents_of)
        for claim in claims:
            if claim in loops:
                self.emit(
                    codes.ROLLUP_CYCLE,
                    claim,
                    "plan",
                    _(
                        "{file} implements {parent}, which leads back to {file}",
                        file=claim.file,
                        parent=claim.parent_written,
                    ),
                    _("a plan implements a part of a plan above it, never one below it"),
                )
                continue
            link = self.place(claim)
            if link is not None:
                self.compare(link)
        self.claimed_once()
        if require_children:
            self.children_required()
        self.report.diagnostics.sort(key=Diagnostic.sort_key)
        self.report.links = self.links
        return self.report

    def place(self, claim: Claim) -> Link | None:
        parent = self.cache.get(claim.parent)
        name = claim.parent_written
        if parent.loaded.plan is None or parent.problem is not None:
            problem = parent.problem
            where = f"{problem.code} {_at(problem.source)}" if problem else ""
            self.emit(
                codes.ROLLUP_PARENT_UNAVAILABLE,
                claim,
                "plan",
                _("the parent plan {parent} does not load ({where})", parent=name, where=where),
                _("implements.plan is the parent file's path relative to this file"),
            )
            return None
        if not parent.has_target(claim.parent_target):
            known = ", ".join(t.id for t in parent.loaded.plan.targets)
            self.emit(
                codes.ROLLUP_UNKNOWN_TARGET,
                claim,
                "target",
                _(
                    "{parent} has no target '{target}' (its targets: {known})",
                    parent=name,
                    target=claim.parent_target,
                    known=known,
                ),
            )
            return None
        parent_unit = parent.loaded.plan.target_unit(_target(parent, claim.parent_target))
        if not compatible(claim.unit, parent_unit):
            self.emit(
                codes.ROLLUP_UNIT_MISMATCH,
                claim,
                "unit",
                _(
                    "{target} is counted in {unit}, its parent {parent_target} in {parent_unit}: they do not convert",
                    target=claim.target,
                    unit=claim.unit,
                    parent_target=claim.parent_target,
                    parent_unit=parent_unit,
                ),
            )
            return None
        period = parent.loaded.plan.plan.period
        if claim.period[0] < period.start or claim.period[1] > period.end:
            self.emit(
                codes.ROLLUP_PERIOD_OUTSIDE,
                claim,
                "period",
                _(
                    "this plan's period {start} – {end} is not within the period {pstart} – {pend} of {parent}",
                    start=claim.period[0],
                    end=claim.period[1],
                    pstart=period.start,
                    pend=period.end,
                    parent=name,
                ),
            )
            return None
        index = parent.index(claim.parent_target)
        if index is None:
            problems = parent.split_problems.get(claim.parent_target) or []
            where = f"{problems[0].code} {_at(problems[0].source)}" if problems else ""
            self.emit(
                codes.ROLLUP_PARENT_UNAVAILABLE,
                claim,
                "target",
                _(
                    "target {target} of {parent} does not split ({where})",
                    target=claim.parent_target,
                    parent=name,
                    where=where,
                ),
            )
            return None
        leaves = self.select(claim, index)
        return Link(claim, parent, index, leaves) if leaves is not None else None

    def select(self, claim: Claim, index: PartIndex) -> set[int] | None:
        for dim, name in claim.part:
            if dim not in index.dims:
                levels = ", ".join(index.split.levels) or "-"
                self.emit(
                    codes.ROLLUP_UNKNOWN_PART,
                    claim,
                    f"part.{dim}",
                    _(
                        "the split of {target} in {parent} has no {dim} level (its levels: {levels})",
                        target=claim.parent_target,
                        parent=claim.parent_written,
                        dim=dimension(dim),
                        levels=levels,
                    ),
                )
                return None
            parts = index.parts(dim)
            if name not in parts:
                self.emit(
                    codes.ROLLUP_UNKNOWN_PART,
                    claim,
                    f"part.{dim}",
                    _(
                        "'{part}' is not a {dim} of the split of {target} in {parent} (its parts: {parts})",
                        part=name,
                        dim=dimension(dim),
                        target=claim.parent_target,
                        parent=claim.parent_written,
                        parts=", ".join(parts),
                    ),
                )
                return None
        leaves = index.select(claim.part)
        if not leaves:
            self.emit(
                codes.ROLLUP_UNKNOWN_PART,
                claim,
                "implements",
                _(
                    "the split of {target} in {parent} has no part {part}",
                    target=claim.parent_target,
                    parent=claim.parent_written,
                    part=part_text(claim.part),
                ),
            )
            return None
        return leaves

    def compare(self, link: Link) -> None:
        self.links.append(link)
        claim, parent = link.claim, link.parent
        parent_unit = link.index.split.unit
        expected = convert(link.index.value(link.leaves), parent_unit, claim.unit)
        if expected == claim.value:
            return
        self.emit(
            codes.ROLLUP_VALUE_MISMATCH,
            claim,
            "value",
            _(
                "{target} is {value} {unit}, but its part ({part}) of {parent_target} at {where} is {expected} "
                "{unit}: {gap}",
                target=claim.target,
                value=amount(claim.value),
                unit=claim.unit,
                part=part_text(claim.part),
                parent_target=claim.parent_target,
                where=_at(_target_ref(parent, claim.parent_target)),
                expected=amount(expected),
                gap=gap_text(claim.value, expected, claim.unit),
            ),
            _("make the two plans agree: change this value or the parent's split"),
        )

    def claimed_once(self) -> None:
        owner: dict[tuple[str, str, int], Claim] = {}
        for link in self.links:
            claim = link.claim
            first = next(
                (owner[k] for i in link.leaves if (k := (claim.parent, claim.parent_target, i)) in owner), None
            )
            if first is not None:
                self.emit(
                    codes.ROLLUP_CLAIMED_TWICE,
                    claim,
                    "implements",
                    _(
                        "{part} of {parent_target} is already implemented by {other} in {where}",
                        part=part_text(claim.part),
                        parent_target=claim.parent_target,
                        other=first.target,
                        where=_at(first.where("implements")),
                    ),
                    _("each part of a parent target has one child; split the part further in the parent"),
                )
                continue
            owner.update(((claim.parent, claim.parent_target, i), claim) for i in link.leaves)

    def children_required(self) -> None:
        groups: dict[tuple[str, str], list[Link]] = {}
        for link in self.links:
            groups.setdefault((link.claim.parent, link.claim.parent_target), []).append(link)
        for (_path, target), links in groups.items():
            index, parent = links[0].index, links[0].parent
            covered = set().union(*(link.leaves for link in links))
            dims = [d for d in index.split.levels if any(d == dim for link in links for dim, _ in link.claim.part)]
            missing: dict[Part, None] = {}
            for i, (coords, _node) in enumerate(index.leaves):
                if i not in covered:
                    missing.setdefault(tuple((d, coords[d]) for d in dims if d in coords), None)
            for part in missing:
                self.emit_parent(
                    codes.ROLLUP_NO_CHILD,
                    parent,
                    _target_ref(parent, target),
                    _("{part} of {target} has no child plan", part=part_text(part), target=target),
                )


def _target(parent: Parent, target_id: str) -> Target:
    assert parent.loaded.plan is not None
    return next(t for t in parent.loaded.plan.targets if t.id == target_id)


def _target_ref(parent: Parent, target_id: str) -> SourceRef:
    assert parent.loaded.plan is not None
    index = next(i for i, t in enumerate(parent.loaded.plan.targets) if t.id == target_id)
    return parent.loaded.source.ref(("targets", index, "id"))


def check_relations(
    facts: Sequence[FileFacts], *, require_children: bool = False, cache: ParentCache | None = None
) -> RollupReport:
    """Every claim of the run's files checked against its parent; parts left without a child when asked."""
    return _Checker(facts, cache).run(require_children)
