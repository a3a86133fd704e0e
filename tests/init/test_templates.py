"""One template per scenario for both languages: English text marked for translation, the Chinese in
the templates catalog, sample people named in either language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from salesplan.loader import load_text
from salesplan.model.plan import Plan
from salesplan.scaffold import SCENARIO_IDS, Options, plan_text
from salesplan.scaffold.render import Person, person, template_name
from salesplan.templating import templates_dir

CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
COMMENT = re.compile(r"\{#.*?#\}", re.S)


def plan(scenario: str, lang: str) -> Plan:
    loaded = load_text(plan_text(Options(scenario=scenario, lang=lang, period="2026-Q3"), dt.date(2026, 1, 1)))
    assert loaded.plan is not None
    return loaded.plan


def test_one_template_per_scenario_and_a_frame() -> None:
    folder = templates_dir() / "init"
    names = {path.name for path in folder.iterdir()}
    assert names == {"_base.yaml.j2"} | {Path(template_name(s)).name for s in SCENARIO_IDS}


@pytest.mark.parametrize("name", ["_base", *SCENARIO_IDS])
def test_a_template_holds_no_chinese_text_its_catalog_has_it(name: str) -> None:
    source = (templates_dir() / "init" / f"{name}.yaml.j2").read_text(encoding="utf-8")
    assert not CJK.findall(COMMENT.sub("", source))


@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_sample_people_are_named_in_the_plans_language(scenario: str) -> None:
    zh, en = plan(scenario, "zh"), plan(scenario, "en")
    for zh_person, en_person in zip(zh.team.people[1:], en.team.people[1:], strict=True):
        assert CJK.fullmatch(zh_person.id[0]) and zh_person.name is None
        assert en_person.name is not None and en_person.id == ".".join(en_person.name.split()).lower()
    owners = [k.owner for k in en.tasks]
    assert set(owners) <= {p.id for p in en.team.people}


def test_the_same_english_translated_two_ways_where_it_stands() -> None:
    zh, en = plan("new-product", "zh"), plan("new-product", "en")
    assert "上市发布会" in zh.strategies[1].measures and "新品上市发布会" in {k.name for k in zh.tasks}
    assert "Launch event" in en.strategies[1].measures and "Launch event" in {k.name for k in en.tasks}


def test_text_is_quoted_only_in_the_language_whose_yaml_needs_it() -> None:
    zh = plan_text(Options(scenario="regional-expansion", lang="zh", period="2026-Q3"))
    en = plan_text(Options(scenario="regional-expansion", lang="en", period="2026-Q3"))
    assert "segment: 武汉、襄阳、宜昌的工控经销商}" in zh
    assert 'segment: "automation distributors in Wuhan, Xiangyang and Yichang"}' in en


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("王芳", Person("王芳", "")),
        ("Grace Chen", Person("grace.chen", "Grace Chen")),
        ("yes", Person('"yes"', "")),
        ("Ann Lee-Smith", Person("ann.lee-smith", "Ann Lee-Smith")),
    ],
)
def test_a_sample_person_is_written_as_the_owner_is(name: str, expected: Person) -> None:
    assert person(name) == expected
    assert str(person(name)) == expected.id
