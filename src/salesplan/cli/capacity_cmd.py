"""`salesplan capacity`: a revenue target against the reps' ramped capacity, and the hires that close the gap.

Exit codes: 0 shown; 2 the plan does not load, the target is unknown, not in money or cannot be split
(located diagnostics on stderr), or the output file cannot be written.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    PlanArgument,
    TargetOption,
    check_output,
    exit_on_errors,
    fail,
    format_option,
    load_or_exit,
    render_out,
    unsuppressed,
)
from salesplan.i18n import Message, _
from salesplan.options import comma_list


class CapacityFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


class TimeKind(StrEnum):
    quarter = "quarter"
    month = "month"
    week = "week"


HELP = _("Compare a revenue target with the reps' ramped capacity by region and time part, and plan the hires.")
SUMMARY = _("Target against ramped capacity by region and period, and the hires that close the gap.")


def capacity(
    plan: PlanArgument,
    target: TargetOption = None,
    by: Annotated[TimeKind, typer.Option("--by", help=_("Time parts: quarter, month or week.").msgid)] = TimeKind.month,
    fmt: Annotated[CapacityFormat, format_option(_("table, md or json."))] = CapacityFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan capacity` (its help is HELP); without -t, the plan's first revenue target."""
    from salesplan.capacity import chosen_target, plan_capacity, split_for_capacity
    from salesplan.capacity.render import RENDERERS

    check_output(output, force, [plan], lang.value)
    loaded = load_or_exit(plan, lang.value)
    assert loaded.plan is not None
    ids = comma_list(target)
    if len(ids) > 1:
        fail(_("capacity compares one target at a time; -t names {count}", count=len(ids)), lang=lang.value)
    chosen = chosen_target(loaded.plan, ids[0] if ids else None)
    if isinstance(chosen, Message):
        fail(chosen, lang=lang.value)
    made = split_for_capacity(loaded, chosen)  # over capacity or with no reps: the shortfall is what it measures
    exit_on_errors(unsuppressed(made.diagnostics, loaded), lang.value)
    if made.split is None:
        raise typer.Exit(EXIT_ERROR)
    result = plan_capacity(loaded.plan, chosen, made.split, by.value, made.vacancies)
    render_out(RENDERERS, fmt.value, result, output, force, lang.value, [plan])
