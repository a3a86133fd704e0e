"""`salesplan export`: the plan's tables (breakdown, execution, risks, timeline) as Excel or Markdown."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    ForceOption,
    Lang,
    OutputOption,
    emit,
    fail,
    format_option,
    load_or_exit,
    print_diagnostics,
    refuse_input_as_output,
    unsuppressed,
    value_option,
)
from salesplan.i18n import _, resolve_lang


class Format(StrEnum):
    xlsx = "xlsx"
    md = "md"


HELP = _("Export the plan's tables as an Excel workbook or Markdown (headers in Chinese by default).")
SUMMARY = _("The plan's tables as an Excel workbook or Markdown.")


def export(
    plan: Annotated[
        Path | None, typer.Argument(help=_("The plan file (none with --blank).").msgid, show_default=False)
    ] = None,
    output: OutputOption = None,
    fmt: Annotated[Format | None, format_option(_("xlsx or md (default: the -o suffix)."))] = None,
    tables: Annotated[
        str | None,
        value_option("--tables", "<table,...>", _("Comma-separated subset of breakdown,execution,risks,timeline.")),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help=_(
                "Headers and labels: zh or en (default: the plan's language, else SALESPLAN_LANG, "
                "else the locale, else zh)."
            ).msgid,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        value_option("--template", "<path>", _("Folder overriding Markdown templates (DIR/export/*.md.j2).")),
    ] = None,
    blank: Annotated[
        bool, typer.Option("--blank", help=_("Write the empty templates instead of a plan.").msgid)
    ] = False,
    force: ForceOption = False,
) -> None:
    """`salesplan export` (its help is HELP)."""
    from salesplan.export.run import ExportError, export_blank, export_plan, resolve_format
    from salesplan.export.tables import UnknownTable, parse_tables
    from salesplan.report.progress import steps

    language = lang.value if lang else resolve_lang()
    if blank == (plan is not None):
        fail(_("give a plan file, or --blank for the empty templates (not both)"), lang=language)
    try:
        names, kind = parse_tables(tables), resolve_format(fmt.value if fmt else None, output or Path("-"))
        if plan is None:
            emit(export_blank(kind, names, language, template), output, force, language)
            return
        refuse_input_as_output(output, [plan], language)
        loaded = load_or_exit(plan, language)
        if lang is None and loaded.plan is not None and loaded.plan.plan.lang:
            language = loaded.plan.plan.lang  # the plan's own language, unless --lang says otherwise
        with steps(language) as step:
            step("build")
            result = export_plan(loaded, kind, names, language, template, stream=True)
            if result.payload is not None:
                print_diagnostics(unsuppressed(result.diagnostics, loaded), language)
                payload = result.payload if isinstance(result.payload, str | bytes) else step.counted(result.payload)
                emit(payload, output, force, language)
                return
    except (ExportError, UnknownTable) as exc:
        fail(exc.message, lang=language)
    print_diagnostics(result.diagnostics, language)
    raise typer.Exit(EXIT_ERROR)
