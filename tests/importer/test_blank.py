"""A filled-in blank template (`salesplan export --blank`) imports into a new plan that lints clean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from import_books import blank, edited
from salesplan.cli.app import app
from salesplan.lint.check import lint_file
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.loader import load_plan
from salesplan.split.engine import split_plan

BREAKDOWN, EXECUTION, RISKS = "销售目标设定与拆解表", "销售策略执行计划表", "风险评估与应对表"


def _rows(sheet: str, first: int, rows: list[list[Any]]) -> list[list[Any]]:
    return [
        [sheet, f"{chr(ord('A') + c)}{first + r}", value]
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if value is not None
    ]


FILLED = [
    *_rows(
        BREAKDOWN,
        3,
        [
            [
                "业绩 · 核心目标",
                "第三季度销售额",
                None,
                "按区域",
                "深耕老客户，新增代理商",
                "王芳",
                dt.date(2026, 9, 30),
            ],
            ["区域", "华东", "３００"],
            ["区域", "华南", "2万"],  # 2万 in a 万元 template is 2 (万元)
            ["支撑目标", "新增客户数", "30家", None, "直播获客", "赵强", "2026/9/30"],
            ["区域", "华东", 20],
            ["区域", "华南", 10],
        ],
    ),
    *_rows(
        EXECUTION,
        3,
        [
            [
                "渠道",
                "代理商签约",
                "赵强",
                "2026/7/1",
                dt.date(2026, 7, 31),
                "签约 3 家",
                "20",
                "法务部、市场部",
                "进行中",
            ],
            ["推广", "行业直播", "王芳", 46235, "2026年9月20日", "6 场直播", 60, None, "未开始", "代理商签约"],
        ],
    ),
    *_rows(RISKS, 3, [["竞争", "竞品降价", "中", "严重", None, "限时折扣", "王芳", "竞品报价低于我方 10%"]]),
]


def test_a_filled_blank_template_becomes_a_plan_that_lints_clean(tmp_path: Path) -> None:
    book = tmp_path / "template.xlsx"
    book.write_bytes(edited(blank(), FILLED))
    plan = tmp_path / "plan.yaml"
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(plan), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "2 targets read" in result.output and "2 tasks read" in result.output
    loaded = load_plan(plan)
    assert loaded.plan is not None and not loaded.diagnostics
    (t1, t2) = loaded.plan.targets
    assert (t1.value, t1.unit, t1.owner, t1.deadline) == (302, "万元", "王芳", dt.date(2026, 9, 30))
    assert (t2.value, t2.unit, t2.kind) == (30, "家", "supporting")
    assert loaded.plan.plan.period.start == dt.date(2026, 7, 1) and loaded.plan.plan.period.end == dt.date(2026, 9, 30)
    (k1, k2) = loaded.plan.tasks
    assert (k2.start, k2.end, k2.depends_on, k2.status) == (
        dt.date(2026, 8, 1),
        dt.date(2026, 9, 20),
        ["K1"],
        "not_started",
    )
    assert k1.departments == ["法务部", "市场部"] and k1.budget == 20
    assert [(s.id, s.module) for s in loaded.plan.strategies] == [("S1", "channel"), ("S2", "promotion")]
    (risk,) = loaded.plan.risks
    assert (risk.probability, risk.impact, risk.owner) == ("medium", "severe", "王芳")
    split = {s.target_id: s for s in split_plan(loaded).splits}["T1"]
    assert [(n.part, n.value) for n in split.root.children] == [("华东", 300), ("华南", 2)]
    lint = lint_file(Candidate(str(plan), "plan.yaml", explicit=True), LintConfig(as_of=dt.date(2026, 7, 1)))
    assert lint is not None
    assert [d.format("en") for d in lint.diagnostics] == []


def test_the_example_row_left_as_it_is_is_no_item(tmp_path: Path) -> None:
    book = tmp_path / "template.xlsx"
    first = [edit for edit in FILLED if edit[0] == BREAKDOWN and int(edit[1][1:]) <= 5]  # T1 and its parts
    book.write_bytes(edited(blank(), first))  # the grey example rows untouched
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 0, result.output
    loaded = load_plan(tmp_path / "plan.yaml")
    assert loaded.plan is not None
    assert [t.name for t in loaded.plan.targets] == ["第三季度销售额"] and not loaded.plan.tasks


def test_a_blank_template_cannot_update_a_plan(tmp_path: Path) -> None:
    book = tmp_path / "template.xlsx"
    book.write_bytes(edited(blank(), FILLED))
    plan = tmp_path / "plan.yaml"
    plan.write_text("salesplan: 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(plan), "--lang", "en"])
    assert result.exit_code == 2 and "SP604" in result.output and "write it with -o" in result.output
    assert plan.read_text(encoding="utf-8") == "salesplan: 1\n"
