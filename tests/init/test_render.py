"""Every scenario, in both languages, for any period and unit: loads cleanly and passes `salesplan lint`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from salesplan.lint import lint_text
from salesplan.loader import load_text
from salesplan.model.plan import Plan
from salesplan.scaffold import SCENARIO_IDS, Options, ScaffoldError, plan_text
from salesplan.scaffold.basics import resolve_basics
from salesplan.scaffold.render import render_plan

TODAY = dt.date(2026, 11, 23)
PERIODS = ["2026-Q3", "2026-07", "2026", "2026-H1", "2026-02-01..2026-02-28", "2027-Q1"]


def load(scenario: str, lang: str = "zh", **options: str) -> Plan:
    text = plan_text(Options(scenario=scenario, lang=lang, **options), TODAY)
    loaded = load_text(text)
    assert loaded.diagnostics == []
    assert loaded.plan is not None
    return loaded.plan


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scenario", SCENARIO_IDS)
@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_every_plan_loads_and_passes_lint(scenario: str, lang: str, period: str, unit: str) -> None:
    basics = resolve_basics(Options(scenario=scenario, lang=lang, period=period, unit=unit), None, TODAY)
    text = render_plan(basics)
    loaded = load_text(text, f"{scenario}.{lang}.yaml")
    assert [d.format() for d in loaded.diagnostics] == []
    assert loaded.plan is not None
    linted = lint_text(text, f"{scenario}.{lang}.yaml")  # every rule, the split engine included
    assert [d.format("en") for d in linted.diagnostics] == []
    assert [s.passed for s in linted.scores] == [5] * len(loaded.plan.targets)
    header = loaded.plan.plan
    assert (header.scenario, header.lang, header.unit) == (scenario, lang, unit)
    assert (header.period.start, header.period.end) == (basics.period.start, basics.period.end)


@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_zh_and_en_plans_agree_on_every_number_id_and_date(scenario: str) -> None:
    zh, en = load(scenario, "zh", period="2026-Q3"), load(scenario, "en", period="2026-Q3")
    assert _shape(zh) == _shape(en)


def _shape(plan: Plan) -> object:
    """Everything but the words: people by position, so 王芳 and grace.chen compare equal."""
    who = {p.id: i for i, p in enumerate(plan.team.people)}
    return (
        [(p.role, p.region, p.capacity, p.start) for p in plan.team.people],
        [r.id for r in plan.team.regions],
        [p.id for p in plan.team.products],
        [(a.id, a.tier, a.region, who.get(a.owner or "")) for a in plan.team.accounts],
        plan.history and plan.history.revenue,
        [
            (t.id, t.kind, t.dimension, t.metric, t.value, t.baseline, t.deadline, who[t.owner or ""], t.strategies)
            for t in plan.targets
        ],
        [(t.scope and (t.scope.regions, t.scope.products, t.scope.accounts), t.split) for t in plan.targets],
        [(s.id, s.module, s.budget, who[s.owner or ""], len(s.measures)) for s in plan.strategies],
        plan.budget,
        [(r.id, r.category, r.probability, r.impact, who[r.owner or ""]) for r in plan.risks],
        [(k.id, k.strategy, k.start, k.end, k.budget, k.depends_on, who[k.owner or ""]) for k in plan.tasks],
    )


@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_amounts_in_yuan_are_ten_thousand_times_those_in_wan(scenario: str) -> None:
    wan, yuan = load(scenario, unit="万元", period="2026-Q3"), load(scenario, unit="元", period="2026-Q3")
    scale = Decimal(10_000)
    assert wan.budget is not None and yuan.budget is not None and wan.budget.total is not None
    assert yuan.budget.total == wan.budget.total * scale
    assert [s.budget * scale for s in wan.strategies if s.budget] == [s.budget for s in yuan.strategies if s.budget]
    assert [p.capacity for p in yuan.team.people] == [p.capacity and p.capacity * scale for p in wan.team.people]
    for t_wan, t_yuan in zip(wan.targets, yuan.targets, strict=True):
        money = t_wan.unit == "万元"
        assert t_yuan.value == (t_wan.value * scale if money else t_wan.value)
        assert t_yuan.unit == ("元" if money else t_wan.unit)


def test_a_new_hire_starts_inside_the_period_and_history_is_a_year_earlier() -> None:
    plan = load("regional-expansion", period="2024-03-01..2024-05-31")
    assert plan.history is not None and plan.history.period is not None
    assert (plan.history.period.start, plan.history.period.end) == (dt.date(2023, 3, 1), dt.date(2023, 5, 31))
    starts = [p.start for p in plan.team.people if p.start is not None]
    assert starts and all(dt.date(2024, 3, 1) < s <= dt.date(2024, 5, 31) for s in starts)


def test_sprint_weeks_fall_back_to_even_where_the_holiday_calendar_has_no_data() -> None:
    years_ahead = load("sprint", period="2099-Q1").targets[0].split[-1]
    known = load("sprint", period="2026-Q4").targets[0].split[-1]
    assert (years_ahead.by, years_ahead.method) == ("week", "even")
    assert (known.by, known.method) == ("week", "workdays")


@pytest.mark.parametrize(
    "name",
    ["Q3: 冲刺 #1", "yes", "[draft] plan", "- 计划", "2026", 'it\'s "ours"', "a, b {c}", "🚀 launch", "x\u00a0y"],
)
def test_any_plan_name_comes_back_exactly(name: str) -> None:
    assert load("sprint", name=name).plan.name == name


@pytest.mark.parametrize(
    ("owner", "person_id", "display"),
    [
        ("张伟", "张伟", None),
        ("Grace Chen", "grace.chen", "Grace Chen"),
        ("007", "007", None),
        ("O'Neil", "O'Neil", None),
    ],
)
def test_the_owner_becomes_the_director(owner: str, person_id: str, display: str | None) -> None:
    plan = load("key-account", owner=owner)
    director = plan.team.people[0]
    assert (director.id, director.name, director.role) == (person_id, display, "director")
    assert plan.plan.owner == person_id


def test_an_owner_named_like_someone_in_the_template_is_refused_with_a_hint() -> None:
    with pytest.raises(ScaffoldError) as caught:
        plan_text(Options(scenario="new-product", owner="林晓"), TODAY)
    assert caught.value.key == "owner_clash"
    assert "--owner" in caught.value.message("zh")
    assert any(d.code == "SP030" for d in caught.value.diagnostics)
