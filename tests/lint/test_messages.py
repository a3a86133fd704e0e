"""Lint's words come from its catalog (lint.po): in both languages, unchanged by other catalogs,
and for configuration errors, relayed engine findings, the risk register and the scorecard too."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.pofile import read_po

import salesplan.split.engine as split_engine
from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.i18n import Message, render, translation
from salesplan.lint import lint_text
from salesplan.loader import load_text
from salesplan.report.progress import STEPS, Steps
from salesplan.report.risks import risks_table
from salesplan.risk import LEVELS, score_risks
from salesplan.risk.config import word
from salesplan.rules.smart.sp104_target_not_relevant import _listing
from salesplan.settings import ConfigError, settings_from

LINT_PO = Path(__file__).resolve().parents[2] / "src" / "salesplan" / "locale" / "zh" / "LC_MESSAGES" / "lint.po"
PLAN = """salesplan: 1
plan:
  name: Q3
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a}]
strategies:
  - {id: S1, module: channel, name: 渠道深耕}
targets:
  - id: T1
    metric: revenue
    value: 500
    baseline: 420
    deadline: 2026-09-30
    scope: {regions: [east-a]}
    strategies: [S1]
    split:
      - {by: region, method: even}
tasks:
  - {id: K1, name: 拜访, owner: 李雷, strategy: S1, start: 2026-07-01, end: 2026-07-31, deliverable: 拜访 20 家}
"""


def _entries(po: Path) -> dict[tuple[str | None, str], str]:
    """(context, singular msgid) -> first translation of every entry of a catalog."""
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="zh")
    out = {}
    for m in catalog:
        if m.id:
            msgid = m.id if isinstance(m.id, str) else m.id[0]
            forms = [m.string] if isinstance(m.string, str) else list(m.string or [""])
            out[(m.context, msgid)] = forms[0]
    return out


def test_no_other_catalog_translates_a_lint_message_otherwise() -> None:
    """The compiled catalogs are chained, so one msgid has one translation for all of salesplan:
    another catalog giving a msgid of lint.po another translation would change lint's output or its own."""
    lint = _entries(LINT_PO)
    for po in sorted(LINT_PO.parent.glob("*.po")):
        if po != LINT_PO:
            clashes = {
                key: (text, lint[key]) for key, text in _entries(po).items() if key in lint and text != lint[key]
            }
            assert not clashes, f"{po.name} and lint.po translate these msgids differently: {clashes}"
    chain = translation("zh")
    for (context, msgid), text in lint.items():
        if context is None:
            assert chain.gettext(msgid) == text, msgid


def test_a_configuration_error_speaks_both_languages() -> None:
    with pytest.raises(ConfigError) as raised:
        settings_from({"review": {"drop": 120}}, "salesplan.toml")
    assert str(raised.value) == "salesplan.toml: [review] drop: must be a percent from 0 to 100 (got 120)"
    zh = raised.value.message.render("zh")
    assert zh == "salesplan.toml：[review] drop：应为 0 到 100 之间的百分比（实际为 120）"
    with pytest.raises(ConfigError) as raised:
        settings_from({"risk": {"size": 11}}, "salesplan.toml")
    assert str(raised.value) == "salesplan.toml: [risk] size: must be from 2 to 10, not 11"
    assert raised.value.message.render("zh") == "salesplan.toml：[risk] size：应在 2 到 10 之间，而不是 11"


def _split_finding(hint: str | None, hint_zh: str | None) -> Diagnostic:
    return Diagnostic(
        code="SP045",
        severity=Severity.ERROR,
        message="all weights are zero",
        source=SourceRef("plan.yaml", 18, 9),
        path=("targets", 0, "split", 0),
        hint=hint,
        message_zh="权重全部为 0",
        hint_zh=hint_zh,
    )


def test_split_findings_are_relayed_as_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """SP203 reports the split engine's findings as they are; one without a hint gets lint's, in both languages."""
    relayed = [_split_finding(None, None), _split_finding("give a weight", "请填写权重")]
    monkeypatch.setattr(split_engine, "split_plan", lambda *_: SimpleNamespace(diagnostics=relayed))
    found = [d for d in lint_text(PLAN, "plan.yaml").diagnostics if d.code == "SP045"]
    assert [(d.message, d.message_zh, d.source, d.name) for d in found] == [
        ("all weights are zero", "权重全部为 0", SourceRef("plan.yaml", 18, 9), "split-zero-weights")
    ] * 2
    assert [(d.hint, d.hint_zh) for d in found] == [
        ("run `salesplan split` on this plan to see the breakdown", "对该计划运行 `salesplan split` 查看拆解明细"),
        ("give a weight", "请填写权重"),
    ]


def test_a_rule_that_fails_is_reported_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(split_engine, "split_plan", boom)
    monkeypatch.delenv("SALESPLAN_DEBUG", raising=False)
    [failed] = [d for d in lint_text(PLAN, "plan.yaml").diagnostics if d.code == "SP901"]
    assert failed.message == "rule SP203 (split-fails) failed: RuntimeError: boom"
    assert failed.message_zh == "规则 SP203（split-fails）执行出错：RuntimeError: boom"
    assert failed.hint_in("zh") == "这是 salesplan 的缺陷，请报告（设置 SALESPLAN_DEBUG=1 可看到调用栈）"


@pytest.mark.parametrize("count", [1, 2, 3, 7, 2000])
def test_a_list_of_ids_is_joined_in_each_language(count: int) -> None:
    ids = [f"S{i}" for i in range(count)]
    listed = _listing(ids)
    assert render(listed, "en") == ", ".join(ids)
    assert render(listed, "zh") == "、".join(ids)


def test_risk_words_as_printed() -> None:
    assert [render(word(level), "zh") for level in LEVELS] == ["低", "中", "高", "极高"]
    assert [render(word(level), "en") for level in LEVELS] == list(LEVELS)
    assert [render(word(label), "zh") for label in ("minor", "moderate", "severe")] == ["轻微", "一般", "严重"]
    assert word(3) == "3"  # a number of the plan's scale is shown as written


def test_risk_register_and_steps_in_both_languages() -> None:
    risk = "risks:\n  - {id: R1, description: 价格战, probability: 高, impact: severe}\n"
    loaded = load_text(PLAN + risk, "plan.yaml")
    assert loaded.plan is not None
    scored = score_risks(loaded.plan)
    zh, en = risks_table(scored, "zh", False), risks_table(scored, "en", False)
    assert (
        zh.startswith("风险评估与应对表") and "发生概率" in zh and "高 (5)" in zh and "严重 (5)" in zh and "极高" in zh
    )
    assert en.startswith("Risk register") and "probability" in en and "high (5)" in en and "critical" in en
    shown: list[str] = []
    Steps("zh", shown.append)("write", "3 MB")
    Steps("en", shown.append)("write")
    assert shown == ["写出 3 MB…", "writing…"]
    assert all(isinstance(text, Message) for text in STEPS.values())
