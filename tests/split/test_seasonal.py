"""Seasonality: `method: history` at a month or quarter level, from `history.by_month` (hand-computed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan

HEAD = """\
salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a}, {id: east-b}]
  people:
    - {id: 李雷, region: east-a, capacity: 100}
    - {id: 韩梅, region: east-a, capacity: 100, start: 2026-08-01}
"""


def split(history: str, targets: str, head: str = HEAD) -> SplitOutcome:
    return split_plan(load_text(head + history + "targets:\n" + targets, "plan.yaml"))


TOTAL = "history:\n  by_month: {2025-07: 120, 2025-08: 100, 2025-09: 96}\n"


def test_months_like_the_same_months_last_year() -> None:
    outcome = split(TOTAL, "  - {id: T, value: 300, split: [{by: month, method: history}]}\n")
    assert outcome.diagnostics == []
    parts = outcome.splits[0].root.children
    # 300 x 120/316 = 113.92, x 100/316 = 94.94, x 96/316 = 91.14: floors 113 + 94 + 91 = 298,
    # the two units left to the largest remainders (.94, .92): 114, 95, 91
    assert [(p.part, p.value) for p in parts] == [("2026-07", 114), ("2026-08", 95), ("2026-09", 91)]
    assert [p.basis.text("zh") for p in parts] == ["按去年同期 38.0%", "按去年同期 31.6%", "按去年同期 30.4%"]
    assert parts[1].basis.text("en") == "like the same month last year 31.6%"


def test_quarters_sum_their_three_months() -> None:
    head = HEAD.replace("2026-09-30", "2026-12-31")
    history = (
        "history:\n  period: {start: 2025-07-01, end: 2025-12-31}\n"
        "  by_month: {2025-07: 10, 2025-08: 20, 2025-09: 30, 2025-10: 40, 2025-11: 50, 2025-12: 60}\n"
    )
    outcome = split(history, "  - {id: T, value: 100, split: [{by: quarter, method: history}]}\n", head)
    assert outcome.diagnostics == []
    parts = outcome.splits[0].root.children
    # Q3 60 of 210 -> 28.57, Q4 150 of 210 -> 71.43: 29 and 71
    assert [(p.part, p.value) for p in parts] == [("2026-Q3", 29), ("2026-Q4", 71)]
    assert [p.basis.text("en") for p in parts] == [
        "like the same quarter last year 28.6%",
        "like the same quarter last year 71.4%",
    ]


def test_a_region_uses_its_own_row_of_months() -> None:
    history = (
        "history:\n  by_month:\n"
        "    east-a: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
        "    east-b: {2025-07: 3, 2025-08: 0, 2025-09: 1}\n"
    )
    targets = (
        "  - id: T\n    value: 200\n    split:\n"
        "      - {by: region, method: even}\n"
        "      - {by: month, method: history}\n"
    )
    outcome = split(history, targets)
    assert outcome.diagnostics == []
    rows = [[m.value for m in region.children] for region in outcome.splits[0].root.children]
    # east-a 100 by 1:1:2 -> 25, 25, 50; east-b 100 by 3:0:1 -> 75, 0, 25
    assert rows == [[25, 25, 50], [75, 0, 25]]


def test_outside_any_region_the_rows_add_up() -> None:
    history = (
        "history:\n  by_month:\n"
        "    east-a: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
        "    east-b: {2025-07: 3, 2025-08: 0, 2025-09: 1}\n"
    )
    outcome = split(history, "  - {id: T, value: 80, split: [{by: month, method: history}]}\n")
    assert outcome.diagnostics == []
    # 4 : 1 : 3 of 80 -> 40, 10, 30
    assert [m.value for m in outcome.splits[0].root.children] == [40, 10, 30]


def test_a_rep_starting_mid_period_weighs_the_months_they_are_active() -> None:
    targets = (
        "  - id: T\n    value: 100\n    scope: {regions: [east-a]}\n    split:\n"
        "      - {by: rep, method: explicit, values: {李雷: 0, 韩梅: 100}}\n"
        "      - {by: month, method: history}\n"
    )
    outcome = split(TOTAL, targets)
    assert outcome.diagnostics == []
    months = outcome.splits[0].root.children[1].children
    # 韩梅 starts 08-01: July weighs 0, August 100 and September 96 of 196 -> 51.02, 48.98: 51, 49
    assert [m.value for m in months] == [0, 51, 49]


def test_held_month_and_the_rest_by_history() -> None:
    outcome = split(TOTAL, "  - {id: T, value: 300, split: [{by: month, values: {2026-07: 100}, rest: history}]}\n")
    assert outcome.diagnostics == []
    parts = outcome.splits[0].root.children
    # 200 by 100 : 96 -> 102.04, 97.96: 102, 98
    assert [p.value for p in parts] == [100, 102, 98]
    assert [p.basis.text("zh") for p in parts] == ["指定", "按去年同期 51.0%", "按去年同期 49.0%"]


def test_a_missing_month_is_a_located_error_not_a_zero() -> None:
    history = "history:\n  by_month: {2025-07: 120, 2025-09: 96}\n"
    outcome = split(history, "  - {id: T, value: 300, split: [{by: month, method: history}]}\n")
    [error] = outcome.diagnostics
    assert (error.code, error.line, error.col) == (codes.NO_HISTORY, 11, 13)
    assert error.message == (
        "target 'T': history.by_month of the team has no month 8 of the comparable period, which month 2026-08 "
        "needs; a missing month is not taken as zero"
    )
    assert error.message_zh == (
        "目标 'T'：整个团队的 history.by_month 没有同期的 8 月，月 2026-08 需要它；缺少的月份不会按 0 计"
    )
    assert outcome.splits == []


def test_two_years_of_the_same_month_need_a_period() -> None:
    history = "history:\n  by_month: {2024-07: 1, 2025-07: 120, 2025-08: 100, 2025-09: 96}\n"
    outcome = split(history, "  - {id: T, value: 300, split: [{by: month, method: history}]}\n")
    [error] = outcome.diagnostics
    assert error.code == codes.NO_HISTORY
    assert "holds 2024-07 / 2025-07 for month 2026-07" in error.message
    with_period = history.replace("history:\n", "history:\n  period: {start: 2025-07-01, end: 2025-09-30}\n")
    outcome = split(with_period, "  - {id: T, value: 300, split: [{by: month, method: history}]}\n")
    assert outcome.diagnostics == []
    assert [m.value for m in outcome.splits[0].root.children] == [114, 95, 91]


def test_a_key_that_is_not_a_month_is_located() -> None:
    history = "history:\n  by_month: {2025-07: 120, 2025-13: 100, 2025-09: 96}\n"
    outcome = split(history, "  - {id: T, value: 300, split: [{by: month, method: history}]}\n")
    [error] = outcome.diagnostics
    assert (error.code, error.line, error.col) == (codes.UNKNOWN_PART, 11, 28)
    assert error.message_zh == (
        "目标 'T'：'2025-13' 不是 history.by_month 的月份、季度或周（请写作 2025-07、2025-Q3 或 2025-W27）"
    )


def test_no_months_at_all_is_refused() -> None:
    outcome = split(
        "history:\n  revenue: {east-a: 1}\n", "  - {id: T, value: 3, split: [{by: month, method: history}]}\n"
    )
    assert [d.code for d in outcome.diagnostics] == [codes.NO_HISTORY]
    assert outcome.diagnostics[0].message == (
        "target 'T': method: history by month needs `history.by_month` (month -> amount)"
    )


def test_quarters_of_history_given_by_quarter() -> None:
    head = HEAD.replace("2026-09-30", "2026-12-31")
    history = "history:\n  period: {start: 2025-07-01, end: 2025-12-31}\n  by_month: {2025-Q3: 60, 2025-Q4: 150}\n"
    outcome = split(history, "  - {id: T, value: 100, split: [{by: quarter, method: history}]}\n", head)
    assert outcome.diagnostics == []
    # like the months summed: Q3 60 of 210 -> 28.57, Q4 150 of 210 -> 71.43: 29 and 71
    assert [(p.part, p.value) for p in outcome.splits[0].root.children] == [("2026-Q3", 29), ("2026-Q4", 71)]
    # a month level cannot be phased from quarters: each month is missing, explicitly
    outcome = split(history, "  - {id: T, value: 100, split: [{by: month, method: history}]}\n", head)
    assert [d.code for d in outcome.diagnostics] == [codes.NO_HISTORY] * 6 and outcome.splits == []


def test_weeks_like_the_same_iso_weeks_last_year() -> None:
    head = HEAD.replace("{start: 2026-07-01, end: 2026-09-30}", "{start: 2026-06-29, end: 2026-07-19}")
    history = "history:\n  by_month: {2025-W27: 10, 2025-W28: 30, 2025-W29: 60}\n"
    outcome = split(history, "  - {id: T, value: 200, split: [{by: week, method: history}]}\n", head)
    assert outcome.diagnostics == []
    # 2026-W27..W29 like 2025's weeks 27..29: 200 x 10/100, 30/100, 60/100
    parts = outcome.splits[0].root.children
    assert [(p.part, p.value) for p in parts] == [("2026-W27", 20), ("2026-W28", 60), ("2026-W29", 120)]
    assert parts[0].basis.text("en") == "like the same week last year 10.0%"
    missing = "history:\n  by_month: {2025-W27: 10, 2025-W29: 60}\n"
    outcome = split(missing, "  - {id: T, value: 200, split: [{by: week, method: history}]}\n", head)
    [error] = outcome.diagnostics
    assert error.message == (
        "target 'T': history.by_month of the team has no week 28 of the comparable period, which week 2026-W28 "
        "needs; a missing week is not taken as zero"
    )


@settings(max_examples=60, deadline=None)
@given(
    value=st.integers(min_value=0, max_value=10**9),
    months=st.lists(st.integers(min_value=0, max_value=10**6), min_size=3, max_size=3).filter(any),
)
def test_the_months_add_up_exactly(value: int, months: list[int]) -> None:
    history = f"history:\n  by_month: {{2025-07: {months[0]}, 2025-08: {months[1]}, 2025-09: {months[2]}}}\n"
    outcome = split(history, f"  - {{id: T, value: {value}, split: [{{by: month, method: history}}]}}\n")
    assert outcome.diagnostics == []
    parts = [m.value for m in outcome.splits[0].root.children]
    assert sum(parts) == value
    for part, weight in zip(parts, months, strict=True):  # each within one unit of its exact share
        assert abs(part * sum(months) - value * weight) < sum(months)


def test_a_row_of_months_names_a_known_region() -> None:
    history = "history:\n  by_month:\n    east-z: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
    loaded = load_text(HEAD + history + "targets: []\n", "plan.yaml")
    [error] = [d for d in loaded.diagnostics if d.severity == "error"]
    assert (error.line, error.col) == (12, 13)  # located like history.revenue's rows
    assert (error.code, error.message) == ("SP031", "unknown region 'east-z'; did you mean 'east-b'?")
