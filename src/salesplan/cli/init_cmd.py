"""`salesplan init`: create a complete starting plan for one of the five scenarios."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salesplan.cli.common import EXIT_ERROR, Lang, err, print_diagnostics

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


def init(
    path: Annotated[Path, typer.Argument(help="The plan file to create.")] = Path("plan.yaml"),
    scenario: Annotated[
        ScenarioChoice | None, typer.Option("--scenario", "-s", help="Which starting plan (see --list).")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the plan and of messages: zh or en.")] = Lang.zh,
    name: Annotated[str | None, typer.Option("--name", help="Plan name [default: from scenario and period]")] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", help="2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30 [default: next quarter]"
        ),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="First day (YYYY-MM-DD), with --end, instead of --period.")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="Last day (YYYY-MM-DD), with --start.")] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help="Plan owner (a person) [default: 陈静 / Grace Chen]")
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit of money: 万元 (default) or 元.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing plan and schema file.")] = False,
    list_scenarios: Annotated[
        bool, typer.Option("--list", help="List the scenarios, one line each, and exit.")
    ] = False,
) -> None:
    """Create a complete starting plan for one scenario, ready to edit, lint and split.

    Also writes .salesplan/plan-1.schema.json beside the plan (unless an identical one is there),
    which the plan's first line points editors to for validation and completion. Never overwrites
    an existing plan, or a different schema file, without --force. On a terminal it asks for the
    basics not given as options; otherwise it uses the defaults.
    """
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
