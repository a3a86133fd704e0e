"""A `weights:` mapping's problems at once: a negative weight (SP044) no longer hides the parts given no
weight (SP043) of the same level; an unknown key is still said alone (it may be the missing part misspelled)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.loader import load_text
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan: {{name: Q3, period: {{start: 2026-07-01, end: 2026-09-30}}, unit: 万元}}
team:
  regions: [{{id: east-a, name: A区}}, {{id: east-b, name: B区}}, {{id: east-c, name: C区}}]
targets:
  - id: T
    metric: revenue
    value: 600
    split:
      - {{by: region, method: weights, weights: {{{regions}}}}}
      - {{by: month, method: weights, weights: {{{months}}}}}
"""
MONTHS = ["2026-07", "2026-08", "2026-09"]
REGIONS = ["east-a", "east-b", "east-c"]


def _found(regions: str, months: str) -> list[tuple[str, int, str, str]]:
    loaded = load_text(PLAN.format(regions=regions, months=months), "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded)
    assert not outcome.splits
    return [(d.code, d.source.line, d.message, d.message_zh or "") for d in outcome.diagnostics]


def test_a_negative_weight_and_a_missing_month_are_both_said() -> None:
    found = _found("east-a: 1, east-b: 1, east-c: 1", "2026-07: 3, 2026-08: -3")
    assert found == [
        (
            codes.MISSING_WEIGHT,
            11,
            "target 'T': no weight for 2026-09",
            "目标 'T'：缺少权重：2026-09",
        ),
        (
            codes.NEGATIVE_WEIGHT,
            11,
            "target 'T': weights of '2026-08' is negative (-3)",
            "目标 'T'：weights 中 '2026-08' 的值为负数（-3）",
        ),
    ]


def test_a_negative_region_and_a_missing_one_on_one_level() -> None:
    found = _found("east-a: -1, east-b: 2", "2026-07: 1, 2026-08: 1, 2026-09: 1")
    assert [(code, message) for code, _line, message, _zh in found] == [
        (codes.MISSING_WEIGHT, "target 'T': no weight for east-c"),
        (codes.NEGATIVE_WEIGHT, "target 'T': weights of 'east-a' is negative (-1)"),
    ]


def test_an_unknown_key_is_said_alone() -> None:
    found = _found("east-a: 1, east-b: 1, east-c: 1", "2026-07: 3, 2026-8x: 3")
    assert [code for code, *_rest in found] == [codes.UNKNOWN_PART]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["given", "negative", "missing"]), min_size=3, max_size=3))
def test_every_negative_month_is_one_sp044_and_the_missing_ones_one_sp043(kinds: list[str]) -> None:
    weights = {"given": "1", "negative": "-1"}
    written = ", ".join(
        f"{month}: {weights[kind]}" for month, kind in zip(MONTHS, kinds, strict=True) if kind in weights
    )
    negative = [month for month, kind in zip(MONTHS, kinds, strict=True) if kind == "negative"]
    missing = [month for month, kind in zip(MONTHS, kinds, strict=True) if kind == "missing"]
    loaded = load_text(PLAN.format(regions="east-a: 1, east-b: 1, east-c: 1", months=written or "2026-07: 1"), "p.yaml")
    if not written:
        missing = ["2026-08", "2026-09"]
    outcome = split_plan(loaded)
    said = [(d.code, d.message) for d in outcome.diagnostics]
    expected = [(codes.NEGATIVE_WEIGHT, f"target 'T': weights of '{month}' is negative (-1)") for month in negative]
    if missing:
        expected.append((codes.MISSING_WEIGHT, f"target 'T': no weight for {', '.join(missing)}"))
    if not negative and not missing:
        assert outcome.splits and not said
    else:
        assert sorted(said) == sorted(expected)
