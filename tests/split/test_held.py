"""Held values: parts at given amounts, the remainder split by `rest:` (hand-computed, and a property)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan

PLAN = """\
salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a}, {id: east-b}, {id: east-c}]
  people:
    - {id: 李雷, region: east-a, capacity: 100}
    - {id: 韩梅, region: east-a, capacity: 60}
    - {id: 周杰, region: east-a, capacity: 30}
history:
  revenue: {east-a: 500, east-b: 250, east-c: 150}
targets:
"""


def split(targets: str) -> SplitOutcome:
    return split_plan(load_text(PLAN + targets, "plan.yaml"))


def test_held_region_and_the_rest_by_history() -> None:
    outcome = split("  - {id: T, value: 1000, split: [{by: region, values: {east-a: 300}, rest: history}]}\n")
    assert outcome.diagnostics == []
    parts = outcome.splits[0].root.children
    # 700 left by history 250 : 150 (east-a's own history does not count) -> 437.5 and 262.5;
    # the tied half unit goes to the larger weight: 438, 262
    assert [(p.part, p.value) for p in parts] == [("east-a", 300), ("east-b", 438), ("east-c", 262)]
    assert [p.basis.text("zh") for p in parts] == ["指定", "按历史占比 62.5%", "按历史占比 37.5%"]
    assert [p.basis.text("en") for p in parts] == ["explicit", "by history share 62.5%", "by history share 37.5%"]


def test_held_rep_and_the_rest_by_capacity() -> None:
    outcome = split(
        "  - {id: T, value: 100, scope: {regions: [east-a]}, split: [{by: rep, values: {李雷: 40}, rest: capacity}]}\n"
    )
    assert outcome.diagnostics == []
    parts = outcome.splits[0].root.children
    # 60 left by capacity 60 : 30 -> 40 and 20
    assert [(p.part, p.value) for p in parts] == [("李雷", 40), ("韩梅", 40), ("周杰", 20)]
    assert [p.basis.text("zh") for p in parts] == ["指定", "按产能 60/90", "按产能 30/90"]


def test_held_month_inside_each_region_and_the_rest_even() -> None:
    outcome = split(
        "  - id: T\n    value: 900\n    split:\n"
        "      - {by: region, method: explicit, values: {east-a: 400, east-b: 300, east-c: 200}}\n"
        "      - {by: month, values: {2026-07: 100}, rest: even}\n"
    )
    assert outcome.diagnostics == []
    # July held at 100 in every region; August and September share the rest evenly
    rows = [[m.value for m in region.children] for region in outcome.splits[0].root.children]
    assert rows == [[100, 150, 150], [100, 100, 100], [100, 50, 50]]


def test_held_values_larger_than_the_node_are_located() -> None:
    outcome = split(
        "  - id: T\n    value: 900\n    split:\n"
        "      - {by: region, method: explicit, values: {east-a: 400, east-b: 300, east-c: 200}}\n"
        "      - {by: month, values: {2026-07: 250}, rest: even}\n"
    )
    [error] = outcome.diagnostics
    assert (error.code, error.line, error.col) == (codes.SUM_MISMATCH, 18, 29)
    assert error.message == ("target 'T': held values add up to 250万元, more than the 200万元 they split (east-c)")
    assert error.message_zh == "目标 'T'：保留值合计 250万元，超过了被拆解的 200万元（east-c）"


def test_a_rest_with_nothing_to_split_by_is_located() -> None:
    outcome = split(
        "  - id: T\n    value: 1000\n    split:\n"
        "      - {by: region, values: {east-a: 300}, weights: {east-b: 0, east-c: 0}, rest: weights}\n"
    )
    [error] = outcome.diagnostics
    assert (error.code, error.line, error.col) == (codes.ZERO_WEIGHTS, 17, 54)  # the rest's weights
    assert error.message == "target 'T': all weights are zero"


def test_every_part_held_must_add_up() -> None:
    ok = split(
        "  - {id: T, value: 600, split: [{by: region, values: {east-a: 300, east-b: 200, east-c: 100}, rest: even}]}\n"
    )
    assert ok.diagnostics == [] and [p.value for p in ok.splits[0].root.children] == [300, 200, 100]
    # 100 left and no part to take it: located at `rest:`
    short = split(
        "  - {id: T, value: 700, split: [{by: region, values: {east-a: 300, east-b: 200, east-c: 100}, rest: even}]}\n"
    )
    assert [(d.code, d.line, d.col) for d in short.diagnostics] == [(codes.ZERO_WEIGHTS, 14, 101)]


def test_static_problems_of_rest_are_located() -> None:
    outcome = split(
        "  - {id: A, value: 10, split: [{by: region, method: history, values: {east-a: 3}, rest: even}]}\n"
        "  - {id: B, value: 10, split: [{by: region, values: {east-a: 3}, rest: explicit}]}\n"
        "  - {id: C, value: 10, split: [{by: region, rest: even}]}\n"
        "  - {id: D, value: 10, split: [{by: region, values: {east-a: 3}, rest: capacity}]}\n"
    )
    found = [(d.code, d.line) for d in outcome.diagnostics]
    assert found == [
        (codes.METHOD_NOT_APPLICABLE, 14),
        (codes.METHOD_NOT_APPLICABLE, 15),
        (codes.MISSING_WEIGHT, 16),
        (codes.METHOD_NOT_APPLICABLE, 17),  # capacity cannot split regions
    ]


@settings(max_examples=60, deadline=None)
@given(
    total=st.integers(0, 10_000),
    held=st.lists(st.one_of(st.none(), st.integers(0, 3000)), min_size=3, max_size=3),
    weights=st.lists(st.integers(1, 50), min_size=3, max_size=3),
)
def test_held_values_are_kept_and_parts_add_up(total: int, held: list[int | None], weights: list[int]) -> None:
    regions = ["east-a", "east-b", "east-c"]
    values = {r: h for r, h in zip(regions, held, strict=True) if h is not None}
    rest = {r: w for r, w, h in zip(regions, weights, held, strict=True) if h is None}
    level = f"{{by: region, values: {values}, weights: {rest}, rest: weights}}".replace("'", "")
    outcome = split(f"  - {{id: T, value: {total}, split: [{level}]}}\n")
    given_sum = sum(values.values())
    if given_sum > total or (given_sum < total and not rest):
        assert outcome.splits == [] and outcome.diagnostics
        return
    assert outcome.diagnostics == []
    parts = {p.part: p.value for p in outcome.splits[0].root.children}
    assert sum(parts.values()) == total
    assert all(parts[r] == Decimal(v) for r, v in values.items())
