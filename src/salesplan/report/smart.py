"""The SMART scorecard (`salesplan lint --smart`): a table per target, or JSON."""

from __future__ import annotations

import json

from salesplan.i18n import _
from salesplan.lint.result import LintResult
from salesplan.lint.smart import LETTERS
from salesplan.rendering import Renderers
from salesplan.report.base import RenderOptions
from salesplan.report.tables import render_table

_MARK = {"pass": "✓", "warn": "!", "fail": "✗", "off": "-"}
# the SMART letters' columns: S, M, A, R, T (in Chinese with the word each letter stands for)
_HEAD = (_("file"), _("target"), _("name"), _("S"), _("M"), _("A"), _("R"), _("T"), _("passed"))


def render_smart_json(result: LintResult, options: RenderOptions) -> str:
    rows = [
        {"file": s.file, "target": s.target_id, "name": s.name, **s.letters, "passed": s.passed}
        for f in result.files
        for s in f.scores
    ]
    return json.dumps({"targets": rows, "letters": LETTERS}, ensure_ascii=False, indent=2) + "\n"


def render_smart_table(result: LintResult, options: RenderOptions) -> str:
    rows = [
        [s.file, s.target_id, s.name, *(_MARK[s.letters[k]] for k in LETTERS), f"{s.passed}/5"]
        for f in result.files
        for s in f.scores
    ]
    title = _("SMART scorecard").render(options.lang)
    return render_table(title, [head.render(options.lang) for head in _HEAD], rows, options.color)


# `lint --smart` by --format: the SMART scorecard's renderers by name (json, else the table)
SMART_RENDERERS: Renderers[LintResult] = Renderers(
    {"text": render_smart_table, "github": render_smart_table, "sarif": render_smart_table, "json": render_smart_json}
)
