"""Property tests of the channel, account and tier levels on random teams: exact sums at every node,
accounts nested in their region and tier, even parts within one unit of each other, weights within
one unit of their quota."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode

REGIONS = ["east-a", "east-b", "east-c"]
TIERS = ["A", "B", "C", None]
# what a random team may lack: a node with no account of the level, a tier or history of zero
EXPECTED_REFUSALS = {codes.EMPTY_LEVEL, codes.ZERO_WEIGHTS, codes.NO_HISTORY}


@st.composite
def plans(draw: st.DrawFn) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    regions = REGIONS[: draw(st.integers(1, 3))]
    channels = [f"ch{i}" for i in range(draw(st.integers(1, 3)))]
    accounts = [
        {"id": f"acc{i}", "tier": draw(st.sampled_from(TIERS)), "region": draw(st.sampled_from([*regions, None]))}
        for i in range(draw(st.integers(1, 6)))
    ]
    amount = st.integers(0, 50)
    history = {
        "by_channel": {c: draw(amount) for c in channels},
        "by_account": {a["id"]: draw(amount) for a in accounts},
    }
    dims = draw(st.permutations(["channel", "region", "tier", "account"]))[: draw(st.integers(1, 4))]
    levels: list[dict[str, Any]] = []
    for dim in dims:
        method = draw(st.sampled_from(["even", "weights", "history"] if dim != "region" else ["even", "weights"]))
        level: dict[str, Any] = {"by": dim, "method": method}
        if method == "weights":
            parts = {
                "channel": channels,
                "region": regions,
                "tier": ["A", "B", "C"],
                "account": [a["id"] for a in accounts],
            }
            known = parts[dim] if dim != "tier" else sorted({a["tier"] for a in accounts if a["tier"]})
            level["weights"] = {p: draw(st.integers(1, 9)) for p in known}
        levels.append(level)
    plan = {
        "salesplan": 1,
        "plan": {"name": "P", "period": {"start": "2026-07-01", "end": "2026-09-30"}},
        "team": {
            "regions": [{"id": r} for r in regions],
            "channels": [{"id": c} for c in channels],
            "accounts": [{k: v for k, v in a.items() if v is not None} for a in accounts],
        },
        "history": history,
        "targets": [{"id": "T", "value": draw(st.integers(0, 10**6)), "split": levels}],
    }
    return plan, accounts


def _check(node: SplitNode, coords: dict[str, str], accounts: dict[str, dict[str, Any]]) -> None:
    if node.level is not None and node.part is not None:
        coords = {**coords, node.level: node.part}
    account = accounts.get(coords.get("account", ""))
    if account is not None:
        assert coords.get("region", account["region"]) == account["region"]
        assert coords.get("tier", account["tier"]) == account["tier"]
    if not node.children:
        return
    assert sum(child.value for child in node.children) == node.value
    values = [child.value for child in node.children]
    method = node.children[0].basis.method
    if method == "even":
        assert max(values) - min(values) <= 1
    if method == "weights":
        weights = [child.basis.numerator for child in node.children]
        total = sum(w for w in weights if w is not None)
        for child, weight in zip(node.children, weights, strict=True):
            assert weight is not None
            assert abs(Fraction(child.value) - Fraction(node.value) * Fraction(weight) / Fraction(total)) < 1
    for child in node.children:
        _check(child, coords, accounts)


@settings(max_examples=150, deadline=None)
@given(plans())
def test_every_node_adds_up_and_accounts_nest(drawn: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    plan, accounts = drawn
    loaded = load_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded)
    if not outcome.splits:
        refused = {d.code for d in outcome.diagnostics}
        event(f"refused: {sorted(refused)}")
        assert refused <= EXPECTED_REFUSALS, [d.format() for d in outcome.diagnostics]
        return
    [split] = outcome.splits
    event(f"split by {'/'.join(split.levels)}")
    _check(split.root, {}, {a["id"]: a for a in accounts})
    assert split.root.value == plan["targets"][0]["value"]
