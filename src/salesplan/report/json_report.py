"""The JSON report: every finding with its location and dotted YAML path, and a summary.

A finding has exactly the fields `file, line, column, end_line, end_column, code, name, severity,
message, path` (`path` is the dotted YAML path, `targets[0].deadline`); tools read them by name.
"""

from __future__ import annotations

import json
from typing import Any

from salesplan.diagnostics import Diagnostic, column_letter
from salesplan.lint.result import LintResult
from salesplan.report.base import RenderOptions


def diagnostic_json(diag: Diagnostic, lang: str) -> dict[str, Any]:
    """A finding's keys; a workbook cell's also `sheet` and `cell` (`C7`), line and column being its row
    and column number."""
    source = diag.source
    out: dict[str, Any] = {
        "file": diag.file,
        "line": source.line,
        "column": source.col,
        "end_line": source.end_line if source.end_line is not None else source.line,
        "end_column": source.end_col if source.end_col is not None else source.col,
        "code": diag.code,
        "name": diag.name,
        "severity": diag.severity.value,
        "message": diag.text(lang),
        "path": diag.dotted_path,
    }
    if source.sheet is not None:
        out |= {"sheet": source.sheet, "cell": f"{column_letter(source.col)}{source.line}"}
    return out


def render_json(result: LintResult, options: RenderOptions) -> str:
    payload = {
        "diagnostics": [diagnostic_json(d, options.lang) for d in result.diagnostics],
        "summary": result.summary(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
