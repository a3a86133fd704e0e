"""Every rule's fixture file: each failing case gives exactly the expected (code, line, column)s.

A case (sqlfluff's std_rule_cases style) has a `name`, the plan (`plan:` text, or `reference: true`
with `replace:` pairs), and `expect: [[CODE, line, column], ...]` for the rule of the file (and, for
a rule that reports another engine's codes, `EMITS`, for those); optionally `config:`
(salesplan.toml text), `severity:` (of every finding) and `messages:` (substrings that the findings'
English messages must contain). The plan is linted, unless the case names `targets:` (the plan is
split with those target ids, as `salesplan split --target` does) or carries `actuals:` (CSV text;
`actuals_missing: true` for none): then `salesplan review` reads it against the plan, as of the
end of the plan period, and its findings count, with lines and columns in the actuals file; or
`commitments:` (CSV text: the plan is split and the file laid over it, as `salesplan split
--commitments` does); or `export: xlsx` (or `md`): the plan is exported with every table; or
`import:` (a workbook made by `tests/import_books.case_workbook`, lines and columns the Excel row
and column of a cell).
`as_of:` is the day lint judges dates on (`salesplan lint --as-of`). `plan_file:` names a plan kept in
another test folder (a path below tests/).
`break_rule: CODE` makes that rule raise, `break_split: true` the split engine.
A roll-up case carries several files, `files: {name: text}`: the folder is linted as one run
(`require_children: true` as `--require-children`), and each expected finding names its file
`[CODE, line, column, file]`.
"""

from __future__ import annotations

import base64
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.diagnostics import Diagnostic
from salesplan.lint.check import lint_file
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.loader import load_plan
from salesplan.rules import RULES
from salesplan.settings import resolve, settings_from

CASES = Path(__file__).parent / "cases"
REFERENCE = REPO_REFERENCE
TESTS = Path(__file__).resolve().parents[1]


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
    if "plan_file" in case:
        path.write_bytes((TESTS / case["plan_file"]).read_bytes())
        return
    text = REFERENCE.read_text(encoding="utf-8") if case.get("reference") else case.get("plan", "")
    for old, new in case.get("replace", []):
        assert old in text, old
        text = text.replace(old, new, 1)
    if "size" in case:
        text += "#" * (case["size"] - len(text.encode("utf-8")))
    path.write_text(text, encoding="utf-8")


def _break(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> list[object]:
        raise RuntimeError("boom")

    if "break_rule" in case:
        import salesplan.lint.check as check_module

        broken = RULES[case["break_rule"]]
        monkeypatch.setattr(check_module, "CHECKS", (type(broken)(**{**broken.__dict__, "check": boom}),))
    if case.get("break_split"):
        import salesplan.split.engine as split_engine

        monkeypatch.setattr(split_engine, "_split_target", boom)


def _run_files(case: dict[str, Any], folder: Path) -> list[Diagnostic]:
    from salesplan.lint import discover, lint_files

    for name, text in case["files"].items():
        (folder / name).write_text(text, encoding="utf-8")
    result = lint_files(discover([str(folder)], ()), LintConfig(), require_children=case.get("require_children", False))
    return result.diagnostics


def run_case(case: dict[str, Any], file: Path) -> list[Diagnostic]:
    """What salesplan reports on the case's file: lint's findings, or the split engine's for `targets:`."""
    if "files" in case:
        return _run_files(case, file.parent)
    if "commitments" in case:
        return _commitments(case, file)
    if "targets" in case:
        from salesplan.split.engine import split_plan

        return split_plan(load_plan(str(file), "plan.yaml"), case["targets"]).diagnostics
    if "actuals" in case or case.get("actuals_missing"):
        return _review(case, file)
    if "import" in case:
        from import_books import run_import

        return run_import(case["import"], file)
    if "export" in case:
        from salesplan.export.run import export_plan
        from salesplan.export.tables import TABLES

        return export_plan(load_plan(str(file), "plan.yaml"), case["export"], TABLES, "zh").diagnostics
    config = resolve(settings_from(tomllib.loads(case["config"]), "case")).lint if "config" in case else LintConfig()
    if "as_of" in case:
        config = replace(config, as_of=case["as_of"])
    result = lint_file(Candidate(str(file), "plan.yaml", explicit=True), config)
    assert result is not None
    return result.diagnostics


def _commitments(case: dict[str, Any], file: Path) -> list[Diagnostic]:
    from salesplan.review.commit_read import filed_commitments
    from salesplan.split.engine import split_plan

    commitments = file.parent / "commitments.csv"
    commitments.write_text(case["commitments"], encoding="utf-8")
    loaded = load_plan(str(file), "plan.yaml")
    assert loaded.plan is not None, [d.format("en") for d in loaded.diagnostics]
    outcome = split_plan(loaded)
    return outcome.diagnostics + filed_commitments(commitments, loaded.plan, outcome.splits)


def _review(case: dict[str, Any], file: Path) -> list[Diagnostic]:
    from salesplan.review.engine import Thresholds
    from salesplan.review.run import review_file

    actuals = file.parent / "actuals.csv"
    if "actuals" in case:
        actuals.write_text(case["actuals"], encoding="utf-8")
    loaded = load_plan(str(file), "plan.yaml")
    assert loaded.plan is not None, [d.format("en") for d in loaded.diagnostics]
    return review_file(loaded, actuals, loaded.plan.plan.period.end, Thresholds()).diagnostics


@pytest.mark.parametrize(("rule", "case"), _params())
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "plan.yaml"
    if "files" not in case:
        write_case(case, file)
    _break(case, monkeypatch)
    diagnostics = run_case(case, file)
    reported = {rule, *RULES[rule].emits}
    mine = [d for d in diagnostics if d.code in reported]
    found = sorted([d.code, d.line, d.col, *([Path(d.file).name] if "files" in case else [])] for d in mine)
    assert found == sorted(case["expect"]), [d.format("en") for d in diagnostics]
    if "severity" in case:
        assert {d.severity.value for d in mine} == {case["severity"]}
    loader = RULES[rule].group == "loader"
    for diag in mine if not loader else []:  # the loader's own findings are not the rules'
        assert diag.message_zh, diag.format("en")  # every finding a rule or an engine makes speaks both languages
        assert diag.name == RULES[diag.code].name
        if diag.hint:
            assert diag.hint_zh, diag.format("en")
    for text in case.get("messages", []):
        assert any(text in d.message for d in mine), (text, [d.message for d in mine])
    if not case["expect"] and not loader:
        assert not [d for d in diagnostics if RULES[d.code].group == "loader"], "a passing case must load cleanly"
