"""The Spring Festival moving between January and February is said, never phased over silently."""

from __future__ import annotations

import datetime as dt

from salesplan import codes
from salesplan.diagnostics import Severity
from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.spring import spring_festival

HEAD = """\
salesplan: 1
plan:
  name: Q1
  period: {start: START, end: END}
targets:
  - {id: T, value: 300, split: [{by: month, method: history}]}
"""


def split(start: str, end: str, months: str) -> SplitOutcome:
    text = HEAD.replace("START", start).replace("END", end) + f"history:\n  by_month: {{{months}}}\n"
    return split_plan(load_text(text, "plan.yaml"))


def test_the_festival_dates_come_from_chinas_calendar() -> None:
    assert spring_festival(2025) == dt.date(2025, 1, 29)
    assert spring_festival(2026) == dt.date(2026, 2, 17)
    assert spring_festival(2027) == dt.date(2027, 2, 6)


def test_january_and_february_of_a_year_with_the_festival_elsewhere_are_a_warning() -> None:
    outcome = split("2026-01-01", "2026-03-31", "2025-01: 100, 2025-02: 80, 2025-03: 120")
    [warning] = outcome.diagnostics
    assert (warning.code, warning.severity, warning.line) == (codes.NO_HISTORY, Severity.WARNING, 8)
    assert warning.message == (
        "target 'T': the Spring Festival is on 2026-02-17 but on 2025-01-29 in the comparable year, so January and "
        "February of history.by_month of the team are not like this year's months"
    )
    assert "按季度" in (warning.hint_zh or "") or "quarter" in (warning.hint or "")
    # the split is still made, like last year's months: 300 x 100/300, 80/300, 120/300
    assert [m.value for m in outcome.splits[0].root.children] == [100, 80, 120]


def test_no_warning_when_the_festival_stays_in_its_month_or_one_month_is_split() -> None:
    assert split("2027-01-01", "2027-03-31", "2026-01: 100, 2026-02: 80, 2026-03: 120").diagnostics == []
    assert split("2026-02-01", "2026-02-28", "2025-02: 80").diagnostics == []  # one month takes it all
    assert split("2026-07-01", "2026-09-30", "2025-07: 1, 2025-08: 1, 2025-09: 1").diagnostics == []


def held(values: str, months: str) -> SplitOutcome:
    text = (
        "salesplan: 1\nplan:\n  name: H1\n  period: {start: 2026-01-01, end: 2026-06-30}\n"
        f"targets:\n  - {{id: T, value: 600, split: [{{by: month, values: {{{values}}}, rest: history}}]}}\n"
        f"history:\n  period: {{start: 2025-01-01, end: 2025-06-30}}\n  by_month: {{{months}}}\n"
    )
    return split_plan(load_text(text, "plan.yaml"))


def test_january_and_february_held_with_rest_history_are_the_way_out_not_a_warning() -> None:
    """The remedy the warning names (hold January and February, `rest: history` for the others) is
    taken without the warning; the held months' history is not read, so it may be left out."""
    year = "2025-01: 100, 2025-02: 60, 2025-03: 140, 2025-04: 100, 2025-05: 100, 2025-06: 160"
    outcome = held("1月: 100, 2026-02: 60", year)
    assert outcome.diagnostics == []
    # the rest, 440, like March to June last year (140 : 100 : 100 : 160 of 500): 123.2, 88, 88, 140.8
    assert [m.value for m in outcome.splits[0].root.children] == [100, 60, 123, 88, 88, 141]
    without = held("1月: 100, 2026-02: 60", "2025-03: 140, 2025-04: 100, 2025-05: 100, 2025-06: 160")
    assert without.diagnostics == []
    assert [m.value for m in without.splits[0].root.children] == [100, 60, 123, 88, 88, 141]
    assert [m.basis.text("zh") for m in without.splits[0].root.children][:3] == ["指定", "指定", "按去年同期 28.0%"]


def test_a_spring_month_left_to_history_beside_another_is_still_a_warning_and_needs_its_history() -> None:
    year = "2025-01: 100, 2025-02: 60, 2025-03: 140, 2025-04: 100, 2025-05: 100, 2025-06: 160"
    [warning] = held("1月: 100", year).diagnostics  # February is phased with March to June
    assert (warning.code, warning.severity) == (codes.NO_HISTORY, Severity.WARNING)
    [missing] = held("1月: 100", "2025-03: 140, 2025-04: 100, 2025-05: 100, 2025-06: 160").diagnostics
    assert (missing.code, missing.severity, missing.line) == (codes.NO_HISTORY, Severity.ERROR, 9)
    assert "no month 2 of the comparable period, which month 2026-02 needs" in missing.message
