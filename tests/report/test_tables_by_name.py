"""Every result type's renderers by name: each name gives the renderer of that format, on results built by hand."""

from __future__ import annotations

import json

from tests.report.sample import ROOT, sample_result

from salesplan.report import RenderOptions
from salesplan.report.risks import RISKS_RENDERERS, risks_json, risks_table
from salesplan.report.smart import SMART_RENDERERS, render_smart_json, render_smart_table


def test_smart_scorecard_by_name() -> None:
    result, options = sample_result(), RenderOptions(lang="en", root=ROOT)
    assert set(SMART_RENDERERS.names) == {"text", "json", "github", "sarif"}
    assert SMART_RENDERERS.text("json", result, options) == render_smart_json(result, options)
    json.loads(SMART_RENDERERS.text("json", result, options))
    for name in ("text", "github", "sarif"):
        assert SMART_RENDERERS.text(name, result, options) == render_smart_table(result, options)


def test_risk_register_by_name() -> None:
    for lang in ("zh", "en"):
        options = RenderOptions(lang=lang)
        assert RISKS_RENDERERS.text("table", [], options) == risks_table([], lang, False)
        assert RISKS_RENDERERS.text("json", [], options) == risks_json([])
    assert json.loads(RISKS_RENDERERS.text("json", [], RenderOptions())) == json.loads(risks_json([]))
