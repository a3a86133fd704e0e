"""Dependency cycles are found iteratively: long chains and 1,000-task loops do not recurse."""

from __future__ import annotations

import time

from salesplan.lint.check import lint_file
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.rules.tasks.sp403_task_dependency_cycle import find_cycles

HEAD = "salesplan: 1\nplan:\n  name: Q3\n  period: {start: 2026-07-01, end: 2026-09-30}\ntasks:\n"


def _tasks(n: int, loop: bool) -> str:
    rows = []
    for i in range(n):
        dep = (i - 1) % n if loop or i else None
        deps = f", depends_on: [K{dep}]" if dep is not None else ""
        rows.append(f"  - {{id: K{i}, name: t, start: 2026-07-01, end: 2026-07-02{deps}}}\n")
    return HEAD + "".join(rows)


def test_a_thousand_task_cycle_is_reported_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "plan.yaml"
    file.write_text(_tasks(1000, loop=True), encoding="utf-8")
    started = time.perf_counter()
    result = lint_file(Candidate(str(file), "plan.yaml", True), LintConfig())
    assert time.perf_counter() - started < 10
    assert result is not None
    [cycle] = [d for d in result.diagnostics if d.code == "SP403"]
    assert cycle.message.startswith("task dependencies form a cycle: K0 → K999 → K998")
    assert cycle.message.endswith("K1 → K0")
    assert cycle.line == 6


def test_long_chain_without_cycle() -> None:
    graph = {f"K{i}": [f"K{i + 1}"] for i in range(100_000)}
    graph["K100000"] = []
    assert find_cycles(graph) == []


def test_every_loop_is_found() -> None:
    graph = {"A": ["B"], "B": ["A"], "C": ["C"], "D": ["A"]}
    assert sorted(map(tuple, find_cycles(graph))) == [("A", "B", "A"), ("C", "C")]
