"""`salesplan risks`: the plan's risk register, scored on the risk matrix and sorted by score."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    ConfigOption,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    check_output,
    format_option,
    load_or_exit,
    refuse_settings,
    render_out,
)
from salesplan.i18n import _


class RiskFormat(StrEnum):
    table = "table"
    json = "json"


HELP = _("Print the risk register (probability × impact, level), highest score first.")
SUMMARY = _("The risk register, scored on the risk matrix, highest score first.")


def risks(
    plan: Annotated[Path, typer.Argument(help=_("The plan file.").msgid)],
    output_format: Annotated[RiskFormat, format_option(_("table (default) or json."))] = RiskFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
    config: ConfigOption = None,
) -> None:
    """`salesplan risks` (its help is HELP)."""
    from salesplan.report.risks import RISKS_RENDERERS
    from salesplan.risk import score_risks
    from salesplan.settings import SettingsError, load_config, resolve

    check_output(output, force, [plan], lang.value)
    try:
        risk_config = resolve(load_config(config, plan.parent)).risk
    except SettingsError as exc:
        refuse_settings(exc, lang.value)
    loaded = load_or_exit(plan, lang.value)
    assert loaded.plan is not None
    scored = score_risks(loaded.plan, risk_config)
    render_out(RISKS_RENDERERS, output_format.value, scored, output, force, lang.value, [plan])
