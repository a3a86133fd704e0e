"""Actuals files: zh/en headers, CSV/xlsx/YAML, and hostile content as located diagnostics."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from salesplan.loader import LoadedPlan
from salesplan.model.plan import Plan
from salesplan.review.actuals import parse_actuals

Write = Callable[[str, str], Path]


def found(path: Path, plan: Plan) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.col) for d in parse_actuals(path, plan).diagnostics)


def test_chinese_headers_names_and_units(plan: Plan, write: Write) -> None:
    text = (
        "目标,区域,产品,销售代表,月份,金额\n"
        "T1,A区,医疗器械,李雷,2026-07,12.5\n"
        "T1,east-b,consumable,周杰,2026年8月,3万\n"
    )
    actuals = parse_actuals(write("a.csv", text), plan)
    assert actuals.diagnostics == []
    first, second = actuals.rows
    assert first.coords == {"region": "east-a", "product": "device", "rep": "李雷"}
    assert first.value == Decimal("12.5") and first.month == "2026-07" and first.target == "T1"
    # 3万 (30,000 元) in T1's unit 万元 is 3
    assert second.month == "2026-08" and second.value == Decimal(3)


def test_english_headers_dates_bom_and_default_target(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"Region,Date,Value\neast-a,2026-07-15,10\n")
    [row] = parse_actuals(path, plan).rows
    assert row.day == dt.date(2026, 7, 15) and row.target == "T1"  # the plan's revenue target


def test_rate_values_read_as_percent_points(plan: Plan, write: Write) -> None:
    rows = parse_actuals(write("a.csv", "target,value\nT3,15%\nT3,16.5\n"), plan).rows
    assert [r.value for r in rows] == [Decimal(15), Decimal("16.5")]


def test_bad_rows_are_located_and_left_out(plan: Plan, write: Write) -> None:
    text = "region,rep,month,value,colour\nnowhere,李雷,2026-07,1\neast-a,李雷,2026-13,1\neast-a,李雷,2026-07,lots\n"
    path = write("a.csv", text)
    assert found(path, plan) == [("SP061", 1, 5), ("SP062", 4, 4), ("SP063", 2, 1), ("SP064", 3, 3)]
    assert parse_actuals(path, plan).rows == []


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", [("SP061", 1, 1)]),
        ("blank-lines.csv", b"\n\n", [("SP061", 1, 1)]),
        ("utf16-no-bom.csv", "区域,金额\nA区,1\n".encode("utf-16-le"), [("SP060", 1, 1)]),
        ("nul.csv", b"region,value\neast-a,1\x00\n", [("SP060", 1, 1)]),
        ("wrong-headers.csv", "地址,销量\nA区,1\n".encode(), [("SP061", 1, 1), ("SP061", 1, 1), ("SP061", 1, 2)]),
        ("nan.csv", b"region,value\neast-a,NaN\neast-a,inf\neast-a,-Infinity\n", [("SP062", r, 2) for r in (2, 3, 4)]),
        ("huge.csv", b"region,value\neast-a," + b"9" * 400 + b"\neast-a,1e400\n", [("SP062", 2, 2), ("SP062", 3, 2)]),
        ("formula.csv", b'region,value\n=HYPERLINK("http://x"),1\neast-a,=1+2\n', [("SP062", 3, 2), ("SP063", 2, 1)]),
        ("places.csv", b"region,value\neast-a,0.0000000000001\n", [("SP062", 2, 2)]),
        ("percent.csv", b"target,value\nT1,15%\n", [("SP062", 2, 2)]),
        ("outside.csv", b"date,value\n2026-06-30,1\n", [("SP065", 2, 1)]),
        ("outside-month.csv", b"month,value\n2026-10,1\n", [("SP065", 2, 1)]),
        ("bad-target.csv", b"target,value\nT9,1\n", [("SP063", 2, 1)]),
        ("unknown-rep.csv", b"rep,value\n\xe6\x9d\x8e\xe5\x9b\x9b,1\n", [("SP063", 2, 1)]),
        ("bool.yaml", b"- {value: true}\n", [("SP062", 1, 11)]),
        ("nan.yaml", b"- {value: 1}\n- {value: .nan}\n", [("SP008", 2, 11)]),
    ],
)
def test_hostile_files_are_located_diagnostics(
    plan: Plan, tmp_path: Path, name: str, content: bytes, expected: list[tuple[str, int, int]]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert found(path, plan) == expected


def test_gbk_csv_from_chinese_excel_is_read(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("区域,金额\nA区,1\n".encode("gb18030"))
    [row] = parse_actuals(path, plan).rows
    assert row.coords == {"region": "east-a"}


def test_missing_file(plan: Plan, tmp_path: Path) -> None:
    assert found(tmp_path / "none.csv", plan) == [("SP060", 1, 1)]


def test_a_row_without_target_needs_a_default(small: Callable[[str], LoadedPlan], write: Write) -> None:
    loaded = small(
        """
        - {id: N1, name: 新客户, metric: new_customers, value: 10, unit: 家}
        - {id: N2, name: 转化率, metric: conversion_rate, value: 18%}
        """
    )
    assert loaded.plan is not None
    path = write("a.csv", "region,value\neast-a,1\n")
    assert found(path, loaded.plan) == [("SP066", 2, 1)]
    assert parse_actuals(write("b.csv", "target,value\nN1,1\n"), loaded.plan).rows[0].target == "N1"


def test_yaml_actuals_are_located_by_their_own_lines(plan: Plan, write: Write) -> None:
    text = "actuals:\n  - {region: east-a, month: 2026-07, value: 5}\n  - {region: mars, month: 2026-07, value: 2.5}\n"
    path = write("a.yaml", text)
    assert found(path, plan) == [("SP063", 3, 14)]
    good = write("b.yaml", "- {region: east-a, month: 2026-07, value: 5}\n- {region: east-b, value: 2.5万元}\n")
    assert [r.value for r in parse_actuals(good, plan).rows] == [Decimal(5), Decimal("2.5")]


def test_yaml_that_is_not_a_list(plan: Plan, write: Write) -> None:
    assert [d.code for d in parse_actuals(write("a.yaml", "actuals: 3\n"), plan).diagnostics] == ["SP061"]
    assert [d.code for d in parse_actuals(write("b.yaml", "a: [\n"), plan).diagnostics] == ["SP004"]


def test_xlsx_actuals_and_damaged_xlsx(plan: Plan, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["区域", "日期", "金额"])
    sheet.append(["A区", dt.datetime(2026, 7, 3), 7])
    sheet.append(["A区", dt.datetime(2026, 7, 4), 0.1])
    sheet.append(["A区", dt.datetime(2026, 7, 5), "=1+1"])  # a formula without a cached value
    book.save(tmp_path / "a.xlsx")
    actuals = parse_actuals(tmp_path / "a.xlsx", plan)
    assert [(r.day, r.value) for r in actuals.rows] == [(dt.date(2026, 7, 3), 7), (dt.date(2026, 7, 4), Decimal("0.1"))]
    assert [(d.code, d.line, d.col) for d in actuals.diagnostics] == [("SP062", 4, 3)]
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not really")
    assert found(tmp_path / "bad.xlsx", plan) == [("SP060", 1, 1)]


def test_percent_typed_in_excel_reads_as_percent_points(plan: Plan, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["目标", "日期", "数值"])
    for day, value, fmt in [(10, 0.14, "0%"), (11, 0.155, "0.0%"), (12, 0.07, "General")]:
        sheet.append(["T3", dt.datetime(2026, 8, day), value])
        sheet.cell(row=sheet.max_row, column=3).number_format = fmt
    book.save(tmp_path / "rates.xlsx")
    actuals = parse_actuals(tmp_path / "rates.xlsx", plan)
    # 14% typed in Excel is the number 0.14 shown with a % format: it means 14 percent points, exactly;
    # a plain 0.07 (no % format) is 0.07 percent points, as written
    assert [r.value for r in actuals.rows] == [Decimal("14"), Decimal("15.5"), Decimal("0.07")]
    assert actuals.diagnostics == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".yaml"])
def test_a_pipe_without_writer_or_an_endless_device_never_hangs(plan: Plan, tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"actuals{suffix}"
    os.mkfifo(fifo)
    start = time.perf_counter()
    codes = [d.code for d in parse_actuals(fifo, plan).diagnostics]
    assert time.perf_counter() - start < 2 and codes and set(codes) <= {"SP060", "SP061"}, codes


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_at_the_size_limit(plan: Plan) -> None:
    start = time.perf_counter()
    assert found(Path("/dev/zero"), plan) == [("SP060", 1, 1)]
    assert time.perf_counter() - start < 5
