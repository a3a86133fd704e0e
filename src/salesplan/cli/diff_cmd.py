"""`salesplan diff`: what a change does to a plan's numbers, not its YAML lines.

    salesplan diff OLD.yaml NEW.yaml        two files
    salesplan diff PLAN --rev REV           PLAN at git revision REV -> the working file
    salesplan diff PLAN --rev A..B          PLAN at A -> PLAN at B
    salesplan diff --textconv PLAN          the plan as stable text lines, for git's textconv

Exit codes as `git diff --exit-code`: 0 no change, 1 changes, 2 error (a plan that does not load or
split: its located diagnostics on stderr, nothing written). See docs/diff.md.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    check_output,
    emit,
    fail,
    format_option,
    print_diagnostics,
    render_out,
    value_option,
)
from salesplan.i18n import _

HELP = _("Compare two versions of a plan: targets, every split part (old → new, Δ, Δ%), strategies, risks, tasks.")
SUMMARY = _("What a change does to a plan's numbers, part by part.")


class DiffFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


def diff(
    plans: Annotated[
        list[Path], typer.Argument(help=_("OLD NEW, or one PLAN with --rev or --textconv.").msgid, show_default=False)
    ],
    rev: Annotated[
        str | None, value_option("--rev", "<rev>", _("Compare PLAN at this git revision (or A..B)."))
    ] = None,
    textconv: Annotated[
        bool,
        typer.Option("--textconv", help=_("Print PLAN as stable text lines (for git's diff.<driver>.textconv).").msgid),
    ] = False,
    fmt: Annotated[DiffFormat, format_option(_("table, md or json."))] = DiffFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan diff` (its help is HELP)."""
    from salesplan.diff import words

    code = lang.value
    check_output(output, force, plans, code)
    if textconv and rev is not None:
        fail(words.TEXTCONV_WITH_REV, lang=code)
    if len(plans) != (1 if textconv or rev is not None else 2):
        fail(words.wrong_plans(len(plans)), lang=code)
    if textconv:
        emit(_textconv(plans[0], code), output, force, code, plans)
        return
    changed = _diff(plans, rev, fmt, output, force, code)
    raise typer.Exit(EXIT_FINDINGS if changed else EXIT_OK)


def _textconv(plan: Path, lang: str) -> str:
    from salesplan.diff.textconv import textconv
    from salesplan.loader import load_text
    from salesplan.loader.source import read_source

    source = read_source(plan)
    if source.text is None:
        print_diagnostics(source.diagnostics, lang)
        raise typer.Exit(EXIT_ERROR)
    loaded = load_text(source.text, source.file)
    if not loaded.ok:
        print_diagnostics(loaded.diagnostics, lang)
    return textconv(loaded, source.text, lang)


def _diff(plans: list[Path], rev: str | None, fmt: DiffFormat, output: Path | None, force: bool, lang: str) -> bool:
    from salesplan.diff.engine import diff_plans, prepare
    from salesplan.diff.render import RENDERERS
    from salesplan.diff.revision import load_revision, split_range
    from salesplan.loader import load_plan

    if rev is None:
        old, new = load_plan(plans[0]), load_plan(plans[1])
    else:
        before, after = split_range(rev)
        old = load_revision(plans[0], before)
        new = load_revision(plans[0], after) if after is not None else load_plan(plans[0])
    sides = prepare(old), prepare(new)
    if sides[0].side is None or sides[1].side is None:
        print_diagnostics([d for s in sides if s.side is None for d in s.diagnostics], lang)
        raise typer.Exit(EXIT_ERROR)
    result = diff_plans(sides[0].side, sides[1].side)
    render_out(RENDERERS, fmt.value, result, output, force, lang, plans)
    return result.changed
