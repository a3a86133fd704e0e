"""`salesplan lint`: check plan files like code (SMART targets, breakdown, risks, tasks, budget)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    OUTPUT_HELP,
    CommitmentsOption,
    ConfigOption,
    ForceOption,
    Lang,
    LangOption,
    format_option,
    value_option,
)
from salesplan.cli.lint_run import LintRequest, run_lint
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
        Format | None, format_option(_("text (default; github under GitHub Actions), json, github, sarif."))
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("-o", "--output", "--output-file", metavar="<path>", help=OUTPUT_HELP.msgid),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
    select: Codes = None,
    ignore: Codes = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(metavar="<glob>", help=_("Skip files and folders matching this glob.").msgid),
    ] = None,
    config: ConfigOption = None,
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
    as_of: Annotated[
        str | None,
        value_option("--as-of", "<date>", _("Judge task dates as of this day YYYY-MM-DD (default: today).")),
    ] = None,
    commitments: CommitmentsOption = None,
) -> None:
    """`salesplan lint` (its help is HELP); its body is `run_lint`, which a plain run reaches without typer."""
    request = LintRequest(
        paths=list(paths or []),
        output_format=output_format.value if output_format else None,
        output_file=output_file,
        force=force,
        lang=lang.value,
        select=select or [],
        ignore=ignore or [],
        exclude=exclude or [],
        config=config,
        fail_on=fail_on.value if fail_on else None,
        exit_zero=exit_zero,
        smart=smart,
        skip_non_plans=skip_non_plans,
        require_children=require_children,
        as_of=as_of,
        commitments=commitments,
    )
    raise typer.Exit(run_lint(request))
