"""Review end to end, without the command line: plan -> splits -> actuals -> review (errors as values)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from salesplan.diagnostics import Diagnostic, has_errors

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.review.alerts import Triggers
    from salesplan.review.engine import Review, Thresholds
    from salesplan.review.headers import ColumnSettings


@dataclass
class ReviewResult:
    """The review (None when a step failed with errors) and every finding along the way."""

    review: Review | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    attributed: dict[str, Fraction] = field(default_factory=dict)  # strategy -> revenue (ROI, plan's unit)


def review_file(
    loaded: LoadedPlan,
    actuals: Path,
    as_of: dt.date,
    thresholds: Thresholds,
    triggers: Triggers | None = None,
    target_ids: list[str] | None = None,
    columns: ColumnSettings | None = None,
    step: Callable[[str], object] | None = None,
) -> ReviewResult:
    """Split the plan, read the actuals against it (`columns`: the user's header words and ignored headers)
    and review every target (or those of `target_ids`). `step` is told each step as it begins ("split",
    "actuals", "review": a spinner's names)."""
    from salesplan.review.actuals import parse_actuals
    from salesplan.review.engine import review_plan
    from salesplan.review.metrics import unknown_metrics, with_bases
    from salesplan.review.spend import attributed_revenue
    from salesplan.split.engine import split_plan

    plan = loaded.plan
    if plan is None:
        return ReviewResult(None, list(loaded.diagnostics))
    tell = step or (lambda name: None)
    tell("split")
    # a derived KPI's breakdown is its base targets' shared levels: they are split too, not reviewed
    outcome = split_plan(loaded, with_bases(plan, target_ids))
    diagnostics = list(outcome.diagnostics)
    if has_errors(diagnostics):
        return ReviewResult(None, diagnostics)
    tell("actuals")
    read = parse_actuals(actuals, plan, columns)
    tell("review")
    # the rows that did read are still placed in the breakdown, so one run reports every problem
    review = review_plan(plan, outcome.splits, read.rows, as_of, thresholds, triggers)
    if target_ids is not None:
        review.targets = [t for t in review.targets if t.target_id in target_ids]
    diagnostics += read.diagnostics + review.diagnostics + unknown_metrics(loaded, read.rows)
    attributed = attributed_revenue(plan, read.rows, as_of)
    return ReviewResult(None if has_errors(diagnostics) else review, diagnostics, attributed)
