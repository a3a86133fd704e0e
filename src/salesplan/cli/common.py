"""What every command shares: options, diagnostics on stderr, exit codes, safe output (the last three from
`salesplan.cli.outcome`, which needs no typer)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    render_out,
    written,
)
from salesplan.i18n import Message, _

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
# the plan file, the settings file, the actuals and the review day, declared once for the commands that take them
PlanArgument = Annotated[Path, typer.Argument(help=_("The plan file (YAML).").msgid, show_default=False)]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", metavar="<path>", help=_("Use this config file instead of the nearest one.").msgid),
]
ACTUALS = typer.Option("--actuals", "-a", metavar="<path>", help=_("Actuals: CSV, xlsx or YAML (see --blank).").msgid)
AS_OF = typer.Option("--as-of", metavar="<date>", help=_("Review date YYYY-MM-DD (default: today).").msgid)


AllowOverCapacityOption = Annotated[
    bool,
    typer.Option("--allow-over-capacity", help=_("Warn instead of failing when reps' capacity is exceeded.").msgid),
]
CommitmentsOption = Annotated[
    Path | None,
    typer.Option(
        "--commitments",
        metavar="<path>",
        help=_("Commitments (target, part, month, commitment): CSV or xlsx; over the plan's commit:.").msgid,
    ),
]


def value_option(name: str, metavar: str, help_text: Message) -> Any:
    """An option that takes a value: its name, the metavar its help shows (`<path>`, `<date>`, `<pct>`), its help."""
    return typer.Option(name, metavar=metavar, help=help_text.msgid)


def format_option(help_text: Message) -> Any:
    """A command's `-f/--format` option; its choices are the command's own enum of formats."""
    return typer.Option("--format", "-f", help=help_text.msgid)


def as_of_day(text: str | None, lang: str) -> dt.date:
    """`--as-of` read as a day YYYY-MM-DD (None: today); anything else exits 2 naming what was given."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        fail(_("--as-of must be a date YYYY-MM-DD (got {text})", text=repr(text)), lang=lang)


def print_diagnostics(diagnostics: list[Diagnostic], lang: str = "zh") -> None:
    """`path:line:col: CODE message`, one a line, with the hint indented below."""
    from salesplan.diagnostics import inert

    for diag in sorted(diagnostics, key=lambda d: d.sort_key()):
        err(diag.format(lang))
        hint = diag.hint_in(lang)
        if hint:
            label = _("hint").render(lang)
            err(f"    {label}: {inert(hint)}")


def unsuppressed(diagnostics: list[Diagnostic], loaded: LoadedPlan) -> list[Diagnostic]:
    """`diagnostics` less the plan's warnings and notices that a `# salesplan: ignore[CODE]` comment of
    the plan covers, as lint leaves them out (SP054's notice, said on every run otherwise); an error is
    always kept: it stops the command."""
    from salesplan.diagnostics import Severity
    from salesplan.lint.suppress import apply_suppressions

    if not loaded.text or "ignore[" not in loaded.text:
        return diagnostics
    mine = [d for d in diagnostics if d.severity is not Severity.ERROR and d.source.file == loaded.file]
    kept = {id(d) for d in apply_suppressions(loaded.file, loaded.text, mine, frozenset()).kept}
    dropped = {id(d) for d in mine} - kept
    return [d for d in diagnostics if id(d) not in dropped]


def exit_on_errors(diagnostics: list[Diagnostic], lang: str, *, warnings: bool = True) -> None:
    """Print `diagnostics` (without `warnings`: only when one is an error); exit 2 when one is an error."""
    from salesplan.diagnostics import has_errors

    failed = has_errors(diagnostics)
    if warnings or failed:
        print_diagnostics(diagnostics, lang)
    if failed:
        raise typer.Exit(EXIT_ERROR)


def load_or_exit(path: Path, lang: str) -> LoadedPlan:
    """Load a plan; print its diagnostics; exit 2 unless it loaded without error."""
    from salesplan.loader import load_plan

    loaded = load_plan(path)
    exit_on_errors(loaded.diagnostics, lang)
    if loaded.plan is None:
        raise typer.Exit(EXIT_ERROR)
    return loaded


__all__ = [
    "ACTUALS",
    "AS_OF",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "FORCE_HELP",
    "LANG_HELP",
    "OUTPUT_HELP",
    "TARGET_HELP",
    "AllowOverCapacityOption",
    "ConfigOption",
    "ForceOption",
    "Lang",
    "LangOption",
    "OutputOption",
    "PlanArgument",
    "TargetOption",
    "as_of_day",
    "check_output",
    "configuration_error",
    "emit",
    "err",
    "exit_on_errors",
    "fail",
    "format_option",
    "load_or_exit",
    "print_diagnostics",
    "refuse_input_as_output",
    "refuse_settings",
    "render_options",
    "render_out",
    "unsuppressed",
    "value_option",
    "written",
]
