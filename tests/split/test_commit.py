"""Bottom-up commitments beside the allocation (hand-computed on the reference plan, and a property)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from repo_files import REFERENCE
from salesplan.loader import load_text
from salesplan.split.commit import Commitment, allocations, commitments
from salesplan.split.engine import split_plan

ANCHOR = "    split:                            # levels"


def _reference(commit: str) -> str:
    text: str = REFERENCE.read_text(encoding="utf-8")
    assert ANCHOR in text
    return text.replace(ANCHOR, f"    commit: {commit}\n{ANCHOR}", 1)


def test_reference_commitments_hand_computed() -> None:
    loaded = load_text(_reference("{east-a: 280, 李雷: 90}"), "plan.yaml")
    assert loaded.plan is not None
    target = loaded.plan.targets[0]
    assert target.commit == {"east-a": Decimal(280), "李雷": Decimal(90)}
    split = split_plan(loaded, ["T1"]).splits[0]
    found, unknown = commitments(split, {**target.commit, "nobody": Decimal(5)})
    assert unknown == ["nobody"]
    east_a, li_lei = found
    # east-a is allocated 300 (explicit): 280 - 300 = -20, -6.7% of 300
    assert east_a == Commitment("east-a", Decimal(300), Decimal(280))
    assert east_a.gap == Decimal(-20)
    assert f"{east_a.gap_percent():.1f}" == "-6.7"
    # 李雷 is under device (96) and consumable (64) of east-a: 160 allocated, 90 - 160 = -70
    assert li_lei.allocation == Decimal(160) and li_lei.gap == Decimal(-70)


def test_commit_in_wan_is_read_in_the_target_unit() -> None:
    plan = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}, unit: 元}
team:
  regions: [{id: east-a}, {id: east-b}]
targets:
  - id: T1
    value: 500万
    split: [{by: region, method: explicit, values: {east-a: 300万, east-b: 200万}}]
    commit: {east-a: 2.8万, east-b: 2100000}
"""
    loaded = load_text(plan, "plan.yaml")
    assert loaded.plan is not None
    assert loaded.plan.targets[0].commit == {"east-a": Decimal(28000), "east-b": Decimal(2100000)}


def test_no_allocation_has_no_percent() -> None:
    assert Commitment("x", Decimal(0), Decimal(5)).gap_percent() is None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=2, max_size=4))
def test_each_level_allocates_the_whole_target(weights: list[int]) -> None:
    """The allocations of one level's parts add up to the target, whatever the weights."""
    regions = [f"r{i}" for i in range(len(weights))]
    if not any(weights):
        weights = [1] * len(weights)
    plan = (
        "salesplan: 1\nplan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}}\nteam:\n  regions: ["
        + ", ".join(f"{{id: {r}}}" for r in regions)
        + "]\ntargets:\n  - id: T1\n    value: 997\n    split:\n      - {by: region, method: weights, weights: {"
        + ", ".join(f"{r}: {w}" for r, w in zip(regions, weights, strict=True))
        + "}}\n      - {by: month, method: even}\n"
    )
    outcome = split_plan(load_text(plan, "plan.yaml"))
    allocated = allocations(outcome.splits[0])
    assert sum((allocated.get(r, Decimal(0)) for r in regions), Decimal(0)) == 997
    assert sum((allocated[m] for m in ("2026-07", "2026-08", "2026-09")), Decimal(0)) == 997


def test_split_output_carries_commitments_only_with_commit() -> None:
    import json

    import yaml

    from salesplan.split.render import document, render_json, render_yaml
    from salesplan.split.table import render_table

    plain_split = split_plan(load_text(REFERENCE.read_text(encoding="utf-8"), "plan.yaml"), ["T1"]).splits[0]
    assert plain_split.commit == {}
    assert "commitments" not in json.loads(render_json([plain_split]))["targets"][0]
    committed = split_plan(load_text(_reference("{east-a: 280, 李雷: 90}"), "plan.yaml"), ["T1"]).splits[0]
    expected = [
        {"part": "east-a", "allocation": "300", "commitment": "280", "gap": "-20"},
        {"part": "李雷", "allocation": "160", "commitment": "90", "gap": "-70"},
    ]
    for depth in (None, 1):
        doc = document([committed], depth=depth)
        assert doc["targets"][0]["commitments"] == expected
        assert json.loads(render_json([committed], depth=depth)) == doc
        assert yaml.safe_load(render_yaml([committed], depth=depth)) == doc
    table = render_table([committed], "en", depth=1)
    assert "T1 · Commitments" in table and "Gap (万元)" in table
    assert [[cell.strip() for cell in line.split("│")[1:5]] for line in table.splitlines() if "李雷" in line] == [
        ["李雷", "160", "90", "-70"]
    ]
    assert "Commitments" not in render_table([plain_split], "en", depth=1)


def test_a_committed_part_the_split_lacks_fails_the_target_at_its_key() -> None:
    """Every unknown committed part is SP042 at its key, all at once, with the id meant (a name written
    for an id, or a near miss); the target is then not split, so nothing is written."""
    text = _reference("{east-a: 280, east-c: 10, A区: 5, 李雷: 90, nobody: 5}")
    outcome = split_plan(load_text(text, "plan.yaml"), ["T1"])
    assert outcome.splits == []
    line = text.splitlines().index("    commit: {east-a: 280, east-c: 10, A区: 5, 李雷: 90, nobody: 5}") + 1
    found = [(d.code, d.source.line, d.source.col, d.severity.value) for d in outcome.diagnostics]
    assert found == [("SP042", line, 27, "error"), ("SP042", line, 39, "error"), ("SP042", line, 54, "error")]
    messages = [d.message for d in outcome.diagnostics]
    assert messages == [
        "target 'T1': 'east-c' in commit: is not a part of the breakdown; did you mean 'east-b'?",
        "target 'T1': 'A区' in commit: is not a part of the breakdown; did you mean 'east-a'?",
        "target 'T1': 'nobody' in commit: is not a part of the breakdown",
    ]
    assert outcome.diagnostics[1].message_zh == (
        "目标 'T1'：承诺（commit:）中的 'A区' 不是拆解中的拆解项；是否应为 'east-a'？"
    )


def test_split_refuses_an_unknown_committed_part_and_writes_nothing(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from salesplan.cli.app import app

    plan = tmp_path / "plan.yaml"
    plan.write_text(_reference("{east-a: 280, east-c: 10}"), encoding="utf-8")
    out = tmp_path / "out.json"
    for fmt in ("table", "json", "csv", "yaml"):
        result = CliRunner().invoke(app, ["split", str(plan), "-f", fmt, "-o", str(out), "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert "SP042 target 'T1': 'east-c' in commit: is not a part of the breakdown" in result.stderr
        assert not out.exists()


def test_a_time_key_written_as_split_keys_are_is_answered_with_the_part_id() -> None:
    plan = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}}
team:
  regions: [{id: east-a, name: A区}, {id: east-b}]
targets:
  - id: T
    value: 300
    commit: {7月: 100, Q3: 5, 2026-08: 90}
    split: [{by: region, method: even}, {by: month, method: even}]
"""
    outcome = split_plan(load_text(plan, "plan.yaml"))
    assert [(d.code, d.source.col, d.message) for d in outcome.diagnostics] == [
        ("SP042", 14, "target 'T': '7月' in commit: is not a part of the breakdown; did you mean '2026-07'?"),
        ("SP042", 23, "target 'T': 'Q3' in commit: is not a part of the breakdown"),  # no quarter level
    ]


def test_a_negative_commitment_is_refused_at_its_value() -> None:
    loaded = load_text(_reference("{east-a: -5, 李雷: 90}"), "plan.yaml")
    assert loaded.plan is None
    [found] = [(d.code, d.message) for d in loaded.diagnostics]
    assert found == ("SP033", "targets[0].commit.east-a: must not be negative (got '-5')")
