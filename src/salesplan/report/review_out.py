"""The renderers of a review by name (`RENDERERS`, `salesplan.rendering`'s interface): table, json, md,
xlsx, github and sarif over a `ReviewOutput` (the review, its plan, and task progress and spend when
asked for)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from salesplan.rendering import Renderers, RenderOptions

if TYPE_CHECKING:
    from salesplan.diagnostics import Diagnostic
    from salesplan.loader import LoadedPlan
    from salesplan.review.engine import Review
    from salesplan.review.execution import TaskProgress
    from salesplan.review.spend import SpendReview


@dataclass
class ReviewOutput:
    """What one `salesplan review` shows. `warnings`: what a workbook or Markdown file had to change to
    hold the plan's text faithfully (SP080–SP082), filled by those renderers for the caller to print."""

    review: Review
    loaded: LoadedPlan
    tasks: list[TaskProgress] | None = None
    spend: SpendReview | None = None
    warnings: list[Diagnostic] = field(default_factory=list)


if TYPE_CHECKING:
    Renderer = Callable[[ReviewOutput, RenderOptions], str | bytes | Iterator[str]]


def _json(out: ReviewOutput, options: RenderOptions) -> str | Iterator[str]:
    """The review as json, in chunks made while they are written when it stands alone (the whole text of a
    large review is never held); with tasks or spend, one document with their keys added."""
    from salesplan.review.render import json_chunks, render_json

    if out.tasks is None and out.spend is None:
        return json_chunks(out.review)
    from salesplan.report import review_spend
    from salesplan.report.review_tasks import add_to_json

    document = render_json(out.review)
    document = document if out.tasks is None else add_to_json(document, out.tasks)
    return document if out.spend is None else review_spend.add_to_json(document, out.spend)


def _table(out: ReviewOutput, options: RenderOptions) -> str:
    from salesplan.report.review_tasks import render_text
    from salesplan.review.render import render_table

    lang, width, color = options.lang, options.width, options.color
    text = render_table(out.review, lang, width, color=color)
    if out.tasks is not None:
        text += render_text(out.tasks, out.review.as_of, lang, width, color)
    if out.spend is not None:
        from salesplan.report import review_spend

        text += review_spend.render_text(out.spend, lang, width, color)
    return text


def _ci(fmt: str) -> Renderer:
    def render(out: ReviewOutput, options: RenderOptions) -> str:
        """Findings at the targets' lines in the plan, for CI (`salesplan.report.review_ci`)."""
        from salesplan.report.review_ci import render_ci

        return render_ci(out.review, out.loaded, fmt, options.lang, options.root)

    return render


def _document(fmt: str) -> Renderer:
    def render(out: ReviewOutput, options: RenderOptions) -> str | bytes:
        """The review's tables (and the task and spend tables) as a workbook or Markdown."""
        from salesplan.export.review_table import review_document
        from salesplan.export.run import render_located

        assert out.loaded.plan is not None
        doc = review_document(out.loaded.plan, out.review, options.lang)
        if out.tasks is not None:
            from salesplan.report.review_tasks import task_table

            doc.tables.append(task_table(out.tasks, options.lang))
        if out.spend is not None:
            from salesplan.report.review_spend import spend_tables

            doc.tables += spend_tables(out.spend, options.lang)
        rendered = render_located(doc, "xlsx" if fmt == "xlsx" else "md", out.loaded)
        out.warnings += rendered.diagnostics
        assert isinstance(rendered.payload, str | bytes)
        return rendered.payload

    return render


RENDERERS: Renderers[ReviewOutput] = Renderers(
    {
        "table": _table,
        "json": _json,
        "md": _document("md"),
        "xlsx": _document("xlsx"),
        "github": _ci("github"),
        "sarif": _ci("sarif"),
    }
)
