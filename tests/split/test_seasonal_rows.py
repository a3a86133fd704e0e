"""Seasonality by part: a row of `history.by_month` per product, channel or account (issue 14).

A time level with `method: history` uses the row of its nearest enclosing part that has one, then
the region rows (or their sum), then the team's months (hand-computed)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.growth import comparable
from salesplan.split.result import SplitNode

HEAD = """\
salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a}, {id: east-b}]
  products: [{id: device}, {id: consumable}]
  channels: [{id: online}, {id: retail}]
"""
PERIOD = "history:\n  period: {start: 2025-07-01, end: 2025-09-30}\n  by_month:\n"


def split(rows: str, targets: str, head: str = HEAD) -> SplitOutcome:
    return split_plan(load_text(head + PERIOD + rows + "targets:\n" + targets, "plan.yaml"))


def values(outcome: SplitOutcome) -> dict[str, list[int]]:
    """Each node above the month level (`east-a/device`) -> its months' values."""
    found: dict[str, list[int]] = {}

    def walk(node: SplitNode, trail: tuple[str, ...]) -> None:
        if node.children and node.children[0].level == "month":
            found["/".join(trail)] = [int(child.value) for child in node.children]
            return
        for child in node.children:
            walk(child, (*trail, child.part or ""))

    walk(outcome.splits[0].root, ())
    return found


PRODUCT_ROWS = (
    "    device: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n    consumable: {2025-07: 3, 2025-08: 0, 2025-09: 1}\n"
)
BY_PRODUCT = "  - id: T\n    value: 200\n    split:\n      - {by: product, method: even}\n"


def test_a_product_level_phases_its_months_by_the_products_own_row() -> None:
    targets = BY_PRODUCT + "      - {by: month, method: history}\n"
    outcome = split(PRODUCT_ROWS, targets)
    assert outcome.diagnostics == []
    # device 100 by 1:1:2 -> 25, 25, 50; consumable 100 by 3:0:1 -> 75, 0, 25
    assert values(outcome) == {"device": [25, 25, 50], "consumable": [75, 0, 25]}
    device = outcome.splits[0].root.children[0].children
    assert [m.basis.text("zh") for m in device] == [
        "按 device 去年同期 25.0%",
        "按 device 去年同期 25.0%",
        "按 device 去年同期 50.0%",
    ]
    assert device[2].basis.text("en") == "like device's same month last year 50.0%"


def test_a_channel_level_phases_its_months_by_the_channels_own_row() -> None:
    rows = "    online: {2025-07: 2, 2025-08: 3, 2025-09: 5}\n    retail: {2025-07: 3, 2025-08: 3, 2025-09: 4}\n"
    targets = (
        "  - id: T\n    value: 300\n    split:\n"
        "      - {by: channel, method: weights, weights: {online: 2, retail: 1}}\n"
        "      - {by: month, method: history}\n"
    )
    outcome = split(rows, targets)
    assert outcome.diagnostics == []
    # online 200 by 2:3:5 -> 40, 60, 100; retail 100 by 3:3:4 -> 30, 30, 40
    assert values(outcome) == {"online": [40, 60, 100], "retail": [30, 30, 40]}
    retail = outcome.splits[0].root.children[1].children
    assert retail[0].basis.text("zh") == "按 retail 去年同期 30.0%"


def test_a_quarter_level_under_a_product_sums_the_products_three_months() -> None:
    head = HEAD.replace("2026-09-30", "2026-12-31")
    rows = (
        "    device: {2025-07: 1, 2025-08: 1, 2025-09: 2, 2025-10: 4, 2025-11: 4, 2025-12: 8}\n"
        "    consumable: {2025-Q3: 1, 2025-Q4: 1}\n"
    )
    targets = BY_PRODUCT + "      - {by: quarter, method: history}\n"
    outcome = split_plan(
        load_text(head + PERIOD.replace("2025-09-30", "2025-12-31") + rows + "targets:\n" + targets, "p.yaml")
    )
    assert outcome.diagnostics == []
    device, consumable = outcome.splits[0].root.children
    # device 100 by 4:16 -> 20, 80; consumable 100 by 1:1 -> 50, 50
    assert [q.value for q in device.children] == [20, 80]
    assert [q.value for q in consumable.children] == [50, 50]
    assert device.children[0].basis.text("zh") == "按 device 去年同期 20.0%"
    assert device.children[0].basis.text("en") == "like device's same quarter last year 20.0%"


REGION_ROWS = (
    "    east-a: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
    "    east-b: {2025-07: 3, 2025-08: 0, 2025-09: 1}\n"
    "    device: {2025-07: 1, 2025-08: 2, 2025-09: 1}\n"
)


def test_the_nearest_enclosing_part_with_a_row_wins_then_the_outer_ones() -> None:
    region_first = "      - {by: region, method: even}\n      - {by: product, method: even}\n"
    targets = "  - id: T\n    value: 400\n    split:\n" + region_first + "      - {by: month, method: history}\n"
    outcome = split(REGION_ROWS, targets)
    assert outcome.diagnostics == []
    # each node 100: device by its own row 1:2:1; consumable (no row) by its region's row
    assert values(outcome) == {
        "east-a/device": [25, 50, 25],
        "east-a/consumable": [25, 25, 50],
        "east-b/device": [25, 50, 25],
        "east-b/consumable": [75, 0, 25],
    }
    region_basis = outcome.splits[0].root.children[0].children[1].children[0].basis
    assert region_basis.text("zh") == "按去年同期 25.0%"  # a region's row keeps the plain text
    product_first = "      - {by: product, method: even}\n      - {by: region, method: even}\n"
    targets = "  - id: T\n    value: 400\n    split:\n" + product_first + "      - {by: month, method: history}\n"
    # the region is nearer than the product: the region's row
    assert values(split(REGION_ROWS, targets)) == {
        "device/east-a": [25, 25, 50],
        "device/east-b": [75, 0, 25],
        "consumable/east-a": [25, 25, 50],
        "consumable/east-b": [75, 0, 25],
    }


def test_outside_every_part_with_a_row_the_team_months_beside_the_rows() -> None:
    rows = PRODUCT_ROWS + "    2025-07: 1\n    2025-08: 1\n    2025-09: 8\n"
    outcome = split(rows, "  - {id: T, value: 100, split: [{by: month, method: history}]}\n")
    assert outcome.diagnostics == []
    assert [m.value for m in outcome.splits[0].root.children] == [10, 10, 80]
    assert outcome.splits[0].root.children[0].basis.text("zh") == "按去年同期 10.0%"


def test_outside_every_part_with_a_row_and_no_team_months_is_located() -> None:
    outcome = split(PRODUCT_ROWS, "  - {id: T, value: 100, split: [{by: month, method: history}]}\n")
    [error] = outcome.diagnostics
    assert (error.code, error.line) == (codes.NO_HISTORY, 12)
    assert error.message == (
        "target 'T': history.by_month has rows of products, channels or accounts but none for a part outside "
        "them, which a history split by month needs"
    )
    assert error.message_zh == (
        "目标 'T'：history.by_month 有产品、渠道或客户的行，却没有这些部分之外的行，而按月的历史拆解需要它"
    )


def test_every_missing_month_of_a_products_row_is_located_at_once() -> None:
    rows = "    device: {2025-07: 1, 2025-09: 2}\n    consumable: {2025-08: 3}\n"
    targets = BY_PRODUCT + "      - {by: month, method: history}\n"
    outcome = split(rows, targets)
    found = sorted((d.code, d.line, d.message) for d in outcome.diagnostics)
    assert [(code, line) for code, line, _m in found] == [(codes.NO_HISTORY, 12)] * 1 + [(codes.NO_HISTORY, 13)] * 2
    assert found[0][2] == (
        "target 'T': history.by_month of product 'device' has no month 8 of the comparable period, which month "
        "2026-08 needs; a missing month is not taken as zero"
    )
    zh = [d.message_zh for d in outcome.diagnostics if d.line == 12]
    assert zh == [
        "目标 'T'：产品 'device'的 history.by_month 没有同期的 8 月，月 2026-08 需要它；缺少的月份不会按 0 计"
    ]


def test_an_id_both_a_region_and_a_product_is_ambiguous_and_located() -> None:
    head = HEAD.replace("{id: consumable}", "{id: east-a}")
    rows = "    east-a: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
    loaded = load_text(head + PERIOD + rows + "targets: []\n", "plan.yaml")
    [error] = [d for d in loaded.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.col) == ("SP031", 12, 13)
    assert error.message == (
        "'east-a' of history.by_month is both a region and a product: give them different ids so that the row "
        "names one part"
    )
    assert error.message_zh == "history.by_month 的 'east-a' 既是区域又是产品：请给它们不同的 id，使这一行只指一个部分"


def test_an_unknown_row_key_is_located_with_a_did_you_mean() -> None:
    rows = "    devise: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
    loaded = load_text(HEAD + PERIOD + rows + "targets: []\n", "plan.yaml")
    [error] = [d for d in loaded.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.col) == ("SP031", 12, 13)
    assert error.message == "unknown region, product, channel or account 'devise'; did you mean 'device'?"


def test_growth_of_a_month_under_a_product_uses_the_products_row() -> None:
    head = HEAD.replace("  name: Q3\n", "  name: Q3\n  unit: 万元\n")
    targets = (
        "  - {id: T, metric: revenue, value: 200, split: [{by: product, method: even}, {by: month, method: history}]}\n"
    )
    plan = load_text(head + PERIOD + REGION_ROWS + "targets:\n" + targets, "plan.yaml").plan
    assert plan is not None
    found = comparable(plan, plan.targets[0])
    assert found is not None
    assert found.history({"product": "device", "month": "2026-08"}) == Fraction(2)
    assert found.growth({"product": "device", "month": "2026-08"}, Decimal(3)) == Fraction(1, 2)
    assert found.history({"channel": "online", "month": "2026-08"}) is None  # no row of its own
    # a product's row is the whole product's: not the history of east-a's device
    assert found.history({"region": "east-a", "product": "device", "month": "2026-08"}) is None
    assert found.history({"region": "east-a", "month": "2026-09"}) == Fraction(2)


@settings(max_examples=60, deadline=None)
@given(
    value=st.integers(min_value=0, max_value=10**9),
    share=st.integers(min_value=0, max_value=100),
    months=st.lists(st.integers(min_value=0, max_value=10**6), min_size=6, max_size=6).filter(
        lambda m: any(m[:3]) and any(m[3:])
    ),
)
def test_every_products_months_add_up_exactly(value: int, share: int, months: list[int]) -> None:
    rows = (
        f"    device: {{2025-07: {months[0]}, 2025-08: {months[1]}, 2025-09: {months[2]}}}\n"
        f"    consumable: {{2025-07: {months[3]}, 2025-08: {months[4]}, 2025-09: {months[5]}}}\n"
    )
    targets = (
        f"  - id: T\n    value: {value}\n    split:\n"
        f"      - {{by: product, method: weights, weights: {{device: {share}, consumable: {100 - share}}}}}\n"
        "      - {by: month, method: history}\n"
    )
    outcome = split(rows, targets)
    assert outcome.diagnostics == []
    root = outcome.splits[0].root
    assert sum(p.value for p in root.children) == value
    for product, row in zip(root.children, (months[:3], months[3:]), strict=True):
        parts = [m.value for m in product.children]
        assert sum(parts) == product.value
        for part, weight in zip(parts, row, strict=True):  # each within one unit of its exact share
            assert abs(part * sum(row) - product.value * weight) < sum(row)


def test_an_account_level_uses_its_row_else_its_regions_row() -> None:
    head = HEAD + "  accounts: [{id: acme, region: east-a}, {id: bolt, region: east-b}]\n"
    rows = "    acme: {2025-07: 1, 2025-08: 3, 2025-09: 0}\n    east-b: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n"
    targets = (
        "  - id: T\n    value: 200\n    split:\n"
        "      - {by: account, method: even}\n      - {by: month, method: history}\n"
    )
    outcome = split(rows, targets, head)
    assert outcome.diagnostics == []
    # acme 100 by its row 1:3:0 -> 25, 75, 0; bolt (no row) by its region east-b's 1:1:2 -> 25, 25, 50
    assert values(outcome) == {"acme": [25, 75, 0], "bolt": [25, 25, 50]}
    acme, bolt = outcome.splits[0].root.children
    assert acme.children[1].basis.text("zh") == "按 acme 去年同期 75.0%"
    assert bolt.children[2].basis.text("zh") == "按去年同期 50.0%"


def test_a_rep_under_a_product_uses_the_products_row_else_the_team_months() -> None:
    head = (
        HEAD + "  people:\n    - {id: 李雷, role: rep, region: east-a}\n    - {id: 韩梅, role: rep, region: east-b}\n"
    )
    rows = "    device: {2025-07: 1, 2025-08: 1, 2025-09: 2}\n    2025-07: 2\n    2025-08: 1\n    2025-09: 1\n"
    targets = (
        "  - id: T\n    value: 400\n    split:\n      - {by: product, method: even}\n"
        "      - {by: rep, method: even}\n      - {by: month, method: history}\n"
    )
    outcome = split(rows, targets, head)
    assert outcome.diagnostics == []
    # every node 100: device's reps by 1:1:2, consumable's by the team's 2:1:1
    assert values(outcome) == {
        "device/李雷": [25, 25, 50],
        "device/韩梅": [25, 25, 50],
        "consumable/李雷": [50, 25, 25],
        "consumable/韩梅": [50, 25, 25],
    }


def test_the_spring_festival_warning_names_the_products_row() -> None:
    head = HEAD.replace("2026-07-01, end: 2026-09-30", "2026-01-01, end: 2026-03-31")
    period = PERIOD.replace("2025-07-01, end: 2025-09-30", "2025-01-01, end: 2025-03-31")
    rows = "    device: {2025-01: 1, 2025-02: 1, 2025-03: 2}\n    consumable: {2025-01: 1, 2025-02: 1, 2025-03: 2}\n"
    targets = BY_PRODUCT + "      - {by: month, method: history}\n"
    outcome = split_plan(load_text(head + period + rows + "targets:\n" + targets, "plan.yaml"))
    warnings = sorted((d.line, d.message) for d in outcome.diagnostics)
    assert [line for line, _m in warnings] == [12, 13]  # one per row, at the row
    assert warnings[0][1].startswith(
        "target 'T': the Spring Festival is on 2026-02-17 but on 2025-01-29 in the comparable year, so January "
        "and February of history.by_month of product 'device' are not like this year's months"
    )


def test_held_months_and_the_rest_by_a_products_row_name_the_product() -> None:
    targets = BY_PRODUCT + "      - {by: month, values: {2026-07: 20}, rest: history}\n"
    outcome = split(PRODUCT_ROWS, targets)
    assert outcome.diagnostics == []
    # device 100: 20 held, the 80 left by 1:2 (August, September) -> 27, 53 (26.67, 53.33)
    assert values(outcome)["device"] == [20, 27, 53]
    device = outcome.splits[0].root.children[0].children
    assert device[0].basis.text("zh") == "指定"
    assert [m.basis.text("zh") for m in device[1:]] == ["按 device 去年同期 33.3%", "按 device 去年同期 66.7%"]


def test_a_nodes_own_held_month_keeps_the_products_row_named() -> None:
    targets = BY_PRODUCT + "      - {by: month, method: history, held: {device: {2026-07: 10}}}\n"
    outcome = split(PRODUCT_ROWS, targets)
    assert [d.message for d in outcome.diagnostics] == []
    # device 100: 10 held, the 90 left by 1:2 -> 30, 60
    assert values(outcome)["device"] == [10, 30, 60]
    device = outcome.splits[0].root.children[0].children
    assert device[2].basis.text("en") == "like device's same month last year 66.7%"
