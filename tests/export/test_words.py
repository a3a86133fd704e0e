"""The export's words and messages come from the catalogs, in the export's language, as they always read."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from salesplan import codes
from salesplan.export import words
from salesplan.export.findings import PART_OF_SUM, SUM_AS_VALUE, Finding
from salesplan.export.locate import _message
from salesplan.export.markdown import TemplateFailure, render_markdown
from salesplan.export.model import Column, Document, LegendItem, Table
from salesplan.export.run import ExportError, check_template_dir, render, resolve_format
from salesplan.export.tables import UnknownTable, parse_tables
from salesplan.export.xlsx_sheets import MAX_COLUMNS, TooWide
from salesplan.export.xlsx_text import CUT_MARK
from salesplan.model.words import LEVELS
from salesplan.review.words import STATUS_WORDS

# (words table, key, Chinese, English): every word of the tables
WORDS = [
    (LEVELS, "region", "区域", "region"),
    (LEVELS, "rep", "销售代表", "rep"),
    (LEVELS, "month", "月份", "month"),  # the split engine says 月: the export's level column says 月份
    (LEVELS, "account", "客户", "account"),
    (words.MODULES, "promotion", "推广", "promotion"),
    (words.STATUSES, "delayed", "已延期", "delayed"),
    (words.PROBABILITIES, "medium", "中", "medium"),
    (words.IMPACTS, "minor", "轻微", "minor"),
    (words.RISK_LEVELS, "critical", "极高", "critical"),
    (words.CATEGORIES, "policy", "政策", "policy"),
    (STATUS_WORDS, "on_track", "正常", "on track"),
    (words.DIMENSIONS, "efficiency", "效率", "efficiency"),
    (words.KINDS, "supporting", "支撑目标", "supporting"),
]


@pytest.mark.parametrize(("table", "key", "zh", "en"), WORDS)
def test_a_word_in_both_languages(table: dict[str, object], key: str, zh: str, en: str) -> None:
    assert words.word(table, key, "zh") == zh  # type: ignore[arg-type]
    assert words.word(table, key, "en") == en  # type: ignore[arg-type]


def test_free_text_is_shown_as_written() -> None:
    assert words.word(words.CATEGORIES, "渠道冲突", "zh") == "渠道冲突"
    assert words.word(words.CATEGORIES, "product", "zh") == "product"  # a module word is not a category


def test_the_same_english_header_reads_apart_where_it_stands() -> None:
    assert words.headers("breakdown", "zh")[5] == "责任人" and words.headers("execution", "zh")[2] == "负责人"
    assert words.headers("breakdown", "en")[5] == words.headers("execution", "en")[2] == "Owner"
    assert words.headers("alerts", "zh")[:2] == ["目标", "对象"] and words.headers("review", "zh")[2] == "目标值"
    assert words.NOT_SPLIT.render("zh") == "不拆解" and words.NOT_SPLIT.render("en") == "not split"


def test_titles_and_small_texts() -> None:
    assert [words.title(name, "zh") for name in ("breakdown", "heatmap", "timeline")] == [
        "销售目标设定与拆解表",
        "风险热力图",
        "时间计划（甘特图）",
    ]
    assert words.HEAT_CORNER.render("zh") == "发生概率 \\ 影响程度"
    assert words.level_text("high", 15, "zh") == "高（15）" and words.level_text("high", 15, "en") == "high (15)"
    assert words.joined(["a", "b", "c"], "zh") == "a、b、c" and words.joined(["a", "b"], "en") == "a, b"
    assert words.joined(["x", "y"], "zh", words.CLAUSE_SEPARATOR) == "x；y"
    assert words.joined([], "zh") == "" and words.joined(["only"], "en") == "only"
    assert CUT_MARK.render("zh") == "…[截断]" and CUT_MARK.render("en") == "…[truncated]"


def test_the_choices_of_a_drop_down_are_every_word_in_order() -> None:
    assert words.words(words.STATUSES, "zh") == ("未开始", "进行中", "已完成", "已延期", "受阻", "已取消")
    assert words.words(words.PROBABILITIES, "en") == ("high", "medium", "low")


def test_located_warnings_in_both_languages() -> None:
    forbidden = _message(Finding(codes.FORBIDDEN_CHARACTER, "a\x0cb", "title", "U+000C"), 1)
    assert forbidden.render("zh") == "U+000C 不能写入文件，已在 文档标题 显示为 U+FFFD（\ufffd）：'a\\x0cb'"
    assert (
        forbidden.render("en")
        == "U+000C cannot be written to a file; shown as U+FFFD (\ufffd) in the document title: 'a\\x0cb'"
    )
    cut = _message(Finding(codes.CELL_TEXT_CUT, "长文本", "表!E2", "33003"), 3)
    assert cut.render("zh") == (
        "文本共 33003 个字符，超过 Excel 单元格上限 32,767；已在 表!E2（另有 2 处） 截断，以 …[截断] 结尾：'长文本'"
    )
    assert cut.render("en") == (
        "text of 33003 characters is over Excel's 32,767 per cell; cut in 表!E2 (and 2 more places), "
        "ending in …[truncated]: '长文本'"
    )
    number = Decimal("1234567890123456.5")
    total = _message(Finding(codes.NUMBER_AS_TEXT, number, "表!B2", SUM_AS_VALUE), 2)
    assert total.render("zh") == (
        "1234567890123456.5 有效数字超过 15 位，Excel 会舍入；已在 表!B2（另有 1 处） 以文本写出精确值"
        "，这是合计：写为精确值而非 SUM 公式"
    )
    assert total.render("en") == (
        "1234567890123456.5 has more than 15 significant digits, which Excel would round; written as exact text "
        "in 表!B2 (and 1 more place), a total: written as its exact value, not a SUM formula"
    )
    part = _message(Finding(codes.NUMBER_AS_TEXT, number, "表!B3", PART_OF_SUM), 1)
    assert part.render("zh").endswith("以文本写出精确值，包含它的合计写为精确值而非 SUM 公式（SUM 会跳过文本）")
    alone = _message(Finding(codes.NUMBER_AS_TEXT, number, "表!C4"), 1)
    assert alone.render("en").endswith("written as exact text in 表!C4") and alone.render("zh").endswith("精确值")


def test_refusals_carry_both_languages(tmp_path: Path) -> None:
    with pytest.raises(UnknownTable) as unknown:
        parse_tables("risks,bogus")
    assert str(unknown.value) == "unknown table bogus (choose from breakdown, execution, risks, timeline)"
    assert unknown.value.message.render("zh") == "未知的表 bogus（可选：breakdown, execution, risks, timeline）"
    with pytest.raises(ExportError) as stdout:
        resolve_format("xlsx", Path("-"))
    assert stdout.value.message.render("zh") == "xlsx 工作簿不能输出到标准输出；请用 -o 指定文件"
    with pytest.raises(ExportError) as missing:
        check_template_dir(tmp_path / "nope")
    assert missing.value.message.render("zh") == f"模板目录 {tmp_path / 'nope'} 不存在"
    assert str(missing.value) == f"template folder {tmp_path / 'nope'} does not exist"
    wide = Table("timeline", "时间计划", tuple(Column(f"c{i}", "") for i in range(MAX_COLUMNS + 1)), [])
    too_wide = TooWide(wide)
    assert too_wide.message.render("zh").startswith(
        f"表“时间计划”有 {MAX_COLUMNS + 1:,} 列，Excel 工作表最多 {MAX_COLUMNS:,} 列"
    )
    assert str(too_wide).startswith(f"table '时间计划' has {MAX_COLUMNS + 1:,} columns")
    with pytest.raises(ExportError) as failed:
        render(Document("t", "en", [wide]), "xlsx")
    assert failed.value.message == too_wide.message


def test_a_template_failure_says_why_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "plan.md.j2").write_text("{{ nothing_here }}", encoding="utf-8")
    with pytest.raises(TemplateFailure) as failed:
        render_markdown(Document("t", "zh", []), tmp_path)
    assert failed.value.message.render("zh").startswith("模板使用了未定义的值：")
    assert str(failed.value).startswith("template uses an undefined value: ")


@pytest.mark.parametrize(("lang", "legend", "allowed"), [("zh", "图例", "可选值"), ("en", "Legend", "Allowed values")])
def test_the_templates_speak_the_export_language(lang: str, legend: str, allowed: str) -> None:
    table = Table(
        "risks", "R", (Column("p", "P", choices=("a", "b")),), [], legend=(LegendItem("high", "h"),), filterable=False
    )
    text = render_markdown(Document("T", lang, [table], blank=True))
    assert f"\n{legend}: 🟧 h\n" in text and f"\n- {allowed} · P: a / b\n" in text
