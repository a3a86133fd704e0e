"""Properties of a re-plan of a time level under channel or tier → account levels: every node keeps its
allocation, holds each ended month at its own actuals (a negative month at 0, cut at the allocation), the
remaining months add up to the rest, and the target's total never changes."""

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
from salesplan.split.result import SplitNode, TargetSplit

MONTHS = ("2026-07", "2026-08", "2026-09")
ACCOUNTS = {"a1": "A", "a2": "A", "b1": "B", "c1": "C"}


def _plan(value: int, by_channel: bool, weights: list[int]) -> str:
    levels: list[dict[str, Any]] = (
        [{"by": "channel", "method": "weights", "weights": {"direct": 3, "agent": 2, "live": 1}}]
        if by_channel
        else [{"by": "tier", "method": "even"}, {"by": "account", "method": "even"}]
    )
    month = {"by": "month", "method": "weights", "weights": dict(zip(MONTHS, weights, strict=True))}
    plan = {
        "salesplan": 1,
        "plan": {"name": "P", "period": {"start": "2026-07-01", "end": "2026-09-30"}, "unit": "万元"},
        "team": {
            "channels": [{"id": c} for c in ("direct", "agent", "live")],
            "accounts": [{"id": a, "tier": t} for a, t in ACCOUNTS.items()],
        },
        "targets": [{"id": "T", "value": value, "split": [*levels, month]}],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


def _split(text: str) -> TargetSplit:
    outcome = split_plan(load_text(text, "p.yaml"))
    assert [d.format("en") for d in outcome.diagnostics] == []
    return outcome.splits[0]


def _nodes(split: TargetSplit) -> dict[str, SplitNode]:
    depth = len(split.levels) - 1
    out: dict[str, SplitNode] = {}
    stack: list[tuple[tuple[str, ...], SplitNode]] = [((), split.root)]
    while stack:
        path, node = stack.pop()
        if len(path) == depth:
            out["/".join(path)] = node
            continue
        stack.extend(((*path, str(child.part)), child) for child in node.children)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=st.integers(1, 3000),
    by_channel=st.booleans(),
    weights=st.lists(st.integers(1, 9), min_size=3, max_size=3),
    amounts=st.lists(st.integers(-50, 800), min_size=1, max_size=12),
    picks=st.lists(st.integers(0, 99), min_size=12, max_size=12),
    day=st.sampled_from([dt.date(2026, 7, 31), dt.date(2026, 8, 20), dt.date(2026, 8, 31)]),
)
def test_each_node_keeps_its_allocation_and_holds_its_own_actuals(
    value: int, by_channel: bool, weights: list[int], amounts: list[int], picks: list[int], day: dt.date
) -> None:
    text = _plan(value, by_channel, weights)
    old = _split(text)
    before = _nodes(old)
    rows: list[ActualRow] = []
    sums: dict[tuple[str, str], Decimal] = {}
    for amount, pick in zip(amounts, picks, strict=False):
        month = MONTHS[pick % 2]  # July or August
        if by_channel:
            coords = {"channel": ("direct", "agent", "live")[pick % 3]}
            node = coords["channel"]
        else:
            account = list(ACCOUNTS)[pick % 4]
            coords = {"account": account, "tier": ACCOUNTS[account]}
            node = f"{ACCOUNTS[account]}/{account}"
        when = dt.date(2026, int(month[-2:]), 10)
        rows.append(ActualRow("T", Decimal(amount), None, coords, when))
        if when <= day:
            sums[(node, month)] = sums.get((node, month), Decimal(0)) + amount
    loaded = load_text(text, "p.yaml")
    assert loaded.plan is not None
    made = replan(text, loaded.plan, rows, day, {"T": old})
    new = _split(made.text)
    assert new.root.value == old.root.value
    after = _nodes(new)
    assert {k: n.value for k, n in after.items()} == {k: n.value for k, n in before.items()}
    ended = [m for m in MONTHS if dt.date(2026, int(m[-2:]), 28) < day]
    # a target is re-planned exactly when some row is of an ended month (else left as it is, with a note)
    assert bool(made.changed) == any(month in ended for _, month in sums)
    for key, node in after.items():
        months = {str(child.part): child.value for child in node.children}
        assert sum(months.values(), Decimal(0)) == node.value
        if not made.changed:
            continue
        left = node.value
        for month in ended:  # held in time order at the actuals, never below 0, cut at the allocation
            expected = min(max(sums.get((key, month), Decimal(0)), Decimal(0)), left)
            assert months[month] == expected
            left -= expected
