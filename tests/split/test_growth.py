"""同比 (year-on-year growth) of a target and of its parts against the comparable history (hand-computed)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.loader import load_text
from salesplan.split.engine import split_plan
from salesplan.split.growth import comparable, growth_of, growth_text, same_span, target_growth
from salesplan.split.render import render
from salesplan.split.result import TargetSplit

HEAD = """\
salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions: [{id: east-a}, {id: east-b}]
  products: [{id: device}, {id: consumable}]
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 400}
    - {id: 周杰, role: rep, region: east-b, capacity: 400}
"""
REVENUE = """\
history:
  period: {start: 2025-07-01, end: 2025-09-30}
  revenue:
    east-a: {device: 150, consumable: 100}
    east-b: {device: 100, consumable: 50}
  by_month:
    east-a: {2025-07: 80, 2025-08: 70, 2025-09: 100}
    east-b: {2025-07: 40, 2025-08: 60, 2025-09: 50}
"""


def _split(history: str, targets: str) -> list[TargetSplit]:
    outcome = split_plan(load_text(HEAD + history + "targets:\n" + targets, "plan.yaml"))
    assert outcome.diagnostics == []
    return outcome.splits


T1 = (
    "  - id: T1\n    metric: revenue\n    value: 480\n    split:\n"
    "      - {by: region, method: explicit, values: {east-a: 300, east-b: 180}}\n"
    "      - {by: month, method: history}\n"
)


def test_growth_of_the_target_its_regions_and_their_months() -> None:
    [t1] = _split(REVENUE, T1)
    history = t1.comparable
    assert history is not None
    # the whole target against history.revenue: 480 / (250 + 150) - 1 = +20%
    assert history.history({}) == 400 and history.growth({}, Decimal(480)) == Fraction(1, 5)
    # east-a 300 / 250 - 1 = +20%; east-b 180 / 150 - 1 = +20%
    assert history.growth({"region": "east-a"}, Decimal(300)) == Fraction(1, 5)
    assert history.growth({"region": "east-b"}, Decimal(180)) == Fraction(1, 5)
    months = {(r.part, m.part): (m.value, history.growth({"region": r.part or "", "month": m.part or ""}, m.value))
              for r in t1.root.children for m in r.children}  # fmt: skip
    # east-a 300 like 80:70:100 -> 96, 84, 120: each +20% over its month; east-b 180 like 40:60:50 -> 48, 72, 60
    assert months[("east-a", "2026-07")] == (96, Fraction(1, 5))
    assert months[("east-a", "2026-09")] == (120, Fraction(1, 5))
    assert months[("east-b", "2026-08")] == (72, Fraction(1, 5))


def test_a_product_and_a_quarter_use_their_own_history() -> None:
    splits = _split(
        REVENUE,
        "  - id: T1\n    metric: revenue\n    value: 520\n    split:\n"
        "      - {by: product, method: explicit, values: {device: 300, consumable: 220}}\n",
    )
    history = splits[0].comparable
    assert history is not None
    # device 300 / (150 + 100) - 1 = +20%; consumable 220 / (100 + 50) - 1 = +46.67%
    assert history.growth({"product": "device"}, Decimal(300)) == Fraction(1, 5)
    assert history.growth({"product": "consumable"}, Decimal(220)) == Fraction(7, 15)
    assert growth_text(Fraction(7, 15)) == "+46.7%"
    # a quarter sums its three months: east-a Q3 250; a month under a product has no history
    assert history.history({"region": "east-a", "quarter": "2026-Q3"}) == 250
    assert history.history({"product": "device", "month": "2026-07"}) is None


def test_no_growth_without_comparable_history() -> None:
    splits = _split(
        REVENUE,
        "  - {id: N, metric: new_customers, value: 30, unit: 家, split: [{by: region, method: even}]}\n"
        "  - {id: R, metric: revenue, value: 480, split: [{by: region, method: even}, {by: rep, method: even}]}\n",
    )
    assert splits[0].comparable is None  # a count is not compared with revenue
    rep = splits[1].comparable
    assert rep is not None and rep.history({"region": "east-a", "rep": "李雷"}) is None  # a rep has none
    assert growth_of(Decimal(5), Fraction(0)) is None and growth_of(Decimal(5), None) is None


def test_revenue_history_in_the_plans_unit_is_converted() -> None:
    splits = _split(REVENUE, "  - {id: T, metric: revenue, value: 4800000, unit: 元}\n")
    history = splits[0].comparable
    assert history is not None and history.history({}) == 4_000_000  # 400万元 in 元
    assert history.growth({}, Decimal(4_800_000)) == Fraction(1, 5)


def test_a_history_of_one_row_of_months_gives_the_total() -> None:
    months = "history:\n  by_month: {2025-07: 120, 2025-08: 100, 2025-09: 80}\n"
    [t] = _split(months, "  - {id: T, metric: revenue, value: 330, split: [{by: month, method: history}]}\n")
    assert t.comparable is not None and t.comparable.history({}) == 300  # no revenue: the months' sum
    # 330 like 120:100:80 -> 132, 110, 88: +10% each
    assert [(m.value, t.comparable.growth({"month": m.part or ""}, m.value)) for m in t.root.children] == [
        (132, Fraction(1, 10)),
        (110, Fraction(1, 10)),
        (88, Fraction(1, 10)),
    ]


def test_every_format_shows_the_growth_only_for_targets_with_history() -> None:
    splits = _split(
        REVENUE, T1 + "  - {id: N, metric: new_customers, value: 30, unit: 家, split: [{by: region, method: even}]}\n"
    )
    doc = json.loads(render("json", splits, "en", 1))
    t1, n = doc["targets"]
    assert list(t1) == ["id", "unit", "value", "growth", "levels", "rows"] and t1["growth"] == "+20.0%"
    assert [row["growth"] for row in t1["rows"]] == ["+20.0%", "+20.0%"]
    assert list(n) == ["id", "unit", "value", "levels", "rows"] and "growth" not in n["rows"][0]
    assert yaml.safe_load(render("yaml", splits, "en", 1)) == doc
    rows = list(csv.DictReader(io.StringIO(render("csv", splits, "en"))))
    assert rows[0]["growth"] == "+20.0%" and rows[-1]["growth"] == ""
    table = render("table", splits, "en")
    assert "YoY growth" in table.split("N ·")[0] and "YoY growth" not in table.split("N ·")[1]
    assert "同比" in render("table", splits, "zh")
    # without any target with history the csv header is unchanged
    assert render("csv", splits[1:], "en").splitlines()[0] == "target,unit,region,value,basis"


def test_a_target_without_baseline_is_compared_with_its_history() -> None:
    loaded = load_text(HEAD + REVENUE + "targets:\n  - {id: T, metric: revenue, value: 620}\n", "plan.yaml")
    assert loaded.plan is not None
    assert target_growth(loaded.plan, loaded.plan.targets[0]) == (400, Fraction(11, 20))  # 620 / 400 - 1 = +55%
    assert comparable(loaded.plan, loaded.plan.targets[0]) is not None


@settings(max_examples=80, deadline=None)
@given(
    value=st.integers(min_value=0, max_value=10**12),
    history=st.integers(min_value=1, max_value=10**12),
    places=st.integers(min_value=0, max_value=4),
)
def test_growth_is_exact_and_shown_half_up_to_a_tenth(value: int, history: int, places: int) -> None:
    exact = growth_of(Decimal(value) / 10**places, Fraction(history))
    assert exact is not None and exact == Fraction(value, 10**places) / history - 1  # no float anywhere
    shown = growth_text(exact)
    number = Decimal(shown.rstrip("%"))
    assert abs(Fraction(number) - exact * 100) <= Fraction(1, 20)  # within half a tenth of a point
    assert shown.startswith("+") == (number > 0) and shown.endswith("%")


def test_history_given_by_quarter_or_by_week() -> None:
    quarters = "history:\n  by_month: {2025-Q3: 400}\n"
    [t] = _split(quarters, "  - {id: T, metric: revenue, value: 480, split: [{by: quarter, method: history}]}\n")
    assert t.comparable is not None
    # no months: the whole period is the quarters' sum; 480 / 400 - 1 = +20%, for the quarter too
    assert t.comparable.history({}) == 400 and t.comparable.growth({}, Decimal(480)) == Fraction(1, 5)
    assert t.comparable.growth({"quarter": "2026-Q3"}, Decimal(480)) == Fraction(1, 5)
    weeks = "history:\n  by_month: {2025-W27: 70, 2025-W28: 100}\n"
    loaded = load_text(HEAD + weeks + "targets:\n  - {id: T, metric: revenue, value: 500}\n", "plan.yaml")
    assert loaded.plan is not None
    found = comparable(loaded.plan, loaded.plan.targets[0])
    assert found is not None
    # 2026-W28 (07-06..07-12) like 2025's week 28: 110 / 100 - 1 = +10%
    assert found.growth({"week": "2026-W28"}, Decimal(110)) == Fraction(1, 10)
    # 2026-W27 (06-29..07-05) is cut by the period at 07-01: 5 of its 7 days of 70 = 50; 60 / 50 - 1 = +20%
    assert found.growth({"week": "2026-W27"}, Decimal(60)) == Fraction(1, 5)
    assert found.history({"week": "2026-W29"}) is None  # a week the history lacks: no growth


def test_a_history_period_that_is_not_the_plans_a_year_earlier_is_not_comparable() -> None:
    def span(history: str) -> bool:
        text = HEAD + f"history:\n  period: {{{history}}}\n  revenue: {{east-a: 1}}\ntargets: []\n"
        loaded = load_text(text, "plan.yaml")
        assert loaded.plan is not None
        return same_span(loaded.plan)

    assert span("start: 2025-07-01, end: 2025-09-30")  # the same quarter last year
    assert span("start: 2024-07-01, end: 2024-09-30")  # two years earlier: still the same days
    assert not span("start: 2025-07-01, end: 2025-08-31")  # shorter
    assert not span("start: 2025-06-01, end: 2025-09-30")  # longer
    assert not span("start: 2025-07-02, end: 2025-10-01")  # shifted
    assert not span("start: 2026-07-01, end: 2026-09-30")  # the plan period itself
    shorter = REVENUE.replace("2025-09-30", "2025-08-31")
    splits = _split(shorter, "  - {id: T, metric: revenue, value: 480, split: [{by: region, method: even}]}\n")
    assert splits[0].comparable is None  # no growth shown from a shorter history


TEAM_MONTHS = """\
history:
  period: {start: 2025-07-01, end: 2025-09-30}
  by_month: {2025-07: 100, 2025-08: 60, 2025-09: 140}
"""


def test_the_teams_one_row_of_months_is_never_a_regions_history() -> None:
    """history.by_month as one row is the whole team's: the target (both regions) is compared with it,
    300 against 300 and July 100 against 100; a region's node, or its months, has no growth (it was
    east-a's 150 against the team's 300, -50.0%), nor a target scoped to one region."""
    targets = """\
targets:
  - {id: T, metric: revenue, value: 300, split: [{by: region, method: even}, {by: month, method: even}]}
  - {id: M, metric: revenue, value: 330, split: [{by: month, method: even}]}
  - {id: A, metric: revenue, value: 150, scope: {regions: [east-a]}, split: [{by: month, method: even}]}
"""
    loaded = load_text(HEAD + TEAM_MONTHS + targets, "plan.yaml")
    assert loaded.plan is not None
    t, m, a = split_plan(loaded).splits
    assert t.growth({}, t.value) == "0.0%"
    for region in t.root.children:
        assert t.growth({"region": region.part or ""}, region.value) is None
        for month in region.children:
            assert t.growth({"region": region.part or "", "month": month.part or ""}, month.value) is None
    # 330 a month 110, 110, 110 against 100, 60, 140: +10.0%, +83.3%, -21.4%; the whole +10.0%
    assert m.growth({}, m.value) == "+10.0%"
    assert [m.growth({"month": n.part or ""}, n.value) for n in m.root.children] == ["+10.0%", "+83.3%", "-21.4%"]
    assert a.comparable is not None and a.growth({}, a.value) is None
    assert target_growth(loaded.plan, loaded.plan.targets[2]) is None
    assert target_growth(loaded.plan, loaded.plan.targets[0]) == (Fraction(300), Fraction(0))
