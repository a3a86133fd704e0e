"""Every split problem is a located diagnostic (code, line, en + zh message) — never an exception."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from salesplan import codes
from salesplan.codes import CODES
from salesplan.loader import load_text
from salesplan.split.engine import split_plan

# (targets, code, a fragment of the line the diagnostic must point at, fragments of its message)
CASES = [
    ("- {id: T, value: 500, granularity: 3, split: [{by: region}]}", codes.NOT_WHOLE, "granularity: 3", ["500", "3"]),
    (
        "- id: T\n  value: 500\n  split:\n    - {by: region, method: explicit, values: {east-a: 300, east-b: 150}}",
        codes.SUM_MISMATCH,
        "values:",
        ["450", "500"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - by: region\n      method: weights\n      weights:\n        east-a: 1\n"
        "        east-c: 2",
        codes.UNKNOWN_PART,
        "east-c: 2",
        ["east-c", "did you mean"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: region, method: weights, weights: {east-a: 1}}",
        codes.MISSING_WEIGHT,
        "weights:",
        ["east-b"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - by: region\n      method: weights",
        codes.MISSING_WEIGHT,
        "method: weights",
        ["method: weights needs a `weights:` mapping"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - by: region\n      values: {east-a: 4}\n      rest: weights",
        codes.MISSING_WEIGHT,
        "rest: weights",
        ["rest: weights needs a `weights:` mapping"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - by: region\n      method: explicit\n      weights: {east-a: 1}",
        codes.MISSING_WEIGHT,
        "method: explicit",
        ["method: explicit needs a `values:` mapping"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - by: region\n      method: weights\n      weights:\n        east-a: -1\n"
        "        east-b: 2",
        codes.NEGATIVE_WEIGHT,
        "east-a: -1",
        ["east-a", "negative"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: region, method: weights, weights: {east-a: 0, east-b: 0}}",
        codes.ZERO_WEIGHTS,
        "weights:",
        ["zero"],
    ),
    ("- id: T\n  value: 10\n  split:\n    - {by: product, parts: []}", codes.EMPTY_LEVEL, "parts: []", ["no parts"]),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: region, method: capacity}",
        codes.METHOD_NOT_APPLICABLE,
        "method: capacity",
        ["capacity", "region"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: week, method: capacity}",
        codes.METHOD_NOT_APPLICABLE,
        "method: capacity",
        ["capacity", "week"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: month}\n    - {by: quarter}",
        codes.LEVEL_ORDER,
        "by: quarter",
        ["quarter", "month"],
    ),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: region}\n    - {by: region, method: even}",
        codes.LEVEL_ORDER,
        "by: region, method: even}",
        ["twice"],
    ),
    ("- id: T\n  value: 18%\n  split:\n    - {by: region}", codes.NOT_ADDITIVE, "by: region", ["rate"]),
    (
        "- id: T\n  value: 10\n  split:\n    - {by: rep, method: even, parts: [李磊]}",
        codes.UNKNOWN_PART,
        "parts: [李磊]",
        ["李磊", "rep level"],
    ),
]


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("targets", "code", "needle", "fragments"), CASES, ids=[c[1] + "-" + c[2] for c in CASES])
def test_located_diagnostic(
    make_plan: Callable[[str], str], targets: str, code: str, needle: str, fragments: list[str]
) -> None:
    text = make_plan(targets)
    loaded = load_text(text, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded)
    assert [d.code for d in outcome.diagnostics] == [code], [d.format() for d in outcome.diagnostics]
    (diag,) = outcome.diagnostics
    assert diag.line == _line(text, needle), diag.format()
    assert diag.name == CODES[code].name
    assert diag.message_zh and diag.message_zh != diag.message
    for fragment in fragments:
        assert fragment in diag.message
    assert diag.format().startswith(f"plan.yaml:{diag.line}:{diag.col}: {code} ")
    assert outcome.splits == []


def test_history_method_without_history(make_plan: Callable[[str], str]) -> None:
    text = make_plan("- {id: T, value: 10, split: [{by: region, method: history}]}")
    text = text.replace(text[text.index("history:\n") : text.index("targets:")], "")
    (diag,) = split_plan(load_text(text, "p.yaml")).diagnostics
    assert diag.code == codes.NO_HISTORY and diag.line == _line(text, "method: history")


def test_part_missing_from_history_is_a_warning(make_plan: Callable[[str], str]) -> None:
    text = make_plan("- {id: T, value: 10, split: [{by: region, method: history}]}")
    text = text.replace("    east-b: {device: 100, consumable: 66.7}\n", "")
    outcome = split_plan(load_text(text, "p.yaml"))
    (diag,) = outcome.diagnostics
    assert (diag.code, diag.severity) == (codes.HISTORY_MISSING_PART, "warning")
    assert [c.value for c in outcome.splits[0].root.children] == [10, 0]


def test_rep_level_in_a_region_without_reps(make_plan: Callable[[str], str]) -> None:
    text = make_plan("- {id: T, value: 10, split: [{by: region}, {by: rep}]}")
    text = text.replace("    - {id: east-b, name: B区}\n", "    - {id: east-b, name: B区}\n    - {id: east-c}\n")
    (diag,) = split_plan(load_text(text, "p.yaml")).diagnostics
    assert diag.code == codes.NO_REPS and "east-c" in diag.message


def test_unknown_target_id(make_plan: Callable[[str], str]) -> None:
    loaded = load_text(make_plan("- {id: T, value: 10}"), "p.yaml")
    outcome = split_plan(loaded, ["T", "T9"])
    assert [d.code for d in outcome.diagnostics] == [codes.UNKNOWN_TARGET]
    assert [s.target_id for s in outcome.splits] == ["T"]


def test_too_many_leaves_is_refused_before_building(make_plan: Callable[[str], str]) -> None:
    # 100 regions x 100 products x 1,000 weeks-worth: 100 x 100 regions/products x 2 reps each x 53 weeks
    regions = "".join(f"    - {{id: r{i}}}\n" for i in range(100))
    products = "".join(f"    - {{id: p{i}}}\n" for i in range(100))
    people = "".join(f"    - {{id: rep{i}, role: rep, region: r{i % 100}, capacity: 10}}\n" for i in range(2000))
    text = (
        "salesplan: 1\nplan: {name: big, period: {start: 2026-01-01, end: 2026-12-31}}\nteam:\n  regions:\n"
        + regions
        + "  products:\n"
        + products
        + "  people:\n"
        + people
        + "targets:\n  - {id: T, value: 1000000, split: [{by: region}, {by: product}, {by: rep}, {by: week}]}\n"
    )
    loaded = load_text(text, "big.yaml")
    assert loaded.ok
    started = time.perf_counter()
    outcome = split_plan(loaded)
    assert time.perf_counter() - started < 2
    (diag,) = outcome.diagnostics
    assert diag.code == codes.TOO_MANY_LEAVES
    assert "10,600,000" in diag.message  # 100 x 100 x 20 x 53


def test_max_leaves_counts_across_targets(make_plan: Callable[[str], str]) -> None:
    loaded = load_text(
        make_plan("- {id: A, value: 10, split: [{by: week}]}\n- {id: B, value: 10, split: [{by: week}]}")
    )
    outcome = split_plan(loaded, max_leaves=20)
    assert [s.target_id for s in outcome.splits] == ["A"]  # 14 weeks, then 14 more would pass 20
    assert [d.code for d in outcome.diagnostics] == [codes.TOO_MANY_LEAVES]


def test_a_bug_becomes_a_diagnostic(make_plan: Callable[[str], str], monkeypatch: pytest.MonkeyPatch) -> None:
    import salesplan.split.build as build

    def boom(*_: object) -> None:
        raise ZeroDivisionError("kaboom")

    monkeypatch.setattr(build, "compute_shares", boom)
    outcome = split_plan(load_text(make_plan("- {id: T, value: 10, split: [{by: region}]}")))
    (diag,) = outcome.diagnostics
    assert diag.code == codes.SPLIT_INTERNAL and "ZeroDivisionError: kaboom" in diag.message


def test_a_plan_that_did_not_load_gives_nothing() -> None:
    loaded = load_text("salesplan: 1\nplan: [\n", "bad.yaml")
    assert split_plan(loaded).splits == [] and split_plan(loaded).diagnostics == []


def test_codes_are_in_their_block_and_unique() -> None:
    split = sorted(code for code in CODES if codes.group(code) == "split")
    assert split == [f"SP0{n}" for n in range(40, 60)]
    names = [entry.name for entry in CODES.values()]
    assert len(set(names)) == len(names)
    assert all(name == name.lower() and " " not in name for name in names)
