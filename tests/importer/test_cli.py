"""`salesplan import`'s command surface: -o or --into, --force, --dry-run, -f json, --lang, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from import_books import edited, exported
from repo_files import REFERENCE
from salesplan.cli.app import app


def _book(tmp_path: Path) -> Path:
    book = tmp_path / "plan.xlsx"
    book.write_bytes(edited(exported(REFERENCE), [["销售策略执行计划表", "G3", 25]]))
    return book


def test_o_writes_a_new_plan_and_says_what_it_read(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = CliRunner().invoke(app, ["import", str(_book(tmp_path)), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "4 tasks read, 1 changed" in result.output and "3 targets read, 0 changed" in result.output
    assert f"wrote {out}" in result.output
    assert "    budget: 25\n" in out.read_text(encoding="utf-8")
    zh = CliRunner().invoke(app, ["import", str(_book(tmp_path)), "-o", str(out), "--force"])
    assert "读取 4 个任务，修改 1 处" in zh.output and f"已写入 {out}" in zh.output


def test_an_existing_output_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    out.write_text("keep\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(_book(tmp_path)), "-o", str(out)])
    assert result.exit_code == 2 and out.read_text(encoding="utf-8") == "keep\n"


def test_o_and_into_go_alone(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(REFERENCE, plan)
    book = _book(tmp_path)
    both = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "n.yaml"), "--into", str(plan)])
    neither = CliRunner().invoke(app, ["import", str(book)])
    dry = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "n.yaml"), "--dry-run"])
    assert both.exit_code == neither.exit_code == dry.exit_code == 2
    assert not (tmp_path / "n.yaml").exists() and plan.read_bytes() == REFERENCE.read_bytes()


def test_json_lists_what_was_read_and_the_findings(tmp_path: Path) -> None:
    book = tmp_path / "bad.xlsx"
    book.write_bytes(edited(exported(REFERENCE), [["销售策略执行计划表", "G3", "二十"]]))
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "n.yaml"), "-f", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["ok"] is False
    (finding,) = report["diagnostics"]
    assert finding["code"] == "SP605" and finding["where"].endswith("bad.xlsx:销售策略执行计划表!G3")
    assert finding["message_zh"] == "'二十' 不是以万元计的数字"


def test_o_dash_prints_the_plan(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["import", str(_book(tmp_path)), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# A complete plan in format 1.") and "    budget: 25\n" in result.stdout


def test_into_a_plan_that_lost_an_item_names_it(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = REFERENCE.read_text(encoding="utf-8")
    start = text.index("  - id: R3")
    plan.write_text(text[:start] + text[text.index("tasks:") :], encoding="utf-8")  # R3 deleted since the export
    result = CliRunner().invoke(app, ["import", str(_book(tmp_path)), "--into", str(plan), "--lang", "en"])
    assert result.exit_code == 2
    assert "SP604 risk R3 is not in the plan to update: export the workbook from it" in result.output


def test_a_missing_workbook_is_sp600(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["import", str(tmp_path / "none.xlsx"), "-o", str(tmp_path / "n.yaml")])
    assert result.exit_code == 2 and "SP600" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "n.yaml").exists()
