"""Where a finding sits, as people name it: `file:line:col`, or `book.xlsx:Sheet!C7` in a workbook."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from salesplan.diagnostics import Diagnostic, Severity, SourceRef, column_letter
from salesplan.report.json_report import diagnostic_json


def test_column_letters_as_excel_names_them() -> None:
    assert [column_letter(n) for n in (1, 7, 26, 27, 52, 53, 702, 703, 16384)] == [
        "A", "G", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
    ]  # fmt: skip


@given(st.integers(min_value=1, max_value=16384))
def test_column_letters_agree_with_openpyxl(column: int) -> None:
    assert column_letter(column) == get_column_letter(column)


def test_a_workbook_cell_is_named_by_sheet_and_cell_a_text_place_by_line_and_column() -> None:
    cell = Diagnostic("SP062", Severity.ERROR, "'abc' is not a number", SourceRef("a.xlsx", 3, 7, sheet="实际数据"))
    assert cell.format("en") == "a.xlsx:实际数据!G3: SP062 'abc' is not a number"
    line = Diagnostic("SP062", Severity.ERROR, "'abc' is not a number", SourceRef("a.csv", 3, 7))
    assert line.format("en") == "a.csv:3:7: SP062 'abc' is not a number"
    assert (diagnostic_json(cell, "en")["sheet"], diagnostic_json(cell, "en")["cell"]) == ("实际数据", "G3")
    assert "sheet" not in diagnostic_json(line, "en")


def test_a_control_character_in_a_sheet_name_is_shown_inert() -> None:
    cell = Diagnostic("SP062", Severity.ERROR, "bad", SourceRef("a.xlsx", 1, 1, sheet="x\x1b[31m"))
    assert "\x1b" not in cell.format("en")
