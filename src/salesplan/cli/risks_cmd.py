"""`salesplan risks`: the plan's risk register, scored on the risk matrix and sorted by score."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import Lang, LangOption, fail, load_or_exit


class RiskFormat(StrEnum):
    table = "table"
    json = "json"


def risks(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    output_format: Annotated[
        RiskFormat, typer.Option("--format", "-f", help="table (default) or json.")
    ] = RiskFormat.table,
    lang: LangOption = Lang.zh,
    config: Annotated[Path | None, typer.Option(help="Use this config file instead of the nearest one.")] = None,
) -> None:
    """Print the risk register (probability × impact, level), highest score first."""
    from salesplan.lint import ConfigError, load_config
    from salesplan.report.risks import risks_json, risks_table
    from salesplan.risk import score_risks

    try:
        risk_config = load_config(config, plan.parent).settings.risk
    except ConfigError as exc:
        fail(f"configuration error: {exc}")
    loaded = load_or_exit(plan, lang.value)
    assert loaded.plan is not None
    scored = score_risks(loaded.plan, risk_config)
    if output_format is RiskFormat.json:
        typer.echo(risks_json(scored), nl=False)
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        typer.echo(risks_table(scored, lang.value, color), nl=False)
