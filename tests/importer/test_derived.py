"""A number or word typed into a cell import does not read (拆解逻辑, a part's 责任人, 风险等级, a task's
策略模块, the heat map, the timeline) is said, a warning at its cell: it would otherwise be lost silently."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from import_books import BREAKDOWN, EXECUTION, RISKS, exported, into
from repo_files import REFERENCE
from salesplan.importer.derived import MAX_FINDINGS


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ([BREAKDOWN, "D3", "按产能"], "'按产能' 不会导入（salesplan 在此写的是 '指定；同比 +20.0%'）"),
        ([BREAKDOWN, "F5", "韩梅"], "'韩梅' 不会导入（salesplan 在此写的是 '李雷'）"),  # a part's 责任人
        ([BREAKDOWN, "G6", "2026/8/31"], "'2026/8/31' 不会导入（salesplan 在此写的是 '2026-07-31'）"),
        ([RISKS, "E2", "中（9）"], "'中（9）' 不会导入（salesplan 在此写的是 '高（15）'）"),
        ([EXECUTION, "A3", "客户"], "'客户' 不会导入（salesplan 在此写的是 '渠道'）"),  # a task's 策略模块
        (["风险热力图", "D2", "R3"], "'R3' 不会导入（salesplan 在此写的是 'R2'）"),
        (["时间计划（甘特图）", "D2", "2026/8/1"], "'2026/8/1' 不会导入（salesplan 在此写的是 '2026-07-01'）"),
    ],
)
def test_an_edited_derived_cell_is_a_warning_at_its_cell(tmp_path: Path, edit: list[Any], said: str) -> None:
    result, changed = into(tmp_path, [edit])
    assert result.exit_code == 0, result.output
    assert changed == []  # nothing the plan holds changed
    sheet, cell, _value = edit
    assert f"plan.xlsx:{sheet}!{cell}: SP608 [警告] 该单元格由计划得出，不会被读取：{said}" in result.output
    assert result.output.count("SP608") == 1


def test_the_warning_in_english_and_beside_a_real_edit(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[RISKS, "E3", "low"], [EXECUTION, "G3", 25]], "--lang", "en")
    assert result.exit_code == 0, result.output
    assert changed == ["-    budget: 20", "+    budget: 25"]
    assert (
        "plan.xlsx:风险评估与应对表!E3: SP608 [warning] a derived cell, not read: 'low' is not imported "
        "(salesplan writes '高（15）' here)"
    ) in result.output
    assert "hint: edit the cells the import reads (or the plan file)" in result.output


def test_an_unchanged_workbook_and_input_edits_give_no_warning(tmp_path: Path) -> None:
    edits = [[EXECUTION, "G3", 25], [BREAKDOWN, "C22", 190], [RISKS, "C2", "高"], [EXECUTION, "I3", "已完成"]]
    for folder, made in (("none", []), ("inputs", edits)):
        result, _changed = into(tmp_path / folder, made)
        assert result.exit_code == 0 and "SP608" not in result.output, result.output


def test_an_emptied_derived_cell_is_not_a_finding(tmp_path: Path) -> None:
    """A workbook exported by an older salesplan lacks a column shown now: an empty cell is never compared."""
    result, changed = into(tmp_path, [[BREAKDOWN, "D3", None], [RISKS, "E2", None]])
    assert result.exit_code == 0 and changed == [] and "SP608" not in result.output


def test_a_reshuffled_view_gives_a_bounded_number_of_warnings(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(exported(REFERENCE)))
    timeline = book["时间计划（甘特图）"]
    for row in timeline.iter_rows(min_row=2, max_row=5):
        for cell in row:
            cell.value = "x"
    for column in range(1, 30):
        for row_index in range(20, 30):
            timeline.cell(row_index, column, "y")
    out = io.BytesIO()
    book.save(out)
    result, changed = into(tmp_path, [], data=out.getvalue())
    assert result.exit_code == 0 and changed == []
    assert result.output.count(": SP608 ") == MAX_FINDINGS
