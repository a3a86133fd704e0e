"""`salesplan rules`: list every rule, or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from salesplan.cli.common import fail
from salesplan.i18n import _, resolve_lang

HELP = _("List every rule (code, name, severity, summary), or print one rule's documentation with examples.")
SUMMARY = _("List every rule, or print one rule's documentation.")


def rules(
    rule: Annotated[str | None, typer.Argument(help=_("A code (SP101) or name (target-not-specific).").msgid)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print the list as JSON.").msgid)] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help=_("Print the list as a Markdown table.").msgid)] = False,
) -> None:
    """`salesplan rules` (its help is HELP)."""
    from salesplan.report.rules_doc import rule_doc, rules_json, rules_list, rules_markdown
    from salesplan.rules import lookup

    if rule is None:
        typer.echo(rules_json() if as_json else rules_markdown() if markdown else rules_list(), nl=False)
        return
    info = lookup(rule)
    if info is None:
        fail(_("unknown rule '{rule}' (run `salesplan rules` for the list)", rule=rule), lang=resolve_lang())
    typer.echo(rule_doc(info), nl=False)
