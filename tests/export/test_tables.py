"""The renderer-neutral tables: rows, sums, headers, scores and calendar, built once for every renderer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.export.breakdown import breakdown_table, period_end
from salesplan.export.model import Document, Quantity, Table
from salesplan.export.tables import TABLES, UnknownTable, parse_tables
from salesplan.export.timeline import MAX_WEEKS, weeks
from salesplan.loader import load_text
from salesplan.split.result import Basis, SplitNode, TargetSplit

# DOMAIN.md §7, word for word
ZH_HEADERS = {
    "breakdown": ["目标维度", "核心指标", "目标值", "拆解逻辑(按区域/产品/客户)", "达成路径", "责任人", "时间节点"],
    "execution": [
        "策略模块",
        "具体举措/任务",
        "负责人",
        "开始日期",
        "完成日期",
        "交付标准",
        "所需资源/预算",
        "协作部门",
        "状态",
        "前置任务",
    ],
    "risks": ["风险类别", "风险描述", "发生概率", "影响程度", "风险等级", "应对措施", "负责人", "预警信号", "状态"],
}


def table(doc: Document, name: str) -> Table:
    return next(t for t in doc.tables if t.name == name)


def test_headers_are_domain_words_in_chinese_and_english(reference_doc: Document, reference_doc_en: Document) -> None:
    for name, headers in ZH_HEADERS.items():
        assert table(reference_doc, name).headers == headers
        english = table(reference_doc_en, name).headers
        assert len(english) == len(headers) and all(h.isascii() for h in english)
    assert [t.title for t in reference_doc.tables] == [
        "销售目标设定与拆解表",
        "T1 分解表",
        "T2 分解表",
        "销售策略执行计划表",
        "风险评估与应对表",
        "风险热力图",
        "时间计划（甘特图）",
    ]


def test_breakdown_rows_follow_targets_and_their_split(reference_doc: Document) -> None:
    rows = table(reference_doc, "breakdown").rows
    targets = [r for r in rows if r.kind == "target"]
    assert [r.cells[1] for r in targets] == ["第三季度销售额", "新增客户数", "新客户成交率"]
    first = rows[0]
    assert first.cells[0] == "业绩 · 核心目标"
    assert first.cells[3] == "按区域 → 产品 → 销售代表 → 月份；同比 +20.0%"  # 500 / 416.7 - 1 (history.revenue)
    assert first.cells[4:] == ("深耕老客户，新增 3 家代理商", "王芳", dt.date(2026, 9, 30))
    assert isinstance(first.cells[2], Quantity) and first.cells[2].value == 500 and first.cells[2].fmt.unit == "万元"
    region_a = rows[1]
    assert (region_a.level, region_a.cells[0], region_a.cells[1], region_a.cells[3]) == (
        1,
        "区域",
        "A区",
        "指定；同比 +20.0%",
    )
    assert region_a.cells[2] == Quantity(Decimal(300), first.cells[2].fmt)
    # every part says how it was reached
    assert all(r.cells[3] for r in rows)
    # a month part is due at its month's end; a rep part names the rep
    month = next(r for r in rows if r.cells[0] == "月份")
    assert month.cells[6] == dt.date(2026, 7, 31)
    rep = next(r for r in rows if r.cells[0] == "销售代表")
    assert rep.cells[5] == rep.cells[1] == "李雷"
    assert rep.cells[3] == "按产能 160/300"  # a rep has no history of their own: no 同比
    consumable_b = [r for r in rows if r.cells[1] == "耗材"][1]
    assert consumable_b.cells[3] == "按历史占比 40.0%；同比 +19.9%"  # 80 / 66.7 - 1 = 19.94%
    assert targets[1].cells[3] == "按区域 → 销售代表"  # new customers: no comparable history
    percent = targets[2]
    assert percent.cells[3] == "不拆解" and percent.cells[2] == Quantity(Decimal(18), percent.cells[2].fmt)
    assert percent.cells[2].fmt.is_percent


def test_every_subtotal_is_the_sum_of_the_rows_it_names(reference_doc: Document) -> None:
    for name in ("breakdown", "execution"):
        t = table(reference_doc, name)
        assert t.sum_column is not None
        totals = [r for r in t.rows if r.sums]
        assert totals
        for row in totals:
            parts = [t.rows[i].cells[t.sum_column] for i in row.sums]
            value = row.cells[t.sum_column]
            assert isinstance(value, Quantity)
            assert value.value == sum((p.value for p in parts if isinstance(p, Quantity)), Decimal(0))


def test_execution_groups_tasks_by_strategy_with_total(reference_doc: Document) -> None:
    rows = table(reference_doc, "execution").rows
    assert [r.kind for r in rows] == ["group", "data", "data", "group", "data", "group", "data", "total"]
    assert rows[0].cells[:3] == ("渠道", "渠道深耕：新增 3 家代理商；代理商季度达标返利 5%（策略预算 45万元）", "赵强")
    assert rows[2].cells[9] == "代理商签约" and rows[2].cells[7] == "产品部"
    total = rows[-1].cells[6]
    assert isinstance(total, Quantity) and total.value == 105


def test_risks_are_scored_sorted_and_placed_on_the_heat_map(reference_doc: Document) -> None:
    risks = table(reference_doc, "risks")
    assert [r.cells[4] for r in risks.rows] == ["高（15）", "高（15）", "低（4）"]
    assert [r.cells[1] for r in risks.rows][2] == "直播预算超支"
    assert [r.tones[4] if r.tones else None for r in risks.rows] == ["high", "high", "low"]
    heat = table(reference_doc, "heatmap")
    grid = {(row.cells[0], heat.headers[i]): row.cells[i] for row in heat.rows for i in range(1, 6)}
    assert grid[("3 中", "5 严重")] == "R1"
    assert grid[("5 高", "3 一般")] == "R2"
    assert grid[("2", "2")] == "R3"
    assert sum(1 for v in grid.values() if v) == 3
    assert heat.rows[0].tones == (None, "medium", "high", "high", "critical", "critical")


def test_timeline_fills_the_weeks_each_task_runs(reference_doc: Document) -> None:
    t = table(reference_doc, "timeline")
    week_columns = [c for c in t.columns if c.week is not None]
    assert week_columns[0].week == dt.date(2026, 6, 29) and week_columns[-1].week == dt.date(2026, 9, 28)
    first = t.rows[0]  # 代理商签约 2026-07-01 .. 07-31: the weeks of 06-29 .. 07-27
    tones = first.tones or ()
    filled = [c.week for c, tone in zip(t.columns, tones, strict=True) if tone]
    assert filled == [dt.date(2026, 6, 29) + dt.timedelta(weeks=k) for k in range(5)]
    assert {tone for tone in tones if tone} == {"channel"}
    assert [g.after for g in t.gantt] == [(), ("K1",), (), ()]
    assert {item.tone for item in t.legend} == {"channel", "customer", "promotion"}


def test_parse_tables() -> None:
    assert parse_tables(None) == list(TABLES)
    assert parse_tables("risks, breakdown") == ["breakdown", "risks"]
    with pytest.raises(UnknownTable, match="budget"):
        parse_tables("breakdown,budget")


def test_period_end_and_weeks() -> None:
    assert period_end("2026-02") == dt.date(2026, 2, 28)
    assert period_end("2026-Q3") == dt.date(2026, 9, 30)
    assert period_end("2026-W01") == dt.date(2026, 1, 4)
    assert period_end("east-a") is None and period_end("2026-13") is None
    assert len(weeks(dt.date(2020, 1, 1), dt.date(2099, 1, 1))) == MAX_WEEKS


PLAN = "salesplan: 1\nplan: {name: p, period: {start: 2026-01-01, end: 2026-12-31}}\ntargets: [{id: T, value: 1}]\n"


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> SplitNode:
    children = [] if depth >= 3 else draw(st.lists(trees(depth + 1), max_size=4))
    own = Decimal(draw(st.integers(0, 1000))) / 10
    value = sum((c.value for c in children), Decimal(0)) if children else own
    return SplitNode("region" if depth else None, f"p{depth}-{own}", value, Basis("even"), children)


@settings(max_examples=60, deadline=None)
@given(trees())
def test_any_split_tree_becomes_rows_whose_sums_hold(root: SplitNode) -> None:
    loaded = load_text(PLAN)
    assert loaded.plan is not None
    split = TargetSplit("T", "万元", root.value, ["region"], root)
    t = breakdown_table(loaded.plan, {"T": split}, "zh")
    assert len(t.rows) == sum(1 for _ in root.walk())
    assert [r.level for r in t.rows] == [depth for depth, _ in root.walk()]
    for row in t.rows:
        value = row.cells[2]
        assert isinstance(value, Quantity)
        if row.sums:
            assert value.value == sum((t.rows[i].cells[2].value for i in row.sums), Decimal(0))  # type: ignore[union-attr]
            assert all(t.rows[i].level == row.level + 1 for i in row.sums)


def test_an_account_or_channel_row_names_its_owner_as_the_rep_row_names_the_rep() -> None:
    """责任人 of a breakdown row: the rep of a rep row, the `owner:` of an account or a channel row
    (by the person's name), none where the part has no owner (an account without one, a tier)."""
    plan = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a}]
  channels:
    - {id: direct, name: 直销, owner: wang}
    - {id: live, name: 直播}
  accounts:
    - {id: renji, name: 仁济医院, tier: A, region: east-a, owner: li}
    - {id: ruijin, name: 瑞金医院, tier: A, region: east-a}
  people:
    - {id: wang, name: 王芳, role: manager}
    - {id: li, name: 李雷, role: rep, region: east-a, capacity: 500}
targets:
  - id: T
    value: 300
    split:
      - {by: channel, method: explicit, values: {direct: 200, live: 100}}
      - {by: tier, method: even}
      - {by: account, method: even}
  - id: R
    value: 90
    split:
      - {by: rep, method: even}
"""
    from salesplan.split.engine import split_plan

    loaded = load_text(plan)
    assert loaded.plan is not None
    splits = {s.target_id: s for s in split_plan(loaded).splits}
    rows = breakdown_table(loaded.plan, splits, "zh").rows
    owners = [(row.cells[1].strip("└　 "), row.cells[5]) for row in rows]  # type: ignore[union-attr]
    assert owners == [
        ("T", None),
        ("直销", "王芳"),
        ("A", None),
        ("仁济医院", "李雷"),
        ("瑞金医院", None),
        ("直播", None),
        ("A", None),
        ("仁济医院", "李雷"),
        ("瑞金医院", None),
        ("R", None),
        ("李雷", "李雷"),
    ]
