"""Hand-computed changes between the fixture plans: parts old -> new with Δ, Δ% and cause; risks; tasks; units."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from salesplan.diff.engine import Side, diff_plans
from salesplan.diff.result import PlanDiff, TargetDiff

D = Decimal


_SIDE: list[Callable[[str], Side]] = []


@pytest.fixture(autouse=True)
def _loader(side: Callable[[str], Side]) -> None:
    _SIDE[:] = [side]


def _diff(old: str, new: str) -> PlanDiff:
    return diff_plans(_SIDE[0](old), _SIDE[0](new))


def _target(diff: PlanDiff, ident: str) -> TargetDiff:
    return next(t for t in diff.targets if t.id == ident)


def _parts(target: TargetDiff) -> list[tuple[str, D | None, D | None, D, D | None, str]]:
    return [("/".join(p for _l, p in c.path), c.old, c.new, c.delta, c.pct, c.cause) for c in target.parts]


def test_a_region_moved_300_to_320_with_its_reps() -> None:
    t1 = _target(_diff("base.plan.yaml", "changed.plan.yaml"), "T1")
    assert t1.fields == ()  # the target's value is still 500: only its breakdown moved
    assert _parts(t1) == [
        ("华东", D(300), D(320), D(20), D("6.7"), "inputs"),  # an explicit value changed
        ("华东/李雷", D(180), D(192), D(12), D("6.7"), "parent"),  # weight 3/5 of +20
        ("华东/韩梅", D(120), D(128), D(8), D("6.7"), "parent"),  # weight 2/5 of +20
        ("华南", D(200), D(180), D(-20), D("-10.0"), "inputs"),
        ("华南/周杰", D(200), D(180), D(-20), D("-10.0"), "parent"),
    ]


def test_a_part_moved_only_by_rounding() -> None:
    """10 -> 11 split evenly over three regions: 4/3/3 -> 4/4/3; 华南's exact share moved by 1/3."""
    t2 = _target(_diff("base.plan.yaml", "changed.plan.yaml"), "T2")
    value = next(f for f in t2.fields if f.name == "value")
    assert (value.old, value.new, value.delta, value.pct) == ("10", "11", D(1), D("10.0"))
    assert _parts(t2) == [("华南", D(3), D(4), D(1), D("33.3"), "rounding")]


def test_a_rescored_risk_changes_level() -> None:
    (r1,) = _diff("base.plan.yaml", "changed.plan.yaml").risks
    assert (r1.id, r1.status, r1.level_changed) == ("R1", "changed", True)
    changes = {f.name: (f.old, f.new, f.delta) for f in r1.fields}
    assert changes == {
        "probability": ("medium", "high", None),
        "score": ("15", "25", D(10)),  # 3 × 5 -> 5 × 5 on the default matrix
        "level": ("high", "critical", None),
    }


def test_a_task_moved_by_five_days_and_reowned() -> None:
    (k1,) = _diff("base.plan.yaml", "changed.plan.yaml").tasks
    assert k1.moved_days == 5
    changes = {f.name: (f.old, f.new, f.delta) for f in k1.fields}
    assert changes == {
        "owner": ("李雷", "韩梅", None),
        "start": ("2026-07-01", "2026-07-06", D(5)),
        "end": ("2026-07-31", "2026-08-05", D(5)),
    }


def test_strategy_budget_and_allocation() -> None:
    diff = _diff("base.plan.yaml", "changed.plan.yaml")
    (s1,) = diff.strategies
    assert [(f.name, f.old, f.new, f.delta, f.pct, f.unit) for f in s1.fields] == [
        ("budget", "45", "50", D(5), D("11.1"), "万元")
    ]
    assert [(f.name, f.old, f.new, f.delta) for f in diff.budget] == [
        ("allocation.channel", "45", "50", D(5)),
        ("allocation.promotion", "55", "50", D(-5)),
    ]


def test_unit_change_wan_to_yuan_compares_exactly() -> None:
    """The same plan written in 元: no amount changed, except where the finer unit rounds otherwise."""
    diff = _diff("base.plan.yaml", "yuan.plan.yaml")
    assert diff.unit == "元"
    assert [(f.name, f.old, f.new) for f in diff.plan] == [("unit", "万元", "元")]
    assert diff.strategies == () and diff.budget == ()  # 45万元 is 450000元, 100万元 is 1000000元
    t1 = _target(diff, "T1")
    assert [(f.name, f.old, f.new) for f in t1.fields] == [("unit", "万元", "元")]
    assert (t1.old_value, t1.new_value, t1.parts) == (D(5000000), D(5000000), ())
    t2 = _target(diff, "T2")
    # 10万 over three regions was 4/3/3 万; 100000元 is 33334/33333/33333: the unit moved, not the inputs
    assert _parts(t2) == [
        ("华东", D(40000), D(33334), D(-6666), D("-16.7"), "rounding"),
        ("华南", D(30000), D(33333), D(3333), D("11.1"), "rounding"),
        ("华北", D(30000), D(33333), D(3333), D("11.1"), "rounding"),
    ]


def test_unit_change_back_to_wan_is_exact_too() -> None:
    diff = _diff("yuan.plan.yaml", "base.plan.yaml")
    t2 = _target(diff, "T2")
    assert _parts(t2)[0] == ("华东", D("3.3334"), D(4), D("0.6666"), D("20.0"), "rounding")
    assert _target(diff, "T1").parts == ()


def test_added_and_removed_targets_and_risks() -> None:
    diff = _diff("base.plan.yaml", "targets.plan.yaml")
    assert [(t.id, t.status) for t in diff.targets] == [("T3", "added"), ("T1", "removed")]
    t3 = _target(diff, "T3")
    assert t3.parts[0].path == (("region", "华东"),) and t3.parts[0].new == D(4)
    assert {p.cause for p in t3.parts} == {"added"}
    t1 = _target(diff, "T1")
    assert [(p.old, p.cause) for p in t1.parts][:1] == [(D(300), "removed")]
    (r2,) = diff.risks
    assert (r2.status, r2.get("level")) == ("added", r2.get("level"))
    level = r2.get("level")
    assert level is not None and (level.old, level.new) == (None, "high")  # 高 × 一般 = 5 × 3 = 15


def test_same_plan_has_no_change() -> None:
    diff = _diff("base.plan.yaml", "base.plan.yaml")
    assert not diff.changed


def test_a_removed_part_follows_its_parent() -> None:
    """A rep leaving a region: the rep's part is removed, the sibling takes it (its inputs changed)."""
    from salesplan.diff.parts import compare_splits
    from salesplan.diff.units import Scale
    from salesplan.split.result import Basis, SplitNode, TargetSplit

    def split(children: list[tuple[str, int, Basis]]) -> TargetSplit:
        nodes = [SplitNode("rep", p, D(v), b) for p, v, b in children]
        return TargetSplit("T", "万元", D(10), ["rep"], SplitNode(None, None, D(10), Basis("total"), nodes))

    old = split([("a", 5, Basis("even")), ("b", 5, Basis("even"))])
    new = split([("a", 10, Basis("even"))])
    rows = [(c.path, c.old, c.new, c.cause) for c in compare_splits(old, new, Scale(0))]
    assert rows == [((("rep", "a"),), D(5), D(10), "inputs"), ((("rep", "b"),), D(5), None, "removed")]
