"""The split engine's findings under their own codes: `rules`, `--select`, `--ignore`, config and suppressions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from salesplan import codes

Run = Callable[..., Result]

# SP051 (T1: reps cannot carry 500) and SP054 (2027 is not in the holiday calendar) on one plan
PLAN = """\
salesplan: 1
plan:
  name: FY
  period: {start: 2027-07-01, end: 2027-09-30}
team:
  regions: [{id: east-a}]
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 100}
targets:
  - id: T1
    value: 500
    split:
      - {by: rep, method: capacity}
  - {id: T2, value: 500, split: [{by: month, method: workdays}]}
  - {id: T3, value: 500, split: [{by: month, method: workdays}]}
"""


def _codes(run: Run, *args: str) -> list[str]:
    result = run("lint", "plan.yaml", "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    found = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    return [c for c in found if c.startswith(("SP04", "SP05", "SP203", "SP900"))]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.usefixtures("plan")
def test_engine_codes_are_selected_and_ignored_like_rules(run: Run) -> None:
    assert sorted(_codes(run)) == ["SP051", "SP054"]  # one SP054 for two targets split by workdays
    assert _codes(run, "--ignore", "SP054") == ["SP051"]
    assert _codes(run, "--select", "SP051") == ["SP051"]
    assert _codes(run, "--select", "split-calendar-fallback") == ["SP054"]
    assert _codes(run, "--ignore", "SP04,SP05") == []


def test_config_ignore_and_severity_apply_to_engine_codes(run: Run, plan: Path) -> None:
    (plan.parent / "pyproject.toml").write_text(
        '[tool.salesplan]\nignore = ["SP054"]\n[tool.salesplan.severity]\nSP051 = "notice"\n', encoding="utf-8"
    )
    result = run("lint", "plan.yaml", "-f", "json")
    found = [
        (d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"] if d["code"].startswith("SP0")
    ]
    assert found == [("SP051", "notice")]


def test_inline_suppression_of_an_engine_code_is_used(run: Run, plan: Path) -> None:
    text = PLAN.replace(
        "period: {start: 2027-07-01, end: 2027-09-30}",
        "period: {start: 2027-07-01, end: 2027-09-30}  # salesplan: ignore[SP054]",
    )
    plan.write_text(text, encoding="utf-8")
    assert _codes(run) == ["SP051"]  # suppressed, and no SP900: the suppression was used


@pytest.mark.parametrize("code", [c for c in codes.CODES if codes.group(c) != "loader"])
def test_rules_documents_every_engine_code(run: Run, code: str) -> None:
    result = run("rules", code, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{code} {codes.CODES[code].name} ")
    assert "Failing example::" in result.stdout and "Passing example::" in result.stdout
    listed = run("rules").stdout + run("rules", "-f", "md").stdout
    assert listed.count(code) == 2
