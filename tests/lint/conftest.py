"""Helpers of the lint tests: a plan folder in tmp_path and the CLI run inside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app

REFERENCE = REPO_REFERENCE
BAD = (
    "salesplan: 1\nplan:\n  name: Q3\n  period: {start: 2026-07-01, end: 2026-09-30}\n"
    "targets:\n  - {id: T1, value: 500}\n"
)


@pytest.fixture
def bad() -> str:
    """A plan that loads but breaks rules (no metric, scope, deadline, strategy...)."""
    return BAD


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`run("lint", "--format", "json")` in tmp_path, with stdout and stderr apart."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)

    return invoke
