"""A review for CI: `salesplan review -f github` (workflow commands) and `-f sarif` (SARIF 2.1.0).

The findings are `salesplan.review.annotations`' (behind and at-risk targets and parts, re-planning
alerts), each at its target's line in the plan; escaping and locations are lint's
(`salesplan.report.github`, `salesplan.report.sarif`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from salesplan.diagnostics import Diagnostic
from salesplan.loader import LoadedPlan
from salesplan.report.base import RenderOptions
from salesplan.report.github import command
from salesplan.report.sarif import LEVEL, sarif_log, sarif_result
from salesplan.review.annotations import RULES, Rule, review_findings
from salesplan.review.result import Review

_INDEX = {code: i for i, code in enumerate(RULES)}


def render_github(findings: list[Diagnostic], lang: str) -> str:
    return "".join(command(d, lang) + "\n" for d in findings)


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    text = rule.summary.render(lang)
    return {
        "id": rule.name,
        "name": rule.name,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["review"]},
    }


def render_sarif(findings: list[Diagnostic], lang: str, root: Path) -> str:
    options = RenderOptions(lang=lang, root=root)
    results = []
    for finding in findings:
        result = sarif_result(finding, options)
        result["ruleIndex"] = _INDEX[finding.code]
        results.append(result)
    return sarif_log([_rule(rule, lang) for rule in RULES.values()], results, root)


def render_ci(review: Review, loaded: LoadedPlan, fmt: str, lang: str, root: Path | None = None) -> str:
    """`fmt` is github or sarif; `root` (default: the working directory) is what SARIF URIs are relative to."""
    findings = review_findings(review, loaded)
    if fmt == "github":
        return render_github(findings, lang)
    return render_sarif(findings, lang, root or Path.cwd())
