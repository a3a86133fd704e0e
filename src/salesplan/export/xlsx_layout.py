"""Sheet layout around the data: column widths, frozen header, filter, outline, print setup, legend, drop-downs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from salesplan.export.model import Quantity, Table
from salesplan.export.words import LEGEND
from salesplan.export.xlsx_styles import TONES, Palette, StyleKey, display_width
from salesplan.export.xlsx_text import header_text

WIDTH_SAMPLE = 2000  # rows looked at to size columns
MAX_WIDTH = 50
WRAP_WIDTH = 36
WEEK_WIDTH = 6.5
BLANK_ROWS = 500  # rows of a blank template that get the drop-downs
_MAX_ARGS = 255  # Excel's limit of arguments to one function
_MAX_FORMULA = 8000  # Excel's limit is 8192 characters


def _value_width(value: object) -> int:
    if isinstance(value, str):
        return max(display_width(line) for line in value.split("\n"))
    if isinstance(value, Quantity):
        return len(f"{value.value:,.{value.fmt.places}f}") + display_width(value.fmt.unit)
    if isinstance(value, dt.date):
        return 10
    return 0


def column_widths(table: Table) -> list[float]:
    """Fit the header (which wraps onto two lines at most) and the first rows' values; CJK counts double."""
    widths: list[float] = []
    sample = table.rows[:WIDTH_SAMPLE]
    for index, column in enumerate(table.columns):
        if column.week is not None:
            # the week's label on one line, in the header's bold font
            widths.append(max(WEEK_WIDTH, display_width(column.header) * 1.1 + 2))
            continue
        header = display_width(column.header)
        longest = max((_value_width(row.cells[index]) + 2 * row.level * column.indent for row in sample), default=0)
        cap = WRAP_WIDTH if column.wrap else MAX_WIDTH
        # a short header stays on one line, a long one wraps onto two
        widths.append(min(max(longest, min(header, max((header + 1) // 2, 12)), 8) + 2, cap))
    return widths


def prepare_sheet(sheet: Any, table: Table, title: str) -> list[float]:
    """Everything a streamed sheet needs before its first row; the column widths it set."""
    widths = column_widths(table)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2" if table.name == "timeline" else "A2"
    levels = max((row.level for row in table.rows), default=0)
    sheet.sheet_properties.outlinePr.summaryBelow = False  # a parent sits above its parts
    sheet.sheet_format.outlineLevelRow = min(levels, 7)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = header_text(title) or None
    sheet.oddFooter.center.text = "&P / &N"
    return widths


def sum_formula(letter: str, rows: list[int], elsewhere: Sequence[tuple[str, list[int]]] = ()) -> str | None:
    """`=SUM(C3:C6,C9)`: consecutive rows become ranges; over 255 arguments nest; None if too long for Excel.

    `elsewhere`: (sheet title, rows) of parts on other sheets (a table continued past Excel's row limit),
    referenced as `'表 (2)'!C2:C9`.
    """
    parts = _ranges(letter, rows, "") if rows else []
    for title, others in elsewhere:
        parts += _ranges(letter, others, quote_sheetname(title) + "!")
    while len(parts) > _MAX_ARGS:
        parts = [f"SUM({','.join(parts[i : i + _MAX_ARGS])})" for i in range(0, len(parts), _MAX_ARGS)]
    formula = f"=SUM({','.join(parts)})"
    return formula if len(formula) <= _MAX_FORMULA else None


def _ranges(letter: str, rows: list[int], prefix: str) -> list[str]:
    parts: list[str] = []
    start = previous = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        first = f"{prefix}{letter}{start}"
        parts.append(first if start == previous else f"{first}:{letter}{previous}")
        if row is not None:
            start = previous = row
    return parts


def write_extras(sheet: Any, table: Table, palette: Palette, lang: str, blank: bool) -> None:
    """What follows the data: filter, legend, notes and (blank templates) drop-downs."""
    last_row = len(table.rows) + 1
    last_column = get_column_letter(len(table.columns))
    if table.filterable:
        sheet.auto_filter.ref = f"A1:{last_column}{last_row}"
    if table.tone_rules:
        add_tone_rules(sheet, table)
    if table.legend:
        sheet.append([])
        sheet.append([palette.text_cell(sheet, LEGEND.render(lang), StyleKey(bold=True), lang)])
        for item in table.legend:
            sheet.append([palette.text_cell(sheet, item.text, StyleKey(tone=item.tone), lang)])
    if table.notes:
        sheet.append([])
        for note in table.notes:
            sheet.append([palette.text_cell(sheet, note, StyleKey(), lang)])
    if blank:
        for index, column in enumerate(table.columns, start=1):
            if column.choices:
                letter = get_column_letter(index)
                listed = ",".join(column.choices)
                validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
                validation.add(f"{letter}2:{letter}{BLANK_ROWS + 1}")
                sheet.data_validations.append(validation)


def add_tone_rules(sheet: Any, table: Table) -> None:
    """Each ToneRule as Excel conditional formatting: colours follow the numbers when people edit them."""
    last_row = len(table.rows) + 1
    if last_row < 2:
        return
    for rule in table.tone_rules:
        percent = next((r.cells[rule.source] for r in table.rows if isinstance(r.cells[rule.source], Quantity)), None)
        scale = 100 if isinstance(percent, Quantity) and percent.fmt.is_percent else 1
        ref = f"${get_column_letter(rule.source + 1)}2"
        tests = [f"ISNUMBER({ref})"]
        if rule.at_least is not None:
            tests.append(f"{ref}>={rule.at_least / scale}")
        if rule.below is not None:
            tests.append(f"{ref}<{rule.below / scale}")
        colour = TONES[rule.tone]
        fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        ranges = " ".join(f"{get_column_letter(c + 1)}2:{get_column_letter(c + 1)}{last_row}" for c in rule.columns)
        sheet.conditional_formatting.add(ranges, FormulaRule(formula=[f"AND({','.join(tests)})"], fill=fill))
