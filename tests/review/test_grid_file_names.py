"""A file's read problems name what it is read as: a commitments, progress or spend file is never called
actuals (SP060/SP061, in both languages); an actuals file's texts stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplan.i18n import Message
from salesplan.review.grid import ACTUALS, COMMITMENTS, PROGRESS, SPEND, read_grid

KINDS = [
    (ACTUALS, "无法读取实际数据", "cannot read actuals", "实际数据文件", "actuals file"),
    (COMMITMENTS, "无法读取承诺", "cannot read commitments", "承诺文件", "commitments file"),
    (PROGRESS, "无法读取任务进度", "cannot read task progress", "任务进度文件", "task progress file"),
    (SPEND, "无法读取费用", "cannot read spend", "费用文件", "spend file"),
]


def _problem(path: Path, what: Message) -> tuple[str, str, str]:
    grid, problems = read_grid(path, what=what)
    assert grid is None and len(problems) == 1
    found = problems[0]
    return found.code, found.message_zh or "", found.message


@pytest.mark.parametrize(("what", "zh", "en", "_file_zh", "_file_en"), KINDS)
def test_a_missing_file_is_named_by_what_it_is_read_as(
    tmp_path: Path, what: Message, zh: str, en: str, _file_zh: str, _file_en: str
) -> None:
    code, in_zh, in_en = _problem(tmp_path / "missing.csv", what)
    assert code == "SP060"
    assert in_zh.startswith(f"{zh}：") and in_en.startswith(f"{en}: ")
    assert (what is ACTUALS) == ("实际数据" in in_zh)


@pytest.mark.parametrize(("what", "_zh", "_en", "file_zh", "file_en"), KINDS)
def test_undecodable_text_is_named_by_what_it_is_read_as(
    tmp_path: Path, what: Message, _zh: str, _en: str, file_zh: str, file_en: str
) -> None:
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("target,value\n".encode("utf-16-le"))  # no byte-order mark
    code, in_zh, in_en = _problem(utf16, what)
    assert code == "SP060"
    assert in_zh == f"{file_zh}是不带字节序标记的 UTF-16 文本（请另存为 CSV UTF-8）"
    assert in_en == f"{file_en} is UTF-16 text without a byte-order mark (save it as CSV UTF-8)"
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"\x80\xff\x80\xff")
    _code, in_zh, in_en = _problem(latin, what)
    assert in_zh.startswith(f"{file_zh}既不是 UTF-8") and in_en.startswith(f"{file_en} is neither UTF-8")


def test_yaml_that_is_no_list_names_the_file_kind(tmp_path: Path) -> None:
    path = tmp_path / "commit.yaml"
    path.write_text("目标: 1\n", encoding="utf-8")
    code, in_zh, in_en = _problem(path, COMMITMENTS)
    assert code == "SP061"
    assert in_zh == "YAML 承诺应为映射列表，每行一个映射"
    assert in_en == "YAML commitments must be a list of mappings, one a row"  # `actuals:` is an actuals file's
    _code, in_zh, in_en = _problem(path, ACTUALS)
    assert in_en == "YAML actuals must be a list of mappings (or `actuals:` holding one)"


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("what", [ACTUALS, COMMITMENTS, PROGRESS, SPEND])
def test_a_blank_first_sheet_before_others_is_said_at_the_sheet(tmp_path: Path, what: Message) -> None:
    rows: list[list[object]] = [["目标", "区域", "承诺"], ["T1", "A区", 280]]
    book = _workbook(tmp_path / "book.xlsx", {"说明": [[None, " "]], "承诺": rows, "备用": []})
    grid, problems = read_grid(book, what=what)
    assert grid is None and len(problems) == 1
    found = problems[0]
    assert found.code == "SP061" and found.source.where == f"{book}:说明!A1"
    first_only = "salesplan 只读取工作簿的第一张工作表"
    assert found.message_zh == f"工作簿的第一张工作表 '说明' 是空的：{first_only}（其他工作表：承诺, 备用）"
    assert found.message == (
        "sheet '说明', the workbook's first, is empty: salesplan reads a workbook's first sheet only "
        "(the others: 承诺, 备用)"
    )
    assert found.hint == "move the sheet to read to the front"


def test_a_first_sheet_with_data_is_read_whatever_follows(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx", {"承诺": [["区域", "承诺"], ["A区", 280]], "说明": []})
    grid, problems = read_grid(book, what=COMMITMENTS)
    assert problems == [] and grid is not None and grid.rows == [["区域", "承诺"], ["A区", 280]]
    assert grid.where(1, 1).where == f"{book}:承诺!B2"


def test_the_commitments_cli_names_the_blank_sheet(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from repo_files import REFERENCE
    from salesplan.cli.app import app

    book = _workbook(tmp_path / "commit.xlsx", {"说明": [], "承诺": [["区域", "承诺"], ["A区", 280]]})
    result = CliRunner().invoke(app, ["split", str(REFERENCE), "--commitments", str(book)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"{book}:说明!A1: SP061 工作簿的第一张工作表 '说明' 是空的")
