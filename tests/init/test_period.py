"""Periods from the command line, and the dates and amounts placed inside them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.scaffold.errors import ScaffoldError
from salesplan.scaffold.period import MAX_DAYS, MIN_DAYS, next_quarter, parse_period, resolve_period
from salesplan.scaffold.timeline import Timeline, money

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "zh", "en"),
    [
        ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30), "2026 年第三季度", "Q3 2026"),
        ("2026q4", D(2026, 10, 1), D(2026, 12, 31), "2026 年第四季度", "Q4 2026"),
        ("2026-H1", D(2026, 1, 1), D(2026, 6, 30), "2026 年上半年", "H1 2026"),
        ("2028", D(2028, 1, 1), D(2028, 12, 31), "2028 年度", "FY2028"),
        ("2028-2", D(2028, 2, 1), D(2028, 2, 29), "2028 年 2 月", "February 2028"),
        ("2026-07-15..2026-10-14", D(2026, 7, 15), D(2026, 10, 14), "2026-07-15 至 2026-10-14", None),
        ("2026-07-15 至 2026-10-14", D(2026, 7, 15), D(2026, 10, 14), None, None),
    ],
)
def test_period_forms(text: str, start: dt.date, end: dt.date, zh: str | None, en: str | None) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)
    assert zh is None or period.label("zh") == zh
    assert en is None or period.label("en") == en


@pytest.mark.parametrize(
    ("period", "start", "end", "key"),
    [
        ("2026-Q5", None, None, "bad_period"),
        ("soon", None, None, "bad_period"),
        ("2026-13", None, None, "bad_period"),
        ("2026-09-30..2026-07-01", None, None, "period_order"),
        ("2026-07-01..2026-07-10", None, None, "period_length"),
        ("2026-01-01..2027-06-30", None, None, "period_length"),
        ("2026-Q3", "2026-07-01", None, "period_and_dates"),
        (None, "2026-07-01", None, "dates_incomplete"),
        (None, "2026-02-30", "2026-04-30", "bad_date"),
    ],
)
def test_bad_periods_are_refused_with_a_reason(
    period: str | None, start: str | None, end: str | None, key: str
) -> None:
    with pytest.raises(ScaffoldError) as caught:
        resolve_period(period, start, end)
    assert caught.value.key == key
    assert caught.value.message("zh") and caught.value.message("en")


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
MONTHS += ["November", "December"]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_and_quarter_is_named_in_both_languages(month: int) -> None:
    period = parse_period(f"2027-{month:02d}")
    assert (period.label("zh"), period.label("en")) == (f"2027 年 {month} 月", f"{MONTHS[month - 1]} 2027")
    q = (month - 1) // 3 + 1
    quarter = parse_period(f"2027-Q{q}")
    assert quarter.label("zh") == f"2027 年第{'一二三四'[q - 1]}季度" and quarter.label("en") == f"Q{q} 2027"
    assert parse_period("2027-H2").label("zh") == "2027 年下半年" and parse_period("2027-H2").label("en") == "H2 2027"


@given(start=st.dates(D(1000, 1, 1), D(9998, 1, 1)), days=st.integers(MIN_DAYS, MAX_DAYS))
def test_a_range_is_named_by_its_days(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days - 1)
    period = parse_period(f"{start.isoformat()}..{end.isoformat()}")
    assert period.label("zh") == f"{start.isoformat()} 至 {end.isoformat()}"
    short = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    en = [f"{d.day:02d} {short[d.month - 1]} {d.year}" for d in (start, end)]
    assert period.label("en") == f"{en[0]} – {en[1]}"


def test_no_period_given_is_none_and_the_default_is_the_next_quarter() -> None:
    assert resolve_period(None, None, None) is None
    assert (next_quarter(D(2026, 11, 23)).start, next_quarter(D(2026, 11, 23)).end) == (D(2027, 1, 1), D(2027, 3, 31))
    assert next_quarter(D(2026, 1, 1)).label("en") == "Q2 2026"


@given(
    start=st.dates(D(2000, 1, 1), D(2090, 1, 1)),
    days=st.integers(MIN_DAYS, MAX_DAYS),
    a=st.sampled_from([0, 0.05, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.33, 0.35, 0.45, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9]),
)
def test_a_task_ending_before_x_and_one_starting_at_x_never_overlap(start: dt.date, days: int, a: float) -> None:
    line = Timeline(start, start + dt.timedelta(days=days - 1))
    assert line.start <= line.at(a) <= line.end and line.start <= line.before(a) <= line.end
    b = a + 0.05  # the closest fractions the templates use
    assert line.before(b) < line.at(b)
    assert line.at(a) <= line.before(b)  # a task from at(a) to before(a + 0.05) is never empty
    assert (line.at(0), line.before(1)) == (line.start, line.end)


def test_months_and_their_ramp_weights() -> None:
    line = Timeline(D(2026, 11, 15), D(2027, 2, 14))
    assert line.months() == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert line.month_weights(2, 5) == "{2026-11: 2, 2026-12: 3, 2027-01: 4, 2027-02: 5}"
    assert Timeline(D(2026, 7, 1), D(2026, 7, 31)).month_weights(2, 5) == "{2026-07: 2}"


def test_last_year_of_a_leap_day() -> None:
    assert Timeline(D(2028, 2, 1), D(2028, 2, 29)).last_year() == (D(2027, 2, 1), D(2027, 2, 28))


def test_amounts_written_in_wan_are_rendered_in_the_plans_unit() -> None:
    assert [money("万元")(x) for x in (45, 416.7, 0.5)] == ["45", "416.7", "0.5"]
    assert [money("元")(x) for x in (45, 416.7, 0.5)] == ["450000", "4167000", "5000"]
