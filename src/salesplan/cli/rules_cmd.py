"""`salesplan rules`: list every rule, or print one rule's documentation, in the language of the run.

Exit codes: 0 shown; 2 the rule is unknown, or the output file exists (without --force) or cannot be written.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from salesplan.cli.common import (
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    check_output,
    emit,
    err,
    fail,
    format_option,
)
from salesplan.i18n import _

HELP = _("List every rule (code, name, severity, summary), or print one rule's documentation with examples.")
SUMMARY = _("List every rule, or print one rule's documentation.")


class RulesFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


# the older spellings of -f json and -f md, kept (hidden) so that existing scripts still run
DEPRECATED = {"--json": RulesFormat.json, "--markdown": RulesFormat.md}


def rules(
    rule: Annotated[str | None, typer.Argument(help=_("A code (SP101) or name (target-not-specific).").msgid)] = None,
    fmt: Annotated[RulesFormat, format_option(_("table, md or json."))] = RulesFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
    as_json: Annotated[bool, typer.Option("--json", hidden=True, help=_("Print the list as JSON.").msgid)] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", hidden=True, help=_("Print the list as a Markdown table.").msgid)
    ] = False,
) -> None:
    """`salesplan rules` (its help is HELP)."""
    from salesplan.report.rules_doc import DOC_RENDERERS, LIST_RENDERERS
    from salesplan.rules import lookup

    code = lang.value
    aliases = [name for name, given in (("--json", as_json), ("--markdown", markdown)) if given]
    fmt = _chosen_format(fmt, aliases, code)
    check_output(output, force, lang=code)
    if rule is None:
        emit(LIST_RENDERERS[fmt.value](code), output, force, code)
        return
    info = lookup(rule)
    if info is None:
        fail(_("unknown rule '{rule}' (run `salesplan rules` for the list)", rule=rule), lang=code)
    emit(DOC_RENDERERS[fmt.value](info, code), output, force, code)


def _chosen_format(fmt: RulesFormat, aliases: list[str], lang: str) -> RulesFormat:
    """-f, or the deprecated spelling given instead (with a notice on stderr); two formats are refused."""
    explicit = [] if fmt is RulesFormat.table else [fmt]
    if len({*explicit, *(DEPRECATED[alias] for alias in aliases)}) > 1:
        options = ", ".join([*aliases, *(f"-f {f.value}" for f in explicit)])
        fail(_("{options} ask for two formats; give one", options=options), lang=lang)
    for alias in aliases:
        fmt = DEPRECATED[alias]
        notice = _("{option} is deprecated; use -f {format}", option=alias, format=fmt.value)
        err(f"salesplan: {notice.render(lang)}")
    return fmt
