"""The SMART scorecard (`salesplan lint --smart`): a table per target, or JSON."""

from __future__ import annotations

import json

from salesplan.lint.result import LintResult
from salesplan.lint.smart import LETTERS
from salesplan.report.base import RenderOptions
from salesplan.report.tables import render_table

_MARK = {"pass": "✓", "warn": "!", "fail": "✗", "off": "-"}
_HEAD = {
    "zh": ["文件", "目标", "名称", "S 具体", "M 可衡量", "A 可实现", "R 相关", "T 有时限", "通过"],
    "en": ["file", "target", "name", "S", "M", "A", "R", "T", "passed"],
}


def render_smart_json(result: LintResult, options: RenderOptions) -> str:
    rows = [
        {"file": s.file, "target": s.target_id, "name": s.name, **s.letters, "passed": s.passed}
        for f in result.files
        for s in f.scores
    ]
    return json.dumps({"targets": rows, "letters": LETTERS}, ensure_ascii=False, indent=2) + "\n"


def render_smart_table(result: LintResult, options: RenderOptions) -> str:
    lang = "zh" if options.lang == "zh" else "en"
    rows = [
        [s.file, s.target_id, s.name, *(_MARK[s.letters[k]] for k in LETTERS), f"{s.passed}/5"]
        for f in result.files
        for s in f.scores
    ]
    title = "SMART 目标检查" if lang == "zh" else "SMART scorecard"
    return render_table(title, _HEAD[lang], rows, options.color)
