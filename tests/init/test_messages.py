"""What init says, worded in Chinese and English from the scaffold catalog: refusals, questions, names."""

from __future__ import annotations

import datetime as dt

import pytest

from salesplan.scaffold import Options, ScaffoldError
from salesplan.scaffold.basics import Prompts, resolve_basics

TODAY = dt.date(2026, 11, 23)
CHOICES = "new-product, regional-expansion, sprint, competitive-response, key-account"


@pytest.mark.parametrize(
    ("options", "key", "zh", "en"),
    [
        ({"unit": "kg"}, "bad_unit", "不支持的金额单位 'kg'：请用 万元 或 元", "unsupported unit 'kg': use 万元 or 元"),
        (
            {"name": " "},
            "bad_name",
            "计划名称不能为空，且只能有一行",
            "the plan name must not be empty and must be one line",
        ),
        (
            {"owner": " "},
            "bad_owner",
            "负责人 ' ' 不能为空，也不能含控制字符",
            "the owner ' ' must not be empty or contain control characters",
        ),
        (
            {"scenario": "x"},
            "bad_scenario",
            f"未知场景 'x'；可选：{CHOICES}",
            f"unknown scenario 'x'; choose one of {CHOICES}",
        ),
        (
            {"scenario": None},
            "scenario_required",
            f"请用 --scenario 选择场景：{CHOICES}（salesplan init --list 查看说明）",
            f"choose a scenario with --scenario: {CHOICES} (salesplan init --list describes them)",
        ),
        (
            {"start": "2026-05-01", "end": "2026-04-01"},
            "period_order",
            "计划周期的结束日期 2026-04-01 早于开始日期 2026-05-01",
            "the period ends (2026-04-01) before it starts (2026-05-01)",
        ),
    ],
)
def test_a_refusal_in_both_languages(options: dict[str, str | None], key: str, zh: str, en: str) -> None:
    given: dict[str, str | None] = {"scenario": "sprint", **options}
    with pytest.raises(ScaffoldError) as caught:
        resolve_basics(Options(**given), None, TODAY)  # type: ignore[arg-type]
    assert caught.value.key == key
    assert (caught.value.message("zh"), caught.value.message("en"), str(caught.value)) == (zh, en, en)


@pytest.mark.parametrize(
    ("lang", "name", "owner"),
    [("zh", "2026 年下半年销售目标冲刺计划", "陈静"), ("en", "Sales sprint plan — H2 2026", "Grace Chen")],
)
def test_the_defaults_are_named_in_the_plans_language(lang: str, name: str, owner: str) -> None:
    basics = resolve_basics(Options(scenario="sprint", lang=lang, period="2026-H2"), None, TODAY)
    assert (basics.name, basics.owner, basics.unit) == (name, owner, "万元")


@pytest.mark.parametrize(
    ("lang", "questions"),
    [
        ("zh", ["选择场景", "计划周期（如 2026-Q3、2026-H2、2026、2026-07 或 2026-07-01..2026-09-30）", "计划名称"]),
        (
            "en",
            ["Scenario", "Plan period (e.g. 2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30)", "Plan name"],
        ),
    ],
)
def test_the_questions_and_a_bad_answer_explained(lang: str, questions: list[str]) -> None:
    asked: list[str] = []
    warned: list[str] = []
    answers = iter(["sprint", "2026-Q9", "2027-Q1", "", "", "kg", "元"])

    def ask(question: str, default: str | None) -> str:
        asked.append(question)
        return next(answers) or default or ""

    basics = resolve_basics(Options(lang=lang), Prompts(ask, warned.append), TODAY)
    assert asked[:4] == [questions[0], questions[1], questions[1], questions[2]]
    unit = {"zh": "金额单位（万元/元）", "en": "Unit of money (万元 = 10,000 yuan, or 元)"}[lang]
    assert asked[-2:] == [unit, unit] and basics.unit == "元"
    assert len(warned) == 2 and ("无法识别的周期 '2026-Q9'" in warned[0]) == (lang == "zh")
