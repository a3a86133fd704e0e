"""`salesplan lint`: check plan files like code (SMART targets, breakdown, risks, tasks, budget)."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import ForceOption, Lang, LangOption, check_output, emit, refuse_settings
from salesplan.i18n import _


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    notice = "notice"


Codes = Annotated[
    list[str] | None,
    typer.Option(metavar="<code,...>", help=_("Rule codes, prefixes or names, comma-separated.").msgid),
]
HELP = _("Lint sales plans. Exit 0: no error; 1: findings at or above --fail-on; 2: usage error or unreadable file.")
SUMMARY = _("Check plans like code: SMART targets, breakdown, risks, tasks, budget.")


def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help=_("Plan files or folders (default: .).").msgid)] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help=_("text (default; github under GitHub Actions), json, github, sarif.").msgid
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", "--output-file", metavar="<path>", help=_("Write the report to this file.").msgid
        ),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
    select: Codes = None,
    ignore: Codes = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(metavar="<glob>", help=_("Skip files and folders matching this glob.").msgid),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(metavar="<path>", help=_("Use this config file instead of the nearest one.").msgid),
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help=_("Lowest severity that fails the run (default error).").msgid)
    ] = None,
    exit_zero: Annotated[bool, typer.Option(help=_("Exit 0 even when there are findings.").msgid)] = False,
    smart: Annotated[bool, typer.Option(help=_("Print the SMART scorecard of every target instead.").msgid)] = False,
    skip_non_plans: Annotated[bool, typer.Option(help=_("Skip named YAML files that are not plans.").msgid)] = False,
    require_children: Annotated[
        bool | None,
        typer.Option(
            "--require-children/--no-require-children",
            help=_("Report parts of rolled-up parent targets that no child plan implements.").msgid,
        ),
    ] = None,
) -> None:
    """`salesplan lint` (its help is HELP)."""
    from salesplan.lint import discover, lint_files
    from salesplan.report import REPORTER_BY_NAME, Renderer, RenderOptions
    from salesplan.report.progress import progress_bar
    from salesplan.report.smart import render_smart_json, render_smart_table
    from salesplan.settings import SettingsError, load_config, resolve

    targets = [str(p) for p in paths or [Path(".")]]
    start = Path(targets[0]) if Path(targets[0]).is_dir() else Path(targets[0]).parent
    try:
        settings = resolve(
            load_config(config, start),
            select=select or [],
            ignore=ignore or [],
            exclude=exclude or [],
            fail_on=fail_on.value if fail_on else None,
        ).lint
    except SettingsError as exc:
        refuse_settings(exc, lang.value)
    candidates = discover(targets, settings.exclude)
    check_output(output_file, force, [c.path for c in candidates], lang.value)
    with progress_bar(len(candidates)) as progress:
        result = lint_files(
            candidates, settings, skip_non_plans=skip_non_plans, progress=progress, require_children=require_children
        )
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    color = output_file is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    options = RenderOptions(lang=lang.value, color=color)
    render: Renderer
    if smart:
        render = render_smart_json if chosen == Format.json else render_smart_table
    else:
        render = REPORTER_BY_NAME[chosen]
    emit(render(result, options), output_file, force, lang.value)
    raise typer.Exit(result.exit_code(settings.fail_on, exit_zero))
