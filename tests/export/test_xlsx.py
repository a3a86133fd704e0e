"""The Excel workbook: sheets, live totals, formats, layout, colours, and plan text that stays text."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from decimal import Decimal

import openpyxl
import pytest

from salesplan.export.model import Column, Document, NumberFormat, Quantity, Row, Table
from salesplan.export.xlsx import render_xlsx
from salesplan.export.xlsx_layout import column_widths, sum_formula
from salesplan.export.xlsx_stream import install
from salesplan.export.xlsx_styles import TONES, display_width, number_format

Xml = Callable[[bytes, int], str]
CellXml = Callable[[str, str], str]


@pytest.fixture(scope="module")
def workbook_bytes(reference_doc: Document) -> bytes:
    return render_xlsx(reference_doc)


@pytest.fixture(scope="module")
def wb(workbook_bytes: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes))


def test_one_sheet_per_table_and_the_plan_title(wb: openpyxl.Workbook) -> None:
    assert wb.sheetnames == [
        "销售目标设定与拆解表",
        "T1 分解表",  # a cross-tab of each split target that adds up (T3 is a rate)
        "T2 分解表",
        "销售策略执行计划表",
        "风险评估与应对表",
        "风险热力图",
        "时间计划（甘特图）",
    ]
    assert wb.properties.title == "华东大区 2026 年第三季度销售计划"


def test_totals_are_live_sum_formulas(wb: openpyxl.Workbook) -> None:
    ws = wb["销售目标设定与拆解表"]
    assert ws["C2"].value == "=SUM(C3,C22)"  # 500 = A区 + B区
    assert ws["C3"].value == "=SUM(C4,C13)"  # A区 = 医疗器械 + 耗材
    assert ws["C5"].value == "=SUM(C6:C8)"  # 李雷 = his three months
    assert ws["C6"].value == 29
    execution = wb["销售策略执行计划表"]
    assert execution["G2"].value == "=SUM(G3:G4)"
    assert execution["A9"].value == "合计" and execution["G9"].value == "=SUM(G2,G5,G7)"


def test_hierarchy_folds_with_row_outline_levels(wb: openpyxl.Workbook) -> None:
    ws = wb["销售目标设定与拆解表"]
    levels = [ws.row_dimensions[r].outlineLevel for r in range(2, 8)]
    assert levels == [0, 1, 2, 3, 4, 4]
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    assert ws["B4"].alignment.indent == 2


def test_numbers_dates_and_units(wb: openpyxl.Workbook) -> None:
    ws = wb["销售目标设定与拆解表"]
    assert ws["C2"].number_format == '#,##0"万元"'
    assert isinstance(ws["G2"].value, dt.datetime) and ws["G2"].number_format == "yyyy-mm-dd"
    customers = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "新增客户数")
    assert customers[2].number_format == '#,##0"家"'
    percent = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "新客户成交率")
    assert percent[2].value == pytest.approx(0.18) and percent[2].number_format == "0%"


def test_layout_frozen_filtered_printable(wb: openpyxl.Workbook) -> None:
    for ws in wb:
        assert ws.freeze_panes in ("A2", "B2")
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert wb["销售目标设定与拆解表"].auto_filter.ref == "A1:G48"
    assert wb["风险评估与应对表"].auto_filter.ref == "A1:I4"
    header = wb["销售目标设定与拆解表"]["A1"]
    assert header.font.bold and header.fill.fgColor.rgb.endswith("D9E1F2")


def test_column_widths_count_cjk_double() -> None:
    assert display_width("A区") == 3 and display_width("abc") == 3 and display_width("（）") == 4
    t = Table("risks", "t", (Column("a", "风险"), Column("b", "x")), [Row(("竞品突然降价抢占核心客户", "ab"))])
    widths = column_widths(t)
    assert widths[0] == 2 * 12 + 2 and widths[1] == 8 + 2


def test_risk_levels_heat_map_and_timeline_are_coloured(wb: openpyxl.Workbook) -> None:
    def fill(cell: openpyxl.cell.Cell) -> str:
        return str(cell.fill.fgColor.rgb)[-6:]

    risks = wb["风险评估与应对表"]
    assert [fill(risks[f"E{r}"]) for r in (2, 3, 4)] == [TONES["high"], TONES["high"], TONES["low"]]
    legend = [c.value for c in risks["A"] if c.value][-4:]
    assert legend == ["低 ≤4", "中 5–9", "高 10–15", "极高 ≥16"]
    heat = wb["风险热力图"]
    assert heat["F2"].value is None and fill(heat["F2"]) == TONES["critical"]  # 5 × 5
    assert heat["F4"].value == "R1" and fill(heat["F4"]) == TONES["high"]  # 3 × 5 = 15
    assert fill(heat["B6"]) == TONES["low"]
    timeline = wb["时间计划（甘特图）"]
    headers = [c.value for c in timeline[1]]
    first_week = headers.index("06-29") + 1
    row = [fill(timeline.cell(2, col)) for col in range(first_week, first_week + 6)]
    assert row == [TONES["channel"]] * 5 + ["000000"]
    assert "渠道" in [c.value for c in timeline["A"]]  # legend


def test_plan_text_that_looks_like_a_formula_is_stored_as_text(hostile_doc: Document, xml: Xml, cell: CellXml) -> None:
    data = render_xlsx(hostile_doc)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    checked = 0
    for index, ws in enumerate(wb.worksheets, start=1):
        sheet = xml(data, index)
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@" and not c.value.startswith("=SUM("):
                    element = cell(sheet, c.coordinate)
                    assert "<f>" not in element, element
                    assert 't="inlineStr"' in element or 't="s"' in element, element
                    checked += 1
    assert checked >= 10
    # the formulas that are meant (subtotals) are formulas
    assert "<f>SUM(C3:C4)</f>" in xml(data, 1)
    # and risky text keeps a quote prefix, so editing it in Excel does not turn it into a formula
    styles = io.BytesIO(data)
    import zipfile

    with zipfile.ZipFile(styles) as archive:
        assert 'quotePrefix="1"' in archive.read("xl/styles.xml").decode()


def test_error_codes_and_control_characters_stay_harmless(xml: Xml, cell: CellXml) -> None:
    fmt = NumberFormat("万元")
    doc = Document(
        "t",
        "zh",
        [Table("risks", "t", (Column("a", "A"), Column("b", "B")), [Row(("#NAME?", "bell\x07"), tones=None)])],
    )
    doc.tables[0].rows.append(Row(("x", Quantity(Decimal("1.5"), fmt))))
    sheet = xml(render_xlsx(doc), 1)
    assert 't="inlineStr"' in cell(sheet, "A2") and "#NAME?" in cell(sheet, "A2")
    assert "bell\ufffd<" in cell(sheet, "B2")  # a control character XML forbids, replaced visibly


def test_sum_formula_ranges_nesting_and_limit() -> None:
    assert sum_formula("C", [3, 4, 5, 9, 11, 12]) == "=SUM(C3:C5,C9,C11:C12)"
    many = sum_formula("C", list(range(2, 2000, 2)))
    assert many is not None and many.startswith("=SUM(SUM(") and len(re.findall(r"SUM\(", many)) == 5
    assert sum_formula("C", list(range(2, 40000, 2))) is None  # beyond Excel's formula length: a plain value


def test_number_formats() -> None:
    assert number_format(NumberFormat("万元", 0)) == '#,##0"万元"'
    assert number_format(NumberFormat("元", 2)) == '#,##0.00"元"'
    assert number_format(NumberFormat("%", 1)) == "0.0%"
    # a quote or ; in the unit: escaped one character at a time, shown as written
    assert number_format(NumberFormat('a"b', 0)) == '#,##0\\a\\"\\b'
    assert number_format(NumberFormat("D;", 1)) == "#,##0.0\\D\\;"


def test_fast_row_stream_is_active_for_this_openpyxl() -> None:
    workbook = openpyxl.Workbook(write_only=True)
    assert install(workbook.create_sheet("x"))
