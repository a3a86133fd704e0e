"""The blank templates: every sheet with its headers, one grey example row and the drop-downs people fill in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from salesplan.export import words
from salesplan.export.breakdown import breakdown_columns, dimension_text, logic_text
from salesplan.export.execution import execution_columns
from salesplan.export.model import Cell, Document, NumberFormat, Quantity, Row, Table
from salesplan.export.risks import heatmap_table, risk_columns
from salesplan.export.timeline import NO_MODULE, timeline_columns, weeks
from salesplan.i18n import _

_START, _END = dt.date(2026, 7, 1), dt.date(2026, 7, 31)
# a plan's money unit as Chinese plans write it (salesplan reads it: review.amounts); the same in both languages
EXAMPLE_UNIT = "万元"
_MONEY = NumberFormat(EXAMPLE_UNIT)

# the example texts, as in DOMAIN.md's worked example
_TEXT = {
    "plan": _("Sales plan template"),
    "target": _("Q3 revenue"),
    "path": _("Grow existing accounts, sign 3 new distributors"),
    "owner": _("Wang Fang"),
    "task": _("Sign distributors"),
    "deliverable": _("3 distributors signed, contracts filed"),
    "department": _("Legal"),
    "risk": _("A competitor cuts prices to take key accounts"),
    "response": _("Limited-time discount + service bundle within 3 days"),
    "trigger": _("Competitor quotes 10% or more below ours"),
}
_LEVELS = ("region", "product", "rep", "month")


def _t(key: str, lang: str) -> str:
    return _TEXT[key].render(lang)


def _example(cells: Sequence[Cell], tones: tuple[str | None, ...] | None = None) -> list[Row]:
    return [Row(tuple(cells), kind="example", tones=tones)]


def blank_document(lang: str, names: Sequence[str] = ("breakdown", "execution", "risks", "timeline")) -> Document:
    """The empty templates of the tables named, in standard order."""
    from salesplan.risk import RiskConfig

    tables: list[Table] = []
    if "breakdown" in names:
        dimension = dimension_text("results", "core", lang)
        cells = (dimension, _t("target", lang), Quantity(Decimal(500), _MONEY), logic_text(_LEVELS, lang))
        row = _example((*cells, _t("path", lang), _t("owner", lang), dt.date(2026, 9, 30)))
        tables.append(Table("breakdown", words.title("breakdown", lang), breakdown_columns(lang), row))
    if "execution" in names:
        channel, in_progress = words.MODULES["channel"].render(lang), words.STATUSES["in_progress"].render(lang)
        task = (channel, _t("task", lang), _t("owner", lang), _START, _END, _t("deliverable", lang))
        row = _example((*task, Quantity(Decimal(20), _MONEY), _t("department", lang), in_progress, None))
        tables.append(Table("execution", words.title("execution", lang), execution_columns(lang), row))
    if "risks" in names:
        level = words.level_text("high", 15, lang)
        competitor = words.CATEGORIES["competitor"].render(lang)
        axes = (words.PROBABILITIES["medium"].render(lang), words.IMPACTS["severe"].render(lang))
        risk = (competitor, _t("risk", lang), *axes, level)
        tones = (None, None, None, None, "high", None, None, None, None)
        watching = words.RISK_STATUSES["watching"].render(lang)
        row = _example((*risk, _t("response", lang), _t("owner", lang), _t("trigger", lang), watching), tones)
        tables.append(Table("risks", words.title("risks", lang), risk_columns(lang), row))
        tables.append(heatmap_table([], RiskConfig(), lang))
    if "timeline" in names:
        mondays = weeks(_START, dt.date(2026, 9, 30))
        channel, in_progress = words.MODULES["channel"].render(lang), words.STATUSES["in_progress"].render(lang)
        fixed = (_t("task", lang), channel, _t("owner", lang), _START, _END, in_progress, None)
        runs = tuple(NO_MODULE if m + dt.timedelta(days=6) >= _START and m <= _END else None for m in mondays)
        row = _example((*fixed, *(None,) * len(mondays)), tones=(None,) * len(fixed) + runs)
        tables.append(Table("timeline", words.title("timeline", lang), timeline_columns(lang, mondays), row))
    return Document(title=_t("plan", lang), lang=lang, tables=tables, blank=True)
