"""The review's words come from the `review` catalog, the same in every part of a sentence and in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from salesplan.diagnostics import Diagnostic
from salesplan.i18n import render
from salesplan.model.plan import Plan
from salesplan.review.actuals import parse_actuals
from salesplan.review.alerts import Alert, PeriodFigure, Triggers, kind_word, message
from salesplan.review.amounts import MONEY, MONEY_EXAMPLES
from salesplan.review.blank import TEMPLATE_COLUMNS, headers
from salesplan.review.engine import Thresholds
from salesplan.review.headers import COLUMNS, VALUE_WORDS, key
from salesplan.review.words import alternatives, listing, series

Write = Callable[[str, str], Path]


def only(path: Path, plan: Plan) -> Diagnostic:
    [diagnostic] = parse_actuals(path, plan).diagnostics
    return diagnostic


def test_lists_follow_the_language() -> None:
    forms = ["2026-07-15", "2026/7/15", "2026年7月15日"]
    assert [render(listing(forms), lang) for lang in ("zh", "en")] == [
        "2026-07-15、2026/7/15、2026年7月15日",
        "2026-07-15, 2026/7/15, 2026年7月15日",
    ]
    assert render(alternatives(forms), "zh") == "2026-07-15、2026/7/15 或 2026年7月15日"
    assert render(alternatives(forms[:2]), "en") == "2026-07-15, 2026/7/15"
    assert render(series(["a", "b"]), "zh") == "a；b"
    assert listing([]) == "" and listing(["one"]) == "one" and alternatives(["one"]) == "one"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_blank_template_header_is_words_salesplan_reads(lang: str) -> None:
    assert [COLUMNS[column][0] for column in COLUMNS] == list(COLUMNS)  # the English word first
    for column, header in zip(TEMPLATE_COLUMNS, headers(lang), strict=True):
        assert key(header) in {key(word) for word in COLUMNS[column]}


def test_suggested_words_are_words_salesplan_reads() -> None:
    assert set(VALUE_WORDS) <= set(COLUMNS["value"])
    assert set(MONEY_EXAMPLES) <= set(MONEY)


@pytest.mark.parametrize(
    ("header", "zh"),
    [
        ("month,月", "月份"),
        ("date,日期", "日期"),
        ("value,金额", "数值"),
        ("region,区域", "区域"),
        ("rep,业务员", "销售代表"),
    ],
)
def test_a_repeated_column_is_named_in_chinese(plan: Plan, write: Write, header: str, zh: str) -> None:
    first, second = header.split(",")
    extra = "" if "value" in header else ",value"
    diagnostic = only(write("a.csv", f"{header}{extra}\n"), plan)
    assert diagnostic.message_zh == f"重复的列 '{second}'：第 1 列已是{zh}列"
    assert diagnostic.message == f"repeated column '{second}': column 1 is already the {first}"


def test_a_value_without_a_known_target_names_the_target_unit_in_each_language(plan: Plan, write: Write) -> None:
    diagnostics = parse_actuals(write("a.csv", "target,value\nT9,abc\n"), plan).diagnostics
    refusal = next(d for d in diagnostics if d.code == "SP062")
    assert refusal.message == "'abc' is not a number in the target's unit"
    assert refusal.message_zh == "'abc' 不是以目标单位计的数字"


def test_a_damaged_workbook_names_its_error_in_both_languages(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"not a zip")
    diagnostic = only(path, plan)
    assert diagnostic.message == "not a readable xlsx file (BadZipFile)"
    assert diagnostic.message_zh == "不是可读取的 xlsx 文件（BadZipFile）"


def test_an_unknown_part_is_named_by_its_column(plan: Plan, write: Write) -> None:
    found = parse_actuals(write("a.csv", "region,product,rep,value\nmars,venus,nobody,1\n"), plan).diagnostics
    assert [d.message_zh for d in found] == ["未知的区域 'mars'", "未知的产品 'venus'", "未知的销售代表 'nobody'"]
    assert [d.message for d in found] == ["unknown region 'mars'", "unknown product 'venus'", "unknown rep 'nobody'"]


def _streak(level: str, periods: int) -> Alert:
    figures = tuple(PeriodFigure(f"P{i}", Fraction(10), Fraction(7), True) for i in range(periods))
    return Alert("streak", "A区", {}, level, figures)


@pytest.mark.parametrize(("level", "zh"), [("week", "周"), ("month", "个月"), ("quarter", "个季度")])
def test_streak_alerts_count_periods_in_each_language(level: str, zh: str) -> None:
    one, two = _streak(level, 1), _streak(level, 2)
    assert message(one, "万元", "en", Triggers()).startswith(
        f"below plan 1 {level} in a row (P0 7万元 of 10万元 planned)"
    )
    assert message(two, "万元", "en", Triggers()).startswith(f"below plan 2 {level}s in a row")
    assert message(two, "万元", "zh", Triggers()) == (
        f"连续 2 {zh}未达成当期计划（P0 实际 7万元 / 计划 10万元；P1 实际 7万元 / 计划 10万元），建议调整计划"
    )
    assert kind_word(two, "zh") == f"连续 2 {zh}未达计划" and kind_word(two, "en") == f"2 {level}s below plan"


@pytest.mark.parametrize(("level", "zh"), [("week", "周"), ("month", "月"), ("quarter", "季度")])
def test_drop_and_rise_words_in_each_language(level: str, zh: str) -> None:
    figures = (PeriodFigure("P1", Fraction(1), Fraction(10), True), PeriodFigure("P2", Fraction(1), Fraction(7), True))
    drop = Alert("drop", "x", {}, level, figures, Decimal(-30))
    rise = Alert("drop", "x", {}, level, figures, Decimal(30))
    assert kind_word(drop, "zh") == f"{zh}环比下降" and kind_word(rise, "zh") == f"{zh}环比上升"
    assert kind_word(drop, "en") == f"{level}-on-{level} drop" and kind_word(rise, "en") == f"{level}-on-{level} rise"
    assert "环比上升 30%（预警线 15%）" in message(rise, "万元", "zh", Triggers())
    assert "is 30% above P1's 10万元 (alert at 15%)" in message(rise, "万元", "en", Triggers())


def test_setting_problems_are_messages_in_both_languages() -> None:
    problem = Thresholds(ahead=Decimal(90), on_track=Decimal(95)).problem()
    assert problem is not None and problem.render("zh") == "阈值须满足 0 ≤ at-risk ≤ on-track ≤ ahead"
    assert f"{problem}" == "thresholds must satisfy 0 ≤ at-risk ≤ on-track ≤ ahead"
    drop = Triggers(drop=Decimal(101)).problem()
    assert drop is not None and drop.render("zh") == "--drop 应为 0 到 100 的百分数"


def test_an_inactive_rep_reads_in_each_language(plan: Plan) -> None:
    fixture = Path(__file__).resolve().parent / "fixtures" / "rep-inactive.csv"
    first = parse_actuals(fixture, plan).diagnostics[0]
    assert first.message_zh == "2026-07-20 不在 吴敏 的在岗期内（吴敏 2026-08-01 入职）；该结果仍计入"
    assert first.hint_zh == "请核对销售代表，或 team.people 中该人员的 start/end"
    assert dt.date(2026, 7, 20).isoformat() in first.message
