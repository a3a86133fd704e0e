"""The Markdown export read back by a GFM parser: every row keeps its columns, plan text stays inert."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from salesplan.export.markdown import render_markdown
from salesplan.export.md_text import md_escape, mermaid_ids, mermaid_text
from salesplan.export.model import Document


def parser() -> MarkdownIt:
    # GFM-like, raw HTML on: so any HTML that got through unescaped would show up as HTML
    return MarkdownIt("gfm-like", {"linkify": False}).disable("linkify")


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell sources (header row first)."""
    out: list[list[list[str]]] = []
    row: list[str] = []
    in_cell = False
    for token in tokens:
        if token.type == "table_open":
            out.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append("")
            in_cell = True
        elif token.type == "inline" and in_cell:
            row[-1] = token.content
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "tr_close":
            out[-1].append(row)
    return out


@pytest.mark.parametrize("name", ["reference_doc", "reference_doc_en", "hostile_doc"])
def test_every_table_row_has_the_header_column_count(name: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(name)
    text = render_markdown(doc)
    found = tables(parser().parse(text))
    assert len(found) == len(doc.tables)
    for rows, table in zip(found, doc.tables, strict=True):
        width = len(rows[0])
        assert width == len([c for c in table.columns if c.week is None])
        assert len(rows) == len(table.rows) + 1
        assert all(len(row) == width for row in rows), table.name


def test_reference_markdown_reads_as_the_tables(reference_doc: Document) -> None:
    text = render_markdown(reference_doc)
    found = tables(parser().parse(text))
    breakdown = found[0]
    assert breakdown[0] == [
        "目标维度",
        "核心指标",
        "目标值",
        "拆解逻辑(按区域/产品/客户)",
        "达成路径",
        "责任人",
        "时间节点",
    ]
    assert breakdown[1][:4] == [
        "**业绩 · 核心目标**",
        "**第三季度销售额**",
        "**500万元**",
        "**按区域 → 产品 → 销售代表 → 月份；同比 +20.0%**",
    ]
    assert breakdown[2][:4] == ["区域", "└ A区", "300万元", "指定；同比 +20.0%"]
    crosstab = found[1]  # T1 分解表: parts down, months across, then 合计
    assert crosstab[0] == ["拆解项", "层级", "2026-07", "2026-08", "2026-09", "合计"]
    assert crosstab[1] == ["**T1 第三季度销售额**", "", "**127万元**", "**160万元**", "**213万元**", "**500万元**"]
    assert crosstab[-1] == ["└ 吴敏", "销售代表", "0万元", "14万元", "18万元", "32万元"]
    assert found[3][-1][0] == "**合计**" and found[3][-1][6] == "**105万元**"
    heat = found[5]
    assert heat[3][5] == "🟧 R1" and heat[1][3] == "🟧 R2" and heat[4][2] == "🟩 R3"


def test_mermaid_gantt_with_dependencies(reference_doc: Document) -> None:
    text = render_markdown(reference_doc)
    block = re.search(r"```mermaid\n(gantt\n.*?)```", text, re.DOTALL)
    assert block is not None
    lines = block.group(1).splitlines()
    assert lines[0] == "gantt" and "    dateFormat YYYY-MM-DD" in lines
    assert "    代理商签约 :K1, 2026-07-01, 2026-07-31" in lines
    assert "    代理商产品培训 :K2, after K1, 2026-08-15" in lines
    assert "    section 渠道深耕" in lines


def test_hostile_text_stays_inert(hostile_doc: Document) -> None:
    text = render_markdown(hostile_doc)
    html = parser().render(text)
    for bad in ("<script", "<img", "<a ", "onerror=alert(1)>", "<code>", "<em>bold"):
        assert bad not in html
    cells = [cell for table in tables(parser().parse(text)) for row in table for cell in row]
    # escaped text reads back as the plan wrote it (a | inside a cell, a newline as <br>)
    assert "└ +north|east" in cells  # the parser reads \\| back as |
    assert "└ -south<br>line2" in cells
    # the code fence in a deliverable cannot open a block; the title shows its <script> as text
    # only the charts' and the Gantt's own fences: each opened once and closed once
    assert text.count("```") == 2 * text.count("```mermaid")
    assert (
        "<h1>=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) | &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
        in html
    )


def test_hostile_names_cannot_break_the_gantt(hostile_doc: Document) -> None:
    text = render_markdown(hostile_doc)
    block = re.search(r"```mermaid\n(gantt\n.*?)```", text, re.DOTALL)
    assert block is not None
    tasks = [line.strip() for line in block.group(1).splitlines() if " :" in line]
    assert len(tasks) == 2
    for line in tasks:
        name, _, data = line.partition(" :")
        assert not re.match(r"(click|section|call)\b", name)
        assert not re.search(r"[:;#%`]", name)
        assert re.match(r"[A-Za-z][A-Za-z0-9_]*, ", data)
    assert tasks[1].split(" :")[1].startswith("t_2, after t_click, ")


def test_escape_helpers() -> None:
    assert md_escape("a|b\nc\r\nd") == "a\\|b<br>c<br>d"
    assert md_escape("<b>&x</b>") == "&lt;b&gt;&amp;x&lt;/b&gt;"
    assert md_escape("[x](y) *z* _w_ `v` ~u~ $m$ \\") == "\\[x\\](y) \\*z\\* \\_w\\_ \\`v\\` \\~u\\~ \\$m\\$ \\\\"
    assert md_escape(None) == ""
    assert mermaid_text("title x: y") == "· title x y"
    assert mermaid_ids(["K1", "K 1", "任务", "after", "K_1"]) == {
        "K1": "K1",
        "K 1": "K_1",
        "任务": "t_",
        "after": "t_after",
        "K_1": "K_1_2",
    }


def _gantt_lines(plan_text: str) -> list[str]:
    from salesplan.export.tables import build_document
    from salesplan.loader import load_text

    loaded = load_text(plan_text, "plan.yaml")
    assert loaded.plan is not None, [d.format() for d in loaded.diagnostics]
    text = render_markdown(build_document(loaded.plan, ["timeline"], "zh"))
    block = re.search(r"```mermaid\n(gantt\n.*?)```", text, re.DOTALL)
    assert block is not None
    return [line.strip() for line in block.group(1).splitlines() if line.strip().startswith("代理商")]


def test_after_only_where_the_task_starts_the_day_after(reference_text: str) -> None:
    # K2 starts 08-10, not the day after K1 ends (07-31): `after K1` would draw it from 08-01
    gap = reference_text.replace("    start: 2026-08-01\n", "    start: 2026-08-10\n", 1)
    assert "代理商产品培训 :K2, 2026-08-10, 2026-08-15" in _gantt_lines(gap)
    assert "代理商产品培训 :K2, after K1, 2026-08-15" in _gantt_lines(reference_text)


def test_a_dependency_cycle_never_becomes_a_cycle_of_afters(reference_text: str) -> None:
    # K1 ← K2 ← K1: lint reports the cycle (SP403); the chart keeps every task on its own dates
    cyclic = reference_text.replace("  - id: K1\n", "  - id: K1\n    depends_on: [K2]\n", 1)
    assert [line for line in _gantt_lines(cyclic) if "after" in line] == ["代理商产品培训 :K2, after K1, 2026-08-15"]
    assert "代理商签约 :K1, 2026-07-01, 2026-07-31" in _gantt_lines(cyclic)
