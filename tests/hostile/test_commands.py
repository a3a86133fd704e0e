"""Every command on every hostile case: no traceback, documented exit code, a located diagnostic,
bounded time, and nothing written or overwritten on failure."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("hostile_corpus_cmd", Path(__file__).with_name("corpus.py"))
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["hostile_corpus_cmd"] = corpus
_spec.loader.exec_module(corpus)

SALESPLAN = [sys.executable, "-m", "salesplan"]
TIME_LIMIT = 30  # a hang guard, not a performance assertion: each case takes well under a few seconds
LOADER_FAILURES = [
    "tabs", "unclosed-quote", "unclosed-bracket", "duplicate-key", "billion-laughs", "deep-nesting", "nan", "inf",
    "400-digits", "no-such-date", "wrong-types", "unknown-keys", "empty", "nul-bytes", "gbk", "zero-width-id",
    "control-char-id", "twenty-mb",
]  # fmt: skip


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [*SALESPLAN, *args],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Case]:
    return {c.name: c for c in corpus.build(tmp_path_factory.mktemp("hostile-cmd"))}


def assert_clean_failure(proc: subprocess.CompletedProcess[str], case: corpus.Case, codes: set[int]) -> None:
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output[-2000:]
    assert proc.returncode in codes, (proc.returncode, output[-2000:])
    if case.code is not None:
        expected = f"{case.path}:{case.line}:{case.col}: {case.code}" if case.line else f": {case.code}"
        assert expected in output, output[-2000:]


@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_lint_refuses_with_location(name: str, cases: dict[str, corpus.Case]) -> None:
    case = cases[name]
    assert_clean_failure(run("lint", "--lang", "en", str(case.path)), case, {1, 2})


@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_split_refuses_with_location(name: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases[name]
    out = tmp_path / "split.json"
    assert_clean_failure(run("split", str(case.path), "--format", "json", "-o", str(out)), case, {2})
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["md", "xlsx"])
@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_export_refuses_and_writes_nothing(name: str, fmt: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases[name]
    out = tmp_path / f"plan.{fmt}"
    assert_clean_failure(run("export", str(case.path), "--format", fmt, "-o", str(out)), case, {2})
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temp file left behind either


@pytest.mark.parametrize("name", [*LOADER_FAILURES, "bom", "injection"])
def test_init_never_overwrites(name: str, cases: dict[str, corpus.Case]) -> None:
    case = cases[name]
    before = case.path.read_bytes()
    stamp = case.path.stat().st_mtime_ns
    proc = run("init", str(case.path), "--scenario", "sprint")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stdout + proc.stderr
    assert case.path.read_bytes() == before and case.path.stat().st_mtime_ns == stamp


def test_bom_plan_works_everywhere(cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    path = str(cases["bom"].path)
    assert run("lint", path).returncode == 0
    assert run("split", path).returncode == 0
    assert run("export", path, "--format", "md", "-o", str(tmp_path / "a.md")).returncode == 0


def test_huge_split_is_refused_not_exhausting_memory(cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases["huge-split"]
    proc = run("split", str(case.path), "--format", "json", "-o", str(tmp_path / "x.json"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert re.search(rf"{re.escape(str(case.path))}:\d+:\d+: SP\d+ ", proc.stderr), proc.stderr
    assert not (tmp_path / "x.json").exists()
    lint = run("lint", "--lang", "en", str(case.path))
    assert lint.returncode == 1 and "Traceback" not in lint.stdout + lint.stderr


def test_task_cycle_of_1000_is_reported(cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases["cycle-1000"]
    proc = run("lint", "--lang", "en", "--format", "json", str(case.path))
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "cycle" in proc.stdout.lower()
    for fmt in ("md", "xlsx"):
        out = tmp_path / f"c.{fmt}"
        exp = run("export", str(case.path), "--format", fmt, "-o", str(out))
        assert "Traceback" not in exp.stderr
        assert exp.returncode in (0, 2) and (exp.returncode == 0) == out.exists()
