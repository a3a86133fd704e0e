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
    emit,
    fail,
    load_or_exit,
    print_diagnostics,
    refuse_input_as_output,
)


class Format(StrEnum):
    xlsx = "xlsx"
    md = "md"


def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write; - prints Markdown to stdout.")],
    plan: Annotated[Path | None, typer.Argument(help="The plan file (none with --blank).", show_default=False)] = None,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="xlsx or md (default: the -o suffix).")] = None,
    tables: Annotated[
        str | None, typer.Option("--tables", help="Comma-separated subset of breakdown,execution,risks,timeline.")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Headers and labels: zh (default) or en.")] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Folder overriding Markdown templates (DIR/export/*.md.j2).")
    ] = None,
    blank: Annotated[bool, typer.Option("--blank", help="Write the empty templates instead of a plan.")] = False,
    force: ForceOption = False,
) -> None:
    """Export the plan's tables as an Excel workbook or Markdown (headers in Chinese by default)."""
    from salesplan.export.run import ExportError, export_blank, export_plan, resolve_format
    from salesplan.export.tables import UnknownTable, parse_tables
    from salesplan.report.progress import steps

    language = lang.value if lang else "zh"
    if blank == (plan is not None):
        fail(
            "give a plan file, or --blank for the empty templates (not both)",
            zh="请给出计划文件，或用 --blank 生成空白模板（二者不能同时）",
            lang=language,
        )
    try:
        names, kind = parse_tables(tables), resolve_format(fmt.value if fmt else None, output)
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
                print_diagnostics(result.diagnostics, language)
                payload = result.payload if isinstance(result.payload, str | bytes) else step.counted(result.payload)
                emit(payload, output, force, language)
                return
    except (ExportError, UnknownTable) as exc:
        fail(str(exc), zh=exc.zh, lang=language)
    print_diagnostics(result.diagnostics, language)
    raise typer.Exit(EXIT_ERROR)
