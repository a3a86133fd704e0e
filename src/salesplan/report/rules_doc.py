"""`salesplan rules` output: the rule table, and one rule's documentation (its module docstring)."""

from __future__ import annotations

import json

from salesplan.report.base import cell_width
from salesplan.rules import RULES, RuleInfo


def rules_list() -> str:
    rows = [(r.code, r.name, r.severity.value, r.summary) for r in RULES.values()]
    name_width = max(cell_width(r[1]) for r in rows)
    return "".join(f"{code}  {name.ljust(name_width)}  {sev:<7}  {summary}\n" for code, name, sev, summary in rows)


def rules_json() -> str:
    rows = [
        {"code": r.code, "name": r.name, "severity": r.severity.value, "group": r.group, "summary": r.summary}
        for r in RULES.values()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def rules_markdown() -> str:
    """The rule table for the README: generated from the registry, so it never drifts."""
    lines = ["| code | name | severity | summary |", "|---|---|---|---|"]
    for r in RULES.values():
        summary = r.summary.replace("|", "\\|")
        lines.append(f"| {r.code} | `{r.name}` | {r.severity.value} | {summary} |")
    return "\n".join(lines) + "\n"


def rule_doc(info: RuleInfo) -> str:
    head = f"{info.code} {info.name} ({info.severity.value}, {info.group})"
    options = "".join(f"  {option.key}: {option.doc}\n" for option in info.options)
    return f"{head}\n{'=' * len(head)}\n\n{info.doc}\n" + (f"\nOptions:\n{options}" if options else "")
