"""`salesplan rules` and `salesplan risks`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from salesplan.rules import RULES

Run = Callable[..., Result]


def test_rules_lists_every_rule(run: Run) -> None:
    out = run("rules").stdout.splitlines()
    assert len(out) == len(RULES)
    assert out[0].split()[:3] == ["SP001", "file-unreadable", "error"]
    data = json.loads(run("rules", "-f", "json").stdout)
    assert {r["code"] for r in data} == set(RULES)


def test_rules_prints_documentation_by_code_or_name(run: Run) -> None:
    for key in ("SP105", "target-not-time-bound", "sp105"):
        out = run("rules", key, "--lang", "en").stdout
        assert out.startswith("SP105 target-not-time-bound (error, smart)")
        assert "Failing example::" in out and "Passing example::" in out
    assert run("rules", "SP999").exit_code == 2


def test_risks_register(run: Run, tmp_path: Path, reference_text: str) -> None:
    (tmp_path / "plan.yaml").write_text(reference_text, encoding="utf-8")
    data = json.loads(run("risks", "plan.yaml", "--format", "json").stdout)["risks"]
    assert [(r["id"], r["score"], r["level"]) for r in data] == [
        ("R1", 15, "high"),
        ("R2", 15, "high"),
        ("R3", 4, "low"),
    ]
    table = run("risks", "plan.yaml").stdout
    assert "风险评估与应对表" in table and "严重 (5)" in table
    assert "Risk register" in run("risks", "plan.yaml", "--lang", "en").stdout
    assert json.loads(run("risks", "plan.yaml", "-f", "json").stdout)["risks"] == data  # -f as in every command


def test_risks_uses_configured_matrix(run: Run, tmp_path: Path, reference_text: str) -> None:
    (tmp_path / "plan.yaml").write_text(reference_text, encoding="utf-8")
    (tmp_path / "salesplan.toml").write_text("[risk]\nlevels = {low = 4, medium = 14, high = 20}\n", encoding="utf-8")
    data = json.loads(run("risks", "plan.yaml", "--format", "json").stdout)["risks"]
    assert data[0]["level"] == "critical" if data[0]["score"] > 20 else data[0]["level"] == "high"
    assert [r["level"] for r in data] == ["high", "high", "low"]


def test_risks_on_a_broken_plan_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("salesplan: 1\n", encoding="utf-8")
    assert run("risks", "plan.yaml").exit_code == 2


def test_rules_markdown_table_is_the_registry(run: Run) -> None:
    rows = run("rules", "-f", "md", "--lang", "en").stdout.splitlines()
    assert rows[:2] == ["| code | name | severity | summary |", "|---|---|---|---|"]
    assert len(rows) == 2 + len(RULES)
    for row, rule in zip(rows[2:], RULES.values(), strict=True):
        assert row.startswith(f"| {rule.code} | `{rule.name}` | {rule.severity.value} | ")
