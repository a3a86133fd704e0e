"""Actuals files: zh/en headers, CSV/xlsx/YAML, and hostile content as located diagnostics."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from salesplan.loader import load_plan
from salesplan.model.plan import Plan
from salesplan.review.actuals import parse_actuals

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference-plan.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    return loaded.plan


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_chinese_headers_and_names(plan: Plan, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.csv",
        "目标,区域,产品,销售代表,月份,金额\nT1,A区,医疗器械,李雷,2026-07,12.5\nT1,east-b,consumable,周杰,2026年8月,3万\n",
    )
    actuals = parse_actuals(path, plan)
    assert actuals.diagnostics == []
    first, second = actuals.rows
    assert first.coords == {"region": "east-a", "product": "device", "rep": "李雷"}
    assert first.value == Decimal("12.5") and first.month == "2026-07"
    assert second.month == "2026-08" and second.value == Decimal("30000")


def test_english_headers_with_dates_and_bom(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"Region,Date,Value\neast-a,2026-07-15,10\n")
    [row] = parse_actuals(path, plan).rows
    assert row.day == dt.date(2026, 7, 15) and row.month_key() == "2026-07"


def test_hostile_rows_are_located(plan: Plan, tmp_path: Path) -> None:
    text = "region,rep,month,value,colour\nnowhere,李雷,2026-07,1\neast-a,李雷,2026-13,1\neast-a,李雷,2026-07,lots\n"
    actuals = parse_actuals(write(tmp_path, "a.csv", text), plan)
    found = sorted((d.code, d.line, d.col) for d in actuals.diagnostics)
    assert found == [("SP061", 1, 5), ("SP062", 4, 4), ("SP063", 2, 1), ("SP064", 3, 3)]
    assert actuals.rows == []


def test_missing_value_column(plan: Plan, tmp_path: Path) -> None:
    actuals = parse_actuals(write(tmp_path, "a.csv", "region,month\neast-a,2026-07\n"), plan)
    assert [d.code for d in actuals.diagnostics] == ["SP061"]


def test_gbk_csv_and_missing_file(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("区域,金额\nA区,1\n".encode("gb18030"))
    assert [d.code for d in parse_actuals(path, plan).diagnostics] == ["SP060"]
    assert [d.code for d in parse_actuals(tmp_path / "none.csv", plan).diagnostics] == ["SP060"]


def test_yaml_actuals(plan: Plan, tmp_path: Path) -> None:
    text = (
        "actuals:\n  - {region: east-a, month: 2026-07, value: 5}\n  - {region: east-b, month: 2026-07, value: 2.5}\n"
    )
    rows = parse_actuals(write(tmp_path, "a.yaml", text), plan).rows
    assert [r.value for r in rows] == [Decimal(5), Decimal("2.5")]


def test_xlsx_actuals_and_damaged_xlsx(plan: Plan, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["区域", "日期", "金额"])
    sheet.append(["A区", dt.datetime(2026, 7, 3), 7])
    book.save(tmp_path / "a.xlsx")
    [row] = parse_actuals(tmp_path / "a.xlsx", plan).rows
    assert row.day == dt.date(2026, 7, 3) and row.value == 7
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not really")
    assert [d.code for d in parse_actuals(tmp_path / "bad.xlsx", plan).diagnostics] == ["SP060"]
