"""Derived KPIs (`formula: revenue / orders` on a target): computed at every node from its parts' actuals.

    review_derived(plan, target, formula, splits, rows, as_of, thresholds, window) -> TargetReview

- Base metrics: the names of the formula. A name that is a formula target's metric is computed
  from that formula (at the same node); any other is recorded in the actuals: the rows of the
  target that measures it (`metric:`), or rows whose target/指标 cell names the metric itself when
  no target measures it (回款额 `collected` for 回款率).
- Breakdown: the levels every base target's split shares, in the first base target's order, with
  the parts of the first base target's split (a region by month when revenue is split by region,
  product, rep and month and orders by region and month).
- At every node: each base metric is the exact sum of its rows there, dated up to the as-of date
  (a row lacking a level's part counts above that level only); the formula is computed over
  those sums (sum first, then divide: never an average of ratios), exactly. Money metrics are
  converted into one unit first (the target's when it is counted in money, else the plan's), so
  10万 of revenue over 5 orders is 2万元 per order. A % target shows the ratio in percent points.
- A derived KPI is a level, not an amount accumulating over the period: its target holds at every
  node and at every date, and pacing compares the actual with the target as it is (no pacing by
  elapsed days: 客单价 is not expected to be a third of its target a third into the quarter).
  A target below its baseline is lower-is-better (achievement and pacing are target ÷ actual).
- A node whose divisor is 0 or whose base metric has no rows there has no value: its `state` says
  so (`Undefined`), never 0%; like an unmeasured rate it is at risk once the window has begun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan.model.formula import Formula, Missing, ZeroBase
from salesplan.numbers import CENTS, to_decimal
from salesplan.periods import TIME_KINDS, part_range
from salesplan.review.figures import Ratio, minus, percent_of
from salesplan.review.metrics import formulas_of, measured_by, money_unit, scale
from salesplan.review.placing import dated_by, part_of
from salesplan.review.result import ReviewRow, TargetReview, Thresholds, Undefined, Window
from salesplan.split.result import SplitNode, TargetSplit

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target
    from salesplan.review.rows import ActualRow

Path = tuple[str, ...]  # a node: its parts, level by level from the outermost


@dataclass
class _Node:
    level: str | None
    part: str | None
    label: str | None
    path: Path
    coords: dict[str, str]
    children: list[_Node] = field(default_factory=list)


class DerivedReviewer:
    def __init__(
        self, plan: Plan, target: Target, splits: Mapping[str, TargetSplit], as_of: dt.date, thresholds: Thresholds
    ) -> None:
        self.plan, self.target, self.as_of, self.thresholds = plan, target, as_of, thresholds
        self.formulas = formulas_of(plan)
        self.metrics = measured_by(plan)
        self.targets = {t.id: t for t in plan.targets}
        self.splits = splits
        self.names = {p.id: p.name or p.id for p in plan.team.people}
        self.unit = plan.target_unit(target)
        self.money = money_unit(plan, self.unit)
        self.bases = self._bases(self.formulas[target.id], {target.id})
        baseline = target.baseline
        self.goal = Fraction(target.value)
        self.lower = baseline is not None and self.goal < Fraction(baseline)

    def _bases(self, formula: Formula, seen: set[str]) -> list[str]:
        """The recorded metrics behind `formula`, through the formulas of the metrics it names."""
        out: dict[str, None] = {}
        for name in formula.names():
            inner = self.metrics.get(name)
            if inner is not None and inner in self.formulas and inner not in seen:
                out.update(dict.fromkeys(self._bases(self.formulas[inner], seen | {inner})))
            else:
                out.setdefault(name)
        return list(out)

    def source_of(self, metric: str) -> str:
        """The `ActualRow.target` of a metric's rows: its target's id, or the metric itself."""
        return self.metrics.get(metric, metric)

    def tree(self) -> tuple[list[str], _Node]:
        """The levels the base targets' splits share, and the nodes, with the first base split's parts."""
        ids = [self.metrics.get(m) for m in self.bases]
        base_splits = [self.splits[t] for t in ids if t is not None and t in self.splits]
        root = _Node(None, None, None, (), {})
        if not base_splits:  # only metrics without targets: the target's row alone
            return [], root
        first = base_splits[0]
        levels = [lv for lv in first.levels if all(lv in s.levels for s in base_splits[1:])]
        index: dict[Path, _Node] = {(): root}
        for depth_node in _walk(first.root):
            coords, labels = depth_node
            node = root
            for level in levels:
                part = coords.get(level)
                if part is None:
                    break
                path = (*node.path, part)
                child = index.get(path)
                if child is None:
                    child = index[path] = _Node(level, part, labels.get(level), path, {**node.coords, level: part})
                    node.children.append(child)
                node = child
        return levels, root

    def sums(self, rows: Mapping[str, Sequence[ActualRow]], levels: list[str]) -> dict[Path, dict[str, Fraction]]:
        """Node path -> base metric -> the exact sum of its rows counted there (money in one unit)."""
        out: dict[Path, dict[str, Fraction]] = {}
        for metric in self.bases:
            source = self.source_of(metric)
            scale = self._scale(source)
            for row in rows.get(source, ()):
                if not dated_by(row, self.as_of):
                    continue
                value = Fraction(row.value) * scale
                path: Path = ()
                at = out.setdefault(path, {})
                at[metric] = at.get(metric, Fraction(0)) + value
                for level in levels:
                    part = part_of(row, level)
                    if part is None:
                        break
                    path = (*path, part)
                    at = out.setdefault(path, {})
                    at[metric] = at.get(metric, Fraction(0)) + value
        return out

    def _scale(self, source: str) -> Fraction:
        target = self.targets.get(source)
        return scale(self.plan.target_unit(target) if target is not None else self.plan.plan.unit, self.money)

    def value(self, metric: str, sums: Mapping[str, Fraction], seen: frozenset[str]) -> Fraction | Missing | ZeroBase:
        """A metric at a node: its sum, or its formula's value there when a formula target measures it."""
        inner = self.metrics.get(metric)
        if inner is not None and inner in self.formulas and inner not in seen:
            return self.computed(self.formulas[inner], sums, seen | {inner})
        found = sums.get(metric)
        return Missing((metric,)) if found is None else found

    def computed(
        self, formula: Formula, sums: Mapping[str, Fraction], seen: frozenset[str]
    ) -> Fraction | Missing | ZeroBase:
        values: dict[str, Fraction | None] = {}
        missing: dict[str, None] = {}
        for name in formula.names():
            found = self.value(name, sums, seen)
            if isinstance(found, ZeroBase):
                return found
            if isinstance(found, Missing):
                missing.update(dict.fromkeys(found.metrics))
                values[name] = None
            else:
                values[name] = found
        return Missing(tuple(missing)) if missing else formula.value(values)

    def run(self, rows: Mapping[str, Sequence[ActualRow]], window: Window, split: TargetSplit) -> TargetReview:
        target = self.target
        review = TargetReview(target.id, target.name, target.metric, split.unit, True, self.lower, window)
        review.formula = target.formula
        levels, root = self.tree()
        sums = self.sums(rows, levels)
        for depth, node in _preorder(root):
            found = self.computed(self.formulas[target.id], sums.get(node.path, {}), frozenset({target.id}))
            starts = [part_range(lv, part)[0] for lv, part in node.coords.items() if lv in TIME_KINDS]
            begun = self.as_of >= max([window[0], *starts])  # a month not begun is not yet at risk
            review.rows.append(self._row(node, depth, found, begun))
        return review

    def _row(self, node: _Node, depth: int, found: Fraction | Missing | ZeroBase, begun: bool) -> ReviewRow:
        goal = Decimal(self.target.value)
        label = node.label or self.names.get(node.part or "", node.part) or self.target.name or self.target.id
        if not isinstance(found, Fraction):
            state = (
                Undefined("missing", metrics=found.metrics)
                if isinstance(found, Missing)
                else Undefined("zero_base", divisor=found.divisor)
            )
            status = "at_risk" if begun else "on_track"
            zero = Decimal(0)
            return ReviewRow(
                depth, node.level, node.part, label, node.coords, goal, zero, goal, None, None, zero, status, state
            )
        actual = found * 100 if self.unit == "%" else found
        mine: Ratio = (actual.numerator, actual.denominator)
        goal_ratio: Ratio = (self.goal.numerator, self.goal.denominator)
        if self.lower:
            achievement, gap = percent_of(goal_ratio, mine), minus(goal_ratio, mine)
        else:
            achievement, gap = percent_of(mine, goal_ratio), minus(mine, goal_ratio)
        gap_value = Fraction(*gap)
        return ReviewRow(
            depth=depth,
            level=node.level,
            part=node.part,
            label=label,
            coords=node.coords,
            target=goal,
            actual=to_decimal(actual, CENTS),
            expected=goal,
            achievement=achievement,
            pacing=achievement,
            gap=to_decimal(gap_value, CENTS),
            status=self.thresholds.status(achievement, mine[0]),
        )


def _walk(root: SplitNode) -> Iterable[tuple[dict[str, str], dict[str, str]]]:
    """Every leaf of a split with its coordinates and its parts' labels (level -> label)."""
    stack: list[tuple[SplitNode, dict[str, str], dict[str, str]]] = [(root, {}, {})]
    while stack:
        node, coords, labels = stack.pop()
        if node.level is not None and node.part is not None:
            coords = {**coords, node.level: node.part}
            if node.label:
                labels = {**labels, node.level: node.label}
        if not node.children:
            yield coords, labels
        stack.extend((child, coords, labels) for child in reversed(node.children))


def _preorder(root: _Node) -> Iterable[tuple[int, _Node]]:
    stack = [(0, root)]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        stack.extend((depth + 1, child) for child in reversed(node.children))
