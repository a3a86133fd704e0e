"""`salesplan review PARENT --children`: one actuals file, recorded against a parent plan's targets,
reviewed down the roll-up tree, each row counted once at every level.

    review_tree(loaded, actuals, as_of, thresholds, claims, plan_of, ...) -> TreeResult

The children are found by `salesplan.rollup` (the caller passes its claims: this package does not
import the roll-up engine, a sibling layer). The actuals are read against the parent, its team
widened by every child's regions, products and people, so a rep known only to a regional plan
reads. The parent is reviewed with every row. For each child target that implements a part of a
reviewed parent target, the parent's rows of that target whose coordinates fall inside the part are
the child's rows: re-targeted to the child's target, their values converted exactly from the
parent's unit into the child's, keeping the coordinates the child's plan knows. A row inside the
part whose rep or product the child does not know is SP067 at the row's cell (never dropped in
silence). A child that is itself a parent passes its rows down the same way.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from salesplan.diagnostics import Diagnostic, has_errors
from salesplan.i18n import Message, Text, _
from salesplan.model.values import unit_multiplier
from salesplan.model.words import dimension
from salesplan.review.actuals import ActualRow, not_in_breakdown, parse_actuals
from salesplan.review.engine import Review, Thresholds, review_plan
from salesplan.review.render import document
from salesplan.review.words import listing, series
from salesplan.split.engine import split_plan

if TYPE_CHECKING:
    from pathlib import Path

    from salesplan.loader import LoadedPlan
    from salesplan.model.plan import Plan, Team
    from salesplan.review.alerts import Triggers
    from salesplan.review.headers import ColumnSettings
    from salesplan.split.result import TargetSplit

FORMATS = ("table", "json", "md")
WRONG_FORMAT = _("--children writes table, json or md (for a workbook, review each plan file on its own)")
NO_TASKS = _("--children reviews targets only: give --progress or --tasks without --children")


class Claimed(Protocol):
    """A child target implementing a part of a parent target (`salesplan.rollup.facts.Claim`)."""

    @property
    def file(self) -> str: ...
    @property
    def real(self) -> str: ...  # the child file's real path
    @property
    def target(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def parent(self) -> str: ...  # the parent file's real path
    @property
    def parent_target(self) -> str: ...
    @property
    def part(self) -> tuple[tuple[str, str], ...]: ...


@dataclass
class PlanReview:
    """One file of the tree, its review, and the claims its reviewed targets make (none for the top)."""

    file: str
    loaded: LoadedPlan
    review: Review
    claims: list[Claimed] = field(default_factory=list)


@dataclass
class TreeResult:
    """The reviews, the parent first and then each child in the tree's order (None when a step failed
    with errors), and every finding along the way."""

    reviews: list[PlanReview] | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def convert_value(value: Decimal, unit: str, into: str) -> Decimal:
    """`value` in `unit`, exactly in `into` (units a power of ten apart), in plain digits (40000000, not 4E+7)."""
    shift = len(str(unit_multiplier(unit))) - len(str(unit_multiplier(into)))
    moved = value.scaleb(shift)
    return Decimal(int(moved)) if moved.as_tuple().exponent > 0 else moved  # type: ignore[operator]


def inside(row: ActualRow, part: Iterable[tuple[str, str]]) -> bool:
    """The row's coordinates fall inside the part (region east: a row of region east, whatever its rep)."""
    return all(row.coords.get(dim) == ident for dim, ident in part)


def review_tree(
    loaded: LoadedPlan,
    actuals: Path,
    as_of: dt.date,
    thresholds: Thresholds,
    claims: Sequence[Claimed],
    plan_of: Callable[[str], LoadedPlan],
    parent_real: str,
    triggers: Triggers | None = None,
    target_ids: list[str] | None = None,
    columns: ColumnSettings | None = None,
    found: Sequence[Diagnostic] = (),
) -> TreeResult:
    """Review the parent (`loaded`, at real path `parent_real`) and every plan below it (`claims`: the
    roll-up's placed claims; `plan_of`: a child plan by its real path) from one actuals file. `found`:
    the roll-up check's findings, reported first; an error among them (the files disagree) stops it."""
    reviewer = _TreeReviewer(as_of, thresholds, claims, plan_of, triggers)
    reviewer.diagnostics += found
    return reviewer.run(loaded, actuals, parent_real, target_ids, columns)


class _TreeReviewer:
    def __init__(
        self,
        as_of: dt.date,
        thresholds: Thresholds,
        claims: Sequence[Claimed],
        plan_of: Callable[[str], LoadedPlan],
        triggers: Triggers | None,
    ) -> None:
        self.as_of, self.thresholds, self.triggers, self.plan_of = as_of, thresholds, triggers, plan_of
        self.below: dict[str, list[Claimed]] = {}
        for claim in claims:
            self.below.setdefault(claim.parent, []).append(claim)
        self.diagnostics: list[Diagnostic] = []
        self.reviews: list[PlanReview] = []

    def run(
        self,
        loaded: LoadedPlan,
        actuals: Path,
        real: str,
        target_ids: list[str] | None,
        columns: ColumnSettings | None,
    ) -> TreeResult:
        plan = loaded.plan
        if plan is None:
            return TreeResult(None, list(loaded.diagnostics))
        outcome = split_plan(loaded, target_ids)
        self.diagnostics += outcome.diagnostics
        files = self._descendants(real)
        for child in files:
            self.diagnostics += [] if self.plan_of(child).plan is not None else self.plan_of(child).diagnostics
        if has_errors(self.diagnostics):
            return TreeResult(None, self.diagnostics)
        teams = [p.team for p in (self.plan_of(f).plan for f in files) if p is not None]
        read = parse_actuals(actuals, _widened(plan, teams), columns)
        self.diagnostics += read.diagnostics
        review = review_plan(plan, outcome.splits, read.rows, self.as_of, self.thresholds, self.triggers)
        self.diagnostics += review.diagnostics
        self.reviews.append(PlanReview(loaded.file, loaded, review))
        self._children(real, plan, outcome.splits, read.rows, {real})
        return TreeResult(None if has_errors(self.diagnostics) else self.reviews, self.diagnostics)

    def _descendants(self, real: str) -> list[str]:
        """Every file below `real`, each once, in the tree's order."""
        out: dict[str, None] = {}
        todo = [real]
        while todo:
            for claim in self.below.get(todo.pop(0), []):
                if claim.real not in out and claim.real != real:
                    out[claim.real] = None
                    todo.append(claim.real)
        return list(out)

    def _children(
        self, real: str, plan: Plan, splits: Sequence[TargetSplit], rows: list[ActualRow], seen: set[str]
    ) -> None:
        """Review each child file of `real` with its part of `rows` (of the targets of `splits`), then theirs;
        the children in the order of their parts in the parent's splits."""
        order: dict[Claimed, tuple[int, int]] = {}
        for place, split in enumerate(splits):
            for leaf, (coords, _node) in enumerate(split.leaves()):
                for claim in self.below.get(real, []):
                    if claim.parent_target == split.target_id and all(coords.get(d) == i for d, i in claim.part):
                        order.setdefault(claim, (place, leaf))
        by_file: dict[str, list[Claimed]] = {}
        for claim in sorted(order, key=order.__getitem__):
            if claim.real not in seen:
                by_file.setdefault(claim.real, []).append(claim)
        units = {t.id: plan.target_unit(t) for t in plan.targets}
        for child, claims in by_file.items():
            loaded = self.plan_of(child)
            if loaded.plan is None:
                continue
            mine = [row for claim in claims for row in self._rows_of(claim, loaded.plan, rows, units)]
            outcome = split_plan(loaded, [c.target for c in claims])
            self.diagnostics += outcome.diagnostics
            if has_errors(outcome.diagnostics):
                continue
            review = review_plan(loaded.plan, outcome.splits, mine, self.as_of, self.thresholds, self.triggers)
            self.diagnostics += review.diagnostics
            self.reviews.append(PlanReview(loaded.file, loaded, review, list(claims)))
            self._children(child, loaded.plan, outcome.splits, mine, seen | {child})

    def _rows_of(self, claim: Claimed, child: Plan, rows: list[ActualRow], units: dict[str, str]) -> list[ActualRow]:
        """The parent's rows of the claimed target inside the claimed part, as the child's rows."""
        known = {
            "region": {r.id for r in child.team.regions},
            "product": {p.id for p in child.team.products},
            "rep": {p.id for p in child.team.people},
        }
        part = dict(claim.part)
        out = []
        for row in rows:
            if row.target != claim.parent_target or not inside(row, claim.part):
                continue
            coords: dict[str, str] = {}
            stranger = None
            for key, ident in row.coords.items():
                if ident in known.get(key, set()):
                    coords[key] = ident
                elif key in part or (key == "product" and not known["product"]):
                    continue  # the part itself, or a product level the child does not break down by
                else:
                    stranger = key
            if stranger is not None:
                self.diagnostics.append(not_in_breakdown(row, stranger, row.coords[stranger], claim.target))
                continue
            value = convert_value(row.value, units[row.target], claim.unit)
            moved = copy.copy(row)  # the same row of the file: its positions stay
            moved.target, moved.value, moved.coords = claim.target, value, coords
            out.append(moved)
        return out


def _widened(plan: Plan, teams: Iterable[Team]) -> Plan:
    """The parent plan with every child's regions, products and people beside its own (the parent's first)."""
    kinds: dict[str, list[Any]] = {k: list(getattr(plan.team, k)) for k in ("regions", "products", "people")}
    for team in teams:
        for kind, items in kinds.items():
            ids = {item.id for item in items}
            items += [item for item in getattr(team, kind) if item.id not in ids]
    return plan.model_copy(update={"team": plan.team.model_copy(update=kinds)})


def heading(reviewed: PlanReview) -> Message:
    """The line above a child's review: its file, and the part of a parent target each of its targets carries."""
    implements: list[Text] = [
        _(
            "{target} implements {part} of {parent_target}",
            target=c.target,
            part=listing([_("{dim} {part}", dim=dimension(dim), part=ident) for dim, ident in c.part]),
            parent_target=c.parent_target,
        )
        for c in reviewed.claims
    ]
    return _("{file}: {implements}", file=reviewed.file, implements=series(implements))


def render_tree(reviews: list[PlanReview], fmt: str, lang: str, one: Callable[[PlanReview], str | bytes]) -> str:
    """The parent's review then each child's: `one` renders a review as table or md (the usual renderers);
    json is `{"plan": ..., "children": [{"file": ..., "implements": [...], "review": ...}]}`."""
    if fmt == "json":
        top, *below = reviews
        doc = {
            "plan": document(top.review),
            "children": [
                {
                    "file": r.file,
                    "implements": [
                        {"target": c.target, "parent_target": c.parent_target, "part": dict(c.part)} for c in r.claims
                    ],
                    "review": document(r.review),
                }
                for r in below
            ],
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    before, after = ("---\n\n**", "**") if fmt == "md" else ("── ", "")
    parts = []
    for index, reviewed in enumerate(reviews):
        text = one(reviewed)
        assert isinstance(text, str)  # table and md are text
        parts.append(f"\n{before}{heading(reviewed).render(lang)}{after}\n\n{text}" if index else text)
    return "".join(parts)
