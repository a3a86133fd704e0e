"""Native Excel charts of a table: each chart's numbers as a small block below the table, the chart beside it.

A chart in an .xlsx file reads its series from cells, so every `Chart` of a table is written as a
block (a header of series names, then a category and its values a row) after the table's legend and
notes, and the chart is anchored to the right of its block. Excel, WPS and LibreOffice draw it
natively: it follows the numbers when someone edits the block.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.pagebreak import Break

from salesplan.export.model import Chart, NumberFormat, Table
from salesplan.export.xlsx_styles import HEADER, Palette, StyleKey, number_format, row_height, wrapped_lines

CHART_ROWS = 16  # rows a chart takes beside its block (7.5 cm high)
_WIDTH_CM = 16.0
_HEIGHT_CM = 7.5
DEFAULT_WIDTH = 8.43  # a column no table column sized


def add_charts(sheet: Any, table: Table, palette: Palette, lang: str, next_row: int) -> None:
    """Each chart of `table`: its block of numbers, the chart anchored beside it; `next_row` is the
    sheet's next row (a write-only sheet does not count them)."""
    for chart in table.charts:
        sheet.append([])
        first = next_row + 1
        sheet.row_breaks.append(Break(id=first - 1))  # printed, each chart starts a page: none is cut in two
        _block(sheet, chart, palette, lang, first)
        last = first + len(chart.categories)
        drawn = _chart(sheet, chart, first, last)
        drawn.anchor = f"{get_column_letter(_columns(chart) + 2)}{first}"
        sheet.add_chart(drawn)
        pad = max(0, CHART_ROWS - (last - first + 1))
        for _ in range(pad):
            sheet.append([])
        next_row = last + 1 + pad


def _columns(chart: Chart) -> int:
    return 1 + len(chart.series) + (chart.line_at is not None)


def _values(chart: Chart) -> list[tuple[str, tuple[Decimal, ...]]]:
    series = [(s.name, s.values) for s in chart.series]
    if chart.line_at is not None:
        series.append((_percent_text(chart.line_at, chart.unit), (chart.line_at,) * len(chart.categories)))
    return series


def _percent_text(value: Decimal, unit: str) -> str:
    return f"{value.normalize():f}{unit}"


def _block(sheet: Any, chart: Chart, palette: Palette, lang: str, first: int) -> None:
    series = _values(chart)
    heads = [chart.title, *(name for name, _ in series)]
    # the header wraps (HEADER): its row is as tall as its longest head's lines at the column's width
    lines = max(wrapped_lines(h, _width(sheet, i), True) for i, h in enumerate(heads, start=1))
    if lines > 1:
        sheet.row_dimensions[first] = RowDimension(sheet, index=first, ht=row_height(lines), customHeight=True)
    sheet.append([palette.text_cell(sheet, head, HEADER, lang) for head in heads])
    if lines > 1:
        del sheet.row_dimensions[first]  # a streamed row's dimension is written with the row
    places = max((_places(v) for _, values in series for v in values), default=0)
    style = StyleKey(number_format=number_format(NumberFormat(chart.unit, places)))
    for index, category in enumerate(chart.categories):
        row: list[Any] = [palette.text_cell(sheet, category, StyleKey(), lang)]
        for _, values in series:
            cell = palette.cell(sheet, None, style)
            number = values[index].scaleb(-2) if chart.unit == "%" else values[index]
            cell._value, cell.data_type = format(number, "f"), "n"  # exact digits, never through float
            row.append(cell)
        sheet.append(row)


def _width(sheet: Any, column: int) -> float:
    dimension = sheet.column_dimensions.get(get_column_letter(column))  # never made here: it would be written
    return float(dimension.width) if dimension is not None and dimension.width else DEFAULT_WIDTH


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return min(max(-exponent, 0), 6) if isinstance(exponent, int) else 0


def _chart(sheet: Any, chart: Chart, first: int, last: int) -> Any:
    categories = Reference(sheet, min_col=1, min_row=first + 1, max_row=last)
    count = len(chart.series)
    drawn: Any
    if chart.kind == "pie":
        drawn = PieChart()
        drawn.dataLabels = DataLabelList()
        labels = drawn.dataLabels
        labels.showPercent, labels.showVal, labels.showCatName = True, False, False
        labels.showSerName, labels.showLegendKey = False, False
    else:
        drawn = LineChart() if chart.kind == "line" else BarChart()
        if chart.kind == "bar":
            drawn.type = "col"
        drawn.y_axis.numFmt = number_format(NumberFormat(chart.unit))
        drawn.x_axis.delete = False
        if chart.kind == "bar" and all(v >= 0 for series in chart.series for v in series.values):
            drawn.y_axis.scaling.min = 0  # a bar starts at zero: an axis from 60% would hide a 15% bar
        drawn.y_axis.delete = False
    drawn.add_data(Reference(sheet, min_col=2, max_col=1 + count, min_row=first, max_row=last), titles_from_data=True)
    drawn.set_categories(categories)
    for series in drawn.series:
        series.smooth = False  # a burn-up goes straight from point to point
    if chart.line_at is not None:
        line = LineChart()
        line.add_data(Reference(sheet, min_col=2 + count, min_row=first, max_row=last), titles_from_data=True)
        line.set_categories(categories)
        drawn += line
    drawn.title = chart.title
    drawn.width, drawn.height = _WIDTH_CM, _HEIGHT_CM
    return drawn
