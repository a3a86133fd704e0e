"""The review engine on hand-computed cases: 达成率, expected-to-date from the split's time weights, pacing, status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from salesplan.loader import LoadedPlan
from salesplan.review.actuals import ActualRow, parse_actuals
from salesplan.review.engine import Review, Thresholds, review_plan
from salesplan.split.engine import split_plan

Small = Callable[[str], LoadedPlan]
Write = Callable[[str, str], Path]


def run(loaded: LoadedPlan, rows: list[ActualRow], as_of: str, thresholds: Thresholds | None = None) -> Review:
    assert loaded.plan is not None
    outcome = split_plan(loaded)
    assert not outcome.diagnostics
    return review_plan(loaded.plan, outcome.splits, rows, dt.date.fromisoformat(as_of), thresholds or Thresholds())


def actuals(loaded: LoadedPlan, write: Write, text: str) -> list[ActualRow]:
    assert loaded.plan is not None
    read = parse_actuals(write("actuals.csv", text), loaded.plan)
    assert read.diagnostics == []
    return read.rows


def by_label(review: Review, target: int = 0) -> dict[str, tuple[Decimal, ...]]:
    return {
        "/".join(r.coords.values()) or "total": (r.actual, r.achievement, r.expected, r.pacing, r.gap)  # type: ignore[misc]
        for r in review.targets[target].rows
    }


def test_seed_example_180_on_150_is_120_percent(small: Small, write: Write) -> None:
    loaded = small("- {id: T1, name: 销售额, metric: revenue, value: 150}")
    review = run(loaded, actuals(loaded, write, "value\n100\n80\n"), "2026-09-30")
    total = review.targets[0].total
    # 180 / 150 = 120%; the whole period is over, so expected = target and pacing = achievement
    assert (total.actual, total.achievement, total.expected, total.pacing, total.gap) == (
        Decimal(180),
        Decimal("120.0"),
        Decimal("150.00"),
        Decimal("120.0"),
        Decimal("30.00"),
    )
    assert total.status == "ahead"


def test_expected_follows_the_splits_month_weights(small: Small, write: Write) -> None:
    loaded = small(
        "- {id: T1, metric: revenue, value: 100, split: [{by: month, method: weights, weights: {7: 3, 8: 3, 9: 4}}]}"
    )
    rows = actuals(loaded, write, "date,value\n2026-07-05,20\n2026-07-30,7\n2026-08-02,10\n")
    end_of_july = by_label(run(loaded, rows, "2026-07-31"))
    # July's part is 30 (3/10 of 100) and is over: expected 30; actual 27 -> 90% pacing, gap -3
    assert end_of_july["total"] == (Decimal(27), Decimal("27.0"), Decimal("30.00"), Decimal("90.0"), Decimal("-3.00"))
    assert end_of_july["2026-08"][2] == Decimal("0.00")
    mid_august = by_label(run(loaded, rows, "2026-08-15"))
    # August's 30 is 15/31 elapsed: 14.516... ; total expected 30 + 14.52 = 44.52; actual 37 -> 83.1%
    assert mid_august["2026-08"] == (Decimal(10), Decimal("33.3"), Decimal("14.52"), Decimal("68.9"), Decimal("-4.52"))
    assert mid_august["total"] == (Decimal(37), Decimal("37.0"), Decimal("44.52"), Decimal("83.1"), Decimal("-7.52"))


def test_without_a_time_level_expected_is_the_share_of_days(small: Small, write: Write) -> None:
    loaded = small("- {id: T1, metric: revenue, value: 50, split: [{by: region, method: even}]}")
    rows = actuals(loaded, write, "region,date,value\neast-a,2026-07-20,13\neast-b,2026-08-20,99\n")
    review = run(loaded, rows, "2026-08-15")
    table = by_label(review)
    # Jul 1 .. Aug 15 is 46 of the quarter's 92 days: each region (25) expects 12.5, the total 25.
    # The 2026-08-20 row is after the as-of date and does not count.
    assert table["east-a"] == (Decimal(13), Decimal("52.0"), Decimal("12.50"), Decimal("104.0"), Decimal("0.50"))
    assert table["east-b"][0] == 0 and table["total"][2] == Decimal("25.00")
    assert [r.status for r in review.targets[0].rows] == ["at_risk", "on_track", "at_risk"]


def test_a_rep_who_starts_later_is_expected_from_the_start(reference: LoadedPlan, write: Write) -> None:
    rows = actuals(reference, write, "target,rep,date,value\nT2,吴敏,2026-08-10,1\n")
    table = by_label(run(reference, rows, "2026-08-15"), target=1)
    # T2 gives 吴敏 6 家; she is active from 08-01 (61 days to 09-30), 15 elapsed: 6 × 15/61 = 1.475...
    assert table["east-b/吴敏"][2] == Decimal("1.48")
    assert table["east-b/周杰"][2] == Decimal("3.00")  # 6 × 46/92


def test_rates_compare_levels_from_the_baseline(reference: LoadedPlan, write: Write) -> None:
    rows = actuals(reference, write, "target,date,value\nT3,2026-07-31,14%\nT3,2026-08-10,15%\nT3,2026-07-01,30%\n")
    t3 = run(reference, rows, "2026-08-15").targets[2]
    # 12% → 18% over the quarter, 46/92 elapsed: 15% expected; the latest rate (08-10) is 15%
    assert t3.is_rate and not t3.lower_is_better
    total = t3.total
    assert (total.actual, total.achievement, total.expected, total.pacing, total.status) == (
        Decimal("15.00"),
        Decimal("83.3"),  # 15 / 18
        Decimal("15.00"),
        Decimal("100.0"),
        "on_track",
    )


def test_lower_is_better_rates_invert(small: Small, write: Write) -> None:
    loaded = small("- {id: C1, metric: complaint_rate, dimension: quality, value: 2%, baseline: 4%}")
    review = run(loaded, actuals(loaded, write, "value\n2.5%\n"), "2026-09-30")
    total = review.targets[0].total
    # target 2% / actual 2.5% = 80%; expected at the end is the target itself
    assert review.targets[0].lower_is_better
    assert (total.achievement, total.pacing, total.gap, total.status) == (
        Decimal("80.0"),
        Decimal("80.0"),
        Decimal("-0.50"),
        "behind",
    )


def test_level_targets_without_percent(small: Small, write: Write) -> None:
    loaded = small("- {id: A1, metric: order_value, dimension: quality, value: 12, unit: 万元, baseline: 10}")
    review = run(loaded, actuals(loaded, write, "date,value\n2026-07-15,11\n2026-09-01,13\n"), "2026-09-30")
    total = review.targets[0].total
    assert total.actual == Decimal("13.00") and total.achievement == Decimal("108.3")  # 13/12, not 24/12


@pytest.mark.parametrize(
    ("pacing", "status"),
    [
        ("110", "ahead"),
        ("109.9", "on_track"),
        ("95", "on_track"),
        ("94.9", "behind"),
        ("80", "behind"),
        ("79.9", "at_risk"),
    ],
)
def test_default_thresholds(pacing: str, status: str) -> None:
    from fractions import Fraction

    assert Thresholds().status(Decimal(pacing), Fraction(1)) == status


def test_thresholds_are_parameters(small: Small, write: Write) -> None:
    loaded = small("- {id: T1, metric: revenue, value: 100}")
    rows = actuals(loaded, write, "value\n90\n")
    assert run(loaded, rows, "2026-09-30").targets[0].total.status == "behind"
    lenient = Thresholds(ahead=Decimal(100), on_track=Decimal(90), at_risk=Decimal(50))
    assert run(loaded, rows, "2026-09-30", lenient).targets[0].total.status == "on_track"
    assert Thresholds(ahead=Decimal(90), on_track=Decimal(95)).problem() is not None


def test_nothing_expected_yet(small: Small, write: Write) -> None:
    loaded = small("- {id: T1, metric: revenue, value: 100}")
    before = run(loaded, [], "2026-06-01").targets[0].total
    assert (before.expected, before.pacing, before.status) == (Decimal("0.00"), None, "on_track")


def test_month_rows_count_in_months_not_in_weeks(small: Small, write: Write) -> None:
    loaded = small(
        "- {id: T1, metric: revenue, value: 92, split: [{by: month, method: even}, {by: week, method: even}]}"
    )
    rows = actuals(loaded, write, "month,value\n2026-07,5\n")
    review = run(loaded, rows, "2026-09-30")
    months = {r.part: r.actual for r in review.targets[0].rows if r.level == "month"}
    weeks = [r.actual for r in review.targets[0].rows if r.level == "week"]
    assert review.targets[0].total.actual == 5 and months["2026-07"] == 5 and set(weeks) == {0}


def test_rows_outside_the_breakdown_or_scope_are_located(reference: LoadedPlan, write: Write) -> None:
    text = "target,region,rep,value\nT1,east-a,周杰,1\nT3,east-a,,15%\nT1,east-b,周杰,2\n"
    assert reference.plan is not None
    read = parse_actuals(write("a.csv", text), reference.plan)
    outcome = split_plan(reference)
    review = review_plan(reference.plan, outcome.splits, read.rows, dt.date(2026, 8, 1), Thresholds())
    # 周杰 is B区's rep, not a part of A区's breakdown; T3's scope is B区 only
    assert sorted((d.code, d.line, d.col) for d in review.diagnostics) == [("SP067", 2, 3), ("SP067", 3, 2)]


def test_under_lists_targets_below_a_pacing(reference: LoadedPlan, write: Write) -> None:
    rows = actuals(reference, write, "target,date,value\nT1,2026-07-15,200\nT3,2026-08-10,15%\n")
    review = run(reference, rows, "2026-08-15")
    # T1 200 of 500 × (30% July + 30% × 15/31 August...) — ahead; T2 nothing recorded: 0%; T3 100%
    assert [t.target_id for t in review.under(Decimal(90))] == ["T2"]


def test_a_rate_without_actuals_has_no_pacing(reference: LoadedPlan) -> None:
    review = run(reference, [], "2026-08-15")
    t3 = review.targets[2].total
    # nothing measured: no achievement or pacing; at risk once the quarter has begun, and the gate fails it
    assert (t3.achievement, t3.pacing, t3.status) == (None, None, "at_risk")
    assert review.targets[2].unmeasured and "T3" in [t.target_id for t in review.under(Decimal(90))]
    before = run(reference, [], "2026-06-30")
    assert before.targets[2].total.status == "on_track" and before.under(Decimal(90)) == []


def test_sums_stay_exact_past_28_digits(small: Small, write: Write) -> None:
    loaded = small("- {id: T1, metric: revenue, value: 100}")
    rows = actuals(loaded, write, "value\n" + "999999999999999.9999999999\n" * 10_000 + "0.0000000001\n")
    # 10^4 × (10^15 − 10^-10) + 10^-10 = 10^19 − 10^-6 + 10^-10: 29 significant digits, which the
    # default 28-digit context would round
    assert run(loaded, rows, "2026-09-30").targets[0].total.actual == Decimal("9999999999999999999.9999990001")


def test_rows_after_the_as_of_date_are_checked_too(reference: LoadedPlan, write: Write) -> None:
    assert reference.plan is not None
    read = parse_actuals(
        write("a.csv", "region,product,rep,date,value\neast-a,device,周杰,2026-09-10,1\n"), reference.plan
    )
    review = review_plan(reference.plan, split_plan(reference).splits, read.rows, dt.date(2026, 8, 1), Thresholds())
    assert [(d.code, d.line, d.col) for d in review.diagnostics] == [("SP067", 2, 3)]
    assert review.targets[0].total.actual == 0  # and it does not count before its date


def test_a_parents_expected_is_the_sum_of_its_parts(reference: LoadedPlan, write: Write) -> None:
    # T2 (30 new customers) splits by region, then evenly by rep; 吴敏 (B区) starts mid-period, so
    # she is expected less to date, and so are B区 and T2 — not a whole share by days elapsed
    csv = (
        "target,region,rep,date,value\nT2,east-a,李雷,2026-07-10,3.6\nT2,east-a,韩梅,2026-07-10,3.6\n"
        "T2,east-b,周杰,2026-07-10,2.4\nT2,east-b,吴敏,2026-08-02,0.5\n"
    )
    review = run(reference, actuals(reference, write, csv), "2026-08-05")
    t2 = review.targets[1]
    rows = {row.label: row for row in t2.rows}
    # every rep is ahead of pace, so no row above them is behind, and the gate passes T2
    assert all(row.pacing is not None and row.pacing > 100 for row in t2.rows)
    assert {row.status for row in t2.rows} == {"on_track"}
    assert "T2" not in [t.target_id for t in review.under(Decimal(90))]
    assert (rows["B区"].expected, rows["周杰"].expected, rows["吴敏"].expected) == (
        Decimal("2.84"),
        Decimal("2.35"),
        Decimal("0.49"),
    )
    assert t2.total.expected == Decimal("9.88") == rows["A区"].expected + rows["B区"].expected
