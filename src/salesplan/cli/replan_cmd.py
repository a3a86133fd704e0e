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
    ACTUALS,
    AS_OF,
    OUTPUT_HELP,
    ForceOption,
    Lang,
    LangOption,
    PlanArgument,
    as_of_day,
    check_output,
    emit,
    err,
    exit_on_errors,
    fail,
    load_or_exit,
    print_diagnostics,
)
from salesplan.i18n import _

HELP = _("Write a new plan: completed time parts held at their actuals, the rest of each target re-split.")
SUMMARY = _("A new plan from the actuals to date: the remaining target re-split over the remaining time.")


def replan(
    plan: PlanArgument,
    actuals: Annotated[Path, ACTUALS],
    as_of: Annotated[str, AS_OF],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="<path>", help=OUTPUT_HELP.msgid)],
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan replan` (its help is HELP)."""
    from salesplan.diagnostics import has_errors
    from salesplan.loader import load_text
    from salesplan.review.actuals import parse_actuals
    from salesplan.review.engine import Thresholds, review_plan
    from salesplan.review.replan_plan import replan as replan_plan
    from salesplan.split.engine import split_plan

    check_output(output, force, [plan, actuals], lang.value)
    day = as_of_day(as_of, lang.value)
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
    exit_on_errors(read.diagnostics, lang.value)
    outcome = split_plan(loaded)
    exit_on_errors(outcome.diagnostics, lang.value, warnings=False)
    # a row outside its target's breakdown (an account under another region) is refused as the review does
    placed = review_plan(loaded.plan, outcome.splits, read.rows, day, Thresholds()).diagnostics
    exit_on_errors(placed, lang.value, warnings=False)
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
