"""Held values beside `rest:`: a held part needs nothing the rest's method reads, and a finding about the
rest's method is located at `rest:` (the level has no `method:` key)."""

from __future__ import annotations

from decimal import Decimal

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.timeparts import published_through

BASE = """\
salesplan: 1
plan:
  name: 测试计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: east-a, name: A区}
    - {id: east-b, name: B区}
    - {id: east-c, name: C区}
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 160}
    - {id: 韩梅, role: rep, region: east-a}
    - {id: 周杰, role: rep, region: east-b, capacity: 120}
history:
  revenue: {east-b: 100, east-c: 50}
targets:
"""
LEVEL_LINE = BASE.count("\n") + 4  # the line of the one level of each target below (a scope: one more)


def _split(targets: str) -> SplitOutcome:
    loaded = load_text(BASE + targets, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return split_plan(loaded)


def _values(outcome: SplitOutcome) -> dict[str | None, Decimal]:
    [split] = outcome.splits
    return {child.part: child.value for child in split.root.children}


def test_a_held_region_without_history_needs_none() -> None:
    outcome = _split(
        """\
  - id: T
    value: 300
    split:
      - {by: region, values: {east-a: 150}, rest: history}
"""
    )
    assert outcome.diagnostics == []  # east-a has no history, and needs none: it is held
    # 150 held; 150 left by history 100:50 -> 100 and 50
    assert _values(outcome) == {"east-a": 150, "east-b": 100, "east-c": 50}


def test_a_region_of_the_rest_without_history_is_sp058_at_rest() -> None:
    outcome = _split(
        """\
  - id: T
    value: 300
    split:
      - {by: region, values: {east-c: 150}, rest: history}
"""
    )
    [diag] = outcome.diagnostics
    assert diag.code == codes.HISTORY_MISSING_PART
    assert diag.path == ("targets", 0, "split", 0, "rest")
    level = "      - {by: region, values: {east-c: 150}, rest: history}"
    assert (diag.source.line, diag.source.col) == (LEVEL_LINE, level.index("history") + 1)
    assert diag.message == "target 'T': no history for region 'east-a' (the whole target): it gets nothing by history"
    assert diag.message_zh == "目标 'T'：区域 'east-a'（整个目标）没有历史数据：按历史拆解时不分配"
    # east-c 150 held; east-a gets nothing by history, east-b the 150 left
    assert _values(outcome) == {"east-a": 0, "east-b": 150, "east-c": 150}


def test_a_held_rep_without_capacity_needs_none() -> None:
    outcome = _split(
        """\
  - id: T
    value: 250
    scope: {regions: [east-a]}
    split:
      - {by: rep, values: {韩梅: 100}, rest: capacity}
"""
    )
    assert outcome.diagnostics == []  # 韩梅 has no capacity and needs none (it was SP050)
    assert _values(outcome) == {"李雷": 150, "韩梅": 100}


def test_over_capacity_of_the_rest_is_located_at_rest() -> None:
    outcome = _split(
        """\
  - id: T
    value: 300
    scope: {regions: [east-a]}
    split:
      - {by: rep, values: {韩梅: 100}, rest: capacity}
"""
    )
    [diag] = outcome.diagnostics
    assert diag.code == codes.OVER_CAPACITY
    assert diag.path == ("targets", 0, "split", 0, "rest")
    level = "      - {by: rep, values: {韩梅: 100}, rest: capacity}"
    assert (diag.source.line, diag.source.col) == (LEVEL_LINE + 1, level.index("capacity") + 1)


def test_a_rest_without_its_weights_is_located_at_rest() -> None:
    outcome = _split(
        """\
  - id: T
    value: 300
    split:
      - {by: region, values: {east-a: 10}, rest: weights}
"""
    )
    [diag] = outcome.diagnostics
    assert (diag.code, diag.path) == (codes.MISSING_WEIGHT, ("targets", 0, "split", 0, "rest"))


def test_a_rest_method_that_cannot_split_the_level_is_located_at_rest() -> None:
    outcome = _split(
        """\
  - id: T
    value: 300
    split:
      - {by: region, values: {east-a: 10}, rest: capacity}
"""
    )
    [diag] = outcome.diagnostics
    assert (diag.code, diag.path) == (codes.METHOD_NOT_APPLICABLE, ("targets", 0, "split", 0, "rest"))


def _workdays_plan(last: int, level: str) -> str:
    period = f"{{start: {last}-12-01, end: {last + 1}-01-31}}"
    base = BASE.replace("{start: 2026-07-01, end: 2026-09-30}", period)
    return base + (
        "  - id: T\n    value: 100\n    scope: {regions: [east-a]}\n    split:\n"
        f"      - {{by: rep, method: even}}\n{level}"
    )


def test_a_held_month_of_an_unpublished_year_counts_no_working_day() -> None:
    last = published_through("CN")
    assert last is not None
    january = f"{last + 1}-01"
    phased = "      - {by: month, method: workdays}\n"
    outcome = split_plan(load_text(_workdays_plan(last, phased), "plan.yaml"))
    assert [d.code for d in outcome.diagnostics] == [codes.CALENDAR_FALLBACK]  # January is counted
    holds = f"{{李雷: {{{january}: 20}}, 韩梅: {{{january}: 30}}}}"
    held = f"      - by: month\n        method: workdays\n        held: {holds}\n"
    outcome = split_plan(load_text(_workdays_plan(last, held), "plan.yaml"))
    assert outcome.diagnostics == []  # held in every node: no day of it is counted
    [split] = outcome.splits
    months = {(rep.part, month.part): month.value for rep in split.root.children for month in rep.children}
    assert months == {
        ("李雷", f"{last}-12"): Decimal(30),
        ("李雷", january): Decimal(20),
        ("韩梅", f"{last}-12"): Decimal(20),
        ("韩梅", january): Decimal(30),
    }


def test_a_level_with_the_default_method_is_located_at_its_by() -> None:
    # no `method:` key: even, the default; 周杰, east-b's only rep, left before the period
    base = BASE.replace("capacity: 120}", "capacity: 120, end: 2026-06-30}")
    loaded = load_text(
        base + "  - id: T\n    value: 300\n    scope: {regions: [east-b]}\n    split:\n      - {by: rep}\n", "p"
    )
    [diag] = split_plan(loaded).diagnostics
    assert (diag.code, diag.path) == (codes.NO_REPS, ("targets", 0, "split", 0, "by"))
    assert (diag.source.line, diag.source.col) == (LEVEL_LINE + 1, len("      - {by: ") + 1)  # at `rep`
