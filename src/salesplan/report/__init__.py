"""Renderers by name: a lint result -> the text of one output format (check-jsonschema's REPORTER_BY_NAME)."""

from __future__ import annotations

from salesplan.report.base import Renderer, RenderOptions
from salesplan.report.github import render_github
from salesplan.report.json_report import render_json
from salesplan.report.sarif import render_sarif
from salesplan.report.text import render_text

REPORTER_BY_NAME: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}

__all__ = ["REPORTER_BY_NAME", "RenderOptions", "Renderer"]
