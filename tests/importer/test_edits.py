"""An exported workbook edited as people do (in openpyxl, and once saved by LibreOffice so formulas carry
cached values) goes back into the plan with `salesplan import --into`: `git diff` shows exactly the edited
lines, comments and everything else stay byte for byte."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from import_books import BREAKDOWN, EXECUTION, RISKS, edited, exported, into
from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.export.run import export_plan
from salesplan.export.tables import TABLES
from salesplan.loader import load_plan
from salesplan.split.engine import split_plan

SOFFICE = shutil.which("soffice")


@pytest.mark.parametrize(
    ("edit", "diff"),
    [
        ([EXECUTION, "G3", 25], ["-    budget: 20", "+    budget: 25"]),
        ([EXECUTION, "G3", "２５"], ["-    budget: 20", "+    budget: 25"]),  # full-width digits, as text
        ([EXECUTION, "G3", "25万"], ["-    budget: 20", "+    budget: 25"]),  # 万 in a 万元 plan
        ([EXECUTION, "E3", "2026/8/5"], ["-    end: 2026-07-31", "+    end: 2026-08-05"]),
        ([EXECUTION, "E3", 46239], ["-    end: 2026-07-31", "+    end: 2026-08-05"]),  # an Excel serial day
        ([EXECUTION, "E3", "2026年8月5日"], ["-    end: 2026-07-31", "+    end: 2026-08-05"]),
        ([EXECUTION, "C4", "孙丽"], ["-    owner: 李雷", "+    owner: 孙丽"]),
        ([EXECUTION, "I3", "已完成"], ["+    status: done"]),
        ([BREAKDOWN, "E2", "深耕老客户"], ["-    path: 深耕老客户，新增 3 家代理商", "+    path: 深耕老客户"]),
        ([BREAKDOWN, "C48", "20%"], ["-    value: 18%", "+    value: 20%"]),
        ([BREAKDOWN, "C48", 0.2], ["-    value: 18%", "+    value: 20%"]),  # Excel's percent, stored as 0.2
        ([RISKS, "G3", "王芳"], ["-    owner: 孙丽", "+    owner: 王芳"]),
    ],
)
def test_one_edit_changes_exactly_its_line(tmp_path: Path, edit: list[Any], diff: list[str]) -> None:
    result, changed = into(tmp_path, [edit])
    assert result.exit_code == 0, result.output
    assert [line.split("#")[0].rstrip() for line in changed] == diff
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert text.count("#") == REFERENCE.read_text(encoding="utf-8").count("#")  # every comment survives


def test_a_risk_probability_keeps_its_comment(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[RISKS, "C2", "高"]])  # R1, highest score first
    assert result.exit_code == 0, result.output
    assert len(changed) == 2 and changed[0].startswith("-    probability: medium")
    assert changed[1].startswith("+    probability: high") and changed[1].endswith(
        "# high | medium | low, 高 | 中 | 低, or 1..5"
    )


def test_a_region_total_becomes_its_explicit_value_and_the_levels_below_keep_their_methods(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[BREAKDOWN, "C22", 190]])  # B区 200 -> 190, over its SUM
    assert result.exit_code == 0, result.output
    assert [line.split("#")[0].rstrip() for line in changed] == [
        "-    value: 500",
        "+    value: 490",
        "-      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}",
        "+      - {by: region, method: explicit, values: {east-a: 300, east-b: 190}}",
    ]
    split = split_plan(load_plan(tmp_path / "plan.yaml")).splits[0]
    assert [(n.part, n.value) for n in split.root.children] == [("east-a", Decimal(300)), ("east-b", Decimal(190))]


def test_a_rep_edit_holds_the_levels_above_it_at_their_new_values(tmp_path: Path) -> None:
    result, _changed = into(tmp_path, [[BREAKDOWN, "C43", 10]])  # T2: 李雷 9 -> 10
    assert result.exit_code == 0, result.output
    loaded = load_plan(tmp_path / "plan.yaml")
    split = next(s for s in split_plan(loaded).splits if s.target_id == "T2")
    assert split.root.value == 31
    assert {(n.part, n.value) for _d, n in split.root.walk() if n.level == "rep"} == {
        ("李雷", 10),
        ("韩梅", 9),
        ("周杰", 6),
        ("吴敏", 6),
    }


def test_the_cross_tab_is_read_like_the_breakdown(tmp_path: Path) -> None:
    from_crosstab = into(tmp_path / "a", [["T2 分解表", "C4", 10]])
    from_breakdown = into(tmp_path / "b", [[BREAKDOWN, "C43", 10]])
    assert from_crosstab[0].exit_code == 0 and from_crosstab[1] == from_breakdown[1]
    result, _ = into(tmp_path / "c", [["T2 分解表", "C4", 10], [BREAKDOWN, "C43", 11]])
    assert result.exit_code == 2 and "T2 分解表!C4: SP608" in result.output


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[EXECUTION, "G3", 25]], "--dry-run")
    assert result.exit_code == 0, result.output
    assert changed == []
    assert "-    budget: 20\n+    budget: 25\n" in result.stdout and result.stdout.startswith("--- a/plan.yaml\n")


def test_a_bad_cell_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[EXECUTION, "G3", "二十"], [BREAKDOWN, "F2", "王五"]], "--lang", "en")
    assert result.exit_code == 2
    assert changed == []
    assert "plan.xlsx:销售策略执行计划表!G3: SP605" in result.output
    assert "plan.xlsx:销售目标设定与拆解表!F2: SP606 '王五' is not a person of the plan's team" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-calc-nogui"
)
def test_a_workbook_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    """LibreOffice recalculates and stores every formula's value; totals stay formulas, values are read alike."""
    source = tmp_path / "edited.xlsx"
    source.write_bytes(edited(exported(REFERENCE), [[EXECUTION, "G3", 25], [BREAKDOWN, "C22", 190]]))
    out = tmp_path / "lo"
    assert SOFFICE is not None
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    saved = (out / "edited.xlsx").read_bytes()
    result, changed = into(tmp_path / "run", [], data=saved)
    assert result.exit_code == 0, result.output
    assert "SP608" not in result.output  # LibreOffice's save changes no derived cell
    assert [line.split("#")[0].rstrip() for line in changed] == [
        "-    value: 500",
        "+    value: 490",
        "-      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}",
        "+      - {by: region, method: explicit, values: {east-a: 300, east-b: 190}}",
        "-    budget: 20",
        "+    budget: 25",
    ]


def test_an_unchanged_workbook_changes_nothing(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [])
    assert result.exit_code == 0 and changed == []
    assert (tmp_path / "plan.yaml").read_bytes() == REFERENCE.read_bytes()


def test_a_strategy_text_gives_its_name_measures_and_budget(tmp_path: Path) -> None:
    text = "渠道深耕：新增 4 家代理商；代理商季度达标返利 5%（策略预算 ５０万元）"
    result, changed = into(tmp_path, [[EXECUTION, "B2", text]])
    assert result.exit_code == 0, result.output
    assert changed == [
        "-    budget: 45",
        "-    measures: [新增 3 家代理商, 代理商季度达标返利 5%]",
        "+    budget: 50",
        "+    measures: [新增 4 家代理商, 代理商季度达标返利 5%]",
    ]


def test_an_english_workbook_reads_its_own_words(tmp_path: Path) -> None:
    payload = export_plan(load_plan(REFERENCE), "xlsx", TABLES, "en").payload
    assert isinstance(payload, bytes)
    edits = [["Strategy execution plan", "I3", "done"], ["Risk assessment and response", "C2", "high"]]
    result, changed = into(tmp_path, edits, data=payload)
    assert result.exit_code == 0, result.output
    assert [line.split("#")[0].rstrip() for line in changed] == [
        "-    probability: medium",
        "+    probability: high",
        "+    status: done",
    ]


def test_a_plan_with_a_byte_order_mark_and_windows_line_ends_keeps_them(tmp_path: Path) -> None:
    (tmp_path / "orig").mkdir()
    raw = b"\xef\xbb\xbf" + REFERENCE.read_bytes().replace(b"\n", b"\r\n")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(raw)
    book = tmp_path / "plan.xlsx"
    book.write_bytes(edited(exported(REFERENCE), [[EXECUTION, "G3", 25]]))
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(plan)])
    assert result.exit_code == 0, result.output
    assert plan.read_bytes() == raw.replace(b"    budget: 20\r\n", b"    budget: 25\r\n", 1)
