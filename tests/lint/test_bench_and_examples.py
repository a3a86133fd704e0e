"""The bundled examples lint clean; bench/bench_lint.py builds valid, distinct plans and times every tool."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from salesplan.lint import LintConfig, discover, lint_files

REPO = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    name = "salesplan_bench_lint"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "bench_lint.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_every_example_lints_without_any_finding() -> None:
    plans = sorted((REPO / "examples").glob("*.yaml"))  # reference/ has its known findings (tests/lint)
    result = lint_files(discover([*plans, REPO / "examples" / "rollup"]), LintConfig(), jobs=1)
    assert len(plans) == 10
    assert len(result.files) == 14  # with rollup/: a national plan and 3 regions
    assert [d.format("en") for d in result.diagnostics] == []
    assert all(score.passed == 5 for f in result.files for score in f.scores)


def test_bench_plans_are_clean_copies_with_their_own_ids(tmp_path: Path) -> None:
    files = _bench().make_plans(tmp_path, 23)
    assert len(files) == 23 and len({f.parent for f in files}) == 1
    result = lint_files(discover([tmp_path]), LintConfig(), jobs=1)
    assert len(result.files) == 23
    assert [d.format("en") for d in result.diagnostics] == []
    first, eleventh = files[0].read_text(encoding="utf-8"), files[10].read_text(encoding="utf-8")
    assert "id: T1-0\n" in first and "id: T1-10\n" in eleventh  # copy 10 is example 0 again, with other ids
    assert re.sub(r"-\d+\b", "", first) == re.sub(r"-\d+\b", "", eleventh)


@pytest.mark.skipif(shutil.which("yamllint", path=str(Path(sys.executable).parent)) is None, reason="bench extra")
def test_measure_times_every_tool_on_the_same_files() -> None:
    bench = _bench()
    result = bench.measure(files=12, runs=1)
    assert set(result) == {"salesplan", "yamllint", "check_jsonschema", "pyyaml"}
    assert all(seconds > 0 for seconds in result.values())
    table = bench.report(result, 12, 1)
    assert table.count("\n| ") == 5 and "check_jsonschema" in table


def test_bench_rollup_families_lint_clean_with_and_without_their_relations(tmp_path: Path) -> None:
    related = _bench().make_rollup(tmp_path / "related", 9)
    plain = _bench().make_rollup(tmp_path / "plain", 9, relations=False)
    assert len({f.parts[-3] if f.parent.name == "regions" else f.parts[-2] for f in related}) == 3  # the last: 1 file
    assert sum("implements:" in f.read_text(encoding="utf-8") for f in related) == 6
    assert not any("implements:" in f.read_text(encoding="utf-8") for f in plain)
    for root in (tmp_path / "related", tmp_path / "plain"):
        result = lint_files(discover([root]), LintConfig(), jobs=1)
        assert len(result.files) == 9
        assert [d.format("en") for d in result.diagnostics] == []
