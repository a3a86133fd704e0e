"""目标达成复盘表: every target and every part of its breakdown against the actuals, coloured by status."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.breakdown import places
from salesplan.export.model import Cell, Column, Document, LegendItem, NumberFormat, Quantity, Row, Table, ToneRule
from salesplan.export.review_charts import review_charts
from salesplan.i18n import _
from salesplan.model.words import level_word
from salesplan.review.words import STATUS_WORDS

if TYPE_CHECKING:
    from salesplan.model.plan import Plan
    from salesplan.review.engine import Review, TargetReview, Thresholds

_KEYS = ("part", "level", "target", "actual", "achievement", "expected", "pacing", "gap", "status")
PACING_COLUMN = 6
STATUS_COLUMN = 8
_PERCENT = NumberFormat("%", 1)


def review_columns(lang: str) -> tuple[Column, ...]:
    heads = words.headers("review", lang)
    return tuple(Column(key, head, indent=key == "part") for key, head in zip(_KEYS, heads, strict=True))


def status_text(status: str, lang: str) -> str:
    return words.word(STATUS_WORDS, status, lang)


def _percent(value: Decimal | None) -> Quantity | None:
    return Quantity(value, _PERCENT) if value is not None else None


def _rows(target: TargetReview, lang: str) -> list[Row]:
    numbers = [n for r in target.rows for n in (r.target, r.actual, r.expected, r.gap)]
    fmt = NumberFormat(target.unit, places(*numbers))
    rows: list[Row] = []
    for row in target.rows:
        head = row.label if row.depth else f"{target.target_id} {target.name or ''}".strip()
        state = row.state.text().render(lang) if row.state is not None else None  # a derived KPI without a value
        cells: tuple[Cell, ...] = (
            head,
            level_word(row.level, lang) if row.level else None,
            Quantity(row.target, fmt),
            state or Quantity(row.actual, fmt),
            _percent(row.achievement),
            Quantity(row.expected, fmt),
            _percent(row.pacing),
            None if state else Quantity(row.gap, fmt),
            status_text(row.status, lang),
        )
        tones: list[str | None] = [None] * len(_KEYS)
        tones[STATUS_COLUMN] = row.status
        if row.pacing is not None:
            tones[PACING_COLUMN] = row.status
        rows.append(Row(cells, level=row.depth, kind="target" if row.depth == 0 else "data", tones=tuple(tones)))
    return rows


def status_legend(thresholds: Thresholds, lang: str) -> tuple[LegendItem, ...]:
    """Each status with its pacing band."""
    t = thresholds
    bands = {
        "ahead": f"≥{t.ahead}%",
        "on_track": f"{t.on_track}%–{t.ahead}%",
        "behind": f"{t.at_risk}%–{t.on_track}%",
        "at_risk": f"<{t.at_risk}%",
    }
    return tuple(LegendItem(status, f"{status_text(status, lang)} {band}") for status, band in bands.items())


def tone_rules(thresholds: Thresholds) -> tuple[ToneRule, ...]:
    """The status colours as Excel conditional formatting on the pacing and status cells."""
    t, columns = thresholds, (PACING_COLUMN, STATUS_COLUMN)
    return (
        ToneRule("ahead", PACING_COLUMN, columns, at_least=t.ahead),
        ToneRule("on_track", PACING_COLUMN, columns, at_least=t.on_track, below=t.ahead),
        ToneRule("behind", PACING_COLUMN, columns, at_least=t.at_risk, below=t.on_track),
        ToneRule("at_risk", PACING_COLUMN, columns, below=t.at_risk),
    )


def review_table(review: Review, lang: str) -> Table:
    """One row per target (bold), then its breakdown indented, each with its status colour."""
    rows = [row for target in review.targets for row in _rows(target, lang)]
    return Table(
        name="review",
        title=words.title("review", lang),
        columns=review_columns(lang),
        rows=rows,
        legend=status_legend(review.thresholds, lang),
        tone_rules=tone_rules(review.thresholds),
        charts=review_charts(review, lang),
    )


def alerts_table(review: Review, lang: str) -> Table:
    """The re-planning alerts that fired, one row each, its kind coloured as behind-pace."""
    from salesplan.review.alerts import kind_word, message, whom

    rows = [
        Row(
            (
                f"{target.target_id} {target.name or ''}".strip(),
                whom(alert, lang),
                kind_word(alert, lang),
                message(alert, target.unit, lang, review.triggers),
            ),
            tones=(None, None, "behind", None),
        )
        for target in review.targets
        for alert in target.alerts
    ]
    return Table(
        name="alerts",
        title=words.title("alerts", lang),
        columns=tuple(
            Column(key, head, wrap=key == "details")
            for key, head in zip(("target", "part", "alert", "details"), words.headers("alerts", lang), strict=True)
        ),
        rows=rows,
    )


def review_document(plan: Plan, review: Review, lang: str) -> Document:
    """The review as an export document: the plan's title, its period and the as-of date, one table."""
    from salesplan.export.tables import subtitle

    as_of = _("As of: {date}", date=review.as_of.isoformat()).render(lang)
    return Document(
        title=plan.plan.name,
        lang=lang,
        tables=[
            review_table(review, lang),
            *([alerts_table(review, lang)] if any(t.alerts for t in review.targets) else []),
        ],
        subtitle=f"{subtitle(plan, lang)} · {as_of}",
    )
