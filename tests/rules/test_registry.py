"""Every rule is documented (with a failing and a passing example) and has a fixture; codes are stable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from salesplan import codes
from salesplan.rules import BY_NAME, RULES, expand, lookup

CASES = Path(__file__).parent / "cases"
_BLOCK = r"{}::\n\n((?:    .*\n|\n)+)"


def _example(doc: str, which: str) -> str:
    match = re.search(_BLOCK.format(which), doc + "\n")
    assert match, f"no '{which}::' block"
    return "\n".join(line[4:] for line in match[1].splitlines())


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_documented_with_examples(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"SP\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.summary.endswith(".")
    for which in ("Failing example", "Passing example"):
        text = _example(rule.doc, which)
        assert text.strip()
        if code not in ("SP001", "SP002", "SP003", "SP004", "SP007"):
            yaml.compose(text)  # the examples are YAML a user can copy (SP001–SP004, SP007 show what is not)


@pytest.mark.parametrize("code", list(RULES))
def test_rule_has_a_fixture_with_failing_and_passing_cases(code: str) -> None:
    data = yaml.safe_load((CASES / f"{code}.yml").read_text(encoding="utf-8"))
    expects = [case["expect"] for case in data["cases"]]
    assert any(expects) and not all(expects)
    assert all(found[0] == code for expect in expects for found in expect)


def test_no_fixture_without_a_rule() -> None:
    assert {p.stem for p in CASES.glob("*.yml")} == set(RULES)


def test_loader_codes_are_all_documented() -> None:
    for code, (name, _summary) in codes.LOADER_CODES.items():
        assert RULES[code].name == name


def test_names_unique_and_groups_by_number() -> None:
    assert len(BY_NAME) == len(RULES)
    groups = {"0": "loader", "1": "smart", "2": "breakdown", "3": "risks", "4": "tasks", "5": "budget", "9": "meta"}
    for code, rule in RULES.items():
        assert rule.group == groups[code[2]]


def test_no_code_of_another_engine_is_reused() -> None:
    from salesplan.split.codes import SPLIT_CODES

    assert not set(SPLIT_CODES) & set(RULES)
    assert not {name for name, _ in SPLIT_CODES.values()} & set(BY_NAME)


def test_lookup_and_expand() -> None:
    assert lookup("sp101") is RULES["SP101"]
    assert lookup("target-not-time-bound") is RULES["SP105"]
    assert expand("SP1") == ["SP101", "SP102", "SP103", "SP104", "SP105"]
    assert expand("ALL") == list(RULES)
    assert expand("SP7") == []
    assert expand("nonsense") == []
