"""Exit codes like ruff: 0 clean (warnings allowed), 1 findings at or above --fail-on, 2 usage or unreadable."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]


def test_reference_plan_lints_without_error(run: Run, tmp_path: Path, reference_text: str) -> None:
    (tmp_path / "plan.yaml").write_text(reference_text, encoding="utf-8")
    result = run("lint", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["diagnostics"]
    assert [d["code"] for d in found] == ["SP303"]  # R2 (high × moderate) has no trigger: a warning by design
    assert found[0]["severity"] == "warning"


def test_error_exits_1_and_exit_zero(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    assert run("lint").exit_code == 1
    assert run("lint", "--exit-zero").exit_code == 0


def test_fail_on_warning(run: Run, tmp_path: Path, reference_text: str) -> None:
    (tmp_path / "plan.yaml").write_text(reference_text, encoding="utf-8")
    assert run("lint", "--fail-on", "warning").exit_code == 1
    assert run("lint", "--fail-on", "error").exit_code == 0


def test_unreadable_file_exits_2_and_others_still_checked(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    result = run("lint", "--format", "json", "missing.yaml", "bad.yaml")
    assert result.exit_code == 2
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "SP001" in codes and "SP104" in codes


def test_broken_file_does_not_stop_the_others(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "a.yaml").write_text("salesplan: 1\nplan: [\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(bad, encoding="utf-8")
    data = json.loads(run("lint", "--format", "json").stdout)
    assert {d["file"] for d in data["diagnostics"]} == {"a.yaml", "b.yaml"}


def test_usage_error_exits_2(run: Run) -> None:
    assert run("lint", "--format", "xml").exit_code == 2
    assert run("lint", "--select", "SP777").exit_code == 2
