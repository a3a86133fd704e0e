"""Invariants of the review at every node: the achievement of a sum is the sum of actuals over the sum of targets."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.diagnostics import SourceRef
from salesplan.loader import LoadedPlan, load_plan
from salesplan.review.actuals import ActualRow
from salesplan.review.engine import ReviewRow, Thresholds, percent, review_plan
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

START = dt.date(2026, 7, 1)
DAYS = 92


def children(rows: list[ReviewRow]) -> list[tuple[ReviewRow, list[ReviewRow]]]:
    """Each row with its direct children, from the pre-order list and depths."""
    out = []
    for i, row in enumerate(rows):
        kids = []
        for later in rows[i + 1 :]:
            if later.depth <= row.depth:
                break
            if later.depth == row.depth + 1:
                kids.append(later)
        if kids:
            out.append((row, kids))
    return out


@functools.cache
def _reference() -> LoadedPlan:
    return load_plan(REPO_REFERENCE)


ROWS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 27), st.integers(0, 10**6)), max_size=40)


def leaf_rows(split: TargetSplit, drawn: list[tuple[int, int, int]]) -> list[ActualRow]:
    leaves = list(split.leaves())
    rows = []
    for n, (pick, day, cents) in enumerate(drawn):
        coords, _ = leaves[pick % len(leaves)]
        month = dt.date.fromisoformat(coords["month"] + "-01")
        place = {k: v for k, v in coords.items() if k != "month"}
        when = month + dt.timedelta(days=day)
        rows.append(ActualRow("T1", Decimal(cents) / 100, SourceRef("a.csv", n + 2, 1), place, day=when))
    return rows


@settings(max_examples=60, deadline=None)
@given(drawn=ROWS, offset=st.integers(-5, DAYS + 5))
def test_achievement_of_a_sum_at_every_node(drawn: list[tuple[int, int, int]], offset: int) -> None:
    reference = _reference()
    assert reference.plan is not None
    splits = [s for s in split_plan(reference).splits if s.target_id == "T1"]
    rows = leaf_rows(splits[0], drawn)
    as_of = START + dt.timedelta(days=offset)
    review = review_plan(reference.plan, splits, rows, as_of, Thresholds())
    [target] = review.targets
    assert review.diagnostics == []
    assert target.total.actual == sum((r.value for r in rows if r.day and r.day <= as_of), Decimal(0))
    for parent, kids in children(target.rows):
        actual = sum((k.actual for k in kids), Decimal(0))
        total = sum((k.target for k in kids), Decimal(0))
        assert parent.actual == actual and parent.target == total
        assert parent.achievement == percent(Fraction(actual), Fraction(total))
        # expected adds up too, up to the rounding of each child to 0.01
        assert abs(parent.expected - sum((k.expected for k in kids), Decimal(0))) <= Decimal("0.005") * (len(kids) + 1)
        assert parent.expected <= parent.target
    if as_of >= dt.date(2026, 9, 30):
        assert all(r.expected == r.target for r in target.rows)
