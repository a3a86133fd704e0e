"""A table's charts as mermaid blocks GitHub draws: `pie` for a split, `xychart-beta` for bars and lines.

Every text in a chart goes through `mermaid_text` (no quote, colon, bracket or line break can end a
label early); numbers are their exact decimal digits, percent points for a percent chart.
"""

from __future__ import annotations

from salesplan.export.md_text import mermaid_text
from salesplan.export.model import Chart
from salesplan.numbers import plain


def _quoted(text: str) -> str:
    return '"' + (mermaid_text(text) or "-") + '"'


def chart_lines(chart: Chart) -> list[str]:
    """The mermaid source of one chart, a line each (without the ``` fence)."""
    if chart.kind == "pie":
        lines = [f"pie title {mermaid_text(chart.title)}"]
        series = chart.series[0]
        lines += [f"    {_quoted(c)} : {plain(v)}" for c, v in zip(chart.categories, series.values, strict=True)]
        return lines
    axis = ", ".join(_quoted(c) for c in chart.categories)
    lines = ["xychart-beta", f"    title {_quoted(chart.title)}", f"    x-axis [{axis}]"]
    if chart.unit:
        unit = '"%"' if chart.unit == "%" else _quoted(chart.unit)  # a quoted % is no comment
        lines.append(f"    y-axis {unit}")
    for series in chart.series:
        lines.append(f"    {chart.kind} [{', '.join(plain(v) for v in series.values)}]")
    if chart.line_at is not None:
        lines.append(f"    line [{', '.join(plain(chart.line_at) for _ in chart.categories)}]")
    return lines
