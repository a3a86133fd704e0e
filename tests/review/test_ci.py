"""`salesplan review -f github|sarif` and `--fail-on-alert`: findings at the targets' lines, for CI."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.report.review_ci import render_github

HERE = Path(__file__).resolve().parent
ACTUALS = HERE / "fixtures" / "actuals.csv"
FALLING = HERE / "fixtures" / "falling.csv"
SCHEMAS = HERE.parents[1].parent / "shared" / "schemas"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


def target_lines() -> dict[str, int]:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return {line.split(":", 1)[1].strip(): n for n, line in enumerate(lines, 1) if line.startswith("  - id: ")}


def test_github_annotations_sit_at_each_target_line() -> None:
    code, out, err = run(REFERENCE, "--actuals", FALLING, "--as-of", "2026-09-05", "-f", "github", "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    at = target_lines()
    file = str(REFERENCE)
    assert lines[0] == (
        f"::warning file={file},line={at['T1']},col=5,title=review-at-risk::T1 · overall: at risk, pacing 76.9%25"
        " (actual 248万元 of 322.5万元 expected to date; target 500万元)"
    )
    assert lines[2] == (
        f"::warning file={file},line={at['T1']},col=5,title=review-drop::T1 · overall: 2026-08 actual 98万元 is"
        " 34.7%25 below 2026-07's 150万元 (alert at 15%25): consider re-planning"
    )
    titles = [line.split("title=", 1)[1].split("::", 1)[0] for line in lines]
    assert titles.count("review-streak") == 4 and titles.count("review-drop") == 4
    assert titles.count("review-at-risk") == 6
    assert {int(line.split("line=", 1)[1].split(",", 1)[0]) for line in lines} == {at["T1"], at["T2"], at["T3"]}
    code, zh, _ = run(REFERENCE, "--actuals", FALLING, "--as-of", "2026-09-05", "-f", "github")
    assert code == 0 and "T1 · A区：风险，序时进度 60.0%25（实际 120万元 / 序时应完成 200万元；目标 300万元）" in zh


def test_behind_parts_are_notices_and_on_track_targets_say_nothing() -> None:
    code, out, _ = run(REFERENCE, "--actuals", ACTUALS, "--as-of", "2026-08-15", "-f", "github", "--at-risk", "45")
    assert code == 0
    severities = [(line.split(" ", 1)[0], line.split("::")[2].split("：")[0]) for line in out.splitlines()]
    assert severities == [
        ("::notice", "T1 · 整体"),
        ("::notice", "T1 · A区"),
        ("::warning", "T1 · B区"),
        ("::notice", "T2 · 整体"),
        ("::warning", "T2 · A区"),
        ("::notice", "T2 · B区"),
    ]  # T3 is on pace: no finding


def test_github_escapes_data_and_properties() -> None:
    diag = Diagnostic("review-drop", Severity.WARNING, "a 5% b\r\nc", SourceRef("x,y:z.yaml", 3, 5))
    assert render_github([diag], "en") == "::warning file=x%2Cy%3Az.yaml,line=3,col=5,title=review-drop::a 5%25 b%0Ac\n"


def test_sarif_validates_against_the_official_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "好 plan.yaml"
    plan.write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(plan.name, "--actuals", FALLING, "--as-of", "2026-09-05", "-f", "sarif")
    assert code == 0
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run_ = log["runs"][0]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert rules == ["review-at-risk", "review-behind", "review-streak", "review-drop"]
    results = run_["results"]
    assert len(results) == 14
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "%E5%A5%BD%20plan.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": target_lines()["T1"], "startColumn": 5}
    assert results[0]["message"]["text"] == (
        "T1 · 整体：风险，序时进度 76.9%（实际 248万元 / 序时应完成 322.5万元；目标 500万元）"
    )


def test_fail_on_alert() -> None:
    common = (REFERENCE, "--actuals", FALLING, "--as-of", "2026-09-05", "-f", "json")
    code, out, err = run(*common, "--fail-on-alert", "streak,drop", "--lang", "en")
    assert code == 1 and json.loads(out)["targets"]  # the review is still written
    assert err == (
        "salesplan: re-planning alerts fired: T1 overall drop, T1 A区 streak, T1 A区 drop, T1 B区 drop,"
        " T2 overall streak, T2 A区 streak, T2 A区 drop, T3 overall streak\n"
    )
    code, _, err = run(*common, "--fail-on-alert", "drop", "--lang", "en")
    assert code == 1 and "streak" not in err
    code, _, err = run(REFERENCE, "--actuals", ACTUALS, "--as-of", "2026-08-15", "--fail-on-alert", "streak")
    assert (code, err) == (0, "")  # nothing fired
    code, out, err = run(*common, "--fail-on-alert", "streak,slump", "--lang", "en")
    assert code == 2 and out == "" and "--fail-on-alert takes streak, drop (got slump)" in err


def test_children_refuse_ci_formats() -> None:
    code, out, err = run(REFERENCE, "--actuals", ACTUALS, "--children", "-f", "sarif", "--lang", "en")
    assert code == 2 and out == "" and "--children writes table, json or md" in err
