"""Every result type's renderers by name: each name gives the renderer of that format, on results built by hand."""

from __future__ import annotations

import json

from tests.report.sample import ROOT, sample_result

from salesplan.report import RenderOptions
from salesplan.report.risks import RISKS_BY_NAME, risks_json, risks_table
from salesplan.report.smart import SMART_BY_NAME, render_smart_json, render_smart_table


def test_smart_scorecard_by_name() -> None:
    result, options = sample_result(), RenderOptions(lang="en", root=ROOT)
    assert set(SMART_BY_NAME) == {"text", "json", "github", "sarif"}
    assert SMART_BY_NAME["json"](result, options) == render_smart_json(result, options)
    json.loads(SMART_BY_NAME["json"](result, options))
    for name in ("text", "github", "sarif"):
        assert SMART_BY_NAME[name](result, options) == render_smart_table(result, options)


def test_risk_register_by_name() -> None:
    for lang in ("zh", "en"):
        options = RenderOptions(lang=lang)
        assert RISKS_BY_NAME["table"]([], options) == risks_table([], lang, False)
        assert RISKS_BY_NAME["json"]([], options) == risks_json([])
    assert json.loads(RISKS_BY_NAME["json"]([], RenderOptions())) == json.loads(risks_json([]))
