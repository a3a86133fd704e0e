"""`salesplan rules` output in the user's language: the rule table, and one rule's documentation (its
module docstring, translated paragraph by paragraph from the `rules_doc` catalog, `salesplan.doctext`),
each as table (terminal text), json or md (`LIST_RENDERERS`, `DOC_RENDERERS`)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any

from salesplan.doctext import DocPart, doc_parts, render_doc
from salesplan.i18n import _, translate
from salesplan.rendering import cell_width, wrap
from salesplan.rules import RULES, RuleInfo

WIDTH = 100  # terminal columns of a rule's translated paragraphs (the English ones are written about this wide)


def summary(info: RuleInfo, lang: str) -> str:
    """A rule's one-line summary in `lang`."""
    return translate(info.summary, lang)


def rules_list(lang: str = "zh") -> str:
    rows = [(r.code, r.name, r.severity.value, summary(r, lang)) for r in RULES.values()]
    name_width = max(cell_width(r[1]) for r in rows)
    return "".join(f"{code}  {name.ljust(name_width)}  {sev:<7}  {text}\n" for code, name, sev, text in rows)


def _row(info: RuleInfo, lang: str) -> dict[str, Any]:
    """A rule's stable keys in json: code, name, severity, group, summary (in `lang`)."""
    return {
        "code": info.code,
        "name": info.name,
        "severity": info.severity.value,
        "group": info.group,
        "summary": summary(info, lang),
    }


def rules_json(lang: str = "zh") -> str:
    return json.dumps([_row(r, lang) for r in RULES.values()], ensure_ascii=False, indent=2) + "\n"


def rules_markdown(lang: str = "zh") -> str:
    """The rule table of docs/lint.md (`salesplan rules -f md --lang en`): made from the registry, so it
    never drifts."""
    lines = ["| code | name | severity | summary |", "|---|---|---|---|"]
    for r in RULES.values():
        text = summary(r, lang).replace("|", "\\|")
        lines.append(f"| {r.code} | `{r.name}` | {r.severity.value} | {text} |")
    return "\n".join(lines) + "\n"


def _options(info: RuleInfo, lang: str, line: str) -> str:
    """The settings a rule reads, under a translated label, one `line` (a format of key and doc) each."""
    if not info.options:
        return ""
    label = _("Options:").render(lang)
    rows = "".join(line.format(key=o.key, doc=translate(o.doc, lang)) for o in info.options)
    return f"\n{label}\n{rows}"


def _folded(part: DocPart, lang: str) -> str:
    """A piece as the terminal shows it: a translated paragraph folded to `WIDTH` columns (its source
    lines are folded at about that width too), anything else as `DocPart.render` gives it."""
    shown = part.render(lang)
    if part.msgid is None or shown == "\n".join(part.lines):
        return shown
    return "\n".join(wrap(part.text(lang), WIDTH, part.lead))


def rule_doc(info: RuleInfo, lang: str = "zh") -> str:
    """A rule's documentation as the terminal shows it: its paragraphs in `lang`, folded to `WIDTH`
    columns, its examples as written."""
    head = f"{info.code} {info.name} ({info.severity.value}, {info.group})"
    body = "\n".join(_folded(part, lang) for part in doc_parts(info.doc))
    return f"{head}\n{'=' * len(head)}\n\n{body}\n" + _options(info, lang, "  {key}: {doc}\n")


def rule_doc_json(info: RuleInfo, lang: str = "zh") -> str:
    data = {
        **_row(info, lang),
        "doc": render_doc(info.doc, lang),
        "options": [{"key": option.key, "doc": translate(option.doc, lang)} for option in info.options],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def rule_doc_markdown(info: RuleInfo, lang: str = "zh") -> str:
    """A rule's documentation as Markdown: a paragraph a line, a list item after the one before it, each
    example a fenced block (YAML, or `console` for a command line)."""
    blocks = [f"## {info.code} `{info.name}`", f"*{info.severity.value}, {info.group}*"]
    for part in doc_parts(info.doc):
        if part.msgid is not None:
            marker = part.lead.strip()
            text = f"{marker} {part.text(lang)}" if marker else part.text(lang)
            if marker and blocks[-1].startswith(f"{marker} "):
                blocks[-1] += f"\n{text}"
            else:
                blocks.append(text)
        elif "".join(part.lines).strip():
            block = textwrap.dedent("\n".join(part.lines))
            fence = "console" if block.lstrip().startswith("$ ") else "yaml"
            blocks.append(f"```{fence}\n{block}\n```")
    return "\n\n".join(blocks) + "\n" + _options(info, lang, "- `{key}`: {doc}\n")


LIST_RENDERERS: dict[str, Callable[[str], str]] = {"table": rules_list, "json": rules_json, "md": rules_markdown}
DOC_RENDERERS: dict[str, Callable[[RuleInfo, str], str]] = {
    "table": rule_doc,
    "json": rule_doc_json,
    "md": rule_doc_markdown,
}
