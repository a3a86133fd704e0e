"""`salesplan split`: break targets down into exact parts, each saying how it was reached.

Exit codes: 0 split (warnings, if any, on stderr); 2 the plan does not load, a --target is
unknown, a target cannot be split, the --commitments file is bad (located diagnostics on stderr,
nothing on stdout), or the
output file cannot be written (it exists and --force is missing, it is the plan itself, or the
write fails; an existing file is then left as it was).
The plan file is never modified: `-o` naming the plan is refused even with --force.
"""

from __future__ import annotations

import itertools
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    AllowOverCapacityOption,
    CommitmentsOption,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    PlanArgument,
    TargetOption,
    check_output,
    emit,
    exit_on_errors,
    fail,
    format_option,
    load_or_exit,
    refuse_input_as_output,
    render_options,
    unsuppressed,
    value_option,
)
from salesplan.i18n import _
from salesplan.options import comma_list


class SplitFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"


HELP = _("Split targets by region, product, rep and time: exact parts, each saying how it was reached.")
SUMMARY = _("Split targets into exact parts, each saying how it was reached.")


def split(
    plan: PlanArgument,
    target: TargetOption = None,
    fmt: Annotated[SplitFormat, format_option(_("table, json, csv or yaml."))] = SplitFormat.table,
    depth: Annotated[
        int | None, typer.Option("--depth", min=0, metavar="<n>", help=_("Show only the first N levels.").msgid)
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
    allow_over_capacity: AllowOverCapacityOption = False,
    commitments: CommitmentsOption = None,
    commitments_template: Annotated[
        Path | None,
        value_option(
            "--commitments-template",
            "<path>",
            _("Write the commitments file to fill (CSV: each rep's or region's row) instead of the split."),
        ),
    ] = None,
) -> None:
    """`salesplan split` (its help is HELP)."""
    from salesplan.report.progress import steps
    from salesplan.split.engine import split_plan
    from salesplan.split.render import BOM, RENDERERS, SplitOutput

    inputs = [plan, *([commitments] if commitments else [])]
    refuse_input_as_output(output, inputs, lang.value)
    if commitments_template is not None:
        _check_template(commitments_template, output, lang.value)
    check_output(commitments_template, force, inputs, lang.value)
    loaded = load_or_exit(plan, lang.value)
    with steps(lang.value) as step:
        step("split")
        outcome = split_plan(loaded, comma_list(target) or None, allow_over_capacity=allow_over_capacity)
    if commitments is not None and loaded.plan is not None:  # the file's commitments over `commit:`
        from salesplan.review.commit_read import filed_commitments

        outcome.diagnostics += filed_commitments(commitments, loaded.plan, outcome.splits)
    exit_on_errors(unsuppressed(outcome.diagnostics, loaded), lang.value)
    if commitments_template is not None:
        from salesplan.review.commit_template import commitments_template as template

        emit(template(outcome.splits, lang.value), commitments_template, force, lang.value, [plan])
        return
    names = {t.id: t.name for t in loaded.plan.targets if t.name} if loaded.plan else {}
    made = RENDERERS.render(
        fmt.value, SplitOutput(outcome.splits, names), render_options(lang.value, output, depth=depth)
    )
    if isinstance(made, str | bytes):
        emit(made, output, force, lang.value)
        return
    if fmt is SplitFormat.csv and output is not None and str(output) != "-":
        made = itertools.chain([BOM], made)  # a CSV file is opened in Excel: the BOM tells it UTF-8
    with steps(lang.value) as step:  # written as it is made: the whole text is never held
        emit(step.counted(made), output, force, lang.value)


def _check_template(template: Path, output: Path | None, lang: str) -> None:
    """The template is a CSV file of its own: a name that says otherwise (an xlsx Excel would refuse to
    open, a .txt read back as tab-separated) or an -o that would go unwritten is refused before any work."""
    if template.suffix.lower() != ".csv":
        fail(
            _(
                "--commitments-template writes a CSV file: name it .csv, not '{name}' "
                "(Excel and WPS open it; saved as xlsx it reads back with --commitments too)",
                name=template.name,
            ),
            lang=lang,
        )
    if output is not None:
        fail(_("--commitments-template writes its own file: leave out -o {output}", output=output), lang=lang)
