"""Holiday calendars of `method: workdays`: China's make-up working days, a region's own calendar,
and one notice for a year whose official schedule is not published yet."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from salesplan import codes
from salesplan.diagnostics import Severity
from salesplan.loader import load_text
from salesplan.split.engine import split_plan
from salesplan.split.timeparts import WorkdayCalendar, published_through

JAN = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
FEB = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_2026_make_up_days_are_working_days() -> None:
    calendar = WorkdayCalendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    table = holidays.country_holidays("CN", years=2026)
    # the State Council's 2026 schedule: Sunday 4 January and Saturdays 14 and 28 February are worked
    for day in (dt.date(2026, 1, 4), dt.date(2026, 2, 14), dt.date(2026, 2, 28)):
        assert day.weekday() >= 5 and day in table.weekend_workdays
        assert calendar.count(day, day) == 1
    assert calendar.count(dt.date(2026, 1, 3), dt.date(2026, 1, 3)) == 0  # Saturday, a holiday
    # January: 22 weekdays - 1 and 2 January + Sunday 4 January = 21;
    # February: 20 weekdays - 6 weekdays of the Spring Festival (16-20, 23) + 14 and 28 February = 16
    assert (calendar.count(*JAN), calendar.count(*FEB)) == (21, 16)
    assert calendar.unpublished_years == set()


def test_hong_kong_counts_its_own_days() -> None:
    calendar = WorkdayCalendar(dt.date(2026, 1, 1), dt.date(2026, 2, 28), "HK")
    # Hong Kong's weekend in the holidays data is Sunday only, and it has no make-up days:
    # January 31 - 4 Sundays - 1 January = 26; February 28 - 4 Sundays - 17..19 February = 21
    assert (calendar.count(*JAN), calendar.count(*FEB)) == (26, 21)
    assert calendar.count(dt.date(2026, 1, 4), dt.date(2026, 1, 4)) == 0  # a Sunday, worked in China only
    assert calendar.unpublished_years == set()


def test_published_years_of_china() -> None:
    last = published_through("CN")
    assert last is not None and last >= 2026
    assert published_through("HK") is None  # no make-up days: every year is computed
    assert WorkdayCalendar(dt.date(last + 1, 1, 1), dt.date(last + 1, 3, 31)).unpublished_years == {last + 1}


REGIONS_PLAN = """\
salesplan: 1
plan:
  name: Q1
  period: {start: 2026-01-01, end: 2026-02-28}
team:
  regions: [{id: east}, {id: hk, calendar: HK}]
targets:
  - id: T
    value: 840
    split:
      - {by: region, method: explicit, values: {east: 370, hk: 470}}
      - {by: month, method: workdays}
"""


def test_a_region_with_its_own_calendar() -> None:
    outcome = split_plan(load_text(REGIONS_PLAN, "plan.yaml"))
    assert outcome.diagnostics == []
    east, hk = outcome.splits[0].root.children
    # east counts China's days (21 and 16 of 37), hk Hong Kong's (26 and 21 of 47)
    assert [(m.part, m.value) for m in east.children] == [("2026-01", 210), ("2026-02", 160)]
    assert [(m.part, m.value) for m in hk.children] == [("2026-01", 260), ("2026-02", 210)]
    assert [m.basis.text("zh") for m in hk.children] == ["按工作日 26/47", "按工作日 21/47"]


def test_the_plan_calendar_applies_to_every_part() -> None:
    text = REGIONS_PLAN.replace("name: Q1", "name: Q1\n  calendar: hk").replace("hk, calendar: HK", "hk")
    outcome = split_plan(load_text(text, "plan.yaml"))
    east, hk = outcome.splits[0].root.children
    # east now counts Hong Kong's days too: 26 and 21 of 47 -> 370 * 26/47 = 204.68 and 165.32 -> 205, 165
    assert [m.value for m in east.children] == [205, 165]
    assert [m.value for m in hk.children] == [260, 210]


def test_an_unknown_calendar_is_a_located_error() -> None:
    loaded = load_text(REGIONS_PLAN.replace("calendar: HK", "calendar: XY"), "plan.yaml")
    assert loaded.plan is None
    [found] = loaded.diagnostics
    assert (found.code, found.line) == (codes.INVALID_VALUE, 6)
    assert "XY" in found.message and "CN, HK" in found.message and "XY" in (found.message_zh or "")


def test_an_unpublished_year_gives_one_notice() -> None:
    text = REGIONS_PLAN.replace("2026-01-01", "2027-01-01").replace("2026-02-28", "2027-03-31")
    text += "  - {id: T2, value: 900, split: [{by: quarter, method: workdays}, {by: week, method: workdays}]}\n"
    outcome = split_plan(load_text(text, "plan.yaml"))
    [notice] = outcome.diagnostics  # one for 2027, whatever the targets, levels and calendars
    assert (notice.code, notice.severity, notice.line, notice.col) == (codes.CALENDAR_FALLBACK, Severity.NOTICE, 4, 11)
    assert notice.message == (
        "China's official holiday schedule for 2027 is not published yet: workdays of 2027 count its statutory "
        "holidays, without make-up working days"
    )
    assert (notice.message_zh or "").startswith("国务院尚未公布 2027 年")
    # 2027's statutory holidays are still counted: the Spring Festival (5-10 February 2027) is not worked
    table = WorkdayCalendar(dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert table.count(dt.date(2027, 2, 8), dt.date(2027, 2, 10)) == 0


@pytest.mark.parametrize("calendar", ["HK", "SG", "US"])
def test_no_notice_for_a_computed_calendar(calendar: str) -> None:
    text = REGIONS_PLAN.replace("2026-01-01", "2027-01-01").replace("2026-02-28", "2027-03-31")
    text = text.replace("name: Q1", f"name: Q1\n  calendar: {calendar}").replace("hk, calendar: HK", "hk")
    outcome = split_plan(load_text(text, "plan.yaml"))
    assert outcome.diagnostics == [] and len(outcome.splits) == 1
