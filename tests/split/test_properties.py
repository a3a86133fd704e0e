"""Property tests on random plans: exact sums at every level, quotas, caps, determinism.

The plans are random trees: 1–3 regions, 1–3 products, 1–3 reps a region, a random period inside
2026 (so months, quarters and ISO weeks are cut at its edges), a random granularity, and up to six
levels — region, product and rep in any order, mixed with a coarse-to-fine block of time levels —
each with a random method. Quotas are recomputed here from the plan alone, not from the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import holidays
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.diagnostics import has_errors
from salesplan.loader import load_text
from salesplan.split.engine import split_plan
from salesplan.split.render import render_json
from salesplan.split.result import SplitNode

GRANULARITIES = ["1", "0.5", "5", "10", "0.01", "3"]
TIME_BLOCKS = [[], ["month"], ["week"], ["quarter"], ["quarter", "month"], ["month", "week"], ["quarter", "week"]]
TIME_ORDER = {"quarter": 0, "month": 1, "week": 2}
Window = tuple[dt.date, dt.date]
ONE_DAY = dt.timedelta(days=1)


# -- the calendar, independently of the engine -----------------------------------------------------
def calendar_range(kind: str, ident: str) -> Window:
    """The whole calendar part named `ident` (`2026-Q3`, `2026-07`, `2026-W27`)."""
    year = int(ident[:4])
    if kind == "week":
        monday = dt.date.fromisocalendar(year, int(ident[6:]), 1)
        return monday, monday + dt.timedelta(days=6)
    first = 3 * int(ident[6:]) - 2 if kind == "quarter" else int(ident[5:])
    months = 3 if kind == "quarter" else 1
    start = dt.date(year, first, 1)
    after = dt.date(year + (first + months > 12), (first + months - 1) % 12 + 1, 1)
    return start, after - ONE_DAY


def part_ids(kind: str, start: dt.date, end: dt.date) -> list[str]:
    """The ids of the calendar parts that meet [start, end], in order."""
    ids: list[str] = []
    day = start
    while day <= end:
        if kind == "week":
            iso = day.isocalendar()
            ident = f"{iso.year}-W{iso.week:02d}"
        elif kind == "quarter":
            ident = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
        else:
            ident = f"{day.year}-{day.month:02d}"
        if ident not in ids:
            ids.append(ident)
        day += ONE_DAY
    return ids


def days(window: Window) -> int:
    return max(0, (window[1] - window[0]).days + 1)


def clip(a: Window, b: Window) -> Window:
    return max(a[0], b[0]), min(a[1], b[1])


CHINA = holidays.country_holidays("CN", years=2026)


def workdays(window: Window) -> int:
    return sum(1 for k in range(days(window)) if CHINA.is_working_day(window[0] + k * ONE_DAY))


# -- random plans ------------------------------------------------------------------------------------
@st.composite
def plans(draw: st.DrawFn, quota_safe: bool = False) -> dict[str, Any]:
    """A random plan; `quota_safe` keeps every node splittable and caps off, so every quota is plain."""
    start = dt.date(2026, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
    end = min(dt.date(2026, 12, 31), start + dt.timedelta(days=draw(st.integers(6, 130))))
    regions = [f"r{i}" for i in range(draw(st.integers(1, 3)))]
    products = [f"p{i}" for i in range(draw(st.integers(1, 3)))]
    people: list[dict[str, Any]] = []
    for region in regions:
        for k in range(draw(st.integers(1, 3))):
            person: dict[str, Any] = {"id": f"{region}-{k}", "role": "rep", "region": region}
            person["capacity"] = draw(st.integers(1, 400))
            if not quota_safe and draw(st.integers(0, 3)) == 0:
                person["start"] = start + dt.timedelta(days=draw(st.integers(0, (end - start).days)))
            people.append(person)
    granularity = draw(st.sampled_from(GRANULARITIES))
    within_capacity = int(sum(p["capacity"] for p in people) / Decimal(granularity))
    value = Decimal(granularity) * draw(st.one_of(st.integers(0, within_capacity), st.integers(0, 10**6)))
    others = list(draw(st.permutations(["region", "product", "rep"])))[: draw(st.integers(0, 3))]
    time = draw(st.sampled_from(TIME_BLOCKS))
    if not others and not time:
        time = ["month"]
    dims = list(draw(st.permutations(others + time)))
    slots = [i for i, dim in enumerate(dims) if dim in TIME_ORDER]
    for slot, dim in zip(slots, sorted(time, key=TIME_ORDER.__getitem__), strict=True):
        dims[slot] = dim  # time levels run coarse to fine, wherever they sit
    parts = {"region": regions, "product": products, "rep": [p["id"] for p in people]}
    methods = {"region": ["even", "weights", "history"], "product": ["even", "weights", "history"]}
    methods["rep"] = ["even", "weights", "capacity"]
    levels = []
    for dim in dims:
        level: dict[str, Any] = {"by": dim}
        level["method"] = draw(st.sampled_from(methods.get(dim, ["even", "weights", "workdays"])))
        if level["method"] == "weights":
            keys = parts[dim] if dim in parts else part_ids(dim, start, end)
            level["weights"] = {key: draw(st.integers(1 if quota_safe else 0, 20)) for key in keys}
            level["weights"][keys[0]] = max(1, level["weights"][keys[0]])
        if level["method"] == "capacity" and quota_safe:
            level["cap"] = False
        levels.append(level)
    low = 1 if quota_safe else 0
    history = {r: {p: draw(st.integers(low, 1000)) for p in products} for r in regions}
    return {
        "salesplan": 1,
        "plan": {"name": "random", "period": {"start": start, "end": end}},
        "team": {
            "regions": [{"id": r} for r in regions],
            "products": [{"id": p} for p in products],
            "people": people,
        },
        "history": {"revenue": history},
        "targets": [{"id": "T", "value": str(value), "granularity": granularity, "split": levels}],
    }


def _split(plan: dict[str, Any], **options: Any) -> Any:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    loaded = load_text(text, "random.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return split_plan(loaded, **options)


def _walk_exact(node: SplitNode, granularity: Decimal) -> None:
    for _, n in node.walk():
        assert n.value % granularity == 0, (n.part, n.value)
        assert n.value >= 0
        if n.children:
            assert sum(c.value for c in n.children) == n.value, (n.part, n.value)


def _period(plan: dict[str, Any]) -> Window:
    period = plan["plan"]["period"]
    return period["start"], period["end"]


# -- properties --------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(plans())
def test_random_trees_add_up_exactly_and_are_deterministic(plan: dict[str, Any]) -> None:
    outcome = _split(plan, allow_over_capacity=True)
    assert codes.SPLIT_INTERNAL not in {d.code for d in outcome.diagnostics}
    again = _split(plan, allow_over_capacity=True)
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
    assert split.levels == [level["by"] for level in plan["targets"][0]["split"]]
    capped = any(level["method"] == "capacity" for level in plan["targets"][0]["split"])
    if capped and not any(d.code == codes.OVER_CAPACITY for d in outcome.diagnostics):
        event("caps checked")
        _assert_caps(plan, split.leaves(), granularity)


def _assert_caps(plan: dict[str, Any], leaves: Any, granularity: Decimal) -> None:
    """No rep carries more than their capacity prorated to their active days, in whole units rounded up."""
    start, end = _period(plan)
    carried: dict[str, Decimal] = {}
    for coords, node in leaves:
        carried[coords["rep"]] = carried.get(coords["rep"], Decimal(0)) + node.value
    for person in plan["team"]["people"]:
        active = days((max(start, person.get("start", start)), end))
        cap_units = Fraction(person["capacity"]) * active / days((start, end)) / Fraction(granularity)
        ceiling = -(-cap_units.numerator // cap_units.denominator)
        assert carried.get(person["id"], Decimal(0)) <= ceiling * granularity


def _nodes(split_root: SplitNode, period: Window) -> Iterator[tuple[SplitNode, dict[str, str], Window]]:
    """Every node with children, with its coordinates and its date window."""
    stack = [(split_root, {}, period)]
    while stack:
        node, coords, window = stack.pop()
        if not node.children:
            continue
        yield node, coords, window
        for child in node.children:
            assert child.level is not None and child.part is not None
            inner = clip(window, calendar_range(child.level, child.part)) if child.level in TIME_ORDER else window
            stack.append((child, {**coords, child.level: child.part}, inner))


def _weight(
    plan: dict[str, Any], spec: dict[str, Any], child: SplitNode, coords: dict[str, str], window: Window
) -> Fraction:
    """The child's exact weight by its level's method, from the plan alone."""
    method, dim, part = spec["method"], spec["by"], child.part or ""
    history = plan["history"]["revenue"]
    if dim in TIME_ORDER:
        own = clip(window, calendar_range(dim, part))
        if method == "even":  # an edge part weighs its share of days
            return Fraction(days(own), days(calendar_range(dim, part)))
        return Fraction(spec["weights"][part]) if method == "weights" else Fraction(workdays(own))
    if method == "even":
        return Fraction(1)
    if method == "weights":
        return Fraction(spec["weights"][part])
    if method == "capacity":
        (person,) = [p for p in plan["team"]["people"] if p["id"] == part]
        return Fraction(person["capacity"])
    if dim == "region":  # history: the region's row, for the product already chosen or over all products
        row = history[part]
        return Fraction(row[coords["product"]] if "product" in coords else sum(row.values()))
    home = coords.get("region") or next(
        (p["region"] for p in plan["team"]["people"] if p["id"] == coords.get("rep")), None
    )
    return Fraction(sum(history[r][part] for r in ([home] if home else history)))


@settings(max_examples=150, deadline=None)
@given(plans(quota_safe=True))
def test_each_part_within_one_unit_of_its_exact_quota(plan: dict[str, Any]) -> None:
    outcome = _split(plan)
    found = {d.code for d in outcome.diagnostics}
    if found:  # only a node whose days are all weekend or holiday has nothing to weigh by workdays
        assert found == {codes.ZERO_WEIGHTS}, [d.format() for d in outcome.diagnostics]
        assert any(level["method"] == "workdays" for level in plan["targets"][0]["split"])
        event("a node without workdays")
        return
    (split,) = outcome.splits
    granularity = Fraction(plan["targets"][0]["granularity"])
    _walk_exact(split.root, Decimal(plan["targets"][0]["granularity"]))
    specs = {level["by"]: level for level in plan["targets"][0]["split"]}
    for node, coords, window in _nodes(split.root, _period(plan)):
        spec = specs[node.children[0].level or ""]
        weights = [_weight(plan, spec, child, coords, window) for child in node.children]
        total = sum(weights, Fraction(0))
        if not total:  # nothing to weigh by is only allowed when there is nothing to split
            assert node.value == 0 and all(child.value == 0 for child in node.children)
            continue
        for child, weight in zip(node.children, weights, strict=True):
            quota = Fraction(node.value) * weight / total
            assert abs(Fraction(child.value) - quota) < granularity, (spec, child.part, child.value, quota)
    event(", ".join(sorted({level["method"] for level in plan["targets"][0]["split"]})))


@st.composite
def capacity_plans(draw: st.DrawFn) -> dict[str, Any]:
    plan = draw(plans())
    outer = draw(st.permutations(["region", "product", "month"]))[: draw(st.integers(0, 3))]
    levels: list[dict[str, Any]] = [{"by": dim, "method": "even"} for dim in outer]
    if "month" in outer and draw(st.booleans()):
        months = part_ids("month", *_period(plan))
        weights = dict.fromkeys(months, 1)
        weights[draw(st.sampled_from(months))] = draw(st.integers(0, 9))
        levels[outer.index("month")] = {"by": "month", "method": "weights", "weights": weights}
    levels.insert(draw(st.integers(0, len(levels))), {"by": "rep", "method": "capacity"})
    plan["targets"][0]["split"] = levels
    return plan


@settings(max_examples=150, deadline=None)
@given(capacity_plans())
def test_capacity_caps_hold_or_over_capacity_is_reported(plan: dict[str, Any]) -> None:
    outcome = _split(plan)
    found = {d.code for d in outcome.diagnostics if d.severity == "error"}
    assert found <= {codes.OVER_CAPACITY, codes.NO_REPS, codes.ZERO_WEIGHTS}, found
    event(", ".join(sorted(found)) or "split")
    if found:
        return
    (split,) = outcome.splits
    granularity = Decimal(plan["targets"][0]["granularity"])
    _walk_exact(split.root, granularity)
    _assert_caps(plan, split.leaves(), granularity)
