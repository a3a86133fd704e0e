"""`salesplan lint`: check plan files like code (SMART targets, breakdown, risks, tasks, budget)."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import ForceOption, Lang, LangOption, check_output, emit, fail


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    notice = "notice"


Codes = Annotated[list[str] | None, typer.Option(help="Rule codes, prefixes or names, comma-separated.")]


def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help="Plan files or folders (default: .).")] = None,
    output_format: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="text (default; github under GitHub Actions), json, github, sarif."),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("-o", "--output", "--output-file", metavar="<path>", help="Write the report to this file."),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
    select: Codes = None,
    ignore: Codes = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Skip files and folders matching this glob.")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file instead of the nearest one.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(help="Lowest severity that fails the run (default error).")] = None,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when there are findings.")] = False,
    smart: Annotated[bool, typer.Option(help="Print the SMART scorecard of every target instead.")] = False,
    skip_non_plans: Annotated[bool, typer.Option(help="Skip named YAML files that are not plans.")] = False,
) -> None:
    """Lint sales plans. Exit 0: no error; 1: findings at or above --fail-on; 2: usage error or unreadable file."""
    from salesplan.diagnostics import Severity
    from salesplan.lint import ConfigError, discover, lint_files, load_config
    from salesplan.report import REPORTER_BY_NAME, Renderer, RenderOptions
    from salesplan.report.progress import progress_bar
    from salesplan.report.smart import render_smart_json, render_smart_table

    targets = [str(p) for p in paths or [Path(".")]]
    try:
        start = Path(targets[0]) if Path(targets[0]).is_dir() else Path(targets[0]).parent
        settings = load_config(config, start).with_cli(select or [], ignore or [], exclude or [])
    except ConfigError as exc:
        fail(f"configuration error: {exc}")
    candidates = discover(targets, settings.exclude)
    check_output(output_file, force, [c.path for c in candidates], lang.value)
    with progress_bar(len(candidates)) as progress:
        result = lint_files(candidates, settings, skip_non_plans=skip_non_plans, progress=progress)
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    color = output_file is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    options = RenderOptions(lang=lang.value, color=color)
    render: Renderer
    if smart:
        render = render_smart_json if chosen == Format.json else render_smart_table
    else:
        render = REPORTER_BY_NAME[chosen]
    emit(render(result, options), output_file, force, lang.value)
    threshold = Severity(fail_on.value) if fail_on else settings.fail_on
    raise typer.Exit(result.exit_code(threshold, exit_zero))
