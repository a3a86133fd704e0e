"""`salesplan review`: actuals against targets — 达成率, pacing against time, status (the 复盘 step).

Exit codes: 0 reviewed; 1 `--fail-under PCT` and some target's overall pacing is below PCT, or a
rate target whose period has begun has no actuals (the output is still written); 2 the plan does not
load or split, the actuals have errors (located diagnostics on stderr, nothing on stdout), or the
options are wrong. The plan is never modified.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salesplan.cli.common import (
    ACTUALS,
    AS_OF,
    EXIT_ERROR,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    TargetOption,
    as_of_day,
    emit,
    exit_on_errors,
    fail,
    format_option,
    load_or_exit,
    print_diagnostics,
    refuse_input_as_output,
    refuse_settings,
    render_options,
    unsuppressed,
    value_option,
)
from salesplan.cli.review_gates import _alert_gate, _alert_kinds, _gate, _spend
from salesplan.diagnostics import has_errors
from salesplan.i18n import Message, _
from salesplan.options import comma_list

if TYPE_CHECKING:
    from collections.abc import Iterator

    from salesplan.loader import LoadedPlan
    from salesplan.review.engine import Review
    from salesplan.review.execution import TaskProgress
    from salesplan.review.spend import SpendReview
    from salesplan.review.template import FilledTemplate


class ReviewFormat(StrEnum):
    table = "table"
    json = "json"
    xlsx = "xlsx"
    md = "md"
    csv = "csv"
    github = "github"
    sarif = "sarif"


def _blank(
    fmt: ReviewFormat, output: Path | None, force: bool, lang: str, plan: Path | None = None, target: str | None = None
) -> None:
    from salesplan.review.blank import blank_csv, blank_xlsx

    if output is None or str(output) == "-":
        fail(_("--blank needs -o FILE"), lang=lang)
    if fmt is ReviewFormat.table and output.suffix.lower() in (".csv", ".xlsx"):
        fmt = ReviewFormat(output.suffix.lower().lstrip("."))  # no --format: the -o suffix says which
    if fmt not in (ReviewFormat.csv, ReviewFormat.xlsx):
        fail(
            _("--blank writes the actuals template: --format csv or --format xlsx (or -o FILE.csv / FILE.xlsx)"),
            lang=lang,
        )
    if plan is None:
        emit(blank_csv(lang) if fmt is ReviewFormat.csv else blank_xlsx(lang), output, force, lang)
        return
    from salesplan.review.template import filled_csv, filled_xlsx

    refuse_input_as_output(output, [plan], lang)
    template = _filled(load_or_exit(plan, lang), lang, target)
    emit(filled_csv(template, lang) if fmt is ReviewFormat.csv else filled_xlsx(template, lang), output, force, lang)


def _filled(loaded: LoadedPlan, lang: str, target: str | None = None) -> FilledTemplate:
    """The template filled from the split of the target -t names, else of the plan's first target (its
    errors, or an unknown -t: exit 2)."""
    from salesplan.review.template import fill
    from salesplan.split.engine import split_plan

    assert loaded.plan is not None
    first = [target] if target else [loaded.plan.targets[0].id] if loaded.plan.targets else []
    outcome = split_plan(loaded, first) if first else None
    if outcome is not None:
        exit_on_errors(unsuppressed(outcome.diagnostics, loaded), lang)
    return fill(loaded.plan, outcome.splits[0] if outcome is not None and outcome.splits else None)


def _payload(
    review: Review,
    loaded: LoadedPlan,
    fmt: ReviewFormat,
    output: Path | None,
    lang: str,
    tasks: list[TaskProgress] | None = None,
    spend: SpendReview | None = None,
) -> str | bytes | Iterator[str]:
    """What one review writes, by the renderer of `fmt` (`salesplan.report.review_out`); json alone comes as
    chunks made while they are written. What a workbook had to change is printed as warnings."""
    from salesplan.report.review_out import RENDERERS, ReviewOutput

    out = ReviewOutput(review, loaded, tasks, spend)
    made = RENDERERS.render(fmt.value, out, render_options(lang, output, width=160))
    print_diagnostics(out.warnings, lang)
    return made


def _render(review: Review, loaded: LoadedPlan, fmt: ReviewFormat, output: Path | None, lang: str) -> str | bytes:
    """`_payload` whole (a review among several plans, `--children`)."""
    made = _payload(review, loaded, fmt, output, lang)
    return made if isinstance(made, str | bytes) else "".join(made)


def _inputs(
    plan: Path | None, actuals: Path | None, fmt: ReviewFormat, output: Path | None, lang: str
) -> tuple[Path, Path]:
    if plan is None or actuals is None:
        fail(_("give a plan file and --actuals FILE (or --blank for the actuals template)"), lang=lang)
    if fmt is ReviewFormat.csv:
        fail(_("--format csv is for --blank; the review is table, json, xlsx or md"), lang=lang)
    if fmt is ReviewFormat.xlsx and (output is None or str(output) == "-"):
        fail(_("an xlsx workbook cannot go to stdout; give a file with -o"), lang=lang)
    return plan, actuals


HELP = _(
    "Review actuals against targets: achievement, pacing, status and re-planning alerts for every part of the split."
)
SUMMARY = _("Actuals against targets: achievement, pacing, status and alerts.")


def _pct(name: str, help_text: Message) -> Any:
    return value_option(name, "<pct>", help_text)


def review(
    plan: Annotated[
        Path | None,
        typer.Argument(
            help=_("The plan file (with --blank: the plan to fill the template from).").msgid, show_default=False
        ),
    ] = None,
    actuals: Annotated[Path | None, ACTUALS] = None,
    as_of: Annotated[str | None, AS_OF] = None,
    fmt: Annotated[
        ReviewFormat, format_option(_("table, json, xlsx, md, github or sarif (csv/xlsx with --blank)."))
    ] = ReviewFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    fail_under: Annotated[
        str | None, _pct("--fail-under", _("Exit 1 when any target's pacing is below this percent."))
    ] = None,
    ahead: Annotated[str | None, _pct("--ahead", _("Pacing % from which a part is ahead (110)."))] = None,
    on_track: Annotated[str | None, _pct("--on-track", _("Pacing % from which it is on track (95)."))] = None,
    at_risk: Annotated[str | None, _pct("--at-risk", _("Pacing % below which it is at risk (80)."))] = None,
    streak: Annotated[
        int | None,
        value_option("--streak", "<n>", _("Alert after N completed periods in a row below plan (2).")),
    ] = None,
    drop: Annotated[
        str | None, _pct("--drop", _("Alert when a period falls more than PCT below the last (15)."))
    ] = None,
    fail_on_alert: Annotated[
        list[str] | None,
        value_option(
            "--fail-on-alert",
            "<kinds>",
            _("Exit 1 when a re-planning alert of these kinds fires: streak, drop (comma-separated)."),
        ),
    ] = None,
    target: TargetOption = None,
    ignore_column: Annotated[
        list[str] | None,
        value_option("--ignore-column", "<column>", _("Leave this actuals column unread (repeatable).")),
    ] = None,
    blank: Annotated[
        bool,
        typer.Option(
            "--blank", help=_("Write the actuals template (-o, csv or xlsx); with a plan, filled with its parts.").msgid
        ),
    ] = False,
    progress: Annotated[
        Path | None,
        value_option(
            "--progress",
            "<path>",
            _("Task progress (task, status, percent, date): CSV, xlsx or YAML; adds the task table."),
        ),
    ] = None,
    tasks: Annotated[
        bool, typer.Option("--tasks", help=_("Add the task progress table from the plan's task statuses.").msgid)
    ] = False,
    children: Annotated[
        bool,
        typer.Option(
            "--children",
            help=_(
                "Review the child plans too (as salesplan rollup finds them), each with its part of the actuals."
            ).msgid,
        ),
    ] = False,
    spend: Annotated[
        Path | None,
        value_option(
            "--spend",
            "<path>",
            _("Spend (strategy or task, date, amount): CSV, xlsx or YAML; adds budget use and ROI."),
        ),
    ] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan review` (its help is HELP)."""
    from salesplan.report.progress import steps
    from salesplan.review.run import review_file
    from salesplan.settings import SettingsError, load_config, resolve

    language = lang.value
    if blank:
        from salesplan.review.template import NO_ACTUALS

        if actuals is not None:
            fail(NO_ACTUALS, lang=language)
        named = comma_list(target)
        if named and plan is None:
            fail(_("--blank -t fills the template from a target of a plan: give the plan file"), lang=language)
        if len(named) > 1:
            fail(_("--blank fills the template from one target; -t names {count}", count=len(named)), lang=language)
        _blank(fmt, output, force, language, plan, named[0] if named else None)
        return
    if fmt is ReviewFormat.table and output is not None:  # no --format: the -o suffix says which
        by_suffix = {".xlsx": ReviewFormat.xlsx, ".md": ReviewFormat.md, ".json": ReviewFormat.json}
        fmt = by_suffix.get(output.suffix.lower(), fmt)
    plan, actuals = _inputs(plan, actuals, fmt, output, language)
    refuse_input_as_output(
        output, [plan, actuals, *([progress] if progress else []), *([spend] if spend else [])], language
    )
    try:
        chosen = resolve(
            load_config(None, plan.parent),
            ahead=ahead,
            on_track=on_track,
            at_risk=at_risk,
            fail_under=fail_under,
            streak=streak,
            drop=drop,
            ignore_columns=ignore_column or [],
        ).review
    except SettingsError as exc:
        refuse_settings(exc, language)
    day, gate = as_of_day(as_of, language), chosen.fail_under
    kinds = _alert_kinds(fail_on_alert, language)
    loaded = load_or_exit(plan, language)
    targets = comma_list(target) or None
    if children and fmt in (ReviewFormat.github, ReviewFormat.sarif):
        fail(_("--children writes table, json or md"), lang=language)
    if spend is not None and (children or fmt in (ReviewFormat.github, ReviewFormat.sarif)):
        fail(_("--spend reviews one plan, as table, json, xlsx or md"), lang=language)
    if children:  # the parent, then each plan below it (salesplan.review.tree)
        from salesplan.cli.review_children import review_children
        from salesplan.review.tree import render_tree

        tree = review_children(
            loaded, plan, actuals, day, chosen, targets, fmt.value, language, bool(progress or tasks)
        )
        text = render_tree(tree, fmt.value, language, lambda r: _render(r.review, r.loaded, fmt, output, language))
        emit(text, output, force, language)
        for reviewed in tree:
            if gate is not None:
                _gate(reviewed.review, gate, language)
        for reviewed in tree:
            _alert_gate(reviewed.review, kinds, language)
        return
    with steps(language) as step:  # a spinner naming the step, on a terminal
        result = review_file(loaded, actuals, day, chosen.thresholds, chosen.triggers, targets, chosen.columns, step)
    states = None
    if (progress is not None or tasks) and loaded.plan is not None:
        from salesplan.review.progress import execution_of

        states, read = execution_of(loaded.plan, progress, day)
        result.diagnostics += read
        if has_errors(read):
            result.review = None
    spent = None
    if spend is not None and loaded.plan is not None:
        spent = _spend(loaded.plan, spend, result.attributed, day, result.diagnostics)
        if spent is None:
            result.review = None
    print_diagnostics(unsuppressed(result.diagnostics, loaded), language)
    if result.review is None:
        raise typer.Exit(EXIT_ERROR)
    with steps(language) as step:  # written as it is made: Ctrl-C leaves no file (emit)
        step("build")
        made = _payload(result.review, loaded, fmt, output, language, states, spent)
        emit(made if isinstance(made, str | bytes) else step.counted(made), output, force, language)
    if gate is not None:
        _gate(result.review, gate, language)
    _alert_gate(result.review, kinds, language)
