"""Every renderer on a result built by hand: golden outputs, escaping, and SARIF schema validity."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sample import FORMATS, golden_path, normalised, options, sample_result

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.lint.result import FileResult, LintResult
from salesplan.report import RENDERERS, RenderOptions
from salesplan.report.base import cell_width
from salesplan.report.github import escape_data, escape_property
from salesplan.rules import RULES

SCHEMAS = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden(fmt: str, lang: str) -> None:
    rendered = normalised(RENDERERS.text(fmt, sample_result(), options(lang)))
    expected = golden_path(fmt, lang).read_text(encoding="utf-8")
    assert rendered == expected, f"run `python tests/report/regen_golden.py` if the change is intended ({fmt})"


def test_findings_sorted_by_file_line_column() -> None:
    data = json.loads(RENDERERS.text("json", sample_result(), options("en")))
    keys = [(d["file"], d["line"], d["column"]) for d in data["diagnostics"]]
    assert keys == sorted(keys)
    assert data["diagnostics"][2]["path"] == "targets[0].deadline"
    for diag in data["diagnostics"]:
        assert list(diag) == [
            "file", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "path",
        ]  # fmt: skip
    assert data["summary"]["files"] == 3
    assert data["summary"]["errors"] == 2


def test_text_neutralises_terminal_escapes() -> None:
    text = RENDERERS.text("text", sample_result(), options("en"))
    assert "\x1b" not in text
    assert "\\x1b[31m" in text
    assert all(ch in "\n\t" or ch.isprintable() for ch in text)


def test_text_caret_sits_under_the_column_with_wide_characters() -> None:
    diag = Diagnostic("SP105", Severity.ERROR, "m", SourceRef("p.yaml", 1, 9))
    result = LintResult([FileResult("p.yaml", [diag], {1: "名称: 销售额 x"})])
    lines = RENDERERS.text("text", result, RenderOptions(lang="en")).splitlines()
    code, caret = lines[1], lines[2]
    assert caret.index("^") == cell_width(code[: code.index("x")])  # 名称 and 销售额 take two columns each


def test_text_colour_only_when_asked() -> None:
    plain = RENDERERS.text("text", sample_result(), RenderOptions(lang="en", color=False))
    coloured = RENDERERS.text("text", sample_result(), RenderOptions(lang="en", color=True))
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert "\x1b[31mred" not in coloured  # the plan's own escape sequence is still inert


def test_github_escaping() -> None:
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    out = RENDERERS.text("github", sample_result(), options("en"))
    assert "::error file=bad%2Cname%3A1%25.yaml,line=3,col=1,title=SP004::" in out
    assert "no trigger: 50%25, a,b%0Asecond line" in out
    assert len(out.splitlines()) == 4
    assert "\x1b" not in out


def test_sarif_validates_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(RENDERERS.text("sarif", sample_result(), options("zh")))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "失败示例" in rule["help"]["text"] and "Failing example" not in rule["help"]["text"]
        assert rule["help"]["markdown"].startswith(f"## {rule['id']} `{rule['name']}`")
    english = json.loads(RENDERERS.text("sarif", sample_result(), options("en")))
    for rule in english["runs"][0]["tool"]["driver"]["rules"]:
        assert "Failing example" in rule["help"]["text"]
        assert rule["shortDescription"]["text"] == RULES[rule["id"]].summary
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"plans/%E5%8D%8E%E4%B8%9C%20q3.yaml", "bad%2Cname%3A1%25.yaml"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/"


def test_sarif_absolute_path_outside_root_is_a_file_uri(tmp_path: Path) -> None:
    diag = Diagnostic("SP001", Severity.ERROR, "cannot read", SourceRef(str(tmp_path / "x.yaml"), 1, 1))
    log = json.loads(RENDERERS.text("sarif", LintResult([FileResult(diag.file, [diag])]), options("en")))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"].startswith("file:///")
    assert "uriBaseId" not in location


@pytest.mark.parametrize("fmt", ["text", "github", "sarif"])
def test_hint_in_the_output_language(fmt: str) -> None:
    zh = RENDERERS.text(fmt, sample_result(), options("zh"))
    en = RENDERERS.text(fmt, sample_result(), options("en"))
    assert "把时间节点移到计划周期内" in zh and "move the deadline into the period" not in zh
    assert "move the deadline into the period" in en and "把时间节点移到计划周期内" not in en
    assert "add `trigger:`" in zh  # no Chinese hint given: the English one is kept
