"""Many files: the forked worker pool gives the same result as one process; the progress callback."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplan.lint import LintConfig, discover, lint_files
from salesplan.lint.run import PARALLEL_FROM
from salesplan.report.progress import SHOW_FROM, progress_bar


def _plans(root: Path, reference_text: str, bad: str, n: int) -> None:
    for i in range(n):
        (root / f"p{i:03}.yaml").write_text(bad if i % 3 == 0 else reference_text, encoding="utf-8")
    (root / "not-a-plan.yaml").write_text("a: 1\n", encoding="utf-8")


def test_parallel_equals_serial(tmp_path: Path, reference_text: str, bad: str) -> None:
    _plans(tmp_path, reference_text, bad, PARALLEL_FROM + 6)
    candidates = discover([tmp_path])
    seen: list[int] = []
    parallel = lint_files(candidates, LintConfig(), progress=lambda done, total: seen.append(done))
    serial = lint_files(candidates, LintConfig(), jobs=1)
    assert [f.file for f in parallel.files] == [f.file for f in serial.files]
    assert parallel.diagnostics == serial.diagnostics
    assert len(parallel.files) == PARALLEL_FROM + 6
    assert seen == list(range(1, len(candidates) + 1))


def test_progress_bar_only_on_a_terminal_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    with progress_bar(SHOW_FROM + 1) as advance:
        assert advance is None  # stderr is not a terminal under pytest
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    with progress_bar(SHOW_FROM - 1) as advance:
        assert advance is None
    with progress_bar(SHOW_FROM + 1) as advance:
        assert advance is not None
        advance(1, SHOW_FROM + 1)


def test_workers_follow_the_usable_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    from salesplan.lint import run

    monkeypatch.setattr(run, "usable_cpus", lambda: 3)
    assert run._jobs(None, PARALLEL_FROM) == 3
    assert run._jobs(None, PARALLEL_FROM - 1) == 1  # a few files: no workers
    assert run._jobs(5, 1) == 5  # asked for explicitly
    monkeypatch.setattr(run, "usable_cpus", lambda: 64)
    assert run._jobs(None, 10_000) == 8
