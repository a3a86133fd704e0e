"""The review's renderers: golden files, xlsx read back with openpyxl, Markdown parsed, the terminal highlight."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import io
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from markdown_it import MarkdownIt

from salesplan.export.markdown import render_markdown
from salesplan.export.review_table import review_document
from salesplan.export.xlsx import render_xlsx
from salesplan.export.xlsx_styles import TONES
from salesplan.loader import LoadedPlan, load_text
from salesplan.review.engine import Review, Thresholds
from salesplan.review.render import render_table
from salesplan.review.run import review_file

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("review_regen_golden", HERE / "regen_golden.py")
assert _spec is not None and _spec.loader is not None
regen = importlib.util.module_from_spec(_spec)
sys.modules["review_regen_golden"] = regen
_spec.loader.exec_module(regen)


@pytest.fixture(scope="module")
def review(reference: LoadedPlan) -> Review:
    result = review_file(reference, regen.ACTUALS, regen.AS_OF, Thresholds())
    assert result.review is not None
    return result.review


@pytest.mark.parametrize(
    "name",
    [
        "reference.json", "reference.zh.md", "reference.en.md", "reference.zh.txt",
        "alerts.json", "alerts.zh.md", "alerts.en.md", "alerts.en.txt",
        "reference.github.zh.txt", "reference.github.en.txt", "reference.sarif.zh.json", "reference.sarif.en.json",
        "alerts.github.zh.txt", "alerts.github.en.txt", "alerts.sarif.zh.json", "alerts.sarif.en.json",
        "kpi.json", "kpi.zh.md", "kpi.en.md", "kpi.zh.txt", "kpi.en.txt",
        "kpi.github.zh.txt", "kpi.github.en.txt", "kpi.sarif.zh.json", "kpi.sarif.en.json",
    ],
)  # fmt: skip
def test_golden(name: str) -> None:
    assert _outputs()[name] == (regen.GOLDEN / name).read_text(encoding="utf-8")


_outputs = functools.cache(regen.outputs)  # every golden of one run of the cases


def test_xlsx_has_the_review_sheet_with_status_fills(reference: LoadedPlan, review: Review) -> None:
    assert reference.plan is not None
    data = render_xlsx(review_document(reference.plan, review, "zh"))
    ws = openpyxl.load_workbook(io.BytesIO(data))["目标达成复盘表"]
    assert [c.value for c in ws[1]] == [
        "目标/拆解项",
        "层级",
        "目标值",
        "实际完成",
        "达成率",
        "序时应完成",
        "序时进度",
        "差额",
        "状态",
    ]
    assert ws["A2"].value == "T1 第三季度销售额" and ws["D2"].value == 95
    # percentages are real percentages: 19% is stored as 0.19 with a % format
    assert ws["E2"].value == pytest.approx(0.19) and ws["E2"].number_format == "0.0%"
    fills = {
        ws.cell(r, 9).value: ws.cell(r, 9).fill.fgColor.rgb[-6:]
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, 9).value
    }
    assert fills["风险"] == TONES["at_risk"] and fills["落后"] == TONES["behind"] and fills["超前"] == TONES["ahead"]
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    formulas = sorted(rule.formula[0] for rule in rules)
    assert len(rules) == 4 and any("$G2>=1.1" in f for f in formulas) and any("$G2<0.8" in f for f in formulas)


def test_plan_text_from_actual_names_never_becomes_a_formula(
    small: Callable[[str], LoadedPlan], write: Callable[[str, str], Path]
) -> None:
    text = regen.REFERENCE.read_text(encoding="utf-8").replace(
        "name: A区", 'name: "=HYPERLINK(\\"http://x\\",\\"A\\")"'
    )
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None and loaded.ok
    actuals = write("a.csv", 'region,date,value\n"=HYPERLINK(""http://x"",""A"")",2026-07-03,7\n')
    result = review_file(loaded, actuals, dt.date(2026, 8, 1), Thresholds())
    assert result.review is not None and result.review.targets[0].rows[1].actual == 7
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(review_document(loaded.plan, result.review, "zh")))).active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_rows_keep_the_header_column_count(reference: LoadedPlan, review: Review, lang: str) -> None:
    assert reference.plan is not None
    text = render_markdown(review_document(reference.plan, review, lang))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    counts: list[int] = []
    cells = 0
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            counts.append(cells)
    rows = sum(len(t.rows) for t in review_document(reference.plan, review, lang).tables)
    assert len(counts) == rows + 1 and set(counts) == {9}


def test_terminal_table_highlights_behind_pace_rows(review: Review) -> None:
    coloured = render_table(review, "zh", width=160, color=True)
    lines = coloured.splitlines()
    behind = [line for line in lines if "落后" in line]
    at_risk = [line for line in lines if "风险" in line]
    on_track = [line for line in lines if "正常" in line and "2026-09" in line]
    assert behind and all("\x1b[33m" in line for line in behind)  # yellow
    assert at_risk and all("\x1b[1;31m" in line or "\x1b[31;1m" in line for line in at_risk)  # bold red
    assert on_track and all("\x1b[33m" not in line and "31m" not in line for line in on_track)
    plain = render_table(review, "zh", width=160)
    assert "\x1b" not in plain and "▼ 落后" in plain and "✖ 风险" in plain
