"""What `salesplan import` refuses, and how it says so: a value the plan cannot take (a negative amount, an
end before its start, a required field emptied) at its cell, an edit the reps' capacity cannot carry in
the user's language with split's own way out (`--allow-over-capacity`), and a workbook from another tool."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from import_books import BREAKDOWN, EXECUTION, RISKS, blank, edited, exported, git_diff, into
from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.importer import cells
from salesplan.loader import load_plan
from salesplan.split.engine import split_plan

# a Latin word of three letters or more: an English phrase left inside a Chinese message
ENGLISH_WORD = re.compile(r"\b(?!SP\d)[A-Za-z]{3,}\b")


def _finding(output: str, where: str) -> str:
    """The diagnostic line at `where` (`plan.xlsx:Sheet!C7`) and its hint line, if any."""
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if where in line)
    hint = lines[at + 1] if at + 1 < len(lines) and lines[at + 1].startswith("    ") else ""
    return lines[at] + "\n" + hint


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        ([BREAKDOWN, "C22", -5], "plan.xlsx:销售目标设定与拆解表!C22"),  # a subtotal typed over
        ([BREAKDOWN, "C6", "-1"], "plan.xlsx:销售目标设定与拆解表!C6"),  # a leaf, as text
        ([EXECUTION, "G3", -5], "plan.xlsx:销售策略执行计划表!G3"),  # a task's budget
        (["T2 分解表", "C4", "－3"], "plan.xlsx:T2 分解表!C4"),  # the cross-tab, a full-width minus
    ],
)
def test_a_negative_amount_is_sp605_at_its_cell(tmp_path: Path, edit: list[Any], where: str) -> None:
    result, changed = into(tmp_path, [edit])
    assert result.exit_code == 2 and changed == []
    assert f"{where}: SP605 " in result.output and "为负数：该值不能小于 0" in result.output
    assert (tmp_path / "plan.yaml").read_bytes() == REFERENCE.read_bytes()


def test_a_negative_strategy_budget_does_not_read(tmp_path: Path) -> None:
    text = "渠道深耕：新增 3 家代理商；代理商季度达标返利 5%（策略预算 -45万元）"
    result, changed = into(tmp_path, [[EXECUTION, "B2", text]])
    assert result.exit_code == 2 and changed == []
    assert "plan.xlsx:销售策略执行计划表!B2: SP605" in result.output


def test_an_end_before_its_start_is_sp605_at_the_end(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[EXECUTION, "E3", "2026/6/1"]], "--lang", "en")
    assert result.exit_code == 2 and changed == []
    assert "plan.xlsx:销售策略执行计划表!E3: SP605 the end 2026-06-01 is before the start 2026-07-01" in result.output
    result, _changed = into(tmp_path / "zh", [[EXECUTION, "D4", "2026年8月20日"]])  # K2: ends 2026-08-15
    assert "plan.xlsx:销售策略执行计划表!E4: SP605 完成日期 2026-08-15 早于开始日期 2026-08-20" in result.output


@pytest.mark.parametrize(
    ("edit", "where", "field"),
    [
        ([EXECUTION, "B3", None], "plan.xlsx:销售策略执行计划表!B3", "name"),  # a task's name emptied
        ([RISKS, "B2", None], "plan.xlsx:风险评估与应对表!B2", "description"),  # a risk's description
    ],
)
def test_a_required_field_emptied_is_sp605_at_its_cell(tmp_path: Path, edit: list[Any], where: str, field: str) -> None:
    result, changed = into(tmp_path, [edit], "--lang", "en")
    assert result.exit_code == 2 and changed == []
    assert f"{where}: SP605 the plan does not accept this value: missing required field '{field}'" in result.output
    result, _changed = into(tmp_path / "zh", [edit])
    assert f"{where}: SP605 计划不接受该值：缺少必填字段 '{field}'" in result.output


def test_several_bad_cells_are_reported_at_once(tmp_path: Path) -> None:
    edits = [[EXECUTION, "G3", -5], [EXECUTION, "E4", "2026/7/1"], [BREAKDOWN, "C22", -1], [BREAKDOWN, "F2", "王五"]]
    result, changed = into(tmp_path, edits)
    assert result.exit_code == 2 and changed == []
    for where in ("销售策略执行计划表!G3: SP605", "销售策略执行计划表!E4: SP605", "销售目标设定与拆解表!C22: SP605"):
        assert f"plan.xlsx:{where}" in result.output
    assert "plan.xlsx:销售目标设定与拆解表!F2: SP606" in result.output


def test_an_edit_over_the_reps_capacity_says_so_in_chinese_at_the_edited_cell(tmp_path: Path) -> None:
    """The issue's example: A区 300 → 320 (its SUM typed over) asks the reps for more than their capacity."""
    result, changed = into(tmp_path, [[BREAKDOWN, "C3", 320]])
    assert result.exit_code == 2 and changed == []
    found = _finding(result.output, "plan.xlsx:销售目标设定与拆解表!C3: SP609 ")
    assert "修改后的拆解无法完成：目标 'T1'：销售代表 李雷, 韩梅, 周杰, 吴敏 需承担 520万元" in found
    assert "499.57万元" in found and "--allow-over-capacity" in found
    said = found.split(": SP609 ", 1)[1].replace("--allow-over-capacity", "")
    assert not ENGLISH_WORD.findall(said)  # no English left in the Chinese message
    result, _changed = into(tmp_path / "en", [[BREAKDOWN, "C3", 320]], "--lang", "en")
    found = _finding(result.output, "plan.xlsx:销售目标设定与拆解表!C3: SP609 ")
    assert (
        "the edited breakdown cannot be split: target 'T1': reps 李雷, 韩梅, 周杰, 吴敏 are asked for 520万元" in found
    )
    assert "hint: lower the target, add capacity, or use --allow-over-capacity" in found


def test_allow_over_capacity_takes_the_edit_as_split_does(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[BREAKDOWN, "C3", 320]], "--allow-over-capacity")
    assert result.exit_code == 0, result.output
    assert (
        "plan.xlsx:销售目标设定与拆解表!C3: SP609 [警告] 超出部分按产能比例由销售代表分摊：目标 'T1'" in result.output
    )
    assert [line.split("#")[0].rstrip() for line in changed] == [
        "-    value: 500",
        "+    value: 520",
        "-      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}",
        "+      - {by: region, method: explicit, values: {east-a: 320, east-b: 200}}",
    ]
    loaded = load_plan(tmp_path / "plan.yaml")
    assert any(d.code == "SP051" and d.severity == "error" for d in split_plan(loaded).diagnostics)
    outcome = split_plan(loaded, allow_over_capacity=True)
    t1 = next(s for s in outcome.splits if s.target_id == "T1")
    assert {c.part: c.value for c in t1.root.children} == {"east-a": 320, "east-b": 200}
    assert sum(n.value for _d, n in t1.root.walk() if not n.children) == 520  # every unit placed


def test_a_workbook_from_another_tool_is_named_so_with_into(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "客户"
    book.save(tmp_path / "other.xlsx")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(REFERENCE.read_bytes())
    result = CliRunner().invoke(app, ["import", str(tmp_path / "other.xlsx"), "--into", str(plan), "--lang", "en"])
    assert result.exit_code == 2
    assert "SP604 the workbook is neither one salesplan export wrote nor its blank template" in result.output
    assert plan.read_bytes() == REFERENCE.read_bytes()


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4))
def test_an_amount_reads_exactly_and_never_below_zero(value: Decimal) -> None:
    if value < 0:
        with pytest.raises(cells.Bad) as refused:
            cells.amount(str(value), "万元")
        assert refused.value.code == "SP605"
    else:
        assert cells.amount(str(value), "万元") == value
        assert cells.amount(f"{value}万", "万元") == value


def test_a_blank_template_refuses_a_negative_budget_and_an_end_before_its_start(tmp_path: Path) -> None:
    rows = [
        ["业绩 · 核心目标", "第三季度销售额", 500, None, None, "王芳", "2026/9/30"],
    ]
    tasks = [["渠道", "代理商签约", "王芳", "2026年7月31日", "2026/7/1", None, "-20", None, None, None]]
    edits = [
        [sheet, f"{chr(ord('A') + c)}3", value]
        for sheet, table in ((BREAKDOWN, rows), (EXECUTION, tasks))
        for c, value in enumerate(table[0])
        if value is not None
    ]
    book = tmp_path / "template.xlsx"
    book.write_bytes(edited(blank(), edits))
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "new.yaml"), "--lang", "en"])
    assert result.exit_code == 2 and not (tmp_path / "new.yaml").exists()
    assert "销售策略执行计划表!E3: SP605 the end 2026-07-01 is before the start 2026-07-31" in result.output
    assert "template.xlsx:销售策略执行计划表!G3: SP605 -20 is negative: this value cannot be below 0" in result.output


@pytest.mark.parametrize(
    ("shown", "line"),
    [("已发生", "+    status: fired"), ("监控中", "+    status: watching"), ("closed", "+    status: closed")],
)
def test_a_risk_status_is_read_from_its_column(tmp_path: Path, shown: str, line: str) -> None:
    result, changed = into(tmp_path, [[RISKS, "I2", shown]])  # R1, highest score first
    assert result.exit_code == 0, result.output
    assert changed == [line]
    assert "读取 3 个风险，修改 1 处" in result.output


def test_a_risk_status_not_a_known_word_is_sp606(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[RISKS, "I3", "搁置"]], "--lang", "en")
    assert result.exit_code == 2 and changed == []
    assert "plan.xlsx:风险评估与应对表!I3: SP606 '搁置' is not a known status (待应对, 监控中, 已发生, 已关闭)" in (
        result.output
    )


def test_a_risk_status_emptied_is_removed_and_kept_when_shown(tmp_path: Path) -> None:
    plan = tmp_path / "first"
    result, _changed = into(plan, [[RISKS, "I2", "已关闭"]])
    assert result.exit_code == 0, result.output
    again = tmp_path / "again"
    (again / "orig").mkdir(parents=True)
    for name in ("orig/plan.yaml", "plan.yaml"):
        (again / name).write_bytes((plan / "plan.yaml").read_bytes())
    book = again / "plan.xlsx"
    book.write_bytes(edited(exported(plan / "plan.yaml"), []))
    assert openpyxl.load_workbook(book)[RISKS]["I2"].value == "已关闭"  # export shows it
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(again / "plan.yaml")])
    assert result.exit_code == 0 and git_diff(again) == []
    book.write_bytes(edited(exported(plan / "plan.yaml"), [[RISKS, "I2", None]]))
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(again / "plan.yaml")])
    assert result.exit_code == 0 and git_diff(again) == ["-    status: closed"]


def test_a_workbook_exported_without_the_risk_status_column_keeps_the_status(tmp_path: Path) -> None:
    """An older export's risk sheet has no 状态 column: the plan's statuses stay as they are."""
    first = tmp_path / "first"
    result, _changed = into(first, [[RISKS, "I2", "已关闭"]])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(io.BytesIO(exported(first / "plan.yaml")))
    hidden = book["salesplan"]
    row = next(r for r in hidden.iter_rows() if [c.value for c in r[:3]] == ["sheet", RISKS, "risks"])
    assert row[-1].value == "status" or any(c.value == "status" for c in row)
    next(c for c in row if c.value == "status").value = None
    book[RISKS]["I2"] = None
    book[RISKS]["I1"] = None
    out = io.BytesIO()
    book.save(out)
    folder = tmp_path / "old"
    (folder / "orig").mkdir(parents=True)
    for name in ("orig/plan.yaml", "plan.yaml"):
        (folder / name).write_bytes((first / "plan.yaml").read_bytes())
    (folder / "plan.xlsx").write_bytes(edited(out.getvalue(), [[RISKS, "G3", "王芳"]]))
    result = CliRunner().invoke(app, ["import", str(folder / "plan.xlsx"), "--into", str(folder / "plan.yaml")])
    assert result.exit_code == 0 and "SP608" not in result.output, result.output
    assert [line.split("#")[0].rstrip() for line in git_diff(folder)] == ["-    owner: 孙丽", "+    owner: 王芳"]


def test_a_blank_template_reads_a_risk_status(tmp_path: Path) -> None:
    rows = [["业绩 · 核心目标", "第三季度销售额", 500, None, None, "王芳", "2026/9/30"]]
    risk = ["竞争", "竞品降价", "高", "严重", None, "限时折扣", "王芳", None, "已发生"]
    edits = [[BREAKDOWN, f"{chr(ord('A') + c)}3", v] for c, v in enumerate(rows[0]) if v is not None]
    edits += [[RISKS, f"{chr(ord('A') + c)}3", v] for c, v in enumerate(risk) if v is not None]
    book = tmp_path / "template.xlsx"
    book.write_bytes(edited(blank(), edits))
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "new.yaml")])
    assert result.exit_code == 0, result.output
    assert load_plan(tmp_path / "new.yaml").plan.risks[0].status == "fired"


def test_a_row_inserted_inside_a_table_is_said_once_not_as_its_shifted_cells(tmp_path: Path) -> None:
    """A task row inserted between two tasks moves the subtotal rows below: only SP607 is said, never the
    'total typed over' or 'formula in an input cell' those moved rows would otherwise give."""
    book = openpyxl.load_workbook(io.BytesIO(exported(REFERENCE)))
    book[EXECUTION].insert_rows(4)
    book[EXECUTION]["B4"] = "新任务"
    out = io.BytesIO()
    book.save(out)
    result, changed = into(tmp_path, [], data=out.getvalue())
    assert result.exit_code == 2 and changed == []
    codes = re.findall(r"!([A-Z]+\d+): (SP\d+)", result.output)
    assert codes and {code for _cell, code in codes} == {"SP607"}
    assert ("A10", "SP607") in codes  # the row below the table is no longer empty


def test_a_workbook_with_a_password_to_open_is_named_so(tmp_path: Path) -> None:
    """Excel and WPS write such a workbook as an OLE2 file holding the encrypted zip (`EncryptedPackage`):
    saving it as .xlsx again keeps the password, so the message says to remove it."""
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0")
    (tmp_path / "plan.xlsx").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504 + entry + b"\0" * 448)
    for lang, said in (("en", "is protected by a password (encrypted): remove the password"), ("zh", "设置了打开密码")):
        result = CliRunner().invoke(app, ["import", str(tmp_path / "plan.xlsx"), "-o", "-", "--lang", lang])
        assert result.exit_code == 2 and f"plan.xlsx:1:1: SP600 plan.xlsx {said}" in result.output
        assert "save as .xlsx" not in result.output and "另存为" not in result.output


def test_a_problem_the_plan_already_had_is_left_to_lint(tmp_path: Path) -> None:
    """A task that already ended before its start in the plan (lint's SP402) does not stop an import whose
    workbook changes something else; only a workbook that moves the dates is refused."""
    text = REFERENCE.read_text(encoding="utf-8").replace("    end: 2026-07-31\n", "    end: 2026-06-30\n", 1)
    (tmp_path / "orig").mkdir()
    for name in ("orig/plan.yaml", "plan.yaml", "source.yaml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    book = tmp_path / "plan.xlsx"
    book.write_bytes(edited(exported(tmp_path / "source.yaml"), [[EXECUTION, "G3", 25]]))
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 0, result.output
    assert git_diff(tmp_path) == ["-    budget: 20", "+    budget: 25"]
    book.write_bytes(edited(exported(tmp_path / "source.yaml"), [[EXECUTION, "D3", "2026/7/2"]]))
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    assert "销售策略执行计划表!E3: SP605 完成日期 2026-06-30 早于开始日期 2026-07-02" in result.output


def test_json_gives_the_hint_in_both_languages(tmp_path: Path) -> None:
    result, _changed = into(tmp_path, [[BREAKDOWN, "C3", 320]], "-f", "json")
    assert result.exit_code == 2
    (finding,) = json.loads(result.stdout)["diagnostics"]
    assert finding["code"] == "SP609" and finding["where"].endswith("plan.xlsx:销售目标设定与拆解表!C3")
    assert finding["hint"].startswith("lower the target, add capacity, or use --allow-over-capacity")
    assert finding["hint_zh"].startswith("降低目标、增加产能，或使用 --allow-over-capacity")


@pytest.mark.parametrize(
    ("edits", "lines"),
    [
        # two cells of one target: one target changed
        ([[BREAKDOWN, "C48", "20%"], [BREAKDOWN, "E48", "新路径"]], ["3 targets read, 1 changed"]),
        # B区 typed 200 -> 190: the split value and the target whose total it moves
        ([[BREAKDOWN, "C22", 190]], ["3 targets read, 1 changed", "44 split values read, 1 changed"]),
        ([[RISKS, "C2", "高"], [RISKS, "D2", "一般"]], ["3 risks read, 1 changed"]),
    ],
)
def test_the_summary_counts_each_changed_item_once(tmp_path: Path, edits: list[list[Any]], lines: list[str]) -> None:
    result, _changed = into(tmp_path, edits, "--lang", "en")
    assert result.exit_code == 0, result.output
    for line in lines:
        assert line in result.output.splitlines()


@pytest.mark.parametrize("typed", [320, "320", None])
def test_the_chart_block_under_a_cross_tab_is_derived_not_input(tmp_path: Path, typed: object) -> None:
    """T1 分解表's block under the table (T1 按区域拆分: A区 300, B区 200) feeds the pie chart: a number typed
    there would be lost, so it is SP608 at its cell."""
    result, changed = into(tmp_path, [["T1 分解表", "B19", typed]])
    assert result.exit_code == 2 and changed == []
    assert "plan.xlsx:T1 分解表!B19: SP608 图表的数据由拆解表得出：" in result.output
    assert "不是导出时的 300" in result.output and "请改为在拆解表中修改" in result.output


def test_the_chart_block_may_stay_as_exported_while_the_breakdown_changes(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[BREAKDOWN, "C22", 190]])  # B区 200 -> 190; the block still says 200
    assert result.exit_code == 0, result.output
    assert len(changed) == 4


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        # 李雷's subtotal under A区 · 医疗器械 typed 160 -> 170; under 耗材 he still holds 64
        ([BREAKDOWN, "C5", 170], "plan.xlsx:销售目标设定与拆解表!C5: SP609 “李雷”此处为 170，在另一上级下为 64："),
        # a month edited in the cross-tab: said at the cross-tab's cell, not the breakdown's
        (["T1 分解表", "C5", 35], "plan.xlsx:T1 分解表!C5: SP609 “2026-07”此处为 35，在另一上级下为 25："),
    ],
)
def test_a_part_held_twice_is_said_at_the_edited_cell_with_its_value(
    tmp_path: Path, edit: list[Any], said: str
) -> None:
    result, changed = into(tmp_path, [edit])
    assert result.exit_code == 2 and changed == []
    assert said in result.output


@pytest.mark.parametrize(("typed", "line"), [("¥25", "+    budget: 0.0025"), ("25元", "+    budget: 0.0025")])
def test_an_amount_in_yuan_is_converted_exactly_into_the_plans_unit(tmp_path: Path, typed: str, line: str) -> None:
    result, changed = into(tmp_path, [[EXECUTION, "G3", typed]])
    assert result.exit_code == 0, result.output
    assert changed == ["-    budget: 20", line]
