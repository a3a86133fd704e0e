"""The blank templates: the same sheets, a grey example row, and drop-downs for the closed lists."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from salesplan.export.blank import blank_document
from salesplan.export.markdown import render_markdown
from salesplan.export.xlsx import render_xlsx

Cli = Callable[..., Any]


def validations(ws: Any) -> dict[str, str]:
    """Column letter -> the list a drop-down offers."""
    return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}


def test_blank_workbook_has_every_sheet_headers_example_and_drop_downs(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    result = cli("export", "--blank", "--format", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "销售目标设定与拆解表",
        "销售策略执行计划表",
        "风险评估与应对表",
        "风险热力图",
        "时间计划（甘特图）",
        "salesplan",  # very hidden: what `salesplan import` reads back (export.embed)
    ]
    assert wb["salesplan"].sheet_state == "veryHidden"
    risks = wb["风险评估与应对表"]
    assert [c.value for c in risks[1]][:4] == ["风险类别", "风险描述", "发生概率", "影响程度"]
    example = risks[2]
    assert example[1].value == "竞品突然降价抢占核心客户"
    assert all(c.font.color is not None and c.font.color.rgb.endswith("808080") for c in example if c.value)
    assert validations(risks) == {"C": '"高,中,低"', "D": '"严重,一般,轻微"', "I": '"待应对,监控中,已发生,已关闭"'}
    assert validations(wb["销售策略执行计划表"]) == {
        "A": '"产品,价格,渠道,推广,客户,激励"',
        "I": '"未开始,进行中,已完成,已延期,受阻,已取消"',
    }
    assert "F" in validations(wb["时间计划（甘特图）"])  # 状态
    execution = wb["销售策略执行计划表"]
    assert execution["G2"].value == 20 and execution["G2"].number_format == '#,##0"万元"'
    assert execution["D2"].number_format == "yyyy-mm-dd"


def test_blank_in_english() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(blank_document("en"))))
    risks = wb["Risk assessment and response"]
    assert validations(risks) == {
        "C": '"high,medium,low"',
        "D": '"severe,moderate,minor"',
        "I": '"open,watching,fired,closed"',
    }
    assert risks["B2"].value == "A competitor cuts prices to take key accounts"


def test_blank_markdown_lists_the_allowed_values(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "blank.md"
    assert cli("export", "--blank", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "- 可选值 · 发生概率: 高 / 中 / 低" in text
    assert "| 竞争 | 竞品突然降价抢占核心客户 | 中 | 严重 | 🟧 高（15） |" in text
    assert render_markdown(blank_document("zh", ["risks"])).count("## ") == 2  # register + heat map
