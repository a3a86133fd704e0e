"""`salesplan review`: actuals against targets — 达成率, pacing against time, status (the 复盘 step).

Exit codes: 0 reviewed; 1 `--fail-under PCT` and some target's overall pacing is below PCT, or a
rate target whose period has begun has no actuals (the output is still written); 2 the plan does not
load or split, the actuals have errors (located diagnostics on stderr, nothing on stdout), or the
options are wrong. The plan is never modified.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    ForceOption,
    Lang,
    LangOption,
    emit,
    err,
    fail,
    load_or_exit,
    print_diagnostics,
    refuse_input_as_output,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal

    from salesplan.lint import LintConfig
    from salesplan.loader import LoadedPlan
    from salesplan.review.alerts import Triggers
    from salesplan.review.engine import Review, Thresholds


class ReviewFormat(StrEnum):
    table = "table"
    json = "json"
    xlsx = "xlsx"
    md = "md"
    csv = "csv"


def _percent(text: str | None, option: str, lang: str) -> Decimal | None:
    from decimal import Decimal, InvalidOperation

    if text is None:
        return None
    try:
        value = Decimal(text.strip().rstrip("%").strip())
    except InvalidOperation:
        fail(
            f"{option} must be a percent such as 90 or 90% (got {text!r})",
            zh=f"{option} 应为百分数，例如 90 或 90%（实际为 {text!r}）",
            lang=lang,
        )
    if not value.is_finite() or value < 0:
        fail(
            f"{option} must be a percent of 0 or more (got {text!r})",
            zh=f"{option} 应为不小于 0 的百分数（实际为 {text!r}）",
            lang=lang,
        )
    return value


def _configured(plan: Path) -> LintConfig:
    """The nearest salesplan.toml / .salesplan.toml / [tool.salesplan] (lint's file): its `[review]` table."""
    from salesplan.lint import ConfigError, load_config

    try:
        return load_config(None, plan.parent)
    except ConfigError as exc:
        fail(f"configuration error: {exc}")


def _thresholds(
    ahead: str | None, on_track: str | None, at_risk: str | None, configured: Mapping[str, Decimal], lang: str
) -> Thresholds:
    from salesplan.review.engine import Thresholds

    base = Thresholds()
    values = (
        _percent(ahead, "--ahead", lang),
        _percent(on_track, "--on-track", lang),
        _percent(at_risk, "--at-risk", lang),
    )
    defaults = (
        configured.get("ahead", base.ahead),
        configured.get("on-track", base.on_track),
        configured.get("at-risk", base.at_risk),
    )
    chosen = Thresholds(*(d if v is None else v for v, d in zip(values, defaults, strict=True)))
    if chosen.problem():
        got = f"{chosen.ahead}, {chosen.on_track}, {chosen.at_risk}"
        fail(
            f"{chosen.problem()} (got {got})",
            zh=f"阈值须满足 0 ≤ at-risk ≤ on-track ≤ ahead（实际为 {got}）",
            lang=lang,
        )
    return chosen


def _triggers(streak: int | None, drop: str | None, configured: Mapping[str, Decimal], lang: str) -> Triggers:
    """The re-planning alerts' triggers: the command line, else `[review]`, else the defaults."""
    from salesplan.review.alerts import Triggers

    base = Triggers()
    given = _percent(drop, "--drop", lang)
    chosen = Triggers(
        int(configured.get("streak", base.streak)) if streak is None else streak,
        configured.get("drop", base.drop) if given is None else given,
    )
    if chosen.problem():
        got = f"--streak {chosen.streak}, --drop {chosen.drop}"
        fail(
            f"{chosen.problem()} (got {got})",
            zh=f"--streak 应为不小于 1 的整数，--drop 应为 0 到 100 的百分数（实际为 {got}）",
            lang=lang,
        )
    return chosen


def _as_of(text: str | None, lang: str) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        fail(
            f"--as-of must be a date YYYY-MM-DD (got {text!r})",
            zh=f"--as-of 应为日期 YYYY-MM-DD（实际为 {text!r}）",
            lang=lang,
        )


def _blank(fmt: ReviewFormat, output: Path | None, force: bool, lang: str) -> None:
    from salesplan.review.blank import blank_csv, blank_xlsx

    if output is None or str(output) == "-":
        fail("--blank needs -o FILE", zh="--blank 需要 -o 文件", lang=lang)
    if fmt is ReviewFormat.table and output.suffix.lower() in (".csv", ".xlsx"):
        fmt = ReviewFormat(output.suffix.lower().lstrip("."))  # no --format: the -o suffix says which
    if fmt not in (ReviewFormat.csv, ReviewFormat.xlsx):
        fail(
            "--blank writes the actuals template: --format csv or --format xlsx (or -o FILE.csv / FILE.xlsx)",
            zh="--blank 生成实际数据模板：--format csv 或 --format xlsx（或 -o 文件.csv / 文件.xlsx）",
            lang=lang,
        )
    emit(blank_csv(lang) if fmt is ReviewFormat.csv else blank_xlsx(lang), output, force, lang)


def _render(review: Review, loaded: LoadedPlan, fmt: ReviewFormat, output: Path | None, lang: str) -> str | bytes:
    if fmt is ReviewFormat.json:
        from salesplan.review.render import render_json

        return render_json(review)
    if fmt is ReviewFormat.table:
        from salesplan.review.render import render_table

        tty = output is None and sys.stdout.isatty()
        width = shutil.get_terminal_size((160, 24)).columns if tty else 160
        return render_table(review, lang, width, color=tty and not os.environ.get("NO_COLOR"))
    from salesplan.export.review_table import review_document
    from salesplan.export.run import render_located

    assert loaded.plan is not None
    doc = review_document(loaded.plan, review, lang)
    rendered = render_located(doc, "xlsx" if fmt is ReviewFormat.xlsx else "md", loaded)
    print_diagnostics(rendered.diagnostics, lang)  # what the workbook had to change, as warnings
    assert isinstance(rendered.payload, str | bytes)
    return rendered.payload


def _inputs(
    plan: Path | None, actuals: Path | None, fmt: ReviewFormat, output: Path | None, lang: str
) -> tuple[Path, Path]:
    if plan is None or actuals is None:
        fail(
            "give a plan file and --actuals FILE (or --blank for the actuals template)",
            zh="请给出计划文件和 --actuals 文件（或用 --blank 生成实际数据模板）",
            lang=lang,
        )
    if fmt is ReviewFormat.csv:
        fail(
            "--format csv is for --blank; the review is table, json, xlsx or md",
            zh="--format csv 只用于 --blank；复盘输出为 table、json、xlsx 或 md",
            lang=lang,
        )
    if fmt is ReviewFormat.xlsx and (output is None or str(output) == "-"):
        fail(
            "an xlsx workbook cannot go to stdout; give a file with -o",
            zh="xlsx 工作簿不能输出到标准输出；请用 -o 指定文件",
            lang=lang,
        )
    return plan, actuals


def _gate(review: Review, gate: Decimal, lang: str) -> None:
    """`--fail-under`: exit 1, naming them, when targets' overall pacing is below the gate."""
    below = review.under(gate)
    if below:
        unmeasured = "无实际值" if lang == "zh" else "no actuals"
        listed = ", ".join(f"{t.target_id} {unmeasured if t.unmeasured else f'{t.total.pacing}%'}" for t in below)
        err(
            f"salesplan: 序时进度低于 {gate}%：{listed}"
            if lang == "zh"
            else f"salesplan: pacing below {gate}%: {listed}"
        )
        raise typer.Exit(EXIT_FINDINGS)


def review(
    plan: Annotated[Path | None, typer.Argument(help="The plan file (none with --blank).", show_default=False)] = None,
    actuals: Annotated[
        Path | None, typer.Option("--actuals", "-a", help="Actuals: CSV, xlsx or YAML (see --blank).")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="Review date YYYY-MM-DD (default: today).")
    ] = None,
    fmt: Annotated[
        ReviewFormat, typer.Option("--format", "-f", help="table, json, xlsx or md (csv/xlsx with --blank).")
    ] = ReviewFormat.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
    force: ForceOption = False,
    fail_under: Annotated[
        str | None,
        typer.Option("--fail-under", metavar="PCT", help="Exit 1 when any target's pacing is below this percent."),
    ] = None,
    ahead: Annotated[
        str | None, typer.Option("--ahead", metavar="PCT", help="Pacing % from which a part is ahead (110).")
    ] = None,
    on_track: Annotated[
        str | None, typer.Option("--on-track", metavar="PCT", help="Pacing % from which it is on track (95).")
    ] = None,
    at_risk: Annotated[
        str | None, typer.Option("--at-risk", metavar="PCT", help="Pacing % below which it is at risk (80).")
    ] = None,
    streak: Annotated[
        int | None,
        typer.Option("--streak", metavar="N", help="Alert after N completed periods in a row below plan (2)."),
    ] = None,
    drop: Annotated[
        str | None,
        typer.Option("--drop", metavar="PCT", help="Alert when a period falls more than PCT below the last (15)."),
    ] = None,
    target: Annotated[
        list[str] | None, typer.Option("--target", "-t", help="Review only this target id (repeatable).")
    ] = None,
    ignore_column: Annotated[
        list[str] | None,
        typer.Option("--ignore-column", metavar="NAME", help="Leave this actuals column unread (repeatable)."),
    ] = None,
    blank: Annotated[bool, typer.Option("--blank", help="Write an empty actuals template (-o, csv or xlsx).")] = False,
    lang: LangOption = Lang.zh,
) -> None:
    """Review actuals against targets: 达成率, pacing, status and re-planning alerts for every part of the split."""
    from salesplan.review.run import review_file

    language = lang.value
    if blank:
        if plan is not None or actuals is not None:
            fail(
                "--blank writes the actuals template; give no plan and no --actuals",
                zh="--blank 生成实际数据模板；不要同时给出计划文件或 --actuals",
                lang=language,
            )
        _blank(fmt, output, force, language)
        return
    plan, actuals = _inputs(plan, actuals, fmt, output, language)
    refuse_input_as_output(output, [plan, actuals], language)
    config = _configured(plan)
    configured, columns = config.review, config.review_columns.with_ignored(ignore_column or [])
    gate = _percent(fail_under, "--fail-under", language)
    gate = configured.get("fail-under") if gate is None else gate
    thresholds, day = _thresholds(ahead, on_track, at_risk, configured, language), _as_of(as_of, language)
    triggers = _triggers(streak, drop, configured, language)
    loaded = load_or_exit(plan, language)
    result = review_file(loaded, actuals, day, thresholds, triggers, target or None, columns)
    print_diagnostics(result.diagnostics, language)
    if result.review is None:
        raise typer.Exit(EXIT_ERROR)
    emit(_render(result.review, loaded, fmt, output, language), output, force, language)
    if gate is not None:
        _gate(result.review, gate, language)
