"""The five scenarios differ in what their plans stress (DOMAIN.md §1), not just in their title."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest

from salesplan.cli.init_cmd import ScenarioChoice
from salesplan.loader import load_text
from salesplan.model.plan import Plan, Scenario
from salesplan.scaffold import SCENARIO_IDS, Options, describe_scenarios, plan_text
from salesplan.split.engine import split_plan

TODAY = dt.date(2026, 1, 1)


def plan(scenario: str, lang: str = "zh") -> Plan:
    loaded = load_text(plan_text(Options(scenario=scenario, lang=lang, period="2026-Q3"), TODAY))
    assert loaded.plan is not None
    return loaded.plan


def levels(p: Plan) -> set[tuple[str, str]]:
    return {(str(level.by), level.method) for t in p.targets for level in t.split}


def allocation(p: Plan, module: str) -> Decimal:
    assert p.budget is not None
    return p.budget.allocation.get(module, Decimal(0))


def test_the_scenarios_are_the_models_and_the_commands() -> None:
    assert set(SCENARIO_IDS) == set(Scenario.__args__)  # type: ignore[attr-defined]
    assert [c.value for c in ScenarioChoice] == list(SCENARIO_IDS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_list_has_one_line_per_scenario(lang: str) -> None:
    lines = describe_scenarios(lang).splitlines()
    assert [line.split()[0] for line in lines] == list(SCENARIO_IDS)
    assert ("渠道铺货" in lines[0]) == (lang == "zh")


def test_new_product_stresses_target_customers_launch_rhythm_promotion_and_stocking() -> None:
    p = plan("new-product")
    core = p.targets[0]
    assert core.scope is not None and core.scope.segment  # target customers
    months = next(level for level in core.split if level.by == "month")
    assert months.method == "weights" and list(months.weights or {}) == ["2026-07", "2026-08", "2026-09"]
    assert list((months.weights or {}).values()) == sorted((months.weights or {}).values())  # launch ramp-up
    assert ("product", "explicit") in levels(p)  # the new product's own number
    assert max(p.budget.allocation, key=p.budget.allocation.__getitem__) == "promotion"  # type: ignore[union-attr]
    assert any(t.metric == "channel_coverage" for t in p.targets)  # channel stocking
    assert any(k.depends_on for k in p.tasks)  # warm-up -> launch -> stocking


def test_regional_expansion_stresses_regions_local_channels_and_competitors() -> None:
    p = plan("regional-expansion")
    assert ("region", "explicit") in levels(p) and ("rep", "capacity") in levels(p)
    single_region = [t for t in p.targets if t.scope and len(t.scope.regions) == 1]
    assert len(single_region) >= 3  # per-region targets
    assert any(s.module == "channel" for s in p.strategies)
    assert sum(r.category == "competitor" for r in p.risks) >= 2
    assert any(s.module == "price" for s in p.strategies)  # the competitor response


def test_sprint_splits_to_reps_and_weeks_and_tracks_tightly() -> None:
    p = plan("sprint")
    assert ("rep", "capacity") in levels(p) and ("month", "history") in levels(p)  # last year's season
    assert {("week", "workdays"), ("week", "even")} & levels(p)
    assert any(person.start and person.ramp for person in p.team.people)  # a new hire ramping up
    assert any(t.deadline and t.deadline < p.plan.period.end for t in p.targets)  # an early checkpoint
    assert allocation(p, "incentive") >= 30
    assert any("站会" in k.name or "站会" in (k.deliverable or "") for k in p.tasks)


def test_competitive_response_has_price_and_service_measures_and_a_price_war_plan() -> None:
    p = plan("competitive-response")
    modules = {s.module for s in p.strategies}
    assert {"price", "product"} <= modules
    assert max(p.budget.allocation, key=p.budget.allocation.__getitem__) == "price"  # type: ignore[union-attr]
    severe = [r for r in p.risks if r.impact == "severe"]
    assert len(p.risks) >= 5 and len(severe) >= 3
    assert all(r.response and r.trigger and r.owner for r in p.risks)
    assert any("价格战" in r.description for r in p.risks)


def test_key_account_has_per_account_targets_tiers_and_executive_visits() -> None:
    """The key accounts' target splits by tier and then by account (each account's own number, in
    proportion to its purchases last year), and each account's part has its 同比 against its history."""
    p = plan("key-account")
    assert {a.tier for a in p.team.accounts} == {"A", "B", "C"}
    assert ("tier", "explicit") in levels(p) and ("account", "history") in levels(p)
    outcome = split_plan(load_text(plan_text(Options(scenario="key-account", lang="zh", period="2026-Q3"), TODAY)))
    assert outcome.diagnostics == []
    t1 = next(s for s in outcome.splits if s.target_id == "T1")
    assert t1.comparable is not None
    parts = {}
    for tier in t1.root.children:
        for account in tier.children:
            coords = {"tier": tier.part or "", "account": account.part or ""}
            parts[(tier.part, account.part)] = (account.value, t1.growth(coords, account.value))
    # A 440 by last year's 210 : 150 -> 256.67, 183.33 -> 257, 183 (+22.4%, +22.0%); B 150 by 72 : 50 -> 89, 61;
    # C 60 by 30 : 20 -> 36, 24 (+20.0% each)
    assert parts == {
        ("A", "jiangnan-bank"): (257, "+22.4%"),
        ("A", "huaxin-securities"): (183, "+22.0%"),
        ("B", "mingde-health"): (89, "+23.6%"),
        ("B", "hengyuan-logistics"): (61, "+22.0%"),
        ("C", "qinghe-foods"): (36, "+20.0%"),
        ("C", "qihang-edu"): (24, "+20.0%"),
    }
    assert {a.id for a in p.team.accounts} == {account for _tier, account in parts}  # a part per account
    assert t1.growth({}, t1.value) == "+22.2%"  # 650 against 532 last year: its baseline is its history
    assert any(t.metric == "executive_visits" for t in p.targets)
    assert any("高层拜访" in k.name for k in p.tasks)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_scenarios_share_a_target_strategy_or_risk(lang: str) -> None:
    plans = {s: plan(s, lang) for s in SCENARIO_IDS}
    for a, b in itertools.combinations(SCENARIO_IDS, 2):
        for things in (
            lambda p: {t.name for t in p.targets},
            lambda p: {s.name for s in p.strategies},
            lambda p: {r.description for r in p.risks},
            lambda p: {x.id for x in p.team.people[1:]},
        ):
            assert not things(plans[a]) & things(plans[b]), (a, b)
