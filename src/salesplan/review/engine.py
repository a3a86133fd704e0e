"""Actuals against targets: 达成率, expected-to-date, pacing, gap and status for every split node.

Definitions (all exact, `Fraction` inside, `Decimal` out):
- actual: the sum of the actuals rows that match the node's coordinates (region/product/rep ids,
  and for a time part, rows dated inside it; a row with only a month matches month, quarter and
  year parts that contain that whole month) dated up to `as_of`.
- 达成率 (achievement) = actual / target.
- expected to date: for a node whose breakdown has a time level, the sum of its time parts'
  values, each times the share of its days elapsed by `as_of` (the split's own time weights);
  otherwise the node's value times the share of the plan period's days elapsed. At or after the
  period's end, expected = target.
- pacing = actual / expected; gap = actual - expected (negative: behind).
- status from pacing: ahead (≥ 110%), on track (≥ 95%), behind (≥ 80%), at risk (below) — the
  thresholds are parameters.
- Rate targets (unit `%`, e.g. conversion 12% → 18%) compare rates, not sums: actual is the
  latest dated row's rate (the mean where rows are undated), expected is the target itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from salesplan.review.actuals import ActualRow
from salesplan.review.periods import TIME_LEVELS, part_range
from salesplan.split.result import SplitNode, TargetSplit


@dataclass(frozen=True)
class Thresholds:
    ahead: Decimal = Decimal(110)
    on_track: Decimal = Decimal(95)
    behind: Decimal = Decimal(80)

    def status(self, pacing: Decimal | None) -> str:
        if pacing is None:
            return "n/a"
        if pacing >= self.ahead:
            return "ahead"
        if pacing >= self.on_track:
            return "on_track"
        if pacing >= self.behind:
            return "behind"
        return "at_risk"


@dataclass
class ReviewRow:
    """One node of one target's breakdown, reviewed."""

    target_id: str
    depth: int
    coords: dict[str, str]
    label: str
    target: Decimal
    actual: Decimal
    expected: Decimal
    achievement: Decimal | None  # percent
    pacing: Decimal | None  # percent
    gap: Decimal
    status: str


@dataclass
class TargetReview:
    target_id: str
    name: str
    unit: str
    is_rate: bool
    rows: list[ReviewRow] = field(default_factory=list)

    @property
    def total(self) -> ReviewRow:
        return self.rows[0]


def percent(numerator: Fraction, denominator: Fraction) -> Decimal | None:
    if denominator == 0:
        return None
    value = numerator * 100 / denominator
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"))


def _dec(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01")).normalize()


def elapsed_share(start: dt.date, end: dt.date, as_of: dt.date) -> Fraction:
    """Share of the days start..end (inclusive) that have passed by the end of `as_of`."""
    total = (end - start).days + 1
    if as_of < start:
        return Fraction(0)
    if as_of >= end:
        return Fraction(1)
    return Fraction((as_of - start).days + 1, total)


def _matches(row: ActualRow, coords: dict[str, str]) -> bool:
    for level, part in coords.items():
        if level in TIME_LEVELS:
            start, end = part_range(level, part)
            if row.day is not None:
                if not start <= row.day <= end:
                    return False
            elif row.month is not None:
                first = dt.date.fromisoformat(row.month + "-01")
                if not start <= first <= end:
                    return False
            else:
                return False
        elif row.coords.get(level) not in (None, part):
            return False
        elif level not in row.coords:
            return False
    return True


def _dated_by(row: ActualRow, as_of: dt.date) -> bool:
    if row.day is not None:
        return row.day <= as_of
    if row.month is not None:
        return dt.date.fromisoformat(row.month + "-01") <= as_of
    return True


def _expected(
    node: SplitNode, level_coords: dict[str, str], period: tuple[dt.date, dt.date], as_of: dt.date
) -> Fraction:
    """Expected to date: time parts' values times their elapsed share, else a share of the period."""
    time_child = next((c for c in node.children if c.level in TIME_LEVELS), None)
    if node.level in TIME_LEVELS and node.part is not None:
        start, end = part_range(node.level, node.part)
        if not node.children or time_child is None:
            return Fraction(node.value) * elapsed_share(start, end, as_of)
    if node.children:
        if any(c.level in TIME_LEVELS for c in node.children) or _has_time_below(node):
            return sum((_expected(c, level_coords, period, as_of) for c in node.children), Fraction(0))
    return Fraction(node.value) * elapsed_share(period[0], period[1], as_of)


def _has_time_below(node: SplitNode) -> bool:
    return any(n.level in TIME_LEVELS for _, n in node.walk())


def review_target(
    split: TargetSplit,
    name: str,
    rows: Iterable[ActualRow],
    period: tuple[dt.date, dt.date],
    as_of: dt.date,
    thresholds: Thresholds,
) -> TargetReview:
    """Review one target's whole breakdown tree against the rows for it."""
    mine = [r for r in rows if _dated_by(r, as_of)]
    is_rate = split.unit == "%"
    review = TargetReview(split.target_id, name, split.unit, is_rate)
    stack: list[tuple[int, dict[str, str], SplitNode]] = [(0, {}, split.root)]
    while stack:
        depth, coords, node = stack.pop()
        if node.level is not None and node.part is not None:
            coords = {**coords, node.level: node.part}
        matching = [r for r in mine if _matches(r, coords)]
        target = Fraction(node.value)
        if is_rate:
            actual = _rate(matching)
            expected = target
        else:
            actual = sum((Fraction(r.value) for r in matching), Fraction(0))
            expected = _expected(node, coords, period, as_of)
        pacing = percent(actual, expected)
        review.rows.append(
            ReviewRow(
                target_id=split.target_id,
                depth=depth,
                coords=coords,
                label=node.label or node.part or split.target_id,
                target=node.value,
                actual=_dec(actual),
                expected=_dec(expected),
                achievement=percent(actual, target),
                pacing=pacing,
                gap=_dec(actual - expected),
                status=thresholds.status(pacing),
            )
        )
        stack.extend((depth + 1, coords, child) for child in reversed(node.children))
    return review


def _rate(rows: list[ActualRow]) -> Fraction:
    if not rows:
        return Fraction(0)
    dated = [r for r in rows if r.day is not None or r.month is not None]
    if dated:
        latest = max(dated, key=lambda r: (r.day or dt.date.fromisoformat(f"{r.month}-01"), r.source.line))
        return Fraction(latest.value)
    return sum((Fraction(r.value) for r in rows), Fraction(0)) / len(rows)
