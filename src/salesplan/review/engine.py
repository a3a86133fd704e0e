"""Actuals against targets: 达成率, expected-to-date, pacing, gap and status for every split node.

    review_plan(plan, splits, rows, as_of, thresholds) -> Review

Pure: no printing, no files. Definitions (exact `Fraction` inside, `Decimal` out):
- window: the days a node covers — the plan period from its start to the target's deadline (or
  the period's end); a time part (`2026-07`, `2026-Q3`, `2026-W27`) narrows it to its days; a
  rep narrows it to the days the rep is active (`start`/`end` in team.people).
- actual: the sum of the target's actuals rows dated up to `as_of` that fall in the node: same
  region/product/rep ids, and for a time part, dated inside it (a row with only a month falls in
  the month and quarter parts holding that month, never in a week). A row recorded at a coarser
  level (a region, no rep) counts for the nodes above the level it lacks. Undated rows count at
  every as-of date and in no time part.
- 达成率 (achievement) = actual / target.
- expected to date: for a node with parts, the sum of its parts' expected values (so the split's
  own time weights decide — a 3:3:4 month split expects 30% by the end of July — and a rep who
  starts mid-period is expected nothing before the start, in the rep's row and in every row above
  it alike); for a leaf, its value times the share of its window's days elapsed by the end of
  `as_of`. At or after the window's end, expected = target.
- pacing = actual / expected; gap = actual - expected (negative: behind).
- status, from pacing as shown (to 0.1%): ahead (≥ ahead, default 110), on_track (≥ on_track,
  95), behind (≥ at_risk, 80), at_risk (below). Where nothing is expected yet: ahead when something
  was achieved, else on_track.
- Level targets (unit %, or an unsplit efficiency/quality target such as 客单价) compare levels,
  not sums: actual is the latest row's value (by date, then by position in the file); expected
  moves in a straight line from the baseline to the target over the window (the target itself
  without a baseline); a target below its baseline (complaints, cycle days) is lower-is-better,
  and achievement and pacing are then inverted (target / actual, expected / actual). A level
  target without any actuals has no achievement or pacing (nothing was measured): it is at_risk
  once its window has begun, and `Review.under` (the --fail-under gate) counts it as failing: a
  gate cannot pass what nobody measured.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan.diagnostics import Diagnostic
from salesplan.numbers import TENTHS, to_decimal
from salesplan.i18n import Message, _
from salesplan.review.actuals import ActualRow, compares_levels
from salesplan.review.actuals import not_in_breakdown as _not_in
from salesplan.review.alerts import Alert, PeriodFigure, Triggers, detect
from salesplan.review.periods import TIME_LEVELS, part_range
from salesplan.split.result import SplitNode, TargetSplit
from salesplan.split.timeparts import TimePart, part_bounds, time_parts

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target

STATUSES = ("ahead", "on_track", "behind", "at_risk")
Window = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Thresholds:
    """Pacing (percent) at which a node is ahead, on track, or — below `at_risk` — at risk."""

    ahead: Decimal = Decimal(110)
    on_track: Decimal = Decimal(95)
    at_risk: Decimal = Decimal(80)

    def problem(self) -> Message | None:
        if not (0 <= self.at_risk <= self.on_track <= self.ahead):
            return _("thresholds must satisfy 0 ≤ at-risk ≤ on-track ≤ ahead")
        return None

    def status(self, pacing: Decimal | None, actual: Fraction) -> str:
        if pacing is None:
            return "ahead" if actual > 0 else "on_track"
        if pacing >= self.ahead:
            return "ahead"
        if pacing >= self.on_track:
            return "on_track"
        if pacing >= self.at_risk:
            return "behind"
        return "at_risk"


@dataclass
class ReviewRow:
    """One node of one target's breakdown, reviewed. Percentages are percent points (120 = 120%)."""

    depth: int
    level: str | None
    part: str | None
    label: str
    coords: dict[str, str]
    target: Decimal
    actual: Decimal
    expected: Decimal
    achievement: Decimal | None
    pacing: Decimal | None
    gap: Decimal
    status: str


@dataclass
class TargetReview:
    target_id: str
    name: str | None
    metric: str | None
    unit: str
    is_rate: bool
    lower_is_better: bool
    window: Window
    rows: list[ReviewRow] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)

    @property
    def total(self) -> ReviewRow:
        return self.rows[0]

    @property
    def unmeasured(self) -> bool:
        """A target with no pacing that is at risk: its window has begun and nothing was measured."""
        return self.total.pacing is None and self.total.status == "at_risk"


@dataclass
class Review:
    as_of: dt.date
    period: Window
    thresholds: Thresholds
    targets: list[TargetReview] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    triggers: Triggers = field(default_factory=Triggers)

    def under(self, percent: Decimal) -> list[TargetReview]:
        """Targets whose overall pacing is below `percent`, and level targets not measured once due."""
        return [t for t in self.targets if t.unmeasured or (t.total.pacing is not None and t.total.pacing < percent)]


def percent(numerator: Fraction, denominator: Fraction) -> Decimal | None:
    if denominator == 0:
        return None
    return to_decimal(numerator * 100 / denominator, TENTHS)


def elapsed_share(window: Window, as_of: dt.date) -> Fraction:
    """Share of the window's days (both ends included) that have passed by the end of `as_of`."""
    start, end = window
    if as_of >= end:
        return Fraction(1)
    if as_of < start:
        return Fraction(0)
    return Fraction((as_of - start).days + 1, (end - start).days + 1)


def target_window(plan: Plan, target: Target, split: TargetSplit) -> Window:
    """The plan period, ending at the target's deadline when that is earlier — unless the split has time
    parts, which always cover the whole period."""
    period = plan.plan.period
    deadline = target.deadline
    if any(level in TIME_LEVELS for level in split.levels) or not deadline:
        return period.start, period.end
    return period.start, deadline if period.start <= deadline <= period.end else period.end


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of actual values. The default context would round past 28 digits; actuals are
    below 10^15 with at most 10 decimal places (the reader refuses others), so 80 digits hold any
    sum of a million of them exactly."""
    with localcontext() as ctx:
        ctx.prec = 80
        return sum(values, Decimal(0))


def review_plan(
    plan: Plan,
    splits: Sequence[TargetSplit],
    rows: Iterable[ActualRow],
    as_of: dt.date,
    thresholds: Thresholds,
    triggers: Triggers | None = None,
) -> Review:
    """Review every split target (in the plan's order) against the actuals rows, with its re-planning alerts."""
    period = plan.plan.period
    review = Review(as_of, (period.start, period.end), thresholds, triggers=triggers or Triggers())
    by_target: dict[str, list[ActualRow]] = {}
    for row in rows:
        by_target.setdefault(row.target, []).append(row)
    targets = {t.id: t for t in plan.targets}
    for split in splits:
        target = targets[split.target_id]
        mine = by_target.get(split.target_id, [])
        review.diagnostics += _outside_scope(target, split, mine)
        reviewer = _TargetReviewer(plan, target, split, as_of, thresholds)
        reviewed = reviewer.run(mine)
        reviewed.alerts = reviewer.alerts(mine, review.triggers)
        review.targets.append(reviewed)
        review.diagnostics += reviewer.diagnostics
    return review


def _dated_by(row: ActualRow, as_of: dt.date) -> bool:
    first = row.first_day()
    return first is None or first <= as_of


def _outside_scope(target: Target, split: TargetSplit, rows: list[ActualRow]) -> list[Diagnostic]:
    """Rows naming a region or product outside the target's scope, where no split level checks it."""
    out: list[Diagnostic] = []
    scope = target.scope
    if scope is None:
        return out
    for key, allowed in (("region", scope.regions), ("product", scope.products)):
        if not allowed or key in split.levels:
            continue
        for row in rows:
            part = row.coords.get(key)
            if part is not None and part not in allowed:
                out.append(_not_in(row, key, part, target.id))
    return out


class _TargetReviewer:
    def __init__(self, plan: Plan, target: Target, split: TargetSplit, as_of: dt.date, thresholds: Thresholds) -> None:
        self.split, self.as_of, self.thresholds = split, as_of, thresholds
        self.window = target_window(plan, target, split)
        self.names = {p.id: p.name or p.id for p in plan.team.people}
        self.active = {p.id: (p.start, p.end) for p in plan.team.people}
        self.time_below = [
            any(level in TIME_LEVELS for level in split.levels[d:]) for d in range(len(split.levels) + 1)
        ]
        self.is_rate = compares_levels(target)
        baseline = target.baseline
        self.baseline = Fraction(baseline) if self.is_rate and baseline is not None else None
        self.lower = self.baseline is not None and Fraction(target.value) < self.baseline
        self.review = TargetReview(
            target.id, target.name, target.metric, split.unit, self.is_rate, self.lower, self.window
        )
        self.diagnostics: list[Diagnostic] = []
        self._below: dict[tuple[int, str, str], bool] = {}

    def run(self, rows: list[ActualRow]) -> TargetReview:
        """Every row is placed in the tree (and checked), whatever its date; only rows dated up to
        the as-of date count."""
        self._visit(self.split.root, 0, {}, rows)
        return self.review

    def _visit(self, node: SplitNode, depth: int, coords: dict[str, str], rows: list[ActualRow]) -> Fraction:
        """Append the node's row (pre-order) and return its expected-to-date."""
        index = len(self.review.rows)
        self.review.rows.append(None)  # type: ignore[arg-type]  # filled in once the children are done
        children = self._children(node, coords, rows)
        if self._sums_parts(node, depth):
            expected = sum((self._visit(c, depth + 1, cc, cr) for c, cc, cr in children), Fraction(0))
        else:
            expected = self._expected(node, coords, (self.as_of,))[0]
            for child, child_coords, child_rows in children:
                self._visit(child, depth + 1, child_coords, child_rows)
        self.review.rows[index] = self._row(node, depth, coords, rows, expected)
        return expected

    def _sums_parts(self, node: SplitNode, depth: int) -> bool:
        """A sum's expected value is the sum of its parts' (so a rep who starts mid-period, or a time
        part's weight, counts exactly as in the rows below); a level's only where time parts follow."""
        return bool(node.children) and (self.time_below[depth] or not self.is_rate)

    def _span(self, coords: dict[str, str]) -> Window:
        """The target's window narrowed by every time part in `coords` (rows are placed by it)."""
        start, end = self.window
        for level, part in coords.items():
            if level in TIME_LEVELS:
                first, last = part_range(level, part)
                start, end = max(start, first), min(end, last)
        return start, end

    def _expected(self, node: SplitNode, coords: dict[str, str], days: Sequence[dt.date]) -> list[Fraction]:
        """The node's own expected value by the end of each of `days` (its parts are not looked at)."""
        start, end = self._span(coords)
        rep_start, rep_end = self.active.get(coords.get("rep", ""), (None, None))
        active = (max(start, rep_start or start), min(end, rep_end or end))
        window = active if active[0] <= active[1] else (start, end)
        target = Fraction(node.value)
        if self.is_rate:
            if self.baseline is None:
                return [target for _ in days]
            return [self.baseline + (target - self.baseline) * elapsed_share(window, day) for day in days]
        return [target * elapsed_share(window, day) for day in days]

    def _expected_by(
        self, node: SplitNode, depth: int, coords: dict[str, str], days: Sequence[dt.date]
    ) -> list[Fraction]:
        """Expected by the end of each of `days`, the way `_visit` reckons it (the parts decide)."""
        if not self._sums_parts(node, depth):
            return self._expected(node, coords, days)
        total = [Fraction(0)] * len(days)
        for child in node.children:
            below = self._expected_by(child, depth + 1, {**coords, str(child.level): str(child.part)}, days)
            total = [a + b for a, b in zip(total, below, strict=True)]
        return total

    def alerts(self, rows: list[ActualRow], triggers: Triggers) -> list[Alert]:
        """Re-planning alerts (see salesplan.review.alerts) on the target and on each part of its first
        breakdown level (when every counted row names that level)."""
        counted = [r for r in rows if _dated_by(r, self.as_of)]
        level = self._period_level(counted)
        if level is None:
            return []
        periods = [part for part in time_parts(level, *self.window) if part.end <= self.as_of]
        if not periods:
            return []
        root = self.split.root
        name = self.review.name or self.split.target_id
        out = self._node_alerts(root, 0, {}, name, counted, level, periods, triggers)
        first = self.split.levels[0] if self.split.levels else None
        if first is not None and first not in TIME_LEVELS and all(first in r.coords for r in counted):
            for child in root.children:
                mine = [r for r in counted if r.coords[first] == child.part]
                coords = {first: str(child.part)}
                out += self._node_alerts(child, 1, coords, self._label(child), mine, level, periods, triggers)
        return out

    def _period_level(self, counted: list[ActualRow]) -> str | None:
        """The finest time level of the split (month without one) at which every counted row has a period."""
        order = ("week", "month", "quarter")
        present = [index for index, level in enumerate(order) if level in self.split.levels]
        for level in order[min(present) if present else 1 :]:
            if all(part_of(row, level) is not None for row in counted):
                return level
        return None

    def _node_alerts(
        self,
        node: SplitNode,
        depth: int,
        coords: dict[str, str],
        label: str,
        rows: list[ActualRow],
        level: str,
        periods: list[TimePart],
        triggers: Triggers,
    ) -> list[Alert]:
        ends = [part.end for part in periods]
        if self.is_rate:
            planned = self._expected(node, coords, ends)
        else:
            starts = [part.start - dt.timedelta(days=1) for part in periods]
            by = self._expected_by(node, depth, coords, [*starts, *ends])
            planned = [b - a for a, b in zip(by[: len(periods)], by[len(periods) :], strict=True)]
        groups: dict[str | None, list[ActualRow]] = {}
        for row in rows:
            groups.setdefault(part_of(row, level), []).append(row)
        figures: list[PeriodFigure] = []
        for part, plan in zip(periods, planned, strict=True):
            mine = groups.get(part.id, [])
            if self.is_rate:
                actual = _latest(mine) if mine else None
            else:
                actual = Fraction(exact_sum(r.value for r in mine))
            figures.append(PeriodFigure(part.id, plan, actual, part.days == part.full_days))
        return [
            Alert(kind, label, coords, level, involved, change)
            for kind, involved, change in detect(figures, triggers, self.lower)
        ]

    def _label(self, node: SplitNode) -> str:
        part = node.part or ""
        return node.label or (self.names.get(part, part) if node.level == "rep" else part)

    def _children(
        self, node: SplitNode, coords: dict[str, str], rows: list[ActualRow]
    ) -> list[tuple[SplitNode, dict[str, str], list[ActualRow]]]:
        if not node.children:
            return []
        level = str(node.children[0].level)
        groups: dict[str | None, list[ActualRow]] = {}
        for row in rows:
            groups.setdefault(part_of(row, level), []).append(row)
        out = [(c, {**coords, level: str(c.part)}, groups.pop(c.part, [])) for c in node.children]
        if level not in TIME_LEVELS:
            for group in groups.values():
                for row in group:
                    self._check_below(node, coords, row, level)
        return out

    def _check_below(self, node: SplitNode, coords: dict[str, str], row: ActualRow, level: str) -> None:
        """A row that stops above `level`: its own coordinates further down must exist under this node."""
        under = " / ".join(coords.values())
        for key, part in row.coords.items():
            if key in coords:
                continue
            if key == level or (key in self.split.levels and not self._holds(node, key, part)):
                self.diagnostics.append(_not_in(row, key, part, self.split.target_id, under))
                return

    def _holds(self, node: SplitNode, level: str, part: str) -> bool:
        key = (id(node), level, part)
        if key not in self._below:
            self._below[key] = any(n.level == level and n.part == part for _, n in node.walk())
        return self._below[key]

    def _row(
        self, node: SplitNode, depth: int, coords: dict[str, str], rows: list[ActualRow], expected: Fraction
    ) -> ReviewRow:
        target = Fraction(node.value)
        rows = [r for r in rows if _dated_by(r, self.as_of)]
        total = exact_sum(r.value for r in rows)
        actual = _latest(rows) if self.is_rate else Fraction(total)
        if self.lower:
            achievement, pacing = percent(target, actual), percent(expected, actual)
            gap = expected - actual
        else:
            achievement, pacing = percent(actual, target), percent(actual, expected)
            gap = actual - expected
        if self.is_rate and not rows:
            achievement = pacing = None
        status = self.thresholds.status(pacing, actual)
        if self.is_rate and not rows:
            status = "at_risk" if expected > 0 and self.as_of >= self.window[0] else "on_track"
        label = self._label(node)
        return ReviewRow(
            depth=depth,
            level=node.level,
            part=node.part,
            label=label or self.review.name or self.split.target_id,
            coords=coords,
            target=node.value,
            actual=to_decimal(actual) if self.is_rate else total,
            expected=to_decimal(expected),
            achievement=achievement,
            pacing=pacing,
            gap=to_decimal(gap),
            status=status,
        )


def part_of(row: ActualRow, level: str) -> str | None:
    """The part of `level` a row falls in: its id for region/product/rep, the time part holding its day
    (a row with only a month: the month or its quarter, no week); None where the row does not say."""
    if level not in TIME_LEVELS:
        return row.coords.get(level)
    if row.day is not None:
        return part_bounds(level, row.day)[0]
    if row.month is not None and level != "week":
        return row.month if level == "month" else f"{row.month[:4]}-Q{(int(row.month[5:]) - 1) // 3 + 1}"
    return None


def _latest(rows: list[ActualRow]) -> Fraction:
    """A level's latest value: the last by date (undated rows count as earliest), then by file position."""
    if not rows:
        return Fraction(0)
    latest = max(rows, key=lambda r: (r.first_day() or dt.date.min, r.source.line, r.source.col))
    return Fraction(latest.value)
