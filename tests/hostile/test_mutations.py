"""Mutated valid plans (the examples and the reference plan) through every stage, in process.

hypothesis damages a valid plan the way people do — a key deleted, a value of the wrong type, a
reference to an id that does not exist, a number made negative, huge, zero or very precise, a
list item duplicated — either in the parsed tree (then re-dumped as YAML) or in the text itself.
Whatever comes out goes through the loader, every lint rule, the split engine and both export
renderers, and must hold:
- no exception escapes any stage, and no lint rule fails (SP901 is a rule that raised);
- every diagnostic points into the file: line >= 1, col >= 1, and no further than the text;
- when a split succeeds, every node is exactly the sum of its parts and the root is the target;
- a reference changed to an unknown id, or an id duplicated, is never silently accepted.
The budget is fixed and the examples derandomized, so CI runs the same cases in bounded time.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.export.markdown import render_markdown
from salesplan.export.tables import build_document
from salesplan.export.xlsx import render_xlsx
from salesplan.lint.check import check_loaded
from salesplan.lint.config import LintConfig
from salesplan.loader import LoadedPlan, load_text
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode

REPO = Path(__file__).resolve().parents[2]
SOURCES = [REPO_REFERENCE, *sorted((REPO / "examples").glob("*.yaml"))]
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in SOURCES}
TREES = {name: yaml.safe_load(text) for name, text in TEXTS.items()}
NAMES = sorted(TEXTS)
TABLES = ["breakdown", "execution", "risks", "timeline"]
UNKNOWN_ID = "ghost-9"
RULE_FAILED = "SP901"

CI = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Path_ = tuple[str | int, ...]


# --- the tree ---------------------------------------------------------------------------------------


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def get(tree: Any, path: Path_) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def put(tree: Any, path: Path_, value: Any) -> None:
    get(tree, path[:-1])[path[-1]] = value


def defined_ids(tree: Any) -> set[str]:
    return {str(v["id"]) for _, v in walk(tree) if isinstance(v, dict) and isinstance(v.get("id"), str)}


def reference_sites(tree: Any) -> list[tuple[Path_, bool]]:
    """Where the plan refers to an id: (path, is_a_mapping_key); the `id:` definitions excluded."""
    ids = defined_ids(tree)
    sites: list[tuple[Path_, bool]] = []
    for path, node in walk(tree):
        if isinstance(node, str) and node in ids and path and path[-1] != "id":
            sites.append((path, False))
        if isinstance(node, dict):
            sites += [((*path, key), True) for key in node if isinstance(key, str) and key in ids]
    return sites


def dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10_000)


WRONG_TYPES: list[Any] = [
    "not a number",
    "",
    7,
    -3,
    2.5,
    True,
    None,
    [],
    ["a", 1],
    {},
    {"nested": {"deeper": 1}},
    dt.date(2026, 2, 28),
    "2026-13-45",
]
NUMBERS: list[Any] = [
    0,
    -1,
    -500,
    10**17,
    10**18,
    10**25,
    0.000001,
    1.5e-300,
    "0.1234567890123456789012345",
    "99999999999999999.9",
]


@dataclass
class Mutant:
    source: str
    how: str
    text: str
    expect_finding: bool = False  # an unknown reference or a duplicated id: must never pass silently


@st.composite
def tree_mutants(draw: st.DrawFn) -> Mutant:
    name = draw(st.sampled_from(NAMES))
    tree = copy.deepcopy(TREES[name])
    nodes = list(walk(tree))
    kind = draw(st.sampled_from(["delete-key", "wrong-type", "unknown-reference", "number", "duplicate-item"]))
    expect = False
    if kind == "delete-key":
        path = draw(st.sampled_from([p for p, _ in nodes if p and isinstance(get(tree, p[:-1]), dict)]))
        del get(tree, path[:-1])[path[-1]]
    elif kind == "wrong-type":
        path = draw(st.sampled_from([p for p, _ in nodes if p]))
        put(tree, path, draw(st.sampled_from(WRONG_TYPES)))
    elif kind == "unknown-reference":
        path, is_key = draw(st.sampled_from(reference_sites(tree)))
        parent = get(tree, path[:-1])
        if is_key:
            parent[UNKNOWN_ID] = parent.pop(path[-1])
        else:
            parent[path[-1]] = UNKNOWN_ID
        expect = True
    elif kind == "number":
        numbers = [p for p, v in nodes if isinstance(v, int | float) and not isinstance(v, bool) and p]
        path = draw(st.sampled_from(numbers))
        put(tree, path, draw(st.sampled_from(NUMBERS)))
    else:
        path = draw(st.sampled_from([p for p, v in nodes if isinstance(v, list) and v]))
        items = get(tree, path)
        item = draw(st.sampled_from(items))
        items.insert(draw(st.integers(0, len(items))), copy.deepcopy(item))
        expect = isinstance(item, dict) and "id" in item
    return Mutant(name, f"{kind} at {path}", dump(tree), expect)


_NUMBER = re.compile(r"(?<![\w.:-])\d+(?:\.\d+)?(?![\w.:-])")
TEXT_NUMBERS = ["-5", "0", "0.0", "1" + "0" * 25, "3.14159265358979323846264338327950288", "1e400", "0x1F", "1_000"]
NOISE = ["\t", '"', "'", "[", "]", "{", "}", ":", "- ", "&a ", "*a", "!!binary ", "%", "\u200b", "\x1b[31m", "#"]


def mutate_text(draw: st.DrawFn, text: str, ids: set[str]) -> tuple[str, str]:
    """One damage to the text: (what was done, the new text)."""
    lines = text.splitlines(keepends=True) or [""]
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    kinds = ["delete-line", "duplicate-line", "noise"]
    numbered = [i for i, text in enumerate(lines) if _NUMBER.search(text.split("#")[0])]
    by_length = sorted(ids, key=len, reverse=True)
    used = [(i, ident) for i, text in enumerate(lines) for ident in by_length if _word(ident).search(text)]
    kinds += ["number"] * bool(numbered) + ["unknown-id"] * bool(used)
    kind = draw(st.sampled_from(kinds))
    if kind == "delete-line":
        lines[index] = ""
    elif kind == "duplicate-line":
        lines.insert(index, line)
    elif kind == "number":
        index = draw(st.sampled_from(numbered))
        match = draw(st.sampled_from(list(_NUMBER.finditer(lines[index].split("#")[0]))))
        new = draw(st.sampled_from(TEXT_NUMBERS))
        lines[index] = lines[index][: match.start()] + new + lines[index][match.end() :]
    elif kind == "unknown-id":
        index, ident = draw(st.sampled_from(used))
        lines[index] = _word(ident).sub(UNKNOWN_ID, lines[index], count=1)
    else:
        col = draw(st.integers(0, len(line)))
        lines[index] = line[:col] + draw(st.sampled_from(NOISE)) + line[col:]
    return f"{kind} at line {index + 1}", "".join(lines)


def _word(ident: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-]){re.escape(ident)}(?![\w.-])")


@st.composite
def text_mutants(draw: st.DrawFn, rounds: tuple[int, int] = (1, 1)) -> Mutant:
    name = draw(st.sampled_from(NAMES))
    text, done = TEXTS[name], []
    for _ in range(draw(st.integers(*rounds))):
        how, text = mutate_text(draw, text, defined_ids(TREES[name]))
        done.append(how)
    return Mutant(name, "; ".join(done), text)


# --- the checks ---------------------------------------------------------------------------------------


def assert_located(diagnostics: list[Diagnostic], text: str, file: str) -> None:
    last_line = text.count("\n") + 1
    for diag in diagnostics:
        assert diag.file == file, diag
        assert 1 <= diag.line <= last_line, diag.format()
        assert diag.col >= 1, diag.format()
        assert diag.format().startswith(f"{file}:{diag.line}:{diag.col}: {diag.code} ")
        assert "\x1b" not in diag.format() and "\n" not in diag.format()


def assert_exact(node: SplitNode) -> None:
    for _, part in node.walk():
        if part.children:
            assert sum((c.value for c in part.children), Decimal(0)) == part.value, (part.part, part.value)


def run_every_stage(mutant: Mutant) -> LoadedPlan:
    file = f"{mutant.source}~mutant.yaml"
    loaded = load_text(mutant.text, file)
    assert_located(loaded.diagnostics, mutant.text, file)
    linted = check_loaded(loaded, LintConfig())
    assert RULE_FAILED not in {d.code for d in linted.diagnostics}, [d.format() for d in linted.diagnostics]
    assert_located(linted.diagnostics, mutant.text, file)
    if mutant.expect_finding:
        assert linted.diagnostics, f"{mutant.how}: accepted without a finding"
    if loaded.plan is None:
        return loaded
    outcome = split_plan(loaded)
    assert_located(outcome.diagnostics, mutant.text, file)
    for split in outcome.splits:
        assert split.root.value == split.value
        assert_exact(split.root)
    if any(d.severity is Severity.ERROR for d in outcome.diagnostics):
        return loaded
    for lang in ("zh", "en"):
        doc = build_document(loaded.plan, TABLES, lang, outcome.splits)
        assert render_markdown(doc).startswith("#")
        assert render_xlsx(doc)[:2] == b"PK"
    return loaded


def test_the_unmutated_sources_pass_every_stage() -> None:
    for name in NAMES:
        loaded = run_every_stage(Mutant(name, "none", TEXTS[name]))
        assert loaded.ok, [d.format() for d in loaded.diagnostics]


@CI
@given(tree_mutants())
def test_tree_mutations(mutant: Mutant) -> None:
    run_every_stage(mutant)


@CI
@given(text_mutants())
def test_text_mutations(mutant: Mutant) -> None:
    run_every_stage(mutant)


@settings(CI, max_examples=40)
@given(text_mutants(rounds=(2, 6)))
def test_several_mutations_at_once(mutant: Mutant) -> None:
    run_every_stage(mutant)


def test_an_extreme_growth_ratio_is_a_finding_not_a_failed_rule() -> None:
    text = TEXTS["reference-plan.yaml"].replace("baseline: 416.7", "baseline: 0.0000000001", 1)
    run_every_stage(
        Mutant("reference-plan.yaml", "extreme growth", text.replace("value: 500", "value: 999999999999999999", 1))
    )


def test_amount_strings_beyond_the_bounds_are_refused_or_split_exactly() -> None:
    text = TEXTS["reference-plan.yaml"].replace("granularity: 1 ", 'granularity: "0.000000000000000000000000001万" ', 1)
    loaded = load_text(text, "p.yaml")
    if loaded.plan is None:
        return
    for split in split_plan(loaded, allow_over_capacity=True).splits:
        assert_exact(split.root)
