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
    assert code == "SP061" and in_zh.startswith("YAML 承诺应为映射列表") and in_en.startswith("YAML commitments must")
