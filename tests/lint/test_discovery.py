"""Which files are checked: folders walked, non-plan YAML skipped, hidden folders and --exclude left out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]


def _files(result: Result) -> set[str]:
    return {d["file"] for d in json.loads(result.stdout)["diagnostics"]}


def _tree(root: Path, bad: str) -> None:
    for rel in ("plans/q3.yaml", "plans/old/q2.yml", ".hidden/h.yaml", "drafts/d.yaml"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(bad, encoding="utf-8")
    (root / "plans/ci.yaml").write_text("name: ci\non: [push]\n", encoding="utf-8")
    (root / "plans/helm.yaml").write_text("x: {{ .Values.x }}\n", encoding="utf-8")
    (root / "plans/notes.txt").write_text(bad, encoding="utf-8")


def test_folder_walk_skips_non_plans_and_hidden_folders(run: Run, tmp_path: Path, bad: str) -> None:
    _tree(tmp_path, bad)
    result = run("lint", "--format", "json")
    assert _files(result) == {"plans/q3.yaml", "plans/old/q2.yml", "drafts/d.yaml"}
    assert json.loads(result.stdout)["summary"]["files"] == 3


def test_exclude_glob(run: Run, tmp_path: Path, bad: str) -> None:
    _tree(tmp_path, bad)
    assert _files(run("lint", "--format", "json", "--exclude", "drafts", "--exclude", "old/*")) == {"plans/q3.yaml"}


def test_a_named_file_that_is_not_a_plan_is_reported(run: Run, tmp_path: Path, bad: str) -> None:
    _tree(tmp_path, bad)
    result = run("lint", "--format", "json", "plans/ci.yaml")
    assert result.exit_code == 1
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["SP010"]
    skipped = run("lint", "--format", "json", "--skip-non-plans", "plans/ci.yaml", "plans/helm.yaml")
    assert skipped.exit_code == 0
    assert json.loads(skipped.stdout)["summary"]["files"] == 0


def test_a_broken_plan_in_a_folder_is_reported(run: Run, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("salesplan: 1\nplan: {name: [\n", encoding="utf-8")
    assert _files(run("lint", "--format", "json")) == {"p.yaml"}
