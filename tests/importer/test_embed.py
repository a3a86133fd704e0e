"""The hidden sheet an exported workbook carries: the plan's own text, and a key for every row that names
the item the row shows (checked against the visible cells of the reference plan and every example)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from import_books import blank, exported
from repo_files import EXAMPLES, REFERENCE
from salesplan.loader import load_plan

PLANS = [REFERENCE, *sorted(EXAMPLES.glob("*.yaml"))]


def hidden(data: bytes) -> tuple[openpyxl.Workbook, list[list[str]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["salesplan"]
    assert sheet.sheet_state == "veryHidden"
    rows = [[c.value for c in row if c.value is not None] for row in sheet.iter_rows()]
    return book, [[str(v) for v in row] for row in rows]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_rows_are_keyed_by_the_items_they_show(plan: Path) -> None:
    loaded = load_plan(plan)
    assert loaded.plan is not None
    book, rows = hidden(exported(plan))
    assert rows[0] == ["salesplan-workbook", "1"]
    plan_text = "".join(next(row[1:] for row in rows if row[0] == "plan"))
    assert plan_text == plan.read_text(encoding="utf-8")
    keyed = {row[1]: "".join(row[2:]).split("\n") for row in rows if row[0] == "rows"}
    tables = {row[1]: row[2] for row in rows if row[0] == "sheet"}
    assert (
        {"breakdown", "execution", "risks"} <= set(tables.values()) <= {"breakdown", "crosstab", "execution", "risks"}
    )
    tasks = {t.id: t.name for t in loaded.plan.tasks}
    risks = {r.id: r.description for r in loaded.plan.risks}
    targets = {t.id: t.name or t.metric or t.id for t in loaded.plan.targets}
    for title in tables:
        sheet = book[title]
        keys = keyed[title]
        for number, key in enumerate(keys, start=2):
            kind, *ids = key.split("\t")
            cells = [c.value for c in sheet[number]]
            if kind == "task":
                assert cells[1] == tasks[ids[0]]
            elif kind == "risk":
                assert cells[1] == risks[ids[0]]
            elif kind == "target":
                assert cells[1] == targets[ids[0]]
            elif kind == "total":
                assert cells[0] == "合计"
            elif kind == "cross" and len(ids) == 1:
                assert cells[0] == f"{ids[0]} {targets[ids[0]]}".strip()
        after = [c.value for c in sheet[len(keys) + 2]]
        assert not any(after), (title, after)  # every data row is keyed


def test_the_blank_template_has_the_marker_and_no_plan() -> None:
    _book, rows = hidden(blank())
    assert rows[0] == ["salesplan-workbook", "1"]
    assert not [row for row in rows if row[0] in ("plan", "rows")]
    assert ["word", "status", "done", "已完成"] in rows


def test_plan_text_that_excel_would_decode_is_kept_in_base64(tmp_path: Path) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("name: 渠道深耕", "name: 渠道_x0041_深耕")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    _book, rows = hidden(exported(plan))
    assert [row[0] for row in rows if row[0].startswith("plan")] == ["plan-base64"]
