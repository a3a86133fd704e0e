"""`salesplan replan`: a new plan file whose completed time parts are held at their actuals and whose
remaining parts take the rest of each target by the level's own method.

Exit codes: 0 written (notes on stderr); 2 the plan does not load or split, the actuals have errors (a row
outside its target's breakdown too), the new plan would not split (located diagnostics on stderr, nothing
written), --as-of is outside the plan's period, or -o is missing, an input, or exists without --force.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    OUTPUT_HELP,
    ForceOption,
    Lang,
    LangOption,
    check_output,
    emit,
    err,
    fail,
    load_or_exit,
    print_diagnostics,
)
from salesplan.i18n import _

HELP = _("Write a new plan: completed time parts held at their actuals, the rest of each target re-split.")
SUMMARY = _("A new plan from the actuals to date: the remaining target re-split over the remaining time.")


def replan(
    plan: Annotated[Path, typer.Argument(help=_("The plan file (YAML).").msgid, show_default=False)],
    actuals: Annotated[
        Path,
        typer.Option("--actuals", "-a", metavar="<path>", help=_("Actuals: CSV, xlsx or YAML (see --blank).").msgid),
    ],
    as_of: Annotated[
        str, typer.Option("--as-of", metavar="<date>", help=_("Review date YYYY-MM-DD (default: today).").msgid)
    ],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="<path>", help=OUTPUT_HELP.msgid)],
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan replan` (its help is HELP)."""
    import datetime as dt

    from salesplan.diagnostics import has_errors
    from salesplan.loader import load_text
    from salesplan.review.actuals import parse_actuals
    from salesplan.review.engine import Thresholds, review_plan
    from salesplan.review.replan_plan import replan as replan_plan
    from salesplan.split.engine import split_plan

    check_output(output, force, [plan, actuals], lang.value)
    try:
        day = dt.date.fromisoformat(as_of.strip())
    except ValueError:
        fail(_("--as-of must be a date YYYY-MM-DD (got {text})", text=repr(as_of)), lang=lang.value)
    loaded = load_or_exit(plan, lang.value)
    assert loaded.plan is not None
    period = loaded.plan.plan.period
    if day < period.start:
        fail(
            _(
                "--as-of {day} is before the plan's period ({start} – {end}): no part has ended, nothing to re-plan",
                day=day.isoformat(),
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            ),
            lang=lang.value,
        )
    if day >= period.end:
        fail(
            _(
                "--as-of {day} is on or after the last day of the plan's period ({start} – {end}): every part has "
                "ended, nothing is left to re-plan",
                day=day.isoformat(),
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            ),
            lang=lang.value,
        )
    read = parse_actuals(actuals, loaded.plan)
    if read.diagnostics:
        print_diagnostics(read.diagnostics, lang.value)
    if has_errors(read.diagnostics):
        raise typer.Exit(EXIT_ERROR)
    outcome = split_plan(loaded)
    if has_errors(outcome.diagnostics):
        print_diagnostics(outcome.diagnostics, lang.value)
        raise typer.Exit(EXIT_ERROR)
    # a row outside its target's breakdown (an account under another region) is refused as the review does
    placed = review_plan(loaded.plan, outcome.splits, read.rows, day, Thresholds()).diagnostics
    if has_errors(placed):
        print_diagnostics(placed, lang.value)
        raise typer.Exit(EXIT_ERROR)
    splits = {split.target_id: split for split in outcome.splits}
    made = replan_plan(plan.read_text(encoding="utf-8"), loaded.plan, read.rows, day, splits)
    for note in made.notes:
        err(note.render(lang.value))
    new = load_text(made.text, str(output))
    problems = list(new.diagnostics) + (list(split_plan(new).diagnostics) if new.plan is not None else [])
    if has_errors(problems):
        print_diagnostics(problems, lang.value)
        fail(
            _(
                "{output} was not written: the re-planned plan would not split (the problems above are in it)",
                output=str(output),
            ),
            lang=lang.value,
        )
    emit(made.text, output, force, lang.value, [plan, actuals])
