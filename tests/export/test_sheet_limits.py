"""Excel's sheet limits: a table past the row limit continues on further sheets, a table too wide is refused.

The limit is lowered for the tests (`xlsx_sheets.MAX_ROWS`), so a breakdown of a few dozen rows shows
what a million-row one does.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.export import xlsx_sheets
from salesplan.export.model import Column, Document, NumberFormat, Quantity, Row, Table
from salesplan.export.xlsx import render_xlsx
from salesplan.export.xlsx_sheets import Placement

LIMIT = 12
SOFFICE = shutil.which("soffice")
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
BREAKDOWN = "销售目标设定与拆解表"


@pytest.fixture
def low_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(xlsx_sheets, "MAX_ROWS", LIMIT)
    return LIMIT


def breakdown_sheets(book: openpyxl.Workbook) -> list[list[tuple[object, ...]]]:
    return [
        [tuple(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
        if sheet.title.startswith(BREAKDOWN)
    ]


def test_a_table_past_the_row_limit_continues_on_further_sheets(
    reference_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    low_limit = LIMIT
    monkeypatch.setattr(xlsx_sheets, "MAX_ROWS", LIMIT)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    monkeypatch.undo()  # the same document on one sheet, to compare with
    whole = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    assert all(sheet.max_row <= low_limit for sheet in book.worksheets)
    rows = len(reference_doc.tables[0].rows)  # 47 rows: 11 a sheet, so 5 sheets
    titles = [sheet.title for sheet in book.worksheets if sheet.title.startswith(BREAKDOWN)]
    assert titles == [BREAKDOWN] + [f"{BREAKDOWN} ({n})" for n in range(2, 6)]
    assert -(-rows // (low_limit - 1)) == len(titles)
    sheets = breakdown_sheets(book)
    header = sheets[0][0]
    assert all(sheet[0] == header for sheet in sheets)  # the header repeated on every sheet
    data = [row for sheet in sheets for row in sheet[1:]]
    assert len(data) == rows
    # the same cells as one sheet holds, in the same order; only totals' SUM references differ
    for got, want in zip(data, breakdown_sheets(whole)[0][1:], strict=True):
        assert [v for i, v in enumerate(got) if i != 2] == [v for i, v in enumerate(want) if i != 2]
        assert isinstance(got[2], str) == isinstance(want[2], str)
    # the plan's total (row 2 of the first sheet) sums A区 here and B区 on the second sheet
    assert data[0][2] == f"=SUM(C3,'{BREAKDOWN} (2)'!C11)"


def test_tables_within_the_limit_are_unchanged(reference_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    before = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    monkeypatch.setattr(xlsx_sheets, "MAX_ROWS", 60)  # every table of the reference plan still fits
    after = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    assert before.sheetnames == after.sheetnames
    for a, b in zip(before.worksheets, after.worksheets, strict=True):
        assert list(a.iter_rows(values_only=True)) == list(b.iter_rows(values_only=True))


@settings(max_examples=60, deadline=None)
@given(rows=st.integers(0, 60), limit=st.integers(2, 20))
def test_every_row_has_one_place_within_the_limit(rows: int, limit: int) -> None:
    table = Table("breakdown", "表", (Column("a", "A"),), [Row(("x",)) for _ in range(rows)])
    original = xlsx_sheets.MAX_ROWS
    xlsx_sheets.MAX_ROWS = limit
    try:
        placement = Placement(table, set())
    finally:
        xlsx_sheets.MAX_ROWS = original
    places = {(i // placement.per_sheet, placement.excel_row(i)) for i in range(rows)}
    assert len(places) == rows
    assert all(2 <= row <= limit for _, row in places)
    assert len(placement.titles) == max(1, -(-rows // (limit - 1)))
    assert sum(len(placement.piece(k).rows) for k in range(len(placement.titles))) == rows


def test_sums_reach_parts_on_other_sheets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_sheets, "MAX_ROWS", 4)  # 3 rows a sheet
    one = Quantity(Decimal(1), NumberFormat("元"))
    parts = [Row((f"p{i}", one)) for i in range(7)]
    total = Row(("total", Quantity(Decimal(7), one.fmt)), kind="total", sums=tuple(range(1, 8)))
    table = Table("breakdown", "表", (Column("a", "A"), Column("v", "V")), [total, *parts], sum_column=1)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(Document("t", "zh", [table]))))
    assert book.sheetnames == ["表", "表 (2)", "表 (3)"]
    assert book["表"]["B2"].value == "=SUM(B3:B4,'表 (2)'!B2:B4,'表 (3)'!B2:B3)"


def test_a_table_wider_than_a_sheet_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_sheets, "MAX_COLUMNS", 3)
    table = Table("timeline", "时间计划", tuple(Column(f"c{i}", f"C{i}") for i in range(4)))
    with pytest.raises(xlsx_sheets.TooWide) as caught:
        render_xlsx(Document("t", "zh", [table]))
    assert (
        "3" in str(caught.value)
        and "--tables" in str(caught.value)
        and "请用 --tables 不导出此表" in caught.value.message.render("zh")
    )


def test_export_command_keeps_every_sheet_within_the_limit(
    reference_path: Path, tmp_path: Path, low_limit: int
) -> None:
    out = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(app, ["export", str(reference_path), "-o", str(out), "--tables", "breakdown"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    breakdown = [name for name in book.sheetnames if name.startswith("销售目标设定与拆解表")]
    assert len(breakdown) == 5
    assert any(name.startswith("T1 分解表") for name in book.sheetnames)  # the cross-tabs come with it
    # the very hidden sheet of what `salesplan import` reads back is no table (and a few dozen rows)
    assert all(sheet.max_row <= low_limit for sheet in book.worksheets if sheet.title != "salesplan")


def _libreoffice_csv(book: Path, profile: Path) -> dict[str, list[list[str]]]:
    out = book.parent / f"{book.stem}-csv"
    out.mkdir()
    assert SOFFICE is not None
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", CSV_FILTER]
    done = subprocess.run(
        [*command, "--outdir", str(out), str(book)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return {
        path.stem.removeprefix(f"{book.stem}-"): list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        for path in sorted(out.iterdir())
    }


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not on PATH")
def test_libreoffice_opens_the_continued_table_and_totals_add_up(
    reference_doc: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tmp_path / "whole.xlsx"
    whole.write_bytes(render_xlsx(Document("t", "zh", [reference_doc.tables[0]])))
    monkeypatch.setattr(xlsx_sheets, "MAX_ROWS", LIMIT)
    split = tmp_path / "split.xlsx"
    split.write_bytes(render_xlsx(Document("t", "zh", [reference_doc.tables[0]])))
    profile = tmp_path / "profile"
    one = _libreoffice_csv(whole, profile)[BREAKDOWN]
    sheets = _libreoffice_csv(split, profile)
    assert len(sheets) == 5 and all(len(rows) <= LIMIT for rows in sheets.values())
    names = [BREAKDOWN] + [f"{BREAKDOWN} ({n})" for n in range(2, 6)]
    assert all(sheets[name][0] == one[0] for name in names)
    continued = [row for name in names for row in sheets[name][1:]]
    assert continued == one[1:]  # every total recalculated by LibreOffice, across sheets, as on one sheet
    assert continued[0][2] == "500"
