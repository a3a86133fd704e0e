"""Actuals read as they stream: the same rows, lines and diagnostics as a file read whole, in the same order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.model.plan import Plan
from salesplan.review import grid
from salesplan.review.actuals import parse_actuals
from salesplan.review.grid import _lines

CSV_TEXT = st.text(alphabet='ab1,"\r\n\t 区', max_size=60)


@given(CSV_TEXT)
def test_lines_are_what_stringio_gives(text: str) -> None:
    assert list(_lines(text)) == list(io.StringIO(text, newline=""))


@given(CSV_TEXT)
def test_a_streamed_grid_is_the_whole_grid(text: str) -> None:
    path = Path("/nonexistent")  # not read: _csv is given the text
    whole, problems = grid._csv(text, str(path))
    streamed, streamed_problems = grid._csv(text, str(path), stream=True)
    if whole is None or streamed is None:
        assert whole is None and streamed is None and problems == streamed_problems
        return
    try:
        rows = streamed.rows + list(streamed.body())
    except grid.Unreadable as exc:
        pytest.fail(f"whole read but streamed failed: {exc}")
    assert rows == whole.rows and list(streamed.lines) == list(whole.lines)


def test_a_file_unreadable_part_way_counts_nothing(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    huge = "x" * 200_000  # past the csv module's field limit
    path.write_text(f"region,rep,month,value\nnowhere,李雷,2026-07,1\neast-a,李雷,2026-07,{huge}\n", encoding="utf-8")
    read = parse_actuals(path, plan)
    assert read.rows == [] and [(d.code, d.line) for d in read.diagnostics] == [("SP060", 3)]


def test_too_many_rows_part_way_counts_nothing(plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grid, "MAX_ROWS", 3)
    path = tmp_path / "a.csv"
    path.write_text("region,rep,month,value\n" + "nowhere,李雷,2026-07,1\n" * 5, encoding="utf-8")
    read = parse_actuals(path, plan)
    assert read.rows == [] and [(d.code, d.line, d.col) for d in read.diagnostics] == [("SP060", 1, 1)]
    assert "more than 3 rows" in read.diagnostics[0].message


def test_problems_come_header_first_then_headless_columns_then_rows(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("region,,value,colour\nnowhere,x,1,red\neast-a,y,2,blue,extra\n", encoding="utf-8")
    read = parse_actuals(path, plan)
    assert [(d.code, d.line, d.col) for d in read.diagnostics] == [
        ("SP061", 1, 4),  # the header: an unknown column
        ("SP061", 2, 2),  # a value under no header, each such column once
        ("SP061", 3, 5),
        ("SP063", 2, 1),  # the rows
    ]


def test_windows_lines_and_quoted_line_breaks_are_located(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    rows = [
        "region,rep,month,value",
        "east-a,李雷,2026-07,1",
        'east-a,"李\r\n雷",2026-07,2',
        "east-a,李雷,2026-07,lots",
    ]
    rows.append('"east-a",李雷,2026-07,"3"')
    path.write_bytes("\r\n".join(rows).encode("utf-8") + b"\r\n")
    read = parse_actuals(path, plan)
    assert [(r.source.line, r.where("value").line, r.where("value").col) for r in read.rows] == [(2, 2, 4), (6, 6, 4)]
    assert [(d.code, d.line, d.col) for d in read.diagnostics] == [("SP063", 3, 2), ("SP062", 5, 4)]
    first, second = read.rows
    assert first.coords is second.coords  # rows naming the same parts share one mapping
