"""The shared reference plan split leaf by leaf, against numbers worked out by hand below."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.loader import load_plan
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

REFERENCE = REPO_REFERENCE

# T1: 500万元, granularity 1.
# Level 1, region explicit: east-a 300, east-b 200.
# Level 2, product by history within each region:
#   east-a: device 150, consumable 100 of 250 -> 300*150/250 = 180, 300*100/250 = 120 (exact).
#   east-b: device 100, consumable 66.7 of 166.7 -> 200*100/166.7 = 119.976, 200*66.7/166.7 = 80.024
#           floors 119 + 80 = 199; the 1 left goes to the larger remainder (.976): device 120, consumable 80.
# Level 3, rep by capacity prorated to active days (period 92 days; 吴敏 starts 08-01: 61 days):
#   east-a: 李雷 160, 韩梅 140 (sum 300): device 180 -> 96 / 84; consumable 120 -> 64 / 56 (exact).
#   east-b: 周杰 120, 吴敏 120*61/92 = 79.565 (sum 199.565); 周杰's share 120/199.565 = 0.60131:
#           quotas device 72.157 / 47.843, consumable 48.105 / 31.895.
#           周杰's quotas add up to 120.26 > his cap 120, so he is capped at 120 (scaled: 120*120/200 = 72
#           and 120*80/200 = 48) and the excess 0.26 goes to 吴敏, whose room is ceil(79.565) = 80 minus
#           79.74: device 48, consumable 32 (exact after capping). Caps: 李雷 160, 韩梅 140, 周杰 120,
#           吴敏 80 — all met.
# Level 4, month by weights 3:3:4 (2026-07, 2026-08, 2026-09):
#   李雷 device 96: 28.8 28.8 38.4 -> 28 28 38 (+2 to the .8s)            -> 29 29 38
#   韩梅 device 84: 25.2 25.2 33.6 -> 25 25 33 (+1 to .6)                  -> 25 25 34
#   李雷 consumable 64: 19.2 19.2 25.6 -> 19 19 25 (+1 to .6)              -> 19 19 26
#   韩梅 consumable 56: 16.8 16.8 22.4 -> 16 16 22 (+2 to the .8s)         -> 17 17 22
#   周杰 device 72: 21.6 21.6 28.8 -> 21 21 28 (+1 to .8, +1 to the tied .6s: equal weights, earlier wins)
#                                                                          -> 22 21 29
#   周杰 consumable 48: 14.4 14.4 19.2 -> 14 14 19 (+1 to the tied .4s, earlier wins) -> 15 14 19
#   吴敏 is inactive in July, so the weights become 0:3:4 (sum 7):
#   吴敏 device 48: 0 20.571 27.429 -> 0 20 27 (+1 to .571)                -> 0 21 27
#   吴敏 consumable 32: 0 13.714 18.286 -> 0 13 18 (+1 to .714)            -> 0 14 18
T1 = {
    ("east-a", "device", "李雷"): (29, 29, 38),
    ("east-a", "device", "韩梅"): (25, 25, 34),
    ("east-a", "consumable", "李雷"): (19, 19, 26),
    ("east-a", "consumable", "韩梅"): (17, 17, 22),
    ("east-b", "device", "周杰"): (22, 21, 29),
    ("east-b", "device", "吴敏"): (0, 21, 27),
    ("east-b", "consumable", "周杰"): (15, 14, 19),
    ("east-b", "consumable", "吴敏"): (0, 14, 18),
}
MONTHS = ("2026-07", "2026-08", "2026-09")

# T2: 30家 by region history (region rows summed): east-a 250, east-b 166.7 of 416.7
#   -> 17.9986 / 12.0014 -> 17 + 12 = 29, the 1 left to east-a (.9986): 18 / 12.
#   rep even (an equal share for every rep active in the window, 吴敏 included): 9 9 / 6 6.
T2 = {("east-a", "李雷"): 9, ("east-a", "韩梅"): 9, ("east-b", "周杰"): 6, ("east-b", "吴敏"): 6}


def _splits() -> dict[str, TargetSplit]:
    outcome = split_plan(load_plan(REFERENCE))
    assert outcome.diagnostics == []
    return {s.target_id: s for s in outcome.splits}


def test_t1_leaf_by_leaf(leaves: Callable[[TargetSplit], dict[tuple[str, ...], Decimal]]) -> None:
    t1 = _splits()["T1"]
    assert t1.levels == ["region", "product", "rep", "month"]
    expected = {
        (*key, month): Decimal(v) for key, values in T1.items() for month, v in zip(MONTHS, values, strict=True)
    }
    assert leaves(t1) == expected
    assert sum(expected.values()) == 500


def test_t1_subtotals_and_basis(exact: Callable[..., None]) -> None:
    t1 = _splits()["T1"]
    exact(t1.root)
    east_a, east_b = t1.root.children
    assert (east_a.label, east_a.value, east_a.basis.text()) == ("A区", Decimal(300), "指定")
    assert [(p.part, p.value, p.basis.text()) for p in east_b.children] == [
        ("device", Decimal(120), "按历史占比 60.0%"),
        ("consumable", Decimal(80), "按历史占比 40.0%"),
    ]
    li_lei = east_a.children[0].children[0]
    assert (li_lei.part, li_lei.value, li_lei.basis.text(), li_lei.basis.text("en")) == (
        "李雷",
        Decimal(96),
        "按产能 160/300",
        "by capacity 160/300",
    )
    wu_min = east_b.children[0].children[1]
    assert wu_min.part == "吴敏"
    assert "79.57/199.57" in wu_min.basis.text() and "在岗 61/92 天" in wu_min.basis.text()
    july = wu_min.children[0]
    assert (july.value, july.basis.text(), july.basis.text("en")) == (
        Decimal(0),
        "按权重 0/7（未在岗）",
        "by weight 0/7 (inactive)",
    )


def test_t1_reps_stay_within_prorated_capacity() -> None:
    totals: dict[str, Decimal] = {}
    for coords, node in _splits()["T1"].leaves():
        totals[coords["rep"]] = totals.get(coords["rep"], Decimal(0)) + node.value
    assert totals == {"李雷": 160, "韩梅": 140, "周杰": 120, "吴敏": 80}


def test_t2_leaf_by_leaf(leaves: Callable[[TargetSplit], dict[tuple[str, ...], Decimal]]) -> None:
    t2 = _splits()["T2"]
    assert t2.levels == ["region", "rep"]
    assert leaves(t2) == {k: Decimal(v) for k, v in T2.items()}
    assert [c.value for c in t2.root.children] == [18, 12]


def test_target_without_split_is_a_root_without_children() -> None:
    t3 = _splits()["T3"]
    assert (t3.levels, t3.root.children, t3.unit, t3.value) == ([], [], "%", Decimal(18))
    assert list(t3.leaves()) == [({}, t3.root)]


def test_split_is_pure_and_deterministic() -> None:
    before = REFERENCE.read_bytes()
    from salesplan.split.render import render_json

    first = render_json(list(_splits().values()))
    second = render_json(list(_splits().values()))
    assert first == second
    assert REFERENCE.read_bytes() == before
