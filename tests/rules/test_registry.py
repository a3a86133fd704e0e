"""Every rule is documented (with a failing and a passing example) and has a fixture; codes are stable."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
import yaml

from salesplan import codes
from salesplan.rules import BY_NAME, CHECKS, RULES, expand, lookup

CASES = Path(__file__).parent / "cases"
_BLOCK = r"{}::\n\n((?:    .*\n|\n)+)"


def _example(doc: str, which: str) -> str:
    match = re.search(_BLOCK.format(which), doc + "\n")
    assert match, f"no '{which}::' block"
    return "\n".join(line[4:] for line in match[1].splitlines())


def _check_example(code: str, text: str) -> None:
    """The examples are YAML a user can copy (SP001–SP004, SP007 show what is not); review's may show
    the actuals file after the plan excerpt, below a `# actuals.csv` line (a commitments file below
    `# commitments.csv`)."""
    if code in ("SP001", "SP002", "SP003", "SP004", "SP007"):
        return
    table = "# commitments.csv\n" if "# commitments.csv\n" in text else "# actuals.csv\n"
    plan, marker, actuals = text.partition(table)
    if RULES[code].group == "review":
        assert marker, "a review example shows the actuals (or commitments) file below `# actuals.csv`"
        rows = list(csv.reader(io.StringIO(actuals.strip())))
        assert rows and all(len(row) == len(rows[0]) for row in rows), rows
    else:
        assert not marker
    yaml.compose(plan)


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_documented_with_examples(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"SP\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.summary.endswith(".")
    for which in ("Failing example", "Passing example"):
        text = _example(rule.doc, which)
        assert text.strip()
        _check_example(code, text)


@pytest.mark.parametrize("code", list(RULES))
def test_rule_has_a_fixture_with_failing_and_passing_cases(code: str) -> None:
    data = yaml.safe_load((CASES / f"{code}.yml").read_text(encoding="utf-8"))
    expects = [case["expect"] for case in data["cases"]]
    assert any(expects) and not all(expects)
    reported = {code, *RULES[code].emits}
    assert all(found[0] in reported for expect in expects for found in expect)


def test_no_fixture_without_a_rule() -> None:
    assert {p.stem for p in CASES.glob("*.yml")} == set(RULES)


@pytest.mark.parametrize("code", list(codes.CODES))
def test_every_emitted_code_is_documented_by_its_own_module(code: str) -> None:
    entry = codes.CODES[code]
    rule = RULES[code]
    assert (rule.name, rule.summary, rule.severity, rule.check) == (entry.name, entry.summary, entry.severity, None)
    module = import_module(rule.module)
    assert module.__name__ == f"salesplan.rules.{codes.group(code)}.{code.lower()}_{entry.name.replace('-', '_')}"
    assert (code, *entry) == (module.CODE, module.NAME, module.SUMMARY, module.SEVERITY)
    assert not hasattr(module, "check")


def test_doc_modules_are_read_only_when_asked_for() -> None:
    """Linting imports the registry; the doc-only modules of the SP0xx codes would slow its start."""
    script = "import sys, salesplan.lint; print(sorted(m for m in sys.modules if m.startswith('salesplan.rules.')))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    loaded = eval(out)  # a list of module names
    assert not [m for m in loaded if m.split(".")[2] in ("loader", "split", "review", "export", "importer")], loaded
    assert RULES["SP054"].doc.startswith("`method: workdays`")


def test_names_unique_and_groups_by_number() -> None:
    assert len(BY_NAME) == len(RULES)
    groups = {"1": "smart", "2": "breakdown", "3": "risks", "4": "tasks", "5": "budget", "6": "importer", "9": "meta"}
    for code, rule in RULES.items():
        number = int(code[2:])
        if number < 100:
            expected = (
                "loader" if number < 40 else "split" if number < 60 else "review" if number < 80 else
                "export" if number < 90 else "rollup"
            )  # fmt: skip
        else:
            expected = groups[code[2]]
        assert rule.group == expected, code


def test_the_code_table_holds_every_sp0xx_code_and_no_rule_of_its_own() -> None:
    assert all(re.fullmatch(r"SP0\d\d|SP6[0-2]\d", code) for code in codes.CODES)
    assert {code for code in RULES if code.startswith(("SP0", "SP6"))} == set(codes.CODES)
    assert not {rule.code for rule in CHECKS} & set(codes.CODES)


def test_emitted_codes_are_documented_codes_of_an_engine() -> None:
    emits = {code: rule.emits for code, rule in RULES.items() if rule.emits}
    assert set(emits) == {"SP203"}
    split = {code for code in codes.CODES if codes.group(code) == "split"}
    assert set(emits["SP203"]) == split - {codes.UNKNOWN_TARGET}


def test_lookup_and_expand() -> None:
    assert lookup("sp101") is RULES["SP101"]
    assert lookup("target-not-time-bound") is RULES["SP105"]
    assert lookup("SP054") is RULES["SP054"] and lookup("split-calendar-fallback") is RULES["SP054"]
    assert expand("SP1") == ["SP101", "SP102", "SP103", "SP104", "SP105", "SP106"]
    assert expand("SP05") == [f"SP05{n}" for n in range(10)]
    assert expand("ALL") == list(RULES)
    assert expand("SP7") == []
    assert expand("nonsense") == []


_BASE = {"salesplan": 1, "plan": {"name": "例", "period": {"start": "2026-07-01", "end": "2026-09-30"}}}


def _merged(excerpt: str) -> str:
    """A documentation example (a plan excerpt) completed into a plan: the excerpt's keys win."""
    data = yaml.safe_load(excerpt) or {}
    if "salesplan" in data:
        return excerpt
    plan = {**_BASE, **data}
    if isinstance(data.get("plan"), dict):
        plan["plan"] = {**_BASE["plan"], **data["plan"]}  # type: ignore[dict-item]
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("code", [info.code for info in CHECKS])
def test_documented_examples_fail_and_pass_through_the_rule(code: str) -> None:
    """`salesplan rules CODE` shows a failing and a passing example: they do fail and pass."""
    from salesplan.lint.check import lint_text

    doc = RULES[code].doc
    found = {}
    for which in ("Failing example", "Passing example"):
        result = lint_text(_merged(_example(doc, which)), "example.yaml")
        found[which] = [d.code for d in result.diagnostics]
    assert code in found["Failing example"] or set(found["Failing example"]) & set(RULES[code].emits), found
    assert code not in found["Passing example"], found
    for which, block in re.findall(r"Also (passing|failing)[^\n]*::\n\n((?:    .*\n|\n)+)", doc + "\n"):
        excerpt = "\n".join(line[4:] for line in block.splitlines())
        codes_found = [d.code for d in lint_text(_merged(excerpt), "example.yaml").diagnostics]
        assert (code in codes_found) == (which == "failing"), (which, excerpt, codes_found)
