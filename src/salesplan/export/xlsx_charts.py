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

from salesplan.export.model import Chart, NumberFormat, Table
from salesplan.export.xlsx_styles import HEADER, Palette, StyleKey, number_format

CHART_ROWS = 16  # rows a chart takes beside its block (7.5 cm high)
_WIDTH_CM = 16.0
_HEIGHT_CM = 7.5


def add_charts(sheet: Any, table: Table, palette: Palette, lang: str, next_row: int) -> None:
    """Each chart of `table`: its block of numbers, the chart anchored beside it; `next_row` is the
    sheet's next row (a write-only sheet does not count them)."""
    for chart in table.charts:
        sheet.append([])
        first = next_row + 1
        _block(sheet, chart, palette, lang)
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


def _block(sheet: Any, chart: Chart, palette: Palette, lang: str) -> None:
    series = _values(chart)
    sheet.append(
        [
            palette.text_cell(sheet, chart.title, HEADER, lang),
            *(palette.text_cell(sheet, name, HEADER, lang) for name, _ in series),
        ]
    )
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
