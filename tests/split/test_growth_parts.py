"""同比 of channel, account and tier parts against their own rows of history.by_channel, by_account,
by_tier (hand-computed beside each value); parts without their own history have none."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.export.markdown import render_markdown
from salesplan.export.tables import build_document
from salesplan.loader import load_text
from salesplan.split.engine import split_plan
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
    - {id: 李雷, role: rep, region: east-a, capacity: 900}
    - {id: 韩梅, role: rep, region: east-a, capacity: 900}
    - {id: 周杰, role: rep, region: east-b, capacity: 900}
  channels:
    - {id: direct, name: 直销, type: direct}
    - {id: agent, name: 代理商, type: agent}
    - {id: live, name: 直播, type: livestream}
  accounts:
    - {id: renji, name: 仁济医院, tier: A, region: east-a, owner: 李雷}
    - {id: ruijin, name: 瑞金医院, tier: A, region: east-b, owner: 周杰}
    - {id: zhongshan, name: 中山医院, tier: B, region: east-b, owner: 周杰}
    - {id: huashan, name: 华山医院, tier: C, region: east-b, owner: 周杰}
"""
HISTORY = """\
history:
  period: {start: 2025-07-01, end: 2025-09-30}
  revenue: {east-a: 300, east-b: 200}
  by_channel: {direct: 250, agent: {device: 100, consumable: 50}}
  by_account: {renji: {device: 80, consumable: 40}, ruijin: 80, zhongshan: 60}
"""


def _splits(targets: str, history: str = HISTORY) -> list[TargetSplit]:
    outcome = split_plan(load_text(HEAD + history + "targets:\n" + targets, "plan.yaml"))
    assert [d.format() for d in outcome.diagnostics if d.severity.value == "error"] == []
    return outcome.splits


def _growth(split: TargetSplit) -> dict[tuple[str, ...], Fraction | None]:
    """Every node's exact growth by its path of parts."""
    assert split.comparable is not None
    out: dict[tuple[str, ...], Fraction | None] = {}
    stack = [(child, {}) for child in split.root.children]
    while stack:
        node, above = stack.pop()
        coords = {**above, node.level or "": node.part or ""}
        out[tuple(coords.values())] = split.comparable.growth(coords, node.value)
        stack += [(child, coords) for child in node.children]
    return out


CHANNEL = "  - id: T\n    metric: revenue\n    value: {value}\n    split:\n{levels}"


def _target(levels: str, value: int = 600, extra: str = "") -> str:
    return CHANNEL.format(value=value, levels=levels) + extra


def test_each_channel_is_compared_with_its_own_history() -> None:
    [t] = _splits(_target("      - {by: channel, method: explicit, values: {direct: 300, agent: 240, live: 60}}\n"))
    # direct 300 / 250 - 1 = +20%; agent 240 / (100 + 50) - 1 = +60%; live has no row: no growth, not +inf or 0
    assert _growth(t) == {("direct",): Fraction(1, 5), ("agent",): Fraction(3, 5), ("live",): None}
    # the whole target still against history.revenue: 600 / 500 - 1 = +20%
    assert t.growth({}, t.value) == "+20.0%"


def test_a_product_under_or_above_a_channel_uses_the_channels_column() -> None:
    [t] = _splits(
        _target(
            "      - {by: channel, parts: [agent], method: even}\n"
            "      - {by: product, method: explicit, values: {device: 480, consumable: 120}}\n"
        )
    )
    # agent/device 480 / 100 - 1 = +380%; agent/consumable 120 / 50 - 1 = +140%
    found = _growth(t)
    assert found[("agent",)] == 3  # 600 / 150 - 1 = +300%
    assert found[("agent", "device")] == Fraction(19, 5) and found[("agent", "consumable")] == Fraction(7, 5)
    [p] = _splits(
        _target(
            "      - {by: product, method: explicit, values: {device: 300, consumable: 300}}\n"
            "      - {by: channel, parts: [direct, agent], method: even}\n"
        )
    )
    # device/agent 150 / 100 - 1 = +50%; direct's row is one amount: it has no device column
    found = _growth(p)
    assert found[("device", "agent")] == Fraction(1, 2) and found[("consumable", "agent")] == Fraction(2)
    assert found[("device", "direct")] is None and found[("consumable", "direct")] is None


def test_a_channel_that_is_only_a_piece_of_its_history_has_no_growth() -> None:
    # under a region, or in a target of one region, the company-wide channel row is not the node's
    [t] = _splits(_target("      - {by: region, method: history}\n      - {by: channel, method: even}\n"))
    assert [g for path, g in _growth(t).items() if len(path) == 2] == [None] * 6
    [s] = _splits(_target("      - {by: channel, method: even}\n", extra="    scope: {regions: [east-a]}\n"))
    assert set(_growth(s).values()) == {None}


def test_each_account_is_compared_with_its_own_history() -> None:
    [t] = _splits(
        _target(
            "      - {by: tier, method: explicit, values: {A: 360, B: 90, C: 150}}\n"
            "      - {by: account, method: even}\n"
        )
    )
    found = _growth(t)
    # renji 180 / (80 + 40) - 1 = +50%; ruijin 180 / 80 - 1 = +125%; zhongshan 90 / 60 - 1 = +50%
    assert found[("A", "renji")] == Fraction(1, 2) and found[("A", "ruijin")] == Fraction(5, 4)
    assert found[("B", "zhongshan")] == Fraction(1, 2)
    assert found[("C", "huashan")] is None  # no row in history.by_account: no growth
    # tiers without history.by_tier sum their accounts: A 360 / (120 + 80) - 1 = +80%; B 90 / 60 - 1 = +50%
    assert found[("A",)] == Fraction(4, 5) and found[("B",)] == Fraction(1, 2)
    assert found[("C",)] is None  # its one account has no row: not a silent 0


def test_an_account_under_its_region_or_owner_and_a_product_under_an_account() -> None:
    [t] = _splits(
        _target(
            "      - {by: rep, parts: [李雷, 周杰], method: explicit, values: {李雷: 240, 周杰: 360}}\n"
            "      - {by: account, method: even}\n"
            "      - {by: product, method: even}\n"
        )
    )
    found = _growth(t)
    # 李雷 owns renji alone: 240 / 120 - 1 = +100%; renji/device 120 / 80 - 1 = +50%, consumable 120 / 40 - 1 = +200%
    assert found[("李雷", "renji")] == 1
    assert found[("李雷", "renji", "device")] == Fraction(1, 2) and found[("李雷", "renji", "consumable")] == 2
    # 周杰's ruijin 120 / 80 - 1 = +50%; its row is one amount, so its products have none
    assert found[("周杰", "ruijin")] == Fraction(1, 2) and found[("周杰", "ruijin", "device")] is None
    assert found[("李雷",)] is None  # a rep has no history of its own
    [r] = _splits(_target("      - {by: region, method: even}\n      - {by: account, method: even}\n"))
    # east-a 300 is renji's alone: 300 / 120 - 1 = +150%; east-b 300 / 3 = 100 each: ruijin 100 / 80 - 1 = +25%
    assert _growth(r)[("east-a", "renji")] == Fraction(3, 2) and _growth(r)[("east-b", "ruijin")] == Fraction(1, 4)


def test_a_rep_under_an_account_is_a_share_the_history_does_not_have() -> None:
    [t] = _splits(_target("      - {by: account, parts: [renji], method: even}\n      - {by: rep, method: even}\n"))
    found = _growth(t)
    assert found[("renji",)] == Fraction(4)  # 600 / 120 - 1 = +400%
    assert found[("renji", "李雷")] is None and found[("renji", "韩梅")] is None


def test_a_tier_against_history_by_tier_only_when_it_is_the_whole_tier() -> None:
    by_tier = HISTORY + "  by_tier: {A: 250, B: 100, C: 50}\n"
    [t] = _splits(_target("      - {by: tier, method: explicit, values: {A: 300, B: 150, C: 150}}\n"), by_tier)
    # A 300 / 250 - 1 = +20%; B 150 / 100 - 1 = +50%; C 150 / 50 - 1 = +200%
    assert _growth(t) == {("A",): Fraction(1, 5), ("B",): Fraction(1, 2), ("C",): Fraction(2)}
    # under a region, by_tier (the whole tier's) is not the node's history: no growth
    [r] = _splits(_target("      - {by: region, method: even}\n      - {by: tier, method: even}\n"), by_tier)
    assert [g for path, g in _growth(r).items() if len(path) == 2] == [None] * 4


def test_a_tier_under_a_region_or_a_rep_sums_its_accounts_there() -> None:
    [t] = _splits(_target("      - {by: region, method: even}\n      - {by: tier, method: even}\n"))
    found = _growth(t)
    # east-a's tier A is renji: 300 / 120 - 1 = +150%; east-b 300 over A, B, C: 100 each; A ruijin 100 / 80 - 1 = +25%
    assert found[("east-a", "A")] == Fraction(3, 2) and found[("east-b", "A")] == Fraction(1, 4)
    assert found[("east-b", "B")] == Fraction(2, 3)  # zhongshan 100 / 60 - 1
    assert found[("east-b", "C")] is None  # huashan has no row
    [o] = _splits(
        _target(
            "      - {by: rep, parts: [李雷, 周杰], method: explicit, values: {李雷: 240, 周杰: 360}}\n"
            "      - {by: tier, method: even}\n"
        )
    )
    # 周杰 owns ruijin (A), zhongshan (B), huashan (C): 120 each; A 120 / 80 - 1 = +50%
    assert _growth(o)[("周杰", "A")] == Fraction(1, 2)
    [u] = _splits(_target("      - {by: tier, parts: [A], method: even}\n      - {by: rep, method: even}\n"))
    assert all(g is None for path, g in _growth(u).items() if len(path) == 2)  # a rep under a tier: a share


def test_parts_of_a_metric_with_its_own_history_are_not_compared_with_revenue() -> None:
    metrics = HISTORY + "  metrics: {new_customers: {east-a: 20, east-b: 5}}\n"
    [t] = _splits(
        "  - {id: N, metric: new_customers, unit: 家, value: 30, split: [{by: channel, method: even}]}\n", metrics
    )
    assert t.growth({}, t.value) == "+20.0%" and set(_growth(t).values()) == {None}  # 30 / 25 - 1


def test_history_by_channel_alone_gives_the_channels_growth_in_the_targets_unit() -> None:
    only = "history:\n  by_channel: {direct: 250, agent: 150}\n"
    [t] = _splits(
        "  - {id: T, metric: revenue, unit: 元, value: 4800000,"
        " split: [{by: channel, method: explicit, values: {direct: 3000000, agent: 1800000, live: 0}}]}\n",
        only,
    )
    # 250万元 is 2,500,000 元: 3,000,000 / 2,500,000 - 1 = +20%; agent 1,800,000 / 1,500,000 - 1 = +20%
    assert _growth(t) == {("direct",): Fraction(1, 5), ("agent",): Fraction(1, 5), ("live",): None}
    assert t.growth({}, t.value) is None  # no history of the whole target: no growth, not a guess


LEVEL = "      - {by: channel, method: explicit, values: {direct: 300, agent: 240, live: 60}}\n"


def test_every_format_and_the_export_show_the_parts_growth() -> None:
    splits = _splits(_target(LEVEL))
    doc = json.loads(render("json", splits, "en", 1))
    assert [row["growth"] for row in doc["targets"][0]["rows"]] == ["+20.0%", "+60.0%", None]
    assert yaml.safe_load(render("yaml", splits, "en", 1)) == doc
    rows = list(csv.DictReader(io.StringIO(render("csv", splits, "en"))))
    assert [(r["channel"], r["growth"]) for r in rows] == [("direct", "+20.0%"), ("agent", "+60.0%"), ("live", "")]
    table = render("table", splits, "zh")
    assert "+60.0%" in table and "同比" in table
    loaded = load_text(HEAD + HISTORY + "targets:\n" + _target(LEVEL), "plan.yaml")
    assert loaded.plan is not None
    zh = render_markdown(build_document(loaded.plan, ["breakdown"], "zh", splits))
    assert "直销 | 300万元 | 指定；同比 +20.0% |" in zh and "代理商 | 240万元 | 指定；同比 +60.0% |" in zh
    assert "直播 | 60万元 | 指定 |" in zh  # no history of its own: no 同比
    en = render_markdown(build_document(loaded.plan, ["breakdown"], "en", splits))
    assert "explicit; YoY +60.0%" in en


@settings(max_examples=60, deadline=None)
@given(
    amounts=st.lists(st.integers(min_value=1, max_value=10**6), min_size=4, max_size=4),
    tiers=st.lists(st.sampled_from("ABC"), min_size=4, max_size=4),
    value=st.integers(min_value=0, max_value=10**7),
)
def test_a_tiers_history_is_the_sum_of_its_accounts_in_every_region(
    amounts: list[int], tiers: list[str], value: int
) -> None:
    """Without history.by_tier, a tier's history is its accounts' rows summed, and a tier under each
    region is the part of it in that region: the regions' histories add up to the whole tier's."""
    ids = ["renji", "ruijin", "zhongshan", "huashan"]
    regions = ["east-a", "east-b", "east-b", "east-a"]
    accounts = "".join(
        f"    - {{id: {a}, tier: {t}, region: {r}}}\n" for a, t, r in zip(ids, tiers, regions, strict=True)
    )
    head = HEAD.split("  accounts:\n")[0] + "  accounts:\n" + accounts
    rows = ", ".join(f"{a}: {n}" for a, n in zip(ids, amounts, strict=True))
    text = head + f"history:\n  by_account: {{{rows}}}\ntargets:\n  - {{id: T, metric: revenue, value: {value}}}\n"
    outcome = split_plan(load_text(text, "plan.yaml"))
    found = outcome.splits[0].comparable
    assert found is not None
    for tier in "ABC":
        mine = [n for n, t in zip(amounts, tiers, strict=True) if t == tier]
        whole = found.history({"tier": tier})
        assert whole == (sum(mine) if mine else None)
        parts = [found.history({"region": r, "tier": tier}) for r in ("east-a", "east-b")]
        if whole is not None:
            assert sum(p for p in parts if p is not None) == whole
        for account, amount, t in zip(ids, amounts, tiers, strict=True):
            if t == tier:
                assert found.history({"tier": tier, "account": account}) == amount
                assert found.growth({"tier": tier, "account": account}, Decimal(value)) == Fraction(value, amount) - 1


def test_the_documented_example_a_channel_split_and_a_tier_under_it() -> None:
    """docs/split.md's Growth: with by_channel 300/200/100 and no by_tier, 660 by channel history is
    330/220/110, +10.0% each; tier A under a channel has no growth (its accounts are not the channel's)."""
    history = (
        "history:\n  by_channel: {direct: 300, agent: 200, live: 100}\n"
        "  by_account: {renji: 120, ruijin: 80, zhongshan: 60, huashan: 40}\n"
    )
    [t] = _splits(_target("      - {by: channel, method: history}\n      - {by: tier, method: even}\n", 660), history)
    values = {child.part: child.value for child in t.root.children}
    assert values == {"direct": 330, "agent": 220, "live": 110}
    found = _growth(t)
    assert [found[(c,)] for c in values] == [Fraction(1, 10)] * 3
    assert all(g is None for path, g in found.items() if len(path) == 2)
    assert t.growth({}, t.value) is None  # no history.revenue or by_month: the whole target has none
