"""Properties of held values per node (`held:`) and of the re-plan that writes them.

- The split: every held part keeps its amount exactly, every node still adds up to its parent, the
  nodes above the time level keep their values, and a node not listed splits as it did.
- The re-plan: every node keeps its allocation, holds each completed month at its actuals (cut at the
  allocation, the excess reported), and the plan's total never changes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesplan.loader import load_text
from salesplan.review.replan_plan import replan
from salesplan.review.rows import ActualRow
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode

MONTHS = ("2026-07", "2026-08", "2026-09")


def _plan(value: int, reps: list[int], weights: list[int], held: dict[str, dict[str, int]] | None = None) -> str:
    people = [
        {"id": f"r{i}-{j}", "role": "rep", "region": f"g{i}"} for i, count in enumerate(reps) for j in range(count)
    ]
    month: dict[str, Any] = {"by": "month", "method": "weights", "weights": dict(zip(MONTHS, weights, strict=True))}
    if held:
        month["held"] = held
    plan = {
        "salesplan": 1,
        "plan": {"name": "P", "period": {"start": "2026-07-01", "end": "2026-09-30"}, "unit": "万元"},
        "team": {"regions": [{"id": f"g{i}"} for i in range(len(reps))], "people": people},
        "targets": [{"id": "T", "value": value, "split": [{"by": "region"}, {"by": "rep"}, month]}],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


def _rep_nodes(text: str) -> dict[str, SplitNode]:
    outcome = split_plan(load_text(text, "p.yaml"))
    assert [d.format("en") for d in outcome.diagnostics] == []
    root = outcome.splits[0].root
    _adds_up(root)
    return {f"{region.part}/{rep.part}": rep for region in root.children for rep in region.children}


def _adds_up(node: SplitNode) -> None:
    if node.children:
        assert sum((child.value for child in node.children), Decimal(0)) == node.value
        for child in node.children:
            _adds_up(child)


_shape = st.tuples(
    st.integers(0, 5000),
    st.lists(st.integers(1, 3), min_size=1, max_size=3),
    st.lists(st.integers(1, 6), min_size=3, max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=_shape, data=st.data())
def test_held_parts_are_kept_and_every_node_adds_up(
    shape: tuple[int, list[int], list[int]], data: st.DataObject
) -> None:
    value, reps, weights = shape
    before = _rep_nodes(_plan(value, reps, weights))
    held: dict[str, dict[str, int]] = {}
    for path, node in before.items():
        if not data.draw(st.booleans()):
            continue
        months = data.draw(st.lists(st.sampled_from(MONTHS), unique=True, max_size=3))
        left, mine = int(node.value), {}
        for month in months:  # when every month is held they take the whole node: no part is left for the rest
            mine[month] = left if len(mine) == 2 else data.draw(st.integers(0, left))
            left -= mine[month]
        held[path] = mine
    after = _rep_nodes(_plan(value, reps, weights, held))
    for path, node in after.items():
        assert node.value == before[path].value  # the levels above keep their values
        months = {str(child.part): int(child.value) for child in node.children}
        if path in held:
            assert all(months[month] == amount for month, amount in held[path].items())
        else:
            assert [child.value for child in node.children] == [child.value for child in before[path].children]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=_shape, data=st.data())
def test_replan_keeps_each_allocation_and_holds_the_actuals(
    shape: tuple[int, list[int], list[int]], data: st.DataObject
) -> None:
    value, reps, weights = shape
    text = _plan(value, reps, weights)
    loaded = load_text(text, "p.yaml")
    assert loaded.plan is not None
    before = _rep_nodes(text)
    rows: list[ActualRow] = []
    actual: dict[tuple[str, str], int] = {}
    for path in before:
        region, rep = path.split("/")
        for month in MONTHS[:2]:
            amount = data.draw(st.integers(0, 3000))
            actual[(path, month)] = amount
            rows.append(
                ActualRow(
                    "T", Decimal(amount), None, {"region": region, "rep": rep}, dt.date.fromisoformat(f"{month}-15")
                )
            )
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    made = replan(text, loaded.plan, rows, dt.date(2026, 8, 31), splits)
    after = _rep_nodes(made.text)
    excess = 0
    for path, node in after.items():
        allocation = int(before[path].value)
        assert int(node.value) == allocation
        july, august, september = (int(child.value) for child in node.children)
        want_july = min(actual[(path, "2026-07")], allocation)
        assert (july, august) == (want_july, min(actual[(path, "2026-08")], allocation - want_july))
        assert september == allocation - july - august
        excess += actual[(path, "2026-07")] + actual[(path, "2026-08")] > allocation
    assert sum(int(node.value) for node in after.values()) == value
    assert len(made.notes) == excess
