"""Property tests on random plans: exact sums at every level, quotas, caps, determinism."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from salesplan.diagnostics import has_errors
from salesplan.loader import load_text
from salesplan.split import codes
from salesplan.split.engine import split_plan
from salesplan.split.render import render_json
from salesplan.split.result import SplitNode

MONTHS = ["2026-07", "2026-08", "2026-09"]
GRANULARITIES = ["1", "0.5", "5", "10", "0.01", "3"]


@st.composite
def plans(draw: st.DrawFn, simple: bool = False) -> dict[str, Any]:
    regions = [f"r{i}" for i in range(draw(st.integers(1, 3)))]
    products = [f"p{i}" for i in range(draw(st.integers(1, 3)))]
    people: list[dict[str, Any]] = []
    for region in regions:
        for k in range(draw(st.integers(1, 3))):
            person: dict[str, Any] = {"id": f"{region}-{k}", "role": "rep", "region": region}
            person["capacity"] = draw(st.integers(1, 400))
            if not simple and draw(st.integers(0, 3)) == 0:
                person["start"] = dt.date(2026, 7, 1) + dt.timedelta(days=draw(st.integers(0, 85)))
            people.append(person)
    reps = [p["id"] for p in people]
    granularity = draw(st.sampled_from(GRANULARITIES))
    within_capacity = int(sum(p["capacity"] for p in people) / Decimal(granularity))
    value = Decimal(granularity) * draw(st.one_of(st.integers(0, within_capacity), st.integers(0, 10**6)))
    dims = draw(st.permutations(["region", "product", "rep", "month"]))[: draw(st.integers(1, 4))]
    parts = {"region": regions, "product": products, "rep": reps, "month": MONTHS}
    methods = {
        "region": ["even", "weights"] + ([] if simple else ["history"]),
        "product": ["even", "weights"] + ([] if simple else ["history"]),
        "rep": ["even", "weights"] + ([] if simple else ["capacity"]),
        "month": ["even", "weights"] + ([] if simple else ["workdays"]),
    }
    levels = []
    for dim in dims:
        level: dict[str, Any] = {"by": dim, "method": draw(st.sampled_from(methods[dim]))}
        if level["method"] == "weights":
            low = 1 if simple else 0
            level["weights"] = {p: draw(st.integers(low, 20)) for p in parts[dim]}
            level["weights"][parts[dim][0]] = max(1, level["weights"][parts[dim][0]])
        levels.append(level)
    history = {r: {p: draw(st.integers(0, 1000)) for p in products} for r in regions}
    return {
        "salesplan": 1,
        "plan": {"name": "random", "period": {"start": dt.date(2026, 7, 1), "end": dt.date(2026, 9, 30)}},
        "team": {
            "regions": [{"id": r} for r in regions],
            "products": [{"id": p} for p in products],
            "people": people,
        },
        "history": {"revenue": history},
        "targets": [{"id": "T", "value": str(value), "granularity": granularity, "split": levels}],
    }


def _walk_exact(node: SplitNode, granularity: Decimal) -> None:
    for _, n in node.walk():
        assert n.value % granularity == 0
        assert n.value >= 0
        if n.children:
            assert sum(c.value for c in n.children) == n.value


@settings(max_examples=120, deadline=None)
@given(plans())
def test_random_trees_add_up_exactly_and_are_deterministic(plan: dict[str, Any]) -> None:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    loaded = load_text(text, "random.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded, allow_over_capacity=True)
    assert codes.INTERNAL not in {d.code for d in outcome.diagnostics}
    again = split_plan(load_text(text, "random.yaml"), allow_over_capacity=True)
    assert render_json(outcome.splits) == render_json(again.splits)
    assert [d.format() for d in outcome.diagnostics] == [d.format() for d in again.diagnostics]
    event("error" if has_errors(outcome.diagnostics) else "split")
    if has_errors(outcome.diagnostics):
        assert outcome.splits == []
        return
    (split,) = outcome.splits
    granularity = Decimal(plan["targets"][0]["granularity"])
    assert split.root.value == Decimal(plan["targets"][0]["value"])
    _walk_exact(split.root, granularity)
    levels = plan["targets"][0]["split"]
    capped = any(level["method"] == "capacity" for level in levels)
    if capped and not any(d.code == codes.OVER_CAPACITY for d in outcome.diagnostics):
        event("caps checked")
        _assert_caps(plan, split.leaves(), granularity)


def _assert_caps(plan: dict[str, Any], leaves: Any, granularity: Decimal) -> None:
    carried: dict[str, Decimal] = {}
    for coords, node in leaves:
        carried[coords["rep"]] = carried.get(coords["rep"], Decimal(0)) + node.value
    for person in plan["team"]["people"]:
        start = person.get("start", dt.date(2026, 7, 1))
        days = (dt.date(2026, 9, 30) - start).days + 1
        cap_units = Fraction(person["capacity"]) * days / 92 / Fraction(granularity)
        ceiling = -(-cap_units.numerator // cap_units.denominator)
        assert carried.get(person["id"], Decimal(0)) <= ceiling * granularity


@settings(max_examples=120, deadline=None)
@given(plans(simple=True))
def test_each_part_within_one_unit_of_its_exact_quota(plan: dict[str, Any]) -> None:
    loaded = load_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "random.yaml")
    outcome = split_plan(loaded)
    assert outcome.diagnostics == []
    (split,) = outcome.splits
    granularity = Decimal(plan["targets"][0]["granularity"])
    _walk_exact(split.root, granularity)
    specs = {level["by"]: level for level in plan["targets"][0]["split"]}
    for _, node in split.root.walk():
        if not node.children:
            continue
        spec = specs[node.children[0].level or ""]
        weights = [Fraction(spec.get("weights", {}).get(c.part, 1)) for c in node.children]
        total = sum(weights)
        for child, weight in zip(node.children, weights, strict=True):
            quota = Fraction(node.value) * weight / total
            assert abs(Fraction(child.value) - quota) < Fraction(granularity), (child.part, child.value, quota)


@st.composite
def capacity_plans(draw: st.DrawFn) -> dict[str, Any]:
    plan = draw(plans())
    outer = draw(st.permutations(["region", "product", "month"]))[: draw(st.integers(0, 3))]
    levels: list[dict[str, Any]] = [{"by": dim, "method": "even"} for dim in outer]
    if "month" in outer and draw(st.booleans()):
        levels[outer.index("month")] = {"by": "month", "method": "weights", "weights": dict.fromkeys(MONTHS, 1)}
        levels[outer.index("month")]["weights"][draw(st.sampled_from(MONTHS))] = draw(st.integers(0, 9))
    levels.insert(draw(st.integers(0, len(levels))), {"by": "rep", "method": "capacity"})
    plan["targets"][0]["split"] = levels
    return plan


@settings(max_examples=150, deadline=None)
@given(capacity_plans())
def test_capacity_caps_hold_or_over_capacity_is_reported(plan: dict[str, Any]) -> None:
    loaded = load_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "random.yaml")
    outcome = split_plan(loaded)
    found = {d.code for d in outcome.diagnostics if d.severity == "error"}
    assert found <= {codes.OVER_CAPACITY, codes.NO_REPS, codes.ZERO_WEIGHTS}, found
    event(", ".join(sorted(found)) or "split")
    if found:
        return
    (split,) = outcome.splits
    granularity = Decimal(plan["targets"][0]["granularity"])
    _walk_exact(split.root, granularity)
    _assert_caps(plan, split.leaves(), granularity)
