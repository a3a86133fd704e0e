"""Every problem of a file in one run, each once, its value quoted as written, its code by type."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan import codes
from salesplan.i18n import _
from salesplan.loader import load_plan, load_text
from salesplan.loader.validate import error_code
from salesplan.model.values import PlanValueError

REFERENCE = REPO_REFERENCE


def patched(*pairs: tuple[str, str]) -> str:
    text = REFERENCE.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


THREE_IN_ONE_TARGET = (
    ("    metric: revenue\n", "    metrik: revenue\n"),
    ("  - id: T1\n", '  - id: "T 1"\n'),
    ("scope: {regions: [east-a, east-b]", "scope: {regions: [east-x, east-b]"),
)


def test_unknown_key_invalid_id_and_unresolved_region_come_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(patched(*THREE_IN_ONE_TARGET), encoding="utf-8")
    found = [(d.code, d.line, d.col) for d in load_plan(path).diagnostics]
    assert found == [("SP032", 38, 9), ("SP020", 42, 5), ("SP031", 48, 23)]


def test_lint_shows_all_three(tmp_path: Path) -> None:
    from salesplan.cli.app import app

    path = tmp_path / "plan.yaml"
    path.write_text(patched(*THREE_IN_ONE_TARGET), encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(path), "--lang", "en", "-f", "json"])
    assert result.exit_code == 1, result.output
    import json

    found = [(d["code"], d["line"]) for d in json.loads(result.output)["diagnostics"]]
    assert [f for f in found if f[0].startswith("SP0")] == [("SP032", 38), ("SP020", 42), ("SP031", 48)]


def test_a_problem_the_model_reports_is_not_reported_again_by_the_checks() -> None:
    # `owner` is an invalid id (SP032) and names no person: one finding at that path, not two
    text = patched(("    owner: 王芳\n    scope", '    owner: "王 芳"\n    scope'))
    found = [(d.code, d.line) for d in load_text(text, "p.yaml").diagnostics]
    assert found == [("SP032", 47)]


def test_checks_run_when_the_yaml_layer_refused_a_value() -> None:
    text = patched(("value: 500", "value: .nan"), ("    owner: 王芳\n    scope", "    owner: 王小芳\n    scope"))
    loaded = load_text(text, "p.yaml")
    assert [(d.code, d.line) for d in loaded.diagnostics] == [("SP008", 43), ("SP031", 47)]
    assert loaded.plan is None


# -- SP022: a value left empty is missing, not "should be a number (got None)" -----------------


@pytest.mark.parametrize("empty", ["value:", "value: null", "value: ~"])
def test_an_empty_required_value_is_missing(empty: str) -> None:
    [diag] = load_text(patched(("value: 500", empty)), "p.yaml").diagnostics
    assert (diag.code, diag.line) == ("SP022", 43)
    assert diag.message == "required field 'value' in targets[0] has no value"
    assert diag.message_zh == "必填字段 'value'（targets[0]）没有填写值"
    assert diag.hint == "write the value after 'value:'" and diag.hint_zh == "在 'value:' 后面填写值"


def test_an_absent_required_key_is_missing() -> None:
    [diag] = load_text(patched(("    value: 500\n", "")), "p.yaml").diagnostics
    assert (diag.code, diag.line, diag.col) == ("SP022", 38, 5)
    assert diag.message == "missing required field 'value' in targets[0]"


def test_an_empty_item_of_a_list_is_an_invalid_value() -> None:
    [diag] = load_text(patched(("strategies: [S1, S2]", "strategies: [S1, ~]")), "p.yaml").diagnostics
    assert (diag.code, diag.line, diag.col) == ("SP021", 50, 22)
    assert diag.message == "targets[0].strategies[1]: Input should be a valid string (got '~')"


def _err(etype: str, msg: str, error: Exception | None = None) -> dict[str, Any]:
    return {"type": etype, "msg": msg, "loc": ("x",), "input": 1, "ctx": {"error": error} if error else {}}


def test_codes_come_from_the_error_type_never_from_the_wording() -> None:
    assert error_code(_err("missing", "Field required")) == codes.MISSING_FIELD
    assert error_code(_err("extra_forbidden", "Extra inputs are not permitted")) == codes.UNKNOWN_KEY
    assert error_code(_err("date_parsing", "Input should be a valid date")) == codes.INVALID_DATE
    # wording that once chose a code means nothing now
    assert error_code(_err("string_type", "negative; an id must; not a valid date")) == codes.INVALID_VALUE
    plain = PlanValueError(_("must not be negative"))
    assert error_code(_err("value_error", "Value error, must not be negative", plain)) == codes.INVALID_VALUE
    for code in (codes.NEGATIVE_VALUE, codes.INVALID_ID, codes.INVALID_DATE):
        assert error_code(_err("value_error", "Value error, x", PlanValueError(_("x"), code))) == code


def test_validate_does_not_search_message_text() -> None:
    source = (Path(__file__).resolve().parents[2] / "src" / "salesplan" / "loader" / "validate.py").read_text()
    assert not re.search(r"""["'][^"']+["'] in (msg|message|err\["msg"\])""", source)


# -- values quoted as the file writes them -------------------------------------------------------


def test_a_datetime_is_quoted_as_written() -> None:
    [diag] = load_text(patched(("deadline: 2026-09-30", "deadline: 2026-09-30T18:00:00+08:00")), "p.yaml").diagnostics
    assert (diag.code, diag.line, diag.col) == ("SP021", 46, 15)
    assert diag.message == (
        "targets[0].deadline: expected a date (YYYY-MM-DD) without a time (got '2026-09-30T18:00:00+08:00')"
    )
    assert (
        diag.message_zh == "targets[0].deadline：应为日期（YYYY-MM-DD），不带时间（实际为 '2026-09-30T18:00:00+08:00'）"
    )


@pytest.mark.parametrize(
    ("old", "new", "quoted"),
    [
        ("value: 500", "value: {amount: 500}", "'{amount: 500}'"),
        ("value: 500", "value: [500, 600]", "'[500, 600]'"),
        ("capacity: 160", "capacity: 1.50e3x", "'1.50e3x'"),
        ("capacity: 160", "capacity: true", "'true'"),
        ("capacity: 160", "capacity: -160.0", "'-160.0'"),
        ("probability: medium", "probability: 2.50", "'2.50'"),
        ("start: 2026-08-01", "start: 2026-08-01 10:00:00", "'2026-08-01 10:00:00'"),
        ("strategies: [S1, S2]", "strategies: {S1: yes}", "'{S1: yes}'"),
    ],
)
def test_every_refused_value_is_quoted_as_written(old: str, new: str, quoted: str) -> None:
    diagnostics = load_text(patched((old, new)), "p.yaml").diagnostics
    assert diagnostics
    for diag in diagnostics:
        for text in (diag.message, diag.message_zh or ""):
            assert not re.search(r"datetime\.|Decimal\(|\{'|\['|\bNone\b|\bTrue\b|\bFalse\b", text), text
    assert any(quoted in d.message for d in diagnostics), [d.message for d in diagnostics]


def test_negative_values_and_versions_are_quoted_as_written() -> None:
    [diag] = load_text(patched(("value: 500", "value: -5,000元")), "p.yaml").diagnostics
    assert diag.message == "target 'T1' value is negative (-5,000元)"
    assert diag.message_zh == "目标 'T1' 的目标值为负数（-5,000元）"
    [diag] = load_text(patched(("salesplan: 1", "salesplan: 2.0")), "p.yaml").diagnostics
    assert diag.message == "format version '2.0' is not supported; this salesplan reads format 1"
    assert diag.message_zh == "不支持格式版本 '2.0'；本工具读取格式 1"


def test_period_order_quotes_the_dates_as_written() -> None:
    text = patched(("period: {start: 2026-07-01, end: 2026-09-30}", "period: {start: 2026-07-01, end: '2026-6-30'}"))
    found = [d for d in load_text(text, "p.yaml").diagnostics if d.code == "SP034"]
    assert found == []  # '2026-6-30' is not a date: the model says so (SP009), the order check says nothing
    text = patched(("period: {start: 2026-07-01, end: 2026-09-30}", "period: {start: 2026-07-01, end: 2026-06-30}"))
    [diag] = load_text(text, "p.yaml").diagnostics
    assert diag.message == "the plan period ends (2026-06-30) before it starts (2026-07-01)"
    assert diag.message_zh == "计划周期的结束日期（2026-06-30）早于开始日期（2026-07-01）"


# -- tags: refused on every node, at the tag -----------------------------------------------------

SCOPE = "scope: {regions: [east-a, east-b], products: [device, consumable]}"


@pytest.mark.parametrize(
    ("old", "new", "tag", "line", "col"),
    [
        (SCOPE, "scope: !!python/object:foo {regions: [east-a]}", "!!python/object:foo", 48, 12),
        (SCOPE, "scope: !whatever {regions: [east-a]}", "!whatever", 48, 12),
        (SCOPE, "scope: &s !whatever {regions: [east-a]}", "!whatever", 48, 15),
        ("strategies: [S1, S2]", "strategies: !!set {S1: null}", "!!set", 50, 17),
        ("strategies: [S1, S2]", "strategies: !!omap [{S1: 1}]", "!!omap", 50, 17),
        ("strategies: [S1, S2]", "strategies: !custom [1,2]", "!custom", 50, 17),
        ("strategies: [S1, S2]", "strategies: !!str [S1, S2]", "!!str", 50, 17),
        ("value: 500", "value: !!python/name:os.system x", "!!python/name:os.system", 43, 12),
        ("value: 500", "value: !!float 500", "!!float", 43, 12),
        ("value: 500", "value: !!binary NTAw", "!!binary", 43, 12),
        ("value: 500", 'value: !!int "500"', "!!int", 43, 12),
        ("    metric: revenue\n", "    ? !k metric\n    : revenue\n", "!k", 42, 7),
    ],
)
def test_a_tag_on_any_node_is_refused_at_the_tag(old: str, new: str, tag: str, line: int, col: int) -> None:
    found = [d for d in load_text(patched((old, new)), "p.yaml").diagnostics if d.code == "SP021"]
    assert [(d.line, d.col) for d in found] == [(line, col)]
    [diag] = found
    assert diag.message == f"YAML tag '{tag}' is not supported in a plan"
    assert diag.message_zh == f"计划中不支持 YAML 标签 '{tag}'"
    assert diag.source.end_col == col + len(tag)
    assert diag.hint and diag.hint_zh


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (SCOPE, "scope: !!map {regions: [east-a, east-b], products: [device, consumable]}"),
        ("strategies: [S1, S2]", "strategies: !!seq [S1, S2]"),
        ("    name: 第三季度销售额", "    name: !!str 第三季度销售额"),
        ("value: 500", "value: !!int 500"),
        ("value: 500", "value: !!str 500"),
        ("value: 500", "value: ! 500"),
    ],
)
def test_a_tag_that_names_what_the_node_is_anyway_is_harmless(old: str, new: str) -> None:
    loaded = load_text(patched((old, new)), "p.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert loaded.plan is not None and str(loaded.plan.targets[0].value) == "500"


def test_an_alias_of_a_refused_node_is_reported_once() -> None:
    text = patched(
        ("strategies: [S1, S2]", "strategies: &s !!set {S1: null}"),
        ("    strategies: [S3]", "    strategies: *s"),
    )
    found = [(d.code, d.line) for d in load_text(text, "p.yaml").diagnostics]
    assert found == [("SP021", 50)]
