"""`salesplan init`: create a complete starting plan for one of the five scenarios."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    ForceOption,
    Lang,
    err,
    print_diagnostics,
    value_option,
)
from salesplan.i18n import _

if TYPE_CHECKING:
    from salesplan.scaffold import Prompts


class ScenarioChoice(StrEnum):
    new_product = "new-product"
    regional_expansion = "regional-expansion"
    sprint = "sprint"
    competitive_response = "competitive-response"
    key_account = "key-account"


def stdin_is_terminal() -> bool:
    """Whether to ask for missing basics: only a person at a terminal is asked anything."""
    return sys.stdin.isatty()


def _terminal_prompts() -> Prompts:
    from salesplan.scaffold import Prompts

    return Prompts(ask=lambda question, default: str(typer.prompt(question, default=default)), warn=err)


HELP = _(
    "Create a complete starting plan for one scenario, ready to edit, lint and split.\n"
    "\n"
    "Also writes .salesplan/plan-1.schema.json beside the plan (unless an identical one is there), "
    "which the plan's first line points editors to for validation and completion. Never overwrites "
    "an existing plan, or a different schema file, without --force. On a terminal it asks for the "
    "basics not given as options; otherwise it uses the defaults."
)
SUMMARY = _("Create a complete starting plan for one of the five scenarios.")


def init(
    path: Annotated[Path, typer.Argument(help=_("The plan file to create.").msgid)] = Path("plan.yaml"),
    scenario: Annotated[
        ScenarioChoice | None, typer.Option("--scenario", "-s", help=_("Which starting plan (see --list).").msgid)
    ] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help=_("Language of the plan and of messages: zh or en.").msgid)
    ] = Lang.zh,
    name: Annotated[
        str | None,
        value_option("--name", "<text>", _("Plan name [default: from scenario and period]")),
    ] = None,
    period: Annotated[
        str | None,
        value_option(
            "--period",
            "<period>",
            _("2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30 [default: next quarter]"),
        ),
    ] = None,
    start: Annotated[
        str | None,
        value_option("--start", "<date>", _("First day (YYYY-MM-DD), with --end, instead of --period.")),
    ] = None,
    end: Annotated[str | None, value_option("--end", "<date>", _("Last day (YYYY-MM-DD), with --start."))] = None,
    owner: Annotated[
        str | None,
        value_option("--owner", "<person>", _("Plan owner (a person) [default: a sample name in the plan's language]")),
    ] = None,
    unit: Annotated[
        str | None,
        value_option("--unit", "<unit>", _("Unit of money: wan (10,000 yuan; the default) or yuan.")),
    ] = None,
    force: ForceOption = False,
    list_scenarios: Annotated[
        bool, typer.Option("--list", help=_("List the scenarios, one line each, and exit.").msgid)
    ] = False,
) -> None:
    """`salesplan init` (its help is HELP)."""
    from salesplan.scaffold import Options, ScaffoldError, describe_scenarios, init_plan

    if list_scenarios:
        typer.echo(describe_scenarios(lang.value), nl=False)
        return
    options = Options(scenario and scenario.value, lang.value, name, period, start, end, owner, unit)
    prompts = _terminal_prompts() if stdin_is_terminal() else None
    try:
        created = init_plan(path, options, prompts, force=force)
    except ScaffoldError as exc:
        print_diagnostics(exc.diagnostics, lang.value)
        err(f"salesplan: {exc.message(lang.value)}")
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(created.report(), nl=False)
