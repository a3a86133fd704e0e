"""The printed workbook: no wrapped text taller than its row, charts with their series, mermaid charts well formed.

Row heights are checked against the same CJK-aware measure the writer uses (`wrapped_lines`), read
back from the file: every cell that wraps gets a row at least as tall as its lines need. The mermaid
check is structural (the `mermaid` CLI is not available to the tests): each chart block's lines
follow the pie or xychart-beta grammar.
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from salesplan.export.markdown import render_markdown
from salesplan.export.model import Document
from salesplan.export.xlsx import render_xlsx
from salesplan.export.xlsx_styles import DEFAULT_HEIGHT, row_height, wrapped_lines


def _overflows(book: openpyxl.Workbook) -> list[str]:
    found: list[str] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or cell.value.startswith("="):
                    continue
                width = sheet.column_dimensions[cell.column_letter].width
                indent = int(cell.alignment.indent or 0)
                lines = wrapped_lines(cell.value, width - 2 * indent, bool(cell.font.b))
                height = sheet.row_dimensions[cell.row].ht or DEFAULT_HEIGHT
                neighbour = sheet.cell(cell.row, cell.column + 1).value
                if lines > 1 and not cell.alignment.wrap_text and neighbour is not None:
                    found.append(f"{sheet.title}!{cell.coordinate} runs into {neighbour!r}")
                elif cell.alignment.wrap_text and lines > 1 and height < row_height(lines):
                    found.append(f"{sheet.title}!{cell.coordinate} needs {lines} lines, row is {height}pt")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_text_is_taller_or_wider_than_its_cell(
    lang: str, reference_doc: Document, reference_doc_en: Document
) -> None:
    doc = reference_doc if lang == "zh" else reference_doc_en
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    assert _overflows(book) == []
    strategy = book.worksheets[3]  # 销售策略执行计划表: the strategy rows' long measures wrap
    assert any((strategy.row_dimensions[r].ht or 0) > DEFAULT_HEIGHT for r in range(2, strategy.max_row + 1))


def test_the_font_is_a_cjk_sans_also_in_bold(reference_doc: Document) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    sheet = book["销售目标设定与拆解表"]
    assert sheet["A1"].font.b and sheet["A1"].font.name == "Microsoft YaHei"
    assert sheet["B3"].alignment.horizontal == "left" and sheet["B3"].alignment.indent == 1
    assert sheet["B3"].border.left.style == "thin"


def test_crosstab_chart_reads_its_block(reference_doc: Document) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(reference_doc)))
    sheet = book["T1 分解表"]
    assert [c.value for c in sheet[1]] == ["拆解项", "层级", "2026-07", "2026-08", "2026-09", "合计"]
    assert sheet["F2"].value == "=SUM(C2:E2)" and sheet["C2"].value == "=SUM(C3,C10)"
    assert sheet.row_dimensions[4].outlineLevel == 2
    assert [b.id for b in sheet.row_breaks.brk] == [17]  # printed, the chart's block starts a page
    (chart,) = sheet._charts
    series = chart.series[0]
    block = series.val.numRef.f
    assert block == "'T1 分解表'!$B$19:$B$20"
    assert series.cat.numRef.f == "'T1 分解表'!$A$19:$A$20" or series.cat.strRef.f == "'T1 分解表'!$A$19:$A$20"
    assert [sheet["A19"].value, sheet["B19"].value, sheet["A20"].value, sheet["B20"].value] == ["A区", 300, "B区", 200]


_PIE_LINE = re.compile(r'^    "[^"]+" : -?\d+(\.\d+)?$')
_XY_LINES = (
    re.compile(r'^    title "[^"]*"$'),
    re.compile(r'^    x-axis \[("[^"]*")(, "[^"]*")*\]$'),
    re.compile(r'^    y-axis "[^"]*"$'),
    re.compile(r"^    (bar|line) \[-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*\]$"),
)


def mermaid_charts(text: str) -> list[list[str]]:
    blocks = re.findall(r"```mermaid\n(.*?)```", text, re.DOTALL)
    return [b.rstrip("\n").split("\n") for b in blocks if not b.startswith("gantt")]


def check_chart(lines: list[str]) -> None:
    if lines[0].startswith("pie"):
        assert re.match(r"^pie title [^\n]+$", lines[0])
        assert lines[1:] and all(_PIE_LINE.match(line) for line in lines[1:]), lines
        return
    assert lines[0] == "xychart-beta"
    assert all(any(p.match(line) for p in _XY_LINES) for line in lines[1:]), lines
    counts = {len(re.findall(r"-?\d+(?:\.\d+)?", line)) for line in lines if re.match(r"^    (bar|line) ", line)}
    labels = next(line for line in lines if "x-axis" in line).count('"') // 2
    assert counts == {labels}  # one value per category in every series


def test_markdown_charts_are_mermaid(reference_doc: Document) -> None:
    charts = mermaid_charts(render_markdown(reference_doc))
    assert [c[0] for c in charts] == ["pie title T1 按区域拆分", "pie title T2 按区域拆分"]
    assert charts[0][1:] == ['    "A区" : 300', '    "B区" : 200']
    for chart in charts:
        check_chart(chart)


def test_a_form_past_the_wrap_limit_is_a_plain_list() -> None:
    """Borders round every cell (empty ones too) cost a written cell each: a bordered table of more than
    5,000 rows (where wrapping stops too) is written without them, a smaller one with them."""
    from decimal import Decimal

    from salesplan.export.model import Column, NumberFormat, Quantity, Row, Table

    def first_cells(count: int) -> tuple[str | None, str | None]:
        rows = [Row((f"项{i}", None, Quantity(Decimal(i), NumberFormat("元")))) for i in range(count)]
        table = Table(
            "crosstab", "表", (Column("a", "拆解项"), Column("b", "层级"), Column("c", "合计")), rows, grid=True
        )
        book = openpyxl.load_workbook(io.BytesIO(render_xlsx(Document("计划", "zh", [table]))))
        sheet = book.worksheets[0]
        return sheet["A2"].border.left.style, sheet["B2"].border.left.style

    assert first_cells(10) == ("thin", "thin")
    assert first_cells(5_001) == (None, None)
