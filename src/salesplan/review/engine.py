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
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan.diagnostics import Diagnostic
from salesplan.model.ramp import ramp_of
from salesplan.numbers import TENTHS, to_decimal
from salesplan.periods import TIME_KINDS, part_range
from salesplan.review.actuals import ActualRow, compares_levels
from salesplan.review.actuals import not_in_breakdown as _not_in
from salesplan.review.alerts import Triggers
from salesplan.review.derived import DerivedReviewer
from salesplan.review.expect import Profile, expected_ratio, merged
from salesplan.review.expect import Window as ProfileWindow
from salesplan.review.figures import ZERO, Ratio, minus, percent_of, shown
from salesplan.review.metrics import formulas_of
from salesplan.review.placing import bundled, dated_by, exact_sum, part_of, recency, unbundled
from salesplan.review.replan import replan_alerts
from salesplan.review.result import STATUSES as STATUSES
from salesplan.review.result import Review as Review
from salesplan.review.result import ReviewRow as ReviewRow
from salesplan.review.result import TargetReview as TargetReview
from salesplan.review.result import Thresholds as Thresholds
from salesplan.review.result import Window as Window
from salesplan.review.result import WindowKey as WindowKey
from salesplan.split.result import SplitNode, TargetSplit

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target


def window_key(coords: dict[str, str]) -> WindowKey:
    return tuple(part for level, part in coords.items() if level in TIME_KINDS), coords.get("rep", "")


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
    if any(level in TIME_KINDS for level in split.levels) or not deadline:
        return period.start, period.end
    return period.start, deadline if period.start <= deadline <= period.end else period.end


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
    by_id = {split.target_id: split for split in splits}
    derived = formulas_of(plan)
    for split in splits:
        target = targets[split.target_id]
        if target.id in derived:
            window = target_window(plan, target, split)
            deriver = DerivedReviewer(plan, target, by_id, as_of, thresholds)
            review.targets.append(deriver.run(by_target, window, split))
            continue
        mine = by_target.get(split.target_id, [])
        review.diagnostics += _outside_scope(target, split, mine)
        reviewer = TargetReviewer(plan, target, split, as_of, thresholds)
        reviewed = reviewer.run(mine)
        reviewed.alerts = replan_alerts(reviewer, mine, review.triggers)
        review.targets.append(reviewed)
        review.diagnostics += reviewer.diagnostics
    return review


def _outside_scope(target: Target, split: TargetSplit, rows: list[ActualRow]) -> list[Diagnostic]:
    """Rows naming a region or product outside the target's scope, where no split level checks it."""
    out: list[Diagnostic] = []
    scope = target.scope
    if scope is None:
        return out
    for key, allowed in (("region", scope.regions), ("product", scope.products), ("account", scope.accounts)):
        if not allowed or key in split.levels:
            continue
        for row in rows:
            part = row.coords.get(key)
            if part is not None and part not in allowed:
                out.append(_not_in(row, key, part, target.id))
    return out


class TargetReviewer:
    def __init__(self, plan: Plan, target: Target, split: TargetSplit, as_of: dt.date, thresholds: Thresholds) -> None:
        self.split, self.as_of, self.thresholds = split, as_of, thresholds
        self.window = target_window(plan, target, split)
        self.names = {p.id: p.name or p.id for p in plan.team.people}
        self.active = {p.id: (p.start, p.end) for p in plan.team.people}
        self.ramps = {p.id: ramp for p in plan.team.people if (ramp := ramp_of(p, plan.team)) is not None}
        self.time_below = [any(level in TIME_KINDS for level in split.levels[d:]) for d in range(len(split.levels) + 1)]
        self.is_rate = compares_levels(target)
        baseline = target.baseline
        self.baseline = Fraction(baseline) if self.is_rate and baseline is not None else None
        self.lower = self.baseline is not None and Fraction(target.value) < self.baseline
        self.review = TargetReview(
            target.id, target.name, target.metric, split.unit, self.is_rate, self.lower, self.window
        )
        self.diagnostics: list[Diagnostic] = []
        self._below: dict[tuple[int, str, str], bool] = {}
        self._windows: dict[WindowKey, Window] = {}
        # a sum target's profiles (salesplan.review.expect) of the root and its parts: the alerts read them
        self.profiles: dict[int, Profile] = {}
        self.placed: list[ActualRow] = []  # what `run` placed: the rows, or a sum target's bundles of them

    def run(self, rows: list[ActualRow]) -> TargetReview:
        """Every row is placed in the tree (and checked), whatever its date; only rows dated up to
        the as-of date count."""
        # a sum target places bundles of rows (salesplan.review.placing); a level target needs each row's date
        self.placed = rows if self.is_rate else bundled(rows, self.as_of)
        self._visit(self.split.root, 0, {}, self.placed, ((), ""))
        return self.review

    def _visit(
        self, node: SplitNode, depth: int, coords: dict[str, str], rows: list[ActualRow], key: WindowKey
    ) -> _Visited:
        """Append the node's row (pre-order) and return its expected-to-date, its actuals (the dated rows'
        exact total and, for a level target, the latest of them) and, for a sum target, its profile.
        `key` names the node's window: its time parts and its rep."""
        index = len(self.review.rows)
        self.review.rows.append(None)  # type: ignore[arg-type]  # filled in once the children are done
        children, stopped = self._children(node, coords, rows, key) if node.children else ([], rows)
        dated = [r for r in stopped if dated_by(r, self.as_of)] if stopped else stopped
        visited = [self._visit(c, depth + 1, cc, cr, ck) for c, cc, cr, ck in children]
        total = exact_sum([*(r.value for r in dated), *(v.total for v in visited)])
        latest: ActualRow | None = None
        if self.is_rate:
            found = [*dated, *(v.latest for v in visited if v.latest is not None)]
            latest = max(found, key=recency) if found else None
        profile: Profile | None = None
        if not self.is_rate:
            parts = (v.profile for v in visited if v.profile)
            profile = merged(parts) if node.children else {self._leaf_window(coords, key): node.value}
            expected = expected_ratio(profile, self.as_of)
        elif self._sums_parts(node, depth):
            summed = sum((Fraction(*v.expected) for v in visited), Fraction(0))
            expected = summed.numerator, summed.denominator
        else:
            own = self.expected_own(node, coords, (self.as_of,), key)[0]
            expected = own.numerator, own.denominator
        if profile is not None and depth <= 1:
            self.profiles[id(node)] = profile
        result = _Visited(expected, total, latest, profile)
        self.review.rows[index] = self._row(node, depth, coords, result)
        return result

    def _window(self, coords: dict[str, str], key: WindowKey | None = None) -> Window:
        """The days a node's own expected value spreads over: its time parts' span, narrowed to its rep's
        days on the team (the span itself where the two do not meet). `key`: `window_key(coords)`."""
        key = key or window_key(coords)
        known = self._windows.get(key)
        if known is None:
            start, end = self._span(coords)
            rep_start, rep_end = self.active.get(key[1], (None, None))
            active = (max(start, rep_start or start), min(end, rep_end or end))
            known = self._windows[key] = active if active[0] <= active[1] else (start, end)
        return known

    def _leaf_window(self, coords: dict[str, str], key: WindowKey) -> ProfileWindow:
        """A leaf's window in its profile: with its rep's ramp, when they have one (expected by ramped days)."""
        window = self._window(coords, key)
        ramp = self.ramps.get(key[1]) if self.ramps else None
        return window if ramp is None else (*window, ramp)

    def _sums_parts(self, node: SplitNode, depth: int) -> bool:
        """A sum's expected value is the sum of its parts' (so a rep who starts mid-period, or a time
        part's weight, counts exactly as in the rows below); a level's only where time parts follow."""
        return bool(node.children) and (self.time_below[depth] or not self.is_rate)

    def _span(self, coords: dict[str, str]) -> Window:
        """The target's window narrowed by every time part in `coords` (rows are placed by it)."""
        start, end = self.window
        for level, part in coords.items():
            if level in TIME_KINDS:
                first, last = part_range(level, part)
                start, end = max(start, first), min(end, last)
        return start, end

    def expected_own(
        self, node: SplitNode, coords: dict[str, str], days: Sequence[dt.date], key: WindowKey | None = None
    ) -> list[Fraction]:
        """The node's own expected value by the end of each of `days` (its parts are not looked at)."""
        window = self._window(coords, key)
        target = Fraction(node.value)
        if self.is_rate:
            if self.baseline is None:
                return [target for _ in days]
            return [self.baseline + (target - self.baseline) * elapsed_share(window, day) for day in days]
        return [target * elapsed_share(window, day) for day in days]

    def label(self, node: SplitNode) -> str:
        part = node.part or ""
        return node.label or (self.names.get(part, part) if node.level == "rep" else part)

    def _children(
        self, node: SplitNode, coords: dict[str, str], rows: list[ActualRow], key: WindowKey
    ) -> tuple[list[tuple[SplitNode, dict[str, str], list[ActualRow], WindowKey]], list[ActualRow]]:
        """Each part with its coordinates, rows and window key, and the rows that stop at this node (in no part)."""
        level = str(node.children[0].level)
        groups: dict[str | None, list[ActualRow]] = {}
        if level in TIME_KINDS:
            for row in rows:
                groups.setdefault(part_of(row, level), []).append(row)
        else:
            for row in rows:
                groups.setdefault(row.coords.get(level), []).append(row)
        out = []
        for child in node.children:
            part = str(child.part)
            below = (key[0] + (part,), key[1]) if level in TIME_KINDS else (key[0], part) if level == "rep" else key
            out.append((child, {**coords, level: part}, groups.pop(child.part, []), below))
        if level not in TIME_KINDS:
            for group in groups.values():
                for row in unbundled(group):
                    self._check_below(node, coords, row, level)
        return out, [row for group in groups.values() for row in group]

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

    def _row(self, node: SplitNode, depth: int, coords: dict[str, str], visited: _Visited) -> ReviewRow:
        """The node's figures, each computed once from exact integer ratios (salesplan.review.figures)."""
        target, expected = node.value.as_integer_ratio(), visited.expected
        latest = visited.latest
        if self.is_rate:
            actual = latest.value.as_integer_ratio() if latest is not None else ZERO
        else:
            actual = visited.total.as_integer_ratio()
        if self.lower:
            achievement, pacing = percent_of(target, actual), percent_of(expected, actual)
            gap = minus(expected, actual)
        else:
            achievement, pacing = percent_of(actual, target), percent_of(actual, expected)
            gap = minus(actual, expected)
        measured = latest is not None  # a level target: a dated row counts here
        if self.is_rate and not measured:
            achievement = pacing = None
            status = "at_risk" if expected[0] > 0 and self.as_of >= self.window[0] else "on_track"
        else:
            status = self.thresholds.status(pacing, actual[0])
        label = self.label(node)
        return ReviewRow(
            depth=depth,
            level=node.level,
            part=node.part,
            label=label or self.review.name or self.split.target_id,
            coords=coords,
            target=node.value,
            actual=shown(actual) if self.is_rate else visited.total,
            expected=shown(expected),
            achievement=achievement,
            pacing=pacing,
            gap=shown(gap),
            status=status,
        )


@dataclass
class _Visited:
    """What a node's visit found: its expected-to-date, the exact total of its dated actuals, for a level
    target the latest of them (None: none dated), and a sum target's profile."""

    expected: Ratio
    total: Decimal
    latest: ActualRow | None
    profile: Profile | None
