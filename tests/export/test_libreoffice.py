"""A real spreadsheet client: LibreOffice opens the workbook, recalculates it and exports it without error."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from salesplan.export.blank import blank_document
from salesplan.export.model import Document
from salesplan.export.xlsx import render_xlsx

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-calc-nogui"
)
# every sheet (the last token, -1), UTF-8, raw values rather than "as shown"
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def convert(book: Path, target: str, profile: Path) -> list[Path]:
    out = book.parent / f"{book.stem}-{target.split(':')[0]}"
    out.mkdir()
    assert SOFFICE is not None
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    produced = sorted(out.iterdir())
    assert produced, f"LibreOffice wrote nothing: {done.stdout} {done.stderr}"
    return produced


def sheet_csv(files: list[Path], sheet: str) -> list[list[str]]:
    path = next(p for p in files if p.stem.endswith(f"-{sheet}"))
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-profile")  # a fresh LibreOffice user profile for this run


def test_recalculated_totals_equal_the_plan(reference_doc: Document, tmp_path: Path, profile: Path) -> None:
    book = tmp_path / "plan.xlsx"
    book.write_bytes(render_xlsx(reference_doc))
    files = convert(book, CSV_FILTER, profile)
    assert len(files) == 7
    breakdown = sheet_csv(files, "销售目标设定与拆解表")
    assert breakdown[0][:3] == ["目标维度", "核心指标", "目标值"]
    totals = {(row[0], row[1]): row[2] for row in breakdown[1:]}
    assert totals[("业绩 · 核心目标", "第三季度销售额")] == "500"
    assert totals[("业绩 · 支撑目标", "新增客户数")] == "30"
    assert totals[("效率 · 支撑目标", "新客户成交率")] == "18%"  # stored as 0.18, formatted as a percent
    regions = [row[2] for row in breakdown if row[0] == "区域"]
    assert regions == ["300", "200", "18", "12"]
    execution = sheet_csv(files, "销售策略执行计划表")
    assert [row[6] for row in execution if row[6]][1:] == ["30", "20", "10", "15", "15", "60", "60", "105"]
    assert execution[2][3] == "2026-07-01"  # a real date, formatted
    heat = sheet_csv(files, "风险热力图")
    assert heat[3][5] == "R1"


def test_editing_a_leaf_moves_the_totals(reference_doc: Document, tmp_path: Path, profile: Path) -> None:
    book = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    ws = wb["销售目标设定与拆解表"]
    assert ws["B6"].value == "2026-07" and ws["C6"].value == 29
    ws["C6"] = 129  # a manager raises 李雷's July by 100
    wb.save(book)
    breakdown = sheet_csv(convert(book, CSV_FILTER, profile), "销售目标设定与拆解表")
    assert [row[2] for row in breakdown[1:6]] == ["600", "400", "280", "196", "129"]


def test_pdf_and_blank_template_convert(reference_doc: Document, tmp_path: Path, profile: Path) -> None:
    book = tmp_path / "plan.xlsx"
    book.write_bytes(render_xlsx(reference_doc))
    pdf = convert(book, "pdf", profile)
    assert pdf[0].suffix == ".pdf" and pdf[0].read_bytes().startswith(b"%PDF")
    blank = tmp_path / "blank.xlsx"
    blank.write_bytes(render_xlsx(blank_document("zh")))
    files = convert(blank, CSV_FILTER, profile)
    risks = sheet_csv(files, "风险评估与应对表")
    assert risks[0][0] == "风险类别" and risks[1][1] == "竞品突然降价抢占核心客户"


def test_escape_like_forbidden_and_long_number_text_read_back_as_written(tmp_path: Path, profile: Path) -> None:
    from decimal import Decimal

    from salesplan.export.model import Column, NumberFormat, Quantity, Row, Table
    from salesplan.export.run import render

    texts = ["编号_x0041_", "_x005F_", "_x0041_x0042_", "a_x000a_b", "=_x0041_", "控制\x0c字符\x01"]
    rows = [Row((text,)) for text in texts]
    rows.append(Row((Quantity(Decimal("12345678901234567"), NumberFormat("元")),)))
    rows.append(Row((Quantity(Decimal("768205813917.372"), NumberFormat("元", 3)),)))
    doc = Document("计划\x0c_x0041_", "zh", [Table("risks", "表_x0041_", (Column("a", "文本"),), rows)])
    book = tmp_path / "text.xlsx"
    data = render(doc, "xlsx")
    assert isinstance(data, bytes)
    book.write_bytes(data)
    files = convert(book, CSV_FILTER, profile)
    assert len(files) == 1  # one sheet: LibreOffice names the file after the workbook alone
    read = [row[0] if row else "" for row in csv.reader(io.StringIO(files[0].read_text(encoding="utf-8")))]
    expected = [*texts[:-1], "控制\ufffd字符\ufffd", "12345678901234567", "768205813917.372"]
    assert read == ["文本", *expected]
