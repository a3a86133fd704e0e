"""The lint result's renderers by name (`RENDERERS`, `salesplan.rendering`'s interface): text, json,
github, sarif."""

from __future__ import annotations

from salesplan.lint.result import LintResult
from salesplan.rendering import Renderers
from salesplan.report.base import Renderer, RenderOptions
from salesplan.report.github import render_github
from salesplan.report.json_report import render_json
from salesplan.report.sarif import render_sarif
from salesplan.report.text import render_text

RENDERERS: Renderers[LintResult] = Renderers(
    {"text": render_text, "json": render_json, "github": render_github, "sarif": render_sarif}
)

__all__ = ["RENDERERS", "RenderOptions", "Renderer"]
