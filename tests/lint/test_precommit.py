"""The real pre-commit: `try-repo` this source tree's hook on a plan repository, bad plan then good.

It builds a throw-away git repository from the current source files (uncommitted ones included),
so pre-commit installs exactly what is being tested. Needs git and a package index (pre-commit
installs the hook's environment with pip); it is never skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from repo_files import REFERENCE as REPO_REFERENCE

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO_REFERENCE
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
SOURCE = ("src", "templates", "pyproject.toml", "hatch_build.py", "README.md", ".pre-commit-hooks.yaml")
BAD = (
    "salesplan: 1\nplan:\n  name: Q3\n  period: {start: 2026-07-01, end: 2026-09-30}\n"
    "targets:\n  - {id: T1, value: 5}\n"
)


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _repo(path: Path, files: dict[str, str] | None = None) -> Path:
    path.mkdir()
    _git(path, "init", "-q")
    for name, text in (files or {}).items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = _repo(tmp_path_factory.mktemp("hook") / "salesplan")
    for name in SOURCE:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            shutil.copy2(src, repo / name)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo


def _try_repo(hook_repo: Path, plans: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(hook_repo), "salesplan-lint", "--all-files", "--color", "never"],
        cwd=plans,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def test_pre_commit_hook_fails_on_bad_plan_and_passes_on_good(hook_repo: Path, tmp_path: Path) -> None:
    # never skipped: pre-commit is in the test extra and git is required; a missing one fails here
    assert PRE_COMMIT.exists(), f"{PRE_COMMIT} missing: pip install -e '.[test]'"
    assert shutil.which("git"), "git is required"
    home = tmp_path / "pre-commit-home"
    workflow = "name: ci\non: [push]\njobs: {}\n"  # YAML that is not a plan: skipped, not reported
    plans = _repo(tmp_path / "plans", {"plan.yaml": BAD, "ci.yml": workflow})
    _git(plans, "add", "-A")
    bad = _try_repo(hook_repo, plans, home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "plan.yaml:6:5: SP101" in bad.stdout
    assert "ci.yml" not in bad.stdout.replace("ci.yml\n", "")

    (plans / "plan.yaml").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    _git(plans, "add", "-A")
    good = _try_repo(hook_repo, plans, home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
