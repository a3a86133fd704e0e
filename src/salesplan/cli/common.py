"""What every command shares: options, diagnostics on stderr, exit codes, safe output (the last three from
`salesplan.cli.outcome`, which needs no typer)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salesplan.cli.outcome import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    check_output,
    configuration_error,
    emit,
    err,
    fail,
    refuse_input_as_output,
    refuse_settings,
    render_options,
    written,
)
from salesplan.i18n import _

if TYPE_CHECKING:
    from salesplan.diagnostics import Diagnostic
    from salesplan.loader import LoadedPlan


class Lang(StrEnum):
    zh = "zh"
    en = "en"


# a command's --lang defaults to the language of the run (SALESPLAN_LANG, else the locale, else zh):
# salesplan.cli.help gives it as the default when the command runs
# the options every command shares, one name, metavar and help each (tests/cli/test_options.py checks
# every command against these); their values are read by salesplan.options (e.g. `comma_list`)
LANG_HELP = _("Output language: zh or en (default: SALESPLAN_LANG, else the locale, else zh).")
FORCE_HELP = _("Overwrite an existing output file.")
OUTPUT_HELP = _("Write to this file instead of stdout.")
TARGET_HELP = _("Only these target ids (repeatable, or comma-separated).")
LangOption = Annotated[Lang, typer.Option("--lang", help=LANG_HELP.msgid)]
ForceOption = Annotated[bool, typer.Option("--force", help=FORCE_HELP.msgid)]
OutputOption = Annotated[Path | None, typer.Option("-o", "--output", metavar="<path>", help=OUTPUT_HELP.msgid)]
TargetOption = Annotated[list[str] | None, typer.Option("-t", "--target", metavar="<id,...>", help=TARGET_HELP.msgid)]


def print_diagnostics(diagnostics: list[Diagnostic], lang: str = "zh") -> None:
    """`path:line:col: CODE message`, one a line, with the hint indented below."""
    from salesplan.diagnostics import inert

    for diag in sorted(diagnostics, key=lambda d: d.sort_key()):
        err(diag.format(lang))
        hint = diag.hint_in(lang)
        if hint:
            label = _("hint").render(lang)
            err(f"    {label}: {inert(hint)}")


def load_or_exit(path: Path, lang: str) -> LoadedPlan:
    """Load a plan; print its diagnostics; exit 2 unless it loaded without error."""
    from salesplan.diagnostics import has_errors
    from salesplan.loader import load_plan

    loaded = load_plan(path)
    if loaded.diagnostics:
        print_diagnostics(loaded.diagnostics, lang)
    if loaded.plan is None or has_errors(loaded.diagnostics):
        raise typer.Exit(EXIT_ERROR)
    return loaded


__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "FORCE_HELP",
    "LANG_HELP",
    "OUTPUT_HELP",
    "TARGET_HELP",
    "ForceOption",
    "Lang",
    "LangOption",
    "OutputOption",
    "TargetOption",
    "check_output",
    "configuration_error",
    "emit",
    "err",
    "fail",
    "load_or_exit",
    "print_diagnostics",
    "refuse_input_as_output",
    "refuse_settings",
    "render_options",
    "written",
]
