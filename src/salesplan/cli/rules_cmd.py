"""`salesplan rules`: list every rule, or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from salesplan.cli.common import fail


def rules(
    rule: Annotated[str | None, typer.Argument(help="A code (SP101) or name (target-not-specific).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the list as a Markdown table.")] = False,
) -> None:
    """List every rule (code, name, severity, summary), or print one rule's documentation with examples."""
    from salesplan.report.rules_doc import rule_doc, rules_json, rules_list, rules_markdown
    from salesplan.rules import lookup

    if rule is None:
        typer.echo(rules_json() if as_json else rules_markdown() if markdown else rules_list(), nl=False)
        return
    info = lookup(rule)
    if info is None:
        fail(f"unknown rule '{rule}' (run `salesplan rules` for the list)")
    typer.echo(rule_doc(info), nl=False)
