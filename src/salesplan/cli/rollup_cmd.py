"""`salesplan rollup`: the combined tree of a national plan, the regional files that implement its
parts, and their own breakdowns, with totals that add up. Exit 1 when a relation does not hold
(its located findings on stderr), 2 when a plan given or found does not load (nothing
written), else 0. See docs/rollup.md."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    check_output,
    fail,
    format_option,
    render_out,
)
from salesplan.i18n import _


class RollupFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    xlsx = "xlsx"


HELP = _("Print the roll-up of plan files: a parent plan, the child plans implementing its parts, their breakdowns.")
SUMMARY = _("Roll regional plans up into the national one.")


def rollup(
    root: Annotated[Path, typer.Argument(metavar="<path>", help=_("A folder of plans, or a parent plan.").msgid)],
    fmt: Annotated[
        RollupFormat | None, format_option(_("table, md, json or xlsx (default: the -o suffix, else table)."))
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan rollup` (its help is HELP)."""
    from salesplan import codes
    from salesplan.cli.common import load_or_exit, print_diagnostics
    from salesplan.report.rollup_xlsx import RENDERERS
    from salesplan.rollup.tree import rollup_tree

    code = lang.value
    check_output(output, force, [root], code)
    if root.is_file() or not root.exists():
        load_or_exit(root, code)  # the parent plan itself must load: its findings, exit 2
    result = rollup_tree(root)
    found = result.report.diagnostics
    if found:
        print_diagnostics(found, code)
    # a plan that does not load leaves no tree to show: exit 2 (a relation that does not hold is 1)
    if any(codes.group(d.code) == "loader" for d in found):
        raise typer.Exit(EXIT_ERROR)
    chosen = fmt or _from_suffix(output)
    if chosen is RollupFormat.xlsx and (output is None or str(output) == "-"):
        fail(_("a workbook is written to a file: give -o FILE.xlsx"), lang=code)
    render_out(RENDERERS, chosen.value, result, output, force, code, [root])
    if found:
        raise typer.Exit(EXIT_FINDINGS)


def _from_suffix(output: Path | None) -> RollupFormat:
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    return RollupFormat(suffix) if suffix in ("md", "json", "xlsx") else RollupFormat.table
