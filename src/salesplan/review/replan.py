"""Re-planning alerts of one reviewed target: its completed periods' plan and actuals, for `alerts.detect`.

The alerts look at the target and at each part of its first breakdown level (when every counted row
names that level). What the plan gave a period is read from the nodes' profiles the review built
(`salesplan.review.expect`), never by walking the breakdown again; the actuals are summed per part and
period in one pass over the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction
from typing import Protocol

from salesplan.periods import TIME_KINDS, TimePart, time_parts
from salesplan.review.actuals import ActualRow
from salesplan.review.alerts import Alert, PeriodFigure, Triggers, detect
from salesplan.review.expect import Profile, expected_on
from salesplan.review.placing import dated_by, exact_sum, latest_value, part_of
from salesplan.review.result import TargetReview, Window, WindowKey
from salesplan.split.result import SplitNode, TargetSplit


class ReviewedTarget(Protocol):
    """What the alerts read of one target's review (`salesplan.review.engine.TargetReviewer` is one)."""

    @property
    def split(self) -> TargetSplit: ...
    @property
    def as_of(self) -> dt.date: ...
    @property
    def window(self) -> Window: ...
    @property
    def review(self) -> TargetReview: ...
    @property
    def is_rate(self) -> bool: ...
    @property
    def lower(self) -> bool: ...
    @property
    def profiles(self) -> dict[int, Profile]: ...
    @property
    def placed(self) -> list[ActualRow]: ...

    def label(self, node: SplitNode) -> str: ...

    def expected_own(
        self, node: SplitNode, coords: dict[str, str], days: Sequence[dt.date], key: WindowKey | None = None
    ) -> list[Fraction]: ...


def replan_alerts(reviewer: ReviewedTarget, rows: list[ActualRow], triggers: Triggers) -> list[Alert]:
    """Re-planning alerts (see salesplan.review.alerts) on the target and on the parts of its first level
    (a sum target's rows as the review placed them: in bundles of the same parts and day)."""
    counted = [r for r in reviewer.placed or rows if dated_by(r, reviewer.as_of)]
    split = reviewer.split
    level = period_level(split.levels, counted)
    if level is None:
        return []
    periods = [part for part in time_parts(level, *reviewer.window) if part.end <= reviewer.as_of]
    if not periods:
        return []
    first = split.levels[0] if split.levels else None
    by_part = first is not None and first not in TIME_KINDS and all(first in r.coords for r in counted)
    # one pass: the rows of each (first-level part, period); the root's are all of a period's
    cells: dict[tuple[str | None, str | None], list[ActualRow]] = {}
    for row in counted:
        cells.setdefault((row.coords[first] if by_part and first else None, part_of(row, level)), []).append(row)
    root = split.root
    name = reviewer.review.name or split.target_id
    figures = _Figures(reviewer, level, periods, triggers)
    root_cells: dict[str | None, list[ActualRow]] = {}
    for (_, period), mine in cells.items():
        root_cells.setdefault(period, []).extend(mine)
    out = figures.alerts(root, {}, name, root_cells)
    if by_part and first is not None:
        for child in root.children:
            of_part = {period: found for (part, period), found in cells.items() if part == child.part}
            out += figures.alerts(child, {first: str(child.part)}, reviewer.label(child), of_part)
    return out


def period_level(levels: list[str], counted: list[ActualRow]) -> str | None:
    """The finest time level of the split (month without one) at which every counted row has a period."""
    order = ("week", "month", "quarter")
    present = [index for index, level in enumerate(order) if level in levels]
    for level in order[min(present) if present else 1 :]:
        if all(part_of(row, level) is not None for row in counted):
            return level
    return None


class _Figures:
    def __init__(self, reviewer: ReviewedTarget, level: str, periods: list[TimePart], triggers: Triggers) -> None:
        self.reviewer, self.level, self.periods, self.triggers = reviewer, level, periods, triggers

    def planned(self, node: SplitNode, coords: dict[str, str]) -> list[Fraction]:
        """What the plan gives `node` in each period: a sum's share of it, a level's value at its end."""
        reviewer, periods = self.reviewer, self.periods
        ends = [part.end for part in periods]
        if reviewer.is_rate:
            return reviewer.expected_own(node, coords, ends)
        profile = reviewer.profiles[id(node)]
        before = [expected_on(profile, part.start - dt.timedelta(days=1)) for part in periods]
        return [expected_on(profile, end) - earlier for earlier, end in zip(before, ends, strict=True)]

    def alerts(
        self, node: SplitNode, coords: dict[str, str], label: str, rows: dict[str | None, list[ActualRow]]
    ) -> list[Alert]:
        figures: list[PeriodFigure] = []
        for part, plan in zip(self.periods, self.planned(node, coords), strict=True):
            mine = rows.get(part.id, [])
            if self.reviewer.is_rate:
                actual = latest_value(mine) if mine else None
            else:
                actual = Fraction(exact_sum(r.value for r in mine))
            figures.append(PeriodFigure(part.id, plan, actual, part.days == part.full_days))
        return [
            Alert(kind, label, coords, self.level, involved, change)
            for kind, involved, change in detect(figures, self.triggers, self.reviewer.lower)
        ]
