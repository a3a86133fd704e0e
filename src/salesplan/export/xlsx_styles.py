"""Excel styles, built once per workbook and shared by every cell that uses them.

A style is made once (fonts, fills, number format on a scratch cell) and its index array is then
handed to each cell: no style objects are created per cell, which keeps 100k-row sheets fast.
"""

from __future__ import annotations

import unicodedata
from copy import copy
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from salesplan.export.forbidden import xml_safe
from salesplan.export.model import NumberFormat
from salesplan.export.xlsx_text import cell_text

DATE_FORMAT = "yyyy-mm-dd"
GENERAL = "General"
HEADER_FILL = "D9E1F2"
GROUP_FILL = "F2F2F2"
EXAMPLE_GREY = "808080"
# risk levels and strategy modules (timeline bars, legend)
TONES = {
    "low": "C6EFCE",
    "medium": "FFEB9C",
    "high": "F8CBAD",
    "critical": "FF7C80",
    "product": "9DC3E6",
    "price": "F4B183",
    "channel": "A9D18E",
    "promotion": "FFD966",
    "customer": "C5A3D9",
    "incentive": "8FD3D0",
    "task": "B4C7E7",
    # review statuses
    "ahead": "C6EFCE",
    "on_track": "DDEBF7",
    "behind": "FFEB9C",
    "at_risk": "FFC7CE",
}


@dataclass(frozen=True)
class StyleKey:
    number_format: str = "General"
    bold: bool = False
    indent: int = 0
    tone: str | None = None
    fill: str | None = None
    grey: bool = False
    wrap: bool = False
    center: bool = False
    as_text: bool = False  # quote prefix: the cell stays text even when a user edits it
    top_border: bool = False


@lru_cache(maxsize=256)
def number_format(fmt: NumberFormat) -> str:
    """`#,##0.0"万元"` — thousands separators, the plan's unit as written; percents as %."""
    decimals = "." + "0" * fmt.places if fmt.places else ""
    if fmt.is_percent:
        return f"0{decimals}%"
    unit = " ".join(xml_safe(fmt.unit).split())  # one line
    if not unit:
        return f"#,##0{decimals}"
    if not set(unit) & set(';"\\'):
        return f'#,##0{decimals}"{unit}"'
    # a quote, backslash or section separator would end the quoted run (openpyxl and some readers
    # split sections at any ';'): every character is escaped one by one instead
    return f"#,##0{decimals}" + "".join("\\" + ch for ch in unit)


def display_width(text: str) -> int:
    """Columns a text needs: CJK (wide and full-width) characters count double."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Palette:
    """Shared style arrays of one workbook, made on first use."""

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        self._styles: dict[StyleKey, Any] = {}

    def style(self, key: StyleKey) -> Any:
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._make(key)
        return style

    def cell(self, sheet: Any, value: Any, key: StyleKey) -> WriteOnlyCell:
        """A cell carrying the shared style of `key` (the value is bound before the style is set)."""
        cell = WriteOnlyCell(sheet, value)
        cell._style = self.style(key)
        return cell

    def text_cell(self, sheet: Any, text: str, key: StyleKey, lang: str) -> WriteOnlyCell:
        """A cell of plan text: stored as a string (never a formula), quote-prefixed when it looks like one."""
        clean = cell_text(text, lang)
        cell = self.cell(sheet, clean.value, replace(key, as_text=True) if clean.risky else key)
        cell.data_type = "s"
        return cell

    def _make(self, key: StyleKey) -> Any:
        scratch = WriteOnlyCell(self._sheet)
        scratch.number_format = key.number_format
        if key.bold or key.grey:
            scratch.font = Font(bold=key.bold, italic=key.grey, color=EXAMPLE_GREY if key.grey else None)
        fill = TONES.get(key.tone or "") or key.fill
        if fill:
            scratch.fill = PatternFill("solid", start_color=fill, end_color=fill)
        if key.indent or key.wrap or key.center:
            scratch.alignment = Alignment(
                indent=key.indent,
                wrap_text=key.wrap or None,
                horizontal="center" if key.center else None,
                vertical="top" if key.wrap else ("center" if key.center else None),
            )
        if key.top_border:
            scratch.border = Border(top=Side(style="thin"), bottom=Side(style="double"))
        style = copy(scratch._style)
        if key.as_text:
            style.quotePrefix = 1
        return style


HEADER = StyleKey(bold=True, fill=HEADER_FILL, wrap=True, center=True)
DATE = StyleKey(number_format=DATE_FORMAT)
