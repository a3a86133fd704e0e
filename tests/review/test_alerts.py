"""Re-planning alerts (DOMAIN.md §1) on hand-computed cases: periods in a row below plan, sharp drops."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app
from salesplan.loader import LoadedPlan
from salesplan.review.actuals import parse_actuals
from salesplan.review.alerts import DROP, STREAK, PeriodFigure, Triggers, detect, kind_word, message
from salesplan.review.engine import Review, Thresholds, review_plan
from salesplan.split.engine import split_plan

Small = Callable[[str], LoadedPlan]
Write = Callable[[str, str], Path]

# 300 over the quarter, 100 a month by the split's own weights
MONTHLY = "- {id: T1, metric: revenue, value: 300, split: [{by: month, method: even}]}"
BY_REGION = "- {id: T1, metric: revenue, value: 200, split: [{by: region, method: even}, {by: month, method: even}]}"


def review(loaded: LoadedPlan, write: Write, csv: str, as_of: str, triggers: Triggers | None = None) -> Review:
    assert loaded.plan is not None
    read = parse_actuals(write("actuals.csv", csv), loaded.plan)
    assert read.diagnostics == []
    outcome = split_plan(loaded)
    assert not outcome.diagnostics
    day = dt.date.fromisoformat(as_of)
    return review_plan(loaded.plan, outcome.splits, read.rows, day, Thresholds(), triggers)


def kinds(result: Review, target: int = 0) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(a.kind, a.label, tuple(f.part for f in a.periods)) for a in result.targets[target].alerts]


def test_two_months_in_a_row_below_plan(small: Small, write: Write) -> None:
    loaded = small(MONTHLY)
    csv = "date,value\n2026-07-10,90\n2026-08-10,95\n"
    # July 90 of 100, August 95 of 100: two months short; August is up, so no drop
    result = review(loaded, write, csv, "2026-09-01")
    assert kinds(result) == [(STREAK, "T1", ("2026-07", "2026-08"))]
    streak = result.targets[0].alerts[0]
    assert [(f.planned, f.actual) for f in streak.periods] == [(100, 90), (100, 95)]
    assert message(streak, "万元", "zh", Triggers()) == (
        "连续 2 个月未达成当期计划（2026-07 实际 90万元 / 计划 100万元；"
        "2026-08 实际 95万元 / 计划 100万元），建议调整计划"
    )
    assert kind_word(streak, "zh") == "连续 2 个月未达计划" and kind_word(streak, "en") == "2 months below plan"
    # on 08-30 August has not ended: July alone is one month short, not a streak
    assert kinds(review(loaded, write, csv, "2026-08-30")) == []
    # a streak of three is asked for: two are not enough
    assert kinds(review(loaded, write, csv, "2026-09-01", Triggers(streak=3))) == []


def test_a_month_on_plan_breaks_the_streak(small: Small, write: Write) -> None:
    loaded = small(MONTHLY)
    csv = "date,value\n2026-07-10,90\n2026-08-10,100\n"
    assert kinds(review(loaded, write, csv, "2026-09-01")) == []


def test_a_drop_of_more_than_15_percent(small: Small, write: Write) -> None:
    loaded = small(MONTHLY)
    # July 120 (above plan), August 101 (above plan too): -15.8% month on month
    result = review(loaded, write, "date,value\n2026-07-10,120\n2026-08-10,101\n", "2026-09-01")
    assert kinds(result) == [(DROP, "T1", ("2026-07", "2026-08"))]
    drop = result.targets[0].alerts[0]
    assert drop.change == Decimal("-15.8")
    assert message(drop, "万元", "en", Triggers()) == (
        "2026-08 actual 101万元 is 15.8% below 2026-07's 120万元 (alert at 15%): consider re-planning"
    )
    # exactly 15% down is not more than 15%
    assert kinds(review(loaded, write, "date,value\n2026-07-10,120\n2026-08-10,102\n", "2026-09-01")) == []
    # the threshold is configurable
    assert (
        kinds(
            review(
                loaded, write, "date,value\n2026-07-10,120\n2026-08-10,101\n", "2026-09-01", Triggers(drop=Decimal(20))
            )
        )
        == []
    )


def test_periods_cut_by_the_window_are_not_compared(small: Small, write: Write) -> None:
    # a deadline mid-August narrows the window only without a time level: use an even region split
    loaded = small("- {id: T1, metric: revenue, value: 300, deadline: 2026-08-15, split: [{by: region, method: even}]}")
    result = review(loaded, write, "region,date,value\neast-a,2026-07-10,200\neast-a,2026-08-10,10\n", "2026-09-01")
    # July is whole, August is cut at the 15th: half a month against a whole one is no drop
    assert [a.kind for a in result.targets[0].alerts if a.kind == DROP] == []


def test_alerts_on_each_region(small: Small, write: Write) -> None:
    loaded = small(BY_REGION)
    csv = "region,date,value\neast-a,2026-07-10,40\neast-a,2026-08-10,20\neast-b,2026-07-10,40\neast-b,2026-08-10,40\n"
    # 100 a region, 100/3 a month each: east-a 40 then 20 (-50%, and August short); east-b 40, 40
    result = review(loaded, write, csv, "2026-09-01")
    assert kinds(result) == [(DROP, "T1", ("2026-07", "2026-08")), (DROP, "A区", ("2026-07", "2026-08"))]
    overall, east_a = result.targets[0].alerts
    assert (overall.change, east_a.change, east_a.coords) == (Decimal("-25.0"), Decimal("-50.0"), {"region": "east-a"})
    # the split's own months: 100 → 34, 33, 33 (whole units, largest remainder)
    assert [f.planned for f in east_a.periods] == [34, 33]


def test_no_period_alerts_from_undated_actuals(small: Small, write: Write) -> None:
    loaded = small(MONTHLY)
    # an undated row cannot be placed in a month: the monthly figures would be wrong, so none are raised
    assert kinds(review(loaded, write, "date,value\n,10\n2026-07-10,1\n", "2026-09-30")) == []


def test_week_split_alerts_by_week_and_falls_back_to_months(small: Small, write: Write) -> None:
    loaded = small("- {id: T1, metric: revenue, value: 92, split: [{by: week, method: even}]}")
    by_day = "date,value\n2026-07-06,0\n2026-07-13,0\n"
    result = review(loaded, write, by_day, "2026-07-19")
    # 2026-W27 (07-01..07-05, cut) and W28, W29 ended; each had 0 against a positive plan
    assert [(a.kind, a.level) for a in result.targets[0].alerts] == [(STREAK, "week")]
    assert [f.part for f in result.targets[0].alerts[0].periods] == ["2026-W27", "2026-W28", "2026-W29"]
    # a month-only row cannot be placed in a week: months are used instead
    by_month = "month,value\n2026-07,10\n2026-08,1\n"
    result = review(loaded, write, by_month, "2026-09-01")
    assert {a.level for a in result.targets[0].alerts} == {"month"}


def test_a_rate_target_compares_levels_and_lower_is_better(small: Small, write: Write) -> None:
    loaded = small(
        """
        - {id: C1, name: 转化率, metric: conversion_rate, value: 18%, baseline: 12%}
        - {id: D1, name: 投诉率, dimension: quality, metric: complaint_rate, value: 2%, baseline: 4%}
        """
    )
    csv = "target,date,value\nC1,2026-07-31,13%\nC1,2026-08-31,12%\nD1,2026-07-31,3.4%\nD1,2026-08-31,4.2%\n"
    result = review(loaded, write, csv, "2026-09-01")
    # C1 planned 12 → 18 in a straight line: 14.02% by 07-31, 16.04% by 08-31; both months short
    assert kinds(result, 0) == [(STREAK, "转化率", ("2026-07", "2026-08"))]
    # D1 planned 4 → 2: 3.33% by 07-31, 2.65% by 08-31; 3.4% and 4.2% are both above (worse), and
    # complaints rose 23.5% month on month: a lower-is-better level going the wrong way
    d1 = result.targets[1].alerts
    assert [(a.kind, a.change) for a in d1] == [(STREAK, None), (DROP, Decimal("23.5"))]
    assert kind_word(d1[1], "zh") == "月环比上升" and "上升 23.5%" in message(d1[1], "%", "zh", Triggers())
    # 3% in July was better than planned: the streak is August alone, the rise still an alert
    better = csv.replace("2026-07-31,3.4%", "2026-07-31,3%")
    assert [a.kind for a in review(loaded, write, better, "2026-09-01").targets[1].alerts] == [DROP]


def test_a_month_without_a_measurement_breaks_the_streak(small: Small, write: Write) -> None:
    loaded = small("- {id: C1, metric: conversion_rate, value: 18%, baseline: 12%}")
    result = review(loaded, write, "date,value\n2026-07-31,13%\n", "2026-09-01")
    assert kinds(result) == []  # August was not measured: not known to be short


def test_detect_is_pure() -> None:
    down = [PeriodFigure("a", Fraction(10), Fraction(5), True), PeriodFigure("b", Fraction(10), Fraction(4), True)]
    assert [kind for kind, _, _ in detect(down, Triggers(), False)] == [STREAK, DROP]
    assert [kind for kind, _, _ in detect(down[:1], Triggers(streak=1), False)] == [STREAK]
    nothing_planned = [PeriodFigure("a", Fraction(0), Fraction(0), True)] * 3
    assert detect(nothing_planned, Triggers(), False) == []
    assert Triggers(streak=0).problem() and Triggers(drop=Decimal(101)).problem() and not Triggers().problem()


REFERENCE = REPO_REFERENCE
FALLING = Path(__file__).resolve().parent / "fixtures" / "falling.csv"


def cli(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


def test_streak_and_drop_from_the_command_line_and_config(tmp_path: Path) -> None:
    common = (REFERENCE, "--actuals", FALLING, "--as-of", "2026-09-05", "--format", "json")
    code, out, _ = cli(*common)
    assert code == 0 and sum(len(t["alerts"]) for t in json.loads(out)["targets"]) == 8
    code, out, _ = cli(*common, "--streak", "3", "--drop", "60%")
    doc = json.loads(out)
    # no streak of three months; only A区's T2 fell more than 60% (3 → 0)
    assert doc["triggers"] == {"streak": 3, "drop": "60"}
    assert [(t["id"], a["kind"], a["label"]) for t in doc["targets"] for a in t["alerts"]] == [("T2", "drop", "A区")]
    assert cli(*common, "--streak", "0")[0] == 2
    assert cli(*common, "--drop", "150")[0] == 2
    plan = tmp_path / "plan.yaml"
    plan.write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "salesplan.toml").write_text('[review]\nstreak = 3\ndrop = "60%"\n', encoding="utf-8")
    code, out, _ = cli(plan, *common[1:])
    assert code == 0 and json.loads(out)["triggers"] == {"streak": 3, "drop": "60"}
    for bad in ("streak = 0", "streak = 1.5", 'drop = "101%"'):
        (tmp_path / "salesplan.toml").write_text(f"[review]\n{bad}\n", encoding="utf-8")
        code, _, err = cli(plan, *common[1:])
        assert code == 2 and "review" in err, (bad, err)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_alerts_reach_every_output(lang: str, tmp_path: Path) -> None:
    common = (REFERENCE, "--actuals", FALLING, "--as-of", "2026-09-05", "--lang", lang)
    code, out, _ = cli(*common)
    assert code == 0 and out.count("⚠") == 8
    code, out, _ = cli(*common, "--format", "md")
    title = "计划调整预警" if lang == "zh" else "Re-planning alerts"
    assert code == 0 and f"## {title}" in out
    import openpyxl

    target = tmp_path / "r.xlsx"
    assert cli(*common, "--format", "xlsx", "-o", target)[0] == 0
    sheet = openpyxl.load_workbook(target)[title]
    assert sheet.max_row == 9  # the header and eight alerts
