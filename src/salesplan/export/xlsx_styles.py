"""Excel styles, built once per workbook and shared by every cell that uses them.

A style is made once (fonts, fills, number format on a scratch cell) and its index array is then
handed to each cell: no style objects are created per cell, which keeps 100k-row sheets fast.
"""

from __future__ import annotations

import math
import re
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
# a font every Chinese Windows has and Excel on macOS ships; LibreOffice falls back to a CJK sans
# (WenQuanYi, Noto Sans CJK): without a name, bold text fell back to a serif there
FONT_NAME = "Microsoft YaHei"
FONT_SIZE = 11
LINE_HEIGHT = 17.0  # points a wrapped line of FONT_SIZE needs (CJK glyphs run taller than Latin)
ROW_PADDING = 3.0
DEFAULT_HEIGHT = 18.0  # one line, as LibreOffice and Excel size it for FONT_NAME
BORDER_GREY = "BFBFBF"
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
    grid: bool = False  # thin borders round the cell (the breakdown and cross-tab tables)
    left: bool = False  # left-aligned: an indent shows only on left-aligned cells


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


# a run of narrow characters (a word) with its trailing space, a space run, or one wide character
_PIECE = re.compile(r"[!-~\u00a0-\u10ff]+\s*|\s+|.\s*")


def _piece_width(piece: str, bold: bool) -> float:
    width = display_width(piece)
    return width * 1.1 if bold and piece.isascii() else float(width)


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """Lines `text` takes in a wrapped cell `width` characters wide: a word moves whole to the next
    line (one wider than a line breaks over several), a CJK character breaks anywhere and counts double."""
    room = max(width - 1.0, 1.0)  # the cell's inner margins
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for piece in _PIECE.findall(paragraph):
            size = _piece_width(piece, bold)
            ink = _piece_width(piece.rstrip(), bold)  # a trailing space may hang past the edge
            if used and used + ink > room:
                lines, used = lines + 1, 0.0
            if not used and ink > room:
                extra = math.ceil(ink / room) - 1
                lines, used = lines + extra, size - extra * room
            else:
                used += size
        total += lines
    return total


def row_height(lines: int) -> float:
    """Points a row needs for `lines` wrapped lines."""
    return max(DEFAULT_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING)


def workbook_font() -> Font:
    return Font(name=FONT_NAME, sz=FONT_SIZE, family=2)


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
            scratch.font = Font(
                name=FONT_NAME,
                sz=FONT_SIZE,
                family=2,
                bold=key.bold,
                italic=key.grey,
                color=EXAMPLE_GREY if key.grey else None,
            )
        fill = TONES.get(key.tone or "") or key.fill
        if fill:
            scratch.fill = PatternFill("solid", start_color=fill, end_color=fill)
        if key.indent or key.wrap or key.center or key.left or key.grid:
            horizontal = "center" if key.center else "left" if key.left or key.indent else None
            # a form's cells start at the top, beside a neighbour's wrapped lines
            vertical = "top" if key.wrap or key.grid else ("center" if key.center else None)
            scratch.alignment = Alignment(
                indent=key.indent, wrap_text=key.wrap or None, horizontal=horizontal, vertical=vertical
            )
        thin = Side(style="thin", color=BORDER_GREY)
        if key.top_border:
            side = Side(style="thin") if key.grid else thin
            scratch.border = Border(
                left=side if key.grid else None,
                right=side if key.grid else None,
                top=Side(style="thin"),
                bottom=Side(style="double"),
            )
        elif key.grid:
            scratch.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        style = copy(scratch._style)
        if key.as_text:
            style.quotePrefix = 1
        return style


HEADER = StyleKey(bold=True, fill=HEADER_FILL, wrap=True, center=True)
DATE = StyleKey(number_format=DATE_FORMAT)
