"""Fixtures of the review tests: the reference plan, a small plan each test can vary, and file writers."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.loader import LoadedPlan, load_plan, load_text
from salesplan.model.plan import Plan

HERE = Path(__file__).resolve().parent
REFERENCE = REPO_REFERENCE
ACTUALS = HERE / "fixtures" / "actuals.csv"

# a quarter of 92 days (2026-07-01 .. 2026-09-30): July 31 days, August 31, September 30
SMALL = """\
salesplan: 1
plan:
  name: 复盘测试计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: east-a, name: A区}
    - {id: east-b, name: B区}
  products:
    - {id: device, name: 医疗器械}
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 100}
    - {id: 韩梅, role: rep, region: east-b, capacity: 100}
targets:
"""


def small_plan(targets: str) -> LoadedPlan:
    text = SMALL + textwrap.indent(textwrap.dedent(targets).strip("\n"), "  ") + "\n"
    loaded = load_text(text, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return loaded


@pytest.fixture(scope="session")
def reference() -> LoadedPlan:
    loaded = load_plan(REFERENCE)
    assert loaded.ok
    return loaded


@pytest.fixture(scope="session")
def plan(reference: LoadedPlan) -> Plan:
    assert reference.plan is not None
    return reference.plan


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def small() -> Callable[[str], LoadedPlan]:
    """small(targets): the small plan with these targets (YAML list items)."""
    return small_plan
