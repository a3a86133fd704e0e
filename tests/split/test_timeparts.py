"""Time parts: edges weighted by days, keys, reps' active days, and China's working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import holidays
import pytest

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.result import TargetSplit
from salesplan.split.timeparts import WorkdayCalendar, normalize_key, part_bounds, time_key_candidates, time_parts

Q3 = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def test_iso_weeks_are_clipped_at_the_period_edges() -> None:
    weeks = time_parts("week", *Q3)
    # 2026-07-01 is a Wednesday: ISO week 27 runs Mon 06-29 .. Sun 07-05, of which 5 days are in the period;
    # 2026-09-30 is a Wednesday: week 40 runs 09-28 .. 10-04, of which 3 days are in.
    assert [w.id for w in weeks] == [f"2026-W{n}" for n in range(27, 41)]
    assert (weeks[0].days, weeks[0].full_days, weeks[-1].days) == (5, 7, 3)
    assert sum(w.days for w in weeks) == 92
    assert [q.id for q in time_parts("quarter", dt.date(2026, 2, 15), dt.date(2026, 7, 1))] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
    ]


def test_time_keys_are_normalized() -> None:
    months = ["2026-07", "2026-08", "2026-09"]
    assert [normalize_key("month", k, months) for k in ("2026-7", "7月", "2026年8月", "9", "2026-09")] == [
        "2026-07",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-09",
    ]
    assert normalize_key("quarter", "Q3", ["2026-Q3"]) == "2026-Q3"
    assert normalize_key("week", "W27", ["2026-W27"]) == "2026-W27"
    assert normalize_key("month", "July", months) == "July"  # unknown keys come back for the caller to report


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("week", "W49", "2026-W49"),  # a plan from 2026-12 to 2027-02: W49 exists only in 2026
        ("week", "w5", "2027-W05"),
        ("week", "W53", "2026-W53"),  # 2026 has 53 ISO weeks
        ("quarter", "Q4", "2026-Q4"),
        ("quarter", "Q1", "2027-Q1"),
        ("month", "12月", "2026-12"),
        ("month", "1月", "2027-01"),
        ("month", "2", "2027-02"),
    ],
)
def test_short_keys_across_a_year_boundary_resolve_when_one_part_matches(kind: str, key: str, expected: str) -> None:
    ids = [p.id for p in time_parts(kind, dt.date(2026, 12, 1), dt.date(2027, 2, 28))]
    assert normalize_key(kind, key, ids) == expected


def test_a_short_key_two_years_hold_is_ambiguous() -> None:
    quarters = [p.id for p in time_parts("quarter", dt.date(2026, 7, 1), dt.date(2027, 9, 30))]
    assert time_key_candidates("quarter", "Q3", quarters) == ["2026-Q3", "2027-Q3"]
    assert normalize_key("quarter", "Q3", quarters) == "Q3"
    assert time_key_candidates("quarter", "Q4", quarters) == ["2026-Q4"]
    assert time_key_candidates("month", "13月", [p.id for p in time_parts("month", *Q3)]) == []


def test_an_ambiguous_short_key_is_reported_with_its_candidates() -> None:
    text = (
        "salesplan: 1\nplan: {name: t, period: {start: 2026-07-01, end: 2027-09-30}}\ntargets:\n"
        "  - {id: T, value: 500, split: [{by: quarter, method: weights, weights: {Q3: 1, Q4: 1}}]}\n"
    )
    outcome = split_plan(load_text(text, "plan.yaml"))
    [diag] = outcome.diagnostics
    assert diag.code == "SP042"
    assert "2026-Q3 / 2027-Q3" in diag.message and "write the year" in diag.message
    assert "请写明年份" in (diag.message_zh or "")


def test_even_weeks_weight_edge_weeks_by_their_days(split: Callable[..., SplitOutcome]) -> None:
    outcome = split("- {id: T, value: 920, split: [{by: week, method: even}]}")
    assert outcome.diagnostics == []
    weeks = outcome.splits[0].root.children
    # weights 5/7, 12 x 1, 3/7: sum 92/7, so a full week gets 920 * 7/92 = 70, the edges 50 and 30.
    assert [w.value for w in weeks] == [50] + [70] * 12 + [30]
    assert weeks[0].basis.text() == "按天数 5/7" and weeks[1].basis.text() == "平均"


def test_month_weights_prorated_for_a_mid_month_start(split: Callable[..., SplitOutcome]) -> None:
    outcome = split(
        """
        - id: T
          value: 100
          scope: {regions: [east-b]}
          split:
            - {by: rep, method: explicit, values: {周杰: 0, 吴敏: 100}}
            - {by: month, method: weights, weights: {7月: 1, 8月: 1, 9月: 1}}
        """
    )
    assert outcome.diagnostics == []
    wu = outcome.splits[0].root.children[1]
    # 吴敏 starts 08-01: July 0 of 31 days active -> weight 0; August and September fully active -> 1 : 1.
    assert [m.value for m in wu.children] == [0, 50, 50]


def test_workdays_use_chinas_holidays() -> None:
    start, end = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    calendar = WorkdayCalendar(start, end)
    days = [start + dt.timedelta(days=i) for i in range(31)]
    china = holidays.country_holidays("CN", years=2026)
    expected = sum(china.is_working_day(d) for d in days)
    weekdays = sum(d.weekday() < 5 for d in days)
    assert calendar.count(start, end) == expected
    # the National Day holiday (1-7 October) removes 5 weekdays, Saturday 10 October is worked: 22 - 5 + 1
    assert (expected, weekdays) == (18, 22)
    assert not calendar.unpublished_years


def test_workdays_split_and_basis(split: Callable[..., SplitOutcome], make_plan: Callable[[str], str]) -> None:
    outcome = split("- {id: T, value: 640, split: [{by: month, method: workdays}]}")
    assert outcome.diagnostics == []
    months = outcome.splits[0].root.children
    calendar = WorkdayCalendar(*Q3)
    counts = [calendar.count(dt.date(2026, m, 1), dt.date(2026, m, 30 if m == 9 else 31)) for m in (7, 8, 9)]
    assert [m.basis.text() for m in months] == [f"按工作日 {c}/{sum(counts)}" for c in counts]
    assert sum(m.value for m in months) == 640


def test_unpublished_year_counts_statutory_holidays_with_a_notice(make_plan: Callable[[str], str]) -> None:
    from salesplan.loader import load_text
    from salesplan.split.engine import split_plan

    text = make_plan("- {id: T, value: 90, split: [{by: month, method: workdays}]}")
    text = text.replace("2026-07-01, end: 2026-09-30", "2031-07-01, end: 2031-09-30")
    text = text.replace("start: 2026-08-01", "start: 2031-08-01")
    outcome = split_plan(load_text(text, "plan.yaml"))
    (notice,) = outcome.diagnostics
    assert notice.code == codes.CALENDAR_FALLBACK and notice.severity == "notice"
    assert "2031" in notice.message
    # no statutory holiday in Q3 2031 (Mid-Autumn falls on 1 October, with National Day), so Mon-Fri:
    # July 23, August 21, September 22 -> 66 days; 90 * 23/66 = 31.36...
    months = outcome.splits[0].root.children
    assert [m.basis.text("en") for m in months] == ["by workdays 23/66", "by workdays 21/66", "by workdays 22/66"]
    assert sum(m.value for m in months) == 90


def test_quarter_month_week_nest(split: Callable[..., SplitOutcome], exact: Callable[..., None]) -> None:
    outcome = split(
        """
        - id: T
          value: 1000
          split:
            - {by: month, method: even}
            - {by: week, method: even}
        """
    )
    assert outcome.diagnostics == []
    t: TargetSplit = outcome.splits[0]
    exact(t.root)
    july = t.root.children[0]
    # July 2026: W27 (07-01..05, 5 of 7 days), W28-W30 whole, W31 (07-27..31, 5 of 7 days)
    assert [w.part for w in july.children] == ["2026-W27", "2026-W28", "2026-W29", "2026-W30", "2026-W31"]
    assert july.children[0].basis.text() == "按天数 5/7"
    # a week that crosses a month is cut in two, one piece under each month
    assert t.root.children[1].children[0].part == "2026-W31"
    # August 2026 starts on a Saturday: W31 (2 days), W32-W35, W36 (31 August only) -> 6 pieces
    assert [len(m.children) for m in t.root.children] == [5, 6, 5]
    assert sum(Decimal(1) for _ in t.leaves()) == 16


def test_workdays_counted_by_hand_for_q3(split: Callable[..., SplitOutcome]) -> None:
    # Q3 2026 (no holiday in July or August): July 1 (Wed) .. 31 (Fri) has 23 weekdays; August 21;
    # September 22 weekdays, less the Mid-Autumn Festival on 09-25 (Fri), plus the make-up working
    # Sunday 09-20: 22. In all 66, so 660 splits 230 / 210 / 220 exactly.
    outcome = split("- {id: T, value: 660, split: [{by: month, method: workdays}]}")
    assert outcome.diagnostics == []
    months = outcome.splits[0].root.children
    assert [(m.part, m.value, m.basis.text()) for m in months] == [
        ("2026-07", 230, "按工作日 23/66"),
        ("2026-08", 210, "按工作日 21/66"),
        ("2026-09", 220, "按工作日 22/66"),
    ]


def test_workdays_counted_by_hand_for_national_day_weeks(
    split: Callable[..., SplitOutcome], make_plan: Callable[[str], str]
) -> None:
    # October 2026 by ISO week. National Day: 10-01 .. 10-07 off; Saturday 10-10 is a make-up working day.
    #   W40: 10-01 (Thu) .. 10-04 (Sun), all holiday or weekend  -> 0
    #   W41: 10-05 .. 10-07 holiday, 10-08 and 10-09 work, Sat 10-10 works, Sun 10-11 off -> 3
    #   W42: 10-12 .. 10-18 -> 5;  W43: 10-19 .. 10-25 -> 5;  W44: 10-26 .. 10-31 -> 5 (Mon-Fri)
    # 18 working days: 180 splits 0 / 30 / 50 / 50 / 50 exactly.
    from salesplan.loader import load_text
    from salesplan.split.engine import split_plan

    text = make_plan("- {id: T, value: 180, split: [{by: week, method: workdays}]}")
    text = text.replace("{start: 2026-07-01, end: 2026-09-30}", "{start: 2026-10-01, end: 2026-10-31}")
    text = text.replace(", start: 2026-08-01}", "}")
    outcome = split_plan(load_text(text, "plan.yaml"))
    assert outcome.diagnostics == []
    weeks = outcome.splits[0].root.children
    assert [(w.part, w.value) for w in weeks] == [
        ("2026-W40", 0),
        ("2026-W41", 30),
        ("2026-W42", 50),
        ("2026-W43", 50),
        ("2026-W44", 50),
    ]
    assert weeks[1].basis.text("en") == "by workdays 3/18"


def test_a_rep_who_leaves_carries_less_and_nothing_after_the_end(
    split: Callable[..., SplitOutcome], make_plan: Callable[[str], str]
) -> None:
    # 韩梅 leaves on 08-15: active 07-01 .. 08-15 = 31 + 15 = 46 of the period's 92 days.
    # By capacity: 李雷 160 * 92/92 = 160, 韩梅 140 * 46/92 = 70 (sum 230): 230 splits 160 / 70 exactly.
    # Then by month, even, counting only the days each rep is active:
    #   李雷 160 over 1 : 1 : 1 -> 53.33 each -> 53 53 53, the unit left to the earliest tie: 54 53 53
    #   韩梅 70 over July 31/31, August 15/31, September 0/30 (sum 46/31)
    #       -> 70*31/46 = 47.17, 70*15/46 = 22.83, 0 -> 47 22 0, the unit left to .83: 47 23 0
    from salesplan.loader import load_text
    from salesplan.split.engine import split_plan

    text = make_plan(
        """
        - id: T
          value: 230
          scope: {regions: [east-a]}
          split:
            - {by: rep, method: capacity}
            - {by: month, method: even}
        """
    ).replace("region: east-a, capacity: 140}", "region: east-a, capacity: 140, end: 2026-08-15}")
    outcome = split_plan(load_text(text, "plan.yaml"))
    assert outcome.diagnostics == []
    li_lei, han_mei = outcome.splits[0].root.children
    assert (li_lei.value, han_mei.value) == (160, 70)
    assert han_mei.basis.text("en") == "by capacity 70/230 (active 46/92 days)"
    assert [m.value for m in li_lei.children] == [54, 53, 53]
    assert [(m.value, m.basis.text()) for m in han_mei.children] == [
        (47, "平均"),
        (23, "按天数 15/31"),
        (0, "按天数 0/30（未在岗）"),
    ]


def test_time_parts_are_clipped_and_keep_their_whole_length() -> None:
    """What review's period alerts read: each part clipped to the window, `full_days` telling an
    edge part (not compared for a drop) from a whole one."""
    parts = time_parts("month", dt.date(2026, 7, 15), dt.date(2026, 9, 10))
    assert [(p.id, p.start, p.end, p.days == p.full_days) for p in parts] == [
        ("2026-07", dt.date(2026, 7, 15), dt.date(2026, 7, 31), False),
        ("2026-08", dt.date(2026, 8, 1), dt.date(2026, 8, 31), True),
        ("2026-09", dt.date(2026, 9, 1), dt.date(2026, 9, 10), False),
    ]
    assert [p.id for p in time_parts("week", dt.date(2026, 12, 28), dt.date(2027, 1, 10))] == ["2026-W53", "2027-W01"]
    assert [p.id for p in time_parts("quarter", dt.date(2026, 3, 31), dt.date(2026, 4, 1))] == ["2026-Q1", "2026-Q2"]
    assert part_bounds("week", dt.date(2027, 1, 1)) == ("2026-W53", dt.date(2026, 12, 28), dt.date(2027, 1, 3))


CALENDAR_PLAN = """\
salesplan: 1
plan:
  name: FY
  period: {start: START, end: END}
team:
  regions: [{id: east}, {id: west}]
targets:
  - {id: T1, value: 1200, split: [{by: month, method: workdays}]}
  - {id: T2, value: 1200, split: [{by: region}, {by: month, method: workdays}]}
  - {id: T3, value: 1200, split: [{by: quarter, method: workdays}, {by: month, method: workdays}]}
"""


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        ("2027-01-01", "2027-12-31", [2027]),
        ("2026-07-01", "2028-06-30", [2027, 2028]),
        ("2026-01-01", "2026-12-31", []),
    ],
)
def test_calendar_fallback_once_per_unknown_year_at_the_plan_period(start: str, end: str, years: list[int]) -> None:
    """Three targets, four time levels by workdays: one SP054 per unpublished year, not one per level."""
    from salesplan.loader import load_text
    from salesplan.split.engine import split_plan

    loaded = load_text(CALENDAR_PLAN.replace("START", start).replace("END", end), "plan.yaml")
    outcome = split_plan(loaded)
    assert len(outcome.splits) == 3
    found = [d for d in outcome.diagnostics if d.code == codes.CALENDAR_FALLBACK]
    assert [d.message for d in found] == [
        f"China's official holiday schedule for {y} is not published yet: workdays of {y} count its statutory "
        "holidays, without make-up working days"
        for y in years
    ]
    assert all((d.path, d.line, d.col) == (("plan", "period"), 4, 11) for d in found)
    assert all(d.severity == "notice" and d.name == "split-calendar-fallback" and d.message_zh for d in found)
    assert outcome.diagnostics == found


@pytest.mark.parametrize("kind", ["quarter", "month", "week"])
@pytest.mark.parametrize(
    "period", [(dt.date(9999, 12, 1), dt.date(9999, 12, 31)), (dt.date(1, 1, 1), dt.date(1, 2, 28))]
)
def test_parts_at_the_ends_of_the_calendar(kind: str, period: tuple[dt.date, dt.date]) -> None:
    parts = time_parts(kind, *period)
    assert parts[0].start == period[0] and parts[-1].end == period[1]
    assert sum(p.days for p in parts) == (period[1] - period[0]).days + 1
    if kind == "week":
        assert all(p.full_days == 7 for p in parts)  # the week of 9999-12-31 is still a week
    assert WorkdayCalendar(*period).count(*period) > 0
