"""`salesplan review PARENT --children`: the roll-up's tree (`salesplan rollup`'s discovery) handed to
the tree review (`salesplan.review.tree`); problems become diagnostics and exit 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from salesplan.cli.common import EXIT_ERROR, fail, print_diagnostics

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.review.tree import PlanReview
    from salesplan.settings_resolve import ReviewSettings


def review_children(
    loaded: LoadedPlan,
    plan: Path,
    actuals: Path,
    day: dt.date,
    chosen: ReviewSettings,
    targets: list[str] | None,
    fmt: str,
    lang: str,
    with_tasks: bool,
) -> list[PlanReview]:
    """The parent's review and each child's, in the tree's order; exits 2 (diagnostics on stderr) on errors."""
    from salesplan.review.tree import FORMATS, NO_TASKS, WRONG_FORMAT, review_tree
    from salesplan.rollup.facts import real_path
    from salesplan.rollup.tree import rollup_tree

    if fmt not in FORMATS:
        fail(WRONG_FORMAT, lang=lang)
    if with_tasks:
        fail(NO_TASKS, lang=lang)
    tree = rollup_tree(plan)
    result = review_tree(
        loaded,
        actuals,
        day,
        chosen.thresholds,
        [link.claim for link in tree.report.links],
        lambda real: tree.plans.get(real).loaded,
        real_path(plan),
        chosen.triggers,
        targets,
        chosen.columns,
        found=tree.report.diagnostics,
    )
    print_diagnostics(result.diagnostics, lang)
    if result.reviews is None:
        raise typer.Exit(EXIT_ERROR)
    return result.reviews
