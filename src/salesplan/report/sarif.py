"""SARIF 2.1.0 (OASIS errata01) for code-scanning tools: every rule described, every result located.

URIs are relative to `%SRCROOT%` (the working directory) and percent-encoded; a file outside it
gets an absolute `file:` URI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from salesplan import __version__
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.doctext import render_doc
from salesplan.lint.result import LintResult
from salesplan.report.base import RenderOptions, hint_text
from salesplan.report.rules_doc import rule_doc_markdown, summary
from salesplan.rules import RULES, RuleInfo

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "note"}
_INDEX = {code: i for i, code in enumerate(RULES)}


def _uri(file: str, root: Path) -> tuple[str, bool]:
    """(uri, relative to %SRCROOT%?)"""
    path = Path(file)
    if not path.is_absolute():
        return quote(path.as_posix()), True
    try:
        return quote(path.relative_to(root).as_posix()), True
    except ValueError:
        return path.as_uri(), False


def _rule(info: RuleInfo, lang: str) -> dict[str, Any]:
    """A rule described in `lang`, as `salesplan rules CODE` shows it: summary, first paragraph, whole
    documentation (text, and Markdown with fenced YAML examples)."""
    doc = render_doc(info.doc, lang)
    first = doc.split("\n\n", 1)[0].replace("\n", " ")
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": summary(info, lang)},
        "fullDescription": {"text": first},
        "help": {"text": doc, "markdown": rule_doc_markdown(info, lang)},
        "defaultConfiguration": {"level": LEVEL[info.severity]},
        "properties": {"tags": [info.group]},
    }


def sarif_result(diag: Diagnostic, options: RenderOptions) -> dict[str, Any]:
    """One finding as a SARIF result: its rule, level, message (and hint) in `options.lang`, its location."""
    source = diag.source
    uri, relative = _uri(diag.file, options.root)
    location: dict[str, Any] = {"uri": uri}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    region: dict[str, Any] = {"startLine": source.line, "startColumn": source.col}
    if source.end_line is not None and source.end_col is not None:
        region["endLine"] = source.end_line
        region["endColumn"] = max(source.end_col, source.col + 1) if source.end_line == source.line else source.end_col
    hint = hint_text(diag, options.lang)
    out: dict[str, Any] = {
        "ruleId": diag.code,
        "level": LEVEL[diag.severity],
        "message": {"text": diag.text(options.lang) + (f"\n{hint}" if hint else "")},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
    }
    if diag.code in _INDEX:
        out["ruleIndex"] = _INDEX[diag.code]
    if diag.path:
        out["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": diag.dotted_path, "kind": "member"}]
    return out


def sarif_log(rules: list[dict[str, Any]], results: list[dict[str, Any]], root: Path) -> str:
    """The SARIF document of one run of salesplan: its `rules` described, its `results` (`sarif_result`)
    located, URIs relative to `root` (%SRCROOT%). Lint and review's CI format both write it."""
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "salesplan", "version": __version__, "rules": rules}},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri().rstrip("/") + "/"}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render_sarif(result: LintResult, options: RenderOptions) -> str:
    rules = [_rule(info, options.lang) for info in RULES.values()]
    return sarif_log(rules, [sarif_result(d, options) for d in result.diagnostics], options.root)
