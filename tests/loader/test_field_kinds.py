"""Every kind of field the loader reads, written wrong: its message is wholly Chinese in zh (the plan's
own tokens quoted as written, every connective translated) and English in en, and it gives examples
of the field's own kind (percentages for a share, weights for a weight, counts for a count)."""

from __future__ import annotations

import calendar
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.diagnostics import Diagnostic
from salesplan.loader import load_text
from salesplan.model.dates import date_problem

PLAN = """\
salesplan: 1
plan: {name: x, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  ramp: [30%, 60%]
  regions: [{id: east-a}]
  channels: [{id: c1, type: direct}]
  accounts: [{id: a1, tier: A, region: east-a}]
  people:
    - {id: A, role: rep, region: east-a, capacity: 100, start: 2026-07-01}
budget:
  allocation: {promotion: 40%}
risks:
  - {id: R1, category: market, description: d, probability: 高, impact: 严重}
targets:
  - {id: T1, metric: revenue, value: 500, deadline: 2026-09-30, split: [{by: region, method: even}]}
  - {id: T2, metric: customers, value: 30, unit: 家}
  - {id: T3, metric: conversion, value: 18%}
"""


def diagnostic(old: str, new: str) -> Diagnostic:
    assert old in PLAN, old
    [found] = load_text(PLAN.replace(old, new, 1), "p.yaml").diagnostics
    return found


# (what is replaced, by what, the English message, the Chinese message)
CASES = [
    # dates: a month, a day, a year out of range; a date not written YYYY-MM-DD
    (
        "start: 2026-07-01, end",
        "start: 2026-13-01, end",
        "'2026-13-01' is not a valid date (the month must be from 1 to 12)",
        "'2026-13-01' 不是有效的日期（月份应在 1 到 12 之间）",
    ),
    (
        "end: 2026-09-30}",
        "end: 2026-09-31}",
        "'2026-09-31' is not a valid date (2026-09 has days 1 to 30)",
        "'2026-09-31' 不是有效的日期（2026-09 只有 1 到 30 日）",
    ),
    (
        "deadline: 2026-09-30",
        "deadline: 2027-02-29",
        "'2027-02-29' is not a valid date (2027-02 has days 1 to 28)",
        "'2027-02-29' 不是有效的日期（2027-02 只有 1 到 28 日）",
    ),
    (
        "deadline: 2026-09-30",
        "deadline: 0000-09-30",
        "'0000-09-30' is not a valid date (the year must be from 1 to 9999)",
        "'0000-09-30' 不是有效的日期（年份应在 1 到 9999 之间）",
    ),
    (
        "deadline: 2026-09-30",
        'deadline: "2026-7-45"',
        "targets[0].deadline: '2026-7-45' is not a valid date (2026-07 has days 1 to 31) (got '2026-7-45')",
        "targets[0].deadline：'2026-7-45' 不是有效的日期（2026-07 只有 1 到 31 日）（实际为 '2026-7-45'）",
    ),
    (
        "start: 2026-07-01}",
        'start: "2026-7-1"}',
        "team.people[0].start: '2026-7-1' is not a valid date (write it as YYYY-MM-DD) (got '2026-7-1')",
        "team.people[0].start：'2026-7-1' 不是有效的日期（应写作 YYYY-MM-DD）（实际为 '2026-7-1'）",
    ),
    # values one of which is written: tiers, channel types, roles, methods
    (
        "tier: A",
        "tier: D",
        "team.accounts[0].tier: Input should be 'A', 'B' or 'C' (got 'D')",
        "team.accounts[0].tier：应为 'A'、'B' 或 'C' 之一（实际为 'D'）",
    ),
    (
        "type: direct",
        "type: 飞机",
        "team.channels[0].type: Input should be 'direct', 'agent', 'distributor', 'online', 'livestream',"
        " 'exhibition' or 'other' (got '飞机')",
        "team.channels[0].type：应为 'direct'、'agent'、'distributor'、'online'、'livestream'、'exhibition'"
        " 或 'other' 之一（实际为 '飞机'）",
    ),
    (
        "role: rep",
        "role: boss",
        "team.people[0].role: Input should be 'director', 'manager', 'rep', 'ops', 'marketing', 'support' or"
        " 'other' (got 'boss')",
        "team.people[0].role：应为 'director'、'manager'、'rep'、'ops'、'marketing'、'support' 或 'other' 之一"
        "（实际为 'boss'）",
    ),
    (
        "method: even",
        "method: magic",
        "targets[0].split[0].method: Input should be 'even', 'weights', 'explicit', 'history', 'capacity',"
        " 'workdays' or 'ipf' (got 'magic')",
        "targets[0].split[0].method：应为 'even'、'weights'、'explicit'、'history'、'capacity'、'workdays' 或"
        " 'ipf' 之一（实际为 'magic'）",
    ),
    # percentages: a ramp share, a budget allocation, a target in %
    (
        "ramp: [30%, 60%]",
        "ramp: [abc, 60%]",
        "team.ramp[0]: 'abc' is not a percentage (write e.g. 30%, 12.5% or 30) (got 'abc')",
        "team.ramp[0]：'abc' 不是百分比（可写作 30%、12.5% 或 30）（实际为 'abc'）",
    ),
    (
        "ramp: [30%, 60%]",
        "ramp: [1.5万, 60%]",
        "team.ramp[0]: '1.5万' is an amount, but this value is a percentage (write e.g. 18%) (got '1.5万')",
        "team.ramp[0]：'1.5万' 是金额，但这里的值是百分比（可写作 18%）（实际为 '1.5万'）",
    ),
    (
        "promotion: 40%",
        "promotion: 四成",
        "budget.allocation.promotion: '四成' is not a percentage (write e.g. 30%, 12.5% or 30) (got '四成')",
        "budget.allocation.promotion：'四成' 不是百分比（可写作 30%、12.5% 或 30）（实际为 '四成'）",
    ),
    (
        "value: 18%}",
        'value: lots, unit: "%"}',
        "targets[2].value: 'lots' is not a percentage (write e.g. 30%, 12.5% or 30) (got 'lots')",
        "targets[2].value：'lots' 不是百分比（可写作 30%、12.5% 或 30）（实际为 'lots'）",
    ),
    # a weight, a count, an amount of money
    (
        "method: even}",
        "method: weights, weights: {east-a: 三成}}",
        "targets[0].split[0].weights.east-a: '三成' is not a weight (write e.g. 2, 0.5 or 30%) (got '三成')",
        "targets[0].split[0].weights.east-a：'三成' 不是权重（可写作 2、0.5 或 30%）（实际为 '三成'）",
    ),
    (
        "value: 30, unit: 家",
        "value: lots, unit: 家",
        "targets[1].value: 'lots' is not a number (write e.g. 30, 1,200 or 500万) (got 'lots')",
        "targets[1].value：'lots' 不是数量（可写作 30、1,200 或 500万）（实际为 'lots'）",
    ),
    (
        "capacity: 100",
        "capacity: lots",
        "team.people[0].capacity: 'lots' is not an amount (write e.g. 500, 416.7, 500万 or 1.2亿) (got 'lots')",
        "team.people[0].capacity：'lots' 不是金额（可写作 500、416.7、500万 或 1.2亿）（实际为 'lots'）",
    ),
    # an id with an invisible character: Unicode's English name in en, the code point in zh
    (
        "{id: A, role",
        '{id: "A\u00a0B", role',
        "team.people[0].id: an id must not contain whitespace, control or invisible characters (NO-BREAK SPACE)"
        " (got 'A\u00a0B')",
        "team.people[0].id：id 不能包含空白、控制或不可见字符（U+00A0）（实际为 'A\u00a0B'）",
    ),
    # a risk scale, a calendar
    (
        "probability: 高",
        "probability: 很高",
        "risks[0].probability: unknown probability '很高' (use high, low, medium, 中, 低, 较低, 较高, 高, or 1..5)"
        " (got '很高')",
        "risks[0].probability：未知的发生概率 '很高'（可用 high、low、medium、中、低、较低、较高、高，或 1..5）"
        "（实际为 '很高'）",
    ),
    (
        "unit: 万元}",
        "unit: 万元, calendar: XX}",
        "plan.calendar: 'XX' is not a holiday calendar: write a country or territory code such as CN, HK, TW, SG"
        " or US (got 'XX')",
        "plan.calendar：'XX' 不是节假日日历：请写国家或地区代码，如 CN、HK、TW、SG 或 US（实际为 'XX'）",
    ),
]


@pytest.mark.parametrize(("old", "new", "en", "zh"), CASES, ids=[case[1] for case in CASES])
def test_each_field_kind_is_answered_in_each_language(old: str, new: str, en: str, zh: str) -> None:
    found = diagnostic(old, new)
    assert (found.message, found.message_zh) == (en, zh)


# what a Chinese message may hold in Latin letters: the plan's tokens quoted or listed as written, a
# field's path, the date form, the calendars' codes
_TOKENS = re.compile(r"'[^']*'|^[\w.\[\]-]+：|YYYY-MM-DD|\b(?:CN|HK|TW|SG|US|high|low|medium|id)\b")


@pytest.mark.parametrize(("old", "new", "en", "zh"), CASES, ids=[case[1] for case in CASES])
def test_no_english_word_is_left_in_a_chinese_message(old: str, new: str, en: str, zh: str) -> None:
    said = diagnostic(old, new).message_zh
    assert said is not None
    assert not re.findall(r"[A-Za-z]{2,}", _TOKENS.sub("", said)), said


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(min_value=0, max_value=9999),
    month=st.integers(min_value=0, max_value=13),
    day=st.integers(min_value=0, max_value=32),
)
def test_a_date_problem_names_the_part_out_of_range(year: int, month: int, day: int) -> None:
    problem = date_problem(f"{year:04d}-{month:02d}-{day:02d}")
    if year == 0:
        assert problem.msgid == "the year must be from 1 to 9999"
    elif not 1 <= month <= 12:
        assert problem.msgid == "the month must be from 1 to 12"
    elif not 1 <= day <= calendar.monthrange(year, month)[1]:
        days = calendar.monthrange(year, month)[1]
        assert problem.render("en") == f"{year:04d}-{month:02d} has days 1 to {days}"
    else:  # a real date: only its form can be wrong
        assert problem.msgid == "write it as YYYY-MM-DD"
    assert re.search(r"[\u4e00-\u9fff]", problem.render("zh"))
