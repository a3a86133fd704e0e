"""A cell as the sheet shows it (`cells.shown`), the one reading behind a text cell and a filled-in row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from import_books import RISKS, into
from salesplan.importer import cells


@pytest.mark.parametrize(
    ("value", "shown", "text"),
    [
        (None, "", None),
        ("", "", None),
        ("  华东 ", "  华东 ", "华东"),
        (dt.datetime(2026, 7, 1, 0, 0), "2026-07-01", "2026-07-01"),
        (dt.date(2026, 9, 30), "2026-09-30", "2026-09-30"),
        (Decimal("300.500"), "300.5", "300.5"),
        (Decimal("2E+1"), "20", "20"),
        (12, "12", "12"),
    ],
)
def test_a_cell_reads_as_the_sheet_shows_it(value: Any, shown: str, text: str | None) -> None:
    assert cells.shown(value) == shown
    assert cells.text(value) == text


def test_a_formula_shows_as_its_text_but_is_no_text_cell() -> None:
    formula = cells.Formula("=SUM(C3:C9)")
    assert cells.shown(formula) == "=SUM(C3:C9)"
    with pytest.raises(cells.Bad):
        cells.text(formula)


@pytest.mark.parametrize(("typed", "line"), [("3", "+    probability: 3"), ("低", "+    probability: low")])
def test_a_risk_axis_reads_a_level_or_a_word(tmp_path: Path, typed: str, line: str) -> None:
    result, changed = into(tmp_path, [[RISKS, "C2", typed]])  # R1, highest score first
    assert result.exit_code == 0, result.output
    assert [c.split("#")[0].rstrip() for c in changed] == ["-    probability: medium", line]


def test_an_emptied_risk_axis_is_said_at_its_cell(tmp_path: Path) -> None:
    result, changed = into(tmp_path, [[RISKS, "C2", None]], "--lang", "en")
    assert result.exit_code == 2 and changed == []
    assert "!C2" in result.output and "a risk needs its probability" in result.output
