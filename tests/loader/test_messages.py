"""The loader's messages come from the loader catalog: rendered only when a problem is found, in
every language, with every field filled and every literal brace kept."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError
from tests.loader.test_malformed import CASES
from tests.loader.test_parser_messages import TRIGGERS

from repo_files import EXAMPLES as EXAMPLE_DIR
from repo_files import REFERENCE
from salesplan import i18n
from salesplan.i18n import _
from salesplan.loader import load_plan, load_text
from salesplan.loader.validate import problem
from salesplan.model.plan import Plan
from salesplan.model.values import PlanValueError, parse_amount

EXAMPLES = sorted(EXAMPLE_DIR.glob("*.yaml"))
PLAN = "salesplan: 1\nplan: {name: x, period: {start: 2026-07-01, end: 2026-09-30}}\n"


def test_a_plan_that_loads_renders_no_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """`salesplan lint` runs on every save: a clean file costs no catalog look-up at all."""

    def refuse(self: i18n.Message, lang: str = "zh") -> str:
        raise AssertionError(f"rendered while nothing is wrong: {self.msgid!r}")

    monkeypatch.setattr(i18n.Message, "render", refuse)
    for path in [REFERENCE, *EXAMPLES]:
        loaded = load_plan(path)
        assert loaded.ok and not loaded.diagnostics, path


def test_a_plan_value_error_carries_one_message_for_every_language() -> None:
    with pytest.raises(PlanValueError) as caught:
        parse_amount("12x")
    error = caught.value
    assert str(error) == "'12x' is not an amount (write e.g. 500, 416.7, 500万 or 1.2亿)"
    assert error.message.render("zh") == "'12x' 不是金额（可写作 500、416.7、500万 或 1.2亿）"
    assert str(PlanValueError(_("must not be negative"))) == "must not be negative"


def test_risk_scales_are_named_in_the_language_of_the_message() -> None:
    [probability, impact] = load_text(
        PLAN + "risks: [{id: r, description: d, probability: sometimes, impact: 7}]\n", "p.yaml"
    ).diagnostics
    assert probability.message.startswith("risks[0].probability: unknown probability 'sometimes' (use high, low,")
    assert probability.message_zh is not None
    assert probability.message_zh.startswith("risks[0].probability：未知的发生概率 'sometimes'（可用 high、low、")
    assert impact.message == "risks[0].impact: impact as a number must be a whole number from 1 to 5 (got '7')"
    assert impact.message_zh == "risks[0].impact：影响程度用数字表示时应为 1 到 5 的整数（实际为 '7'）"


def test_pydantic_says_it_in_english_and_the_catalog_in_chinese() -> None:
    diags = load_text(
        "salesplan: 1\nplan: {name: [a], period: {start: 2026-07-01, end: 2026-09-30}, scenario: sprnt}\n", "p.yaml"
    ).diagnostics
    assert [(d.message, d.message_zh) for d in diags] == [
        ("plan.name: Input should be a valid string (got '[a]')", "plan.name：应为文本（实际为 '[a]'）"),
        (
            "plan.scenario: Input should be 'new-product', 'regional-expansion', 'sprint', 'competitive-response' or"
            " 'key-account' (got 'sprnt')",
            "plan.scenario：应为 'new-product'、'regional-expansion'、'sprint'、'competitive-response' 或"
            " 'key-account' 之一（实际为 'sprnt'）",
        ),
    ]


def _errors(text: str) -> list[Any]:
    import yaml

    try:
        Plan.model_validate(yaml.safe_load(text), context={"unit": "万元"})
    except ValidationError as exc:
        return list(exc.errors(include_url=False))
    raise AssertionError("the plan is valid")


def test_a_wording_whose_fields_the_error_lacks_is_the_general_one() -> None:
    [err] = [e for e in _errors(PLAN.replace("name: x", "name: x, scenario: sprnt")) if e["type"] == "literal_error"]
    assert (
        problem(err).render("zh")
        == "应为 'new-product'、'regional-expansion'、'sprint'、'competitive-response' 或 'key-account' 之一"
    )
    err = {**err, "ctx": {}}  # no `expected` to fill the wording with
    assert problem(err).render("zh") == "取值无效"
    assert problem(err).render("en").startswith("Input should be 'new-product'")


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        (
            "a: {b: 1\nc: 2\n",
            "YAML syntax error: a ',' or the closing '}' is missing in a {...} mapping"
            " (in the {...} mapping opened at line 1, column 4)",
            "YAML 语法错误：{...} 映射中缺少 ',' 或结尾的 '}'（位于第 1 行第 4 列开始的 {...} 映射中）",
        ),
        (
            "a: {b: 1\n\n",
            "YAML syntax error: the {...} mapping that starts here is not closed before the file ends at line 3",
            "YAML 语法错误：此处开始的 {...} 映射直到文件结束（第 3 行）都没有闭合",
        ),
    ],
)
def test_braces_of_a_construct_are_shown_as_written(text: str, en: str, zh: str) -> None:
    [diag] = load_text(text, "p.yaml").diagnostics
    assert (diag.message, diag.message_zh) == (en, zh)
    assert (
        diag.hint
        == "separate the entries with ', ' and close the mapping with '}'; quote a value that contains ':' or ','"
    )
    assert diag.hint_zh == "条目之间用 ', ' 分隔，并以 '}' 结束；含有 ':' 或 ',' 的值请加引号"


FIELD = re.compile(r"\{[a-z_]+\}|\{\{|\}\}")


def test_no_message_shows_a_field_it_did_not_fill() -> None:
    texts = [text for _, text, *_ in CASES] + [text for text, *_ in TRIGGERS]
    checked = 0
    for text in texts:
        for diag in load_text(text, "p.yaml").diagnostics:
            for shown in (diag.message, diag.message_zh, diag.hint, diag.hint_zh):
                assert shown is None or not FIELD.search(shown), (text, shown)
            checked += 1
    assert checked > 80
