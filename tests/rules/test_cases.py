"""Every rule's fixture file: each failing case gives exactly the expected (code, line, column)s.

A case (sqlfluff's std_rule_cases style) has a `name`, the plan (`plan:` text, or `reference: true`
with `replace:` pairs), and `expect: [[CODE, line, column], ...]` for the rule of the file; optionally
`config:` (salesplan.toml text), `severity:` (of every finding) and `messages:` (substrings that
the findings' English messages must contain).
"""

from __future__ import annotations

import base64
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from salesplan.lint.check import lint_file
from salesplan.lint.config import LintConfig, config_from
from salesplan.lint.discover import Candidate
from salesplan.rules import RULES

CASES = Path(__file__).parent / "cases"
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference-plan.yaml"


def _params() -> list[Any]:
    out = []
    for file in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert data["rule"] == file.stem, file
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return out


def write_case(case: dict[str, Any], path: Path) -> None:
    if case.get("missing"):
        return
    if "base64" in case:
        path.write_bytes(base64.b64decode(case["base64"]))
        return
    text = REFERENCE.read_text(encoding="utf-8") if case.get("reference") else case.get("plan", "")
    for old, new in case.get("replace", []):
        assert old in text, old
        text = text.replace(old, new, 1)
    if "size" in case:
        text += "#" * (case["size"] - len(text.encode("utf-8")))
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("rule", "case"), _params())
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "plan.yaml"
    write_case(case, file)
    if "break_rule" in case:
        import salesplan.lint.check as check_module

        broken = RULES[case["break_rule"]]

        def boom(ctx: object) -> list[object]:
            raise RuntimeError("boom")

        monkeypatch.setattr(check_module, "CHECKS", (type(broken)(**{**broken.__dict__, "check": boom}),))
    config = config_from(tomllib.loads(case["config"]), "case") if "config" in case else LintConfig()
    result = lint_file(Candidate(str(file), "plan.yaml", explicit=True), config)
    assert result is not None
    mine = [d for d in result.diagnostics if d.code == rule]
    found = sorted([d.code, d.line, d.col] for d in mine)
    assert found == sorted(case["expect"]), [d.format("en") for d in result.diagnostics]
    if "severity" in case:
        assert {d.severity.value for d in mine} == {case["severity"]}
    for diag in mine if not rule.startswith("SP0") else []:  # the loader's own findings are not the rules'
        assert diag.message_zh, diag.format("en")  # every finding a rule makes speaks both languages
        if diag.hint and rule != "SP203":  # SP203 relays the split engine's own hint
            assert diag.hint_zh, diag.format("en")
    for text in case.get("messages", []):
        assert any(text in d.message for d in mine), (text, [d.message for d in mine])
    if not case["expect"] and not rule.startswith("SP0"):
        assert not [d for d in result.diagnostics if d.code.startswith("SP0")], "a passing case must load cleanly"
