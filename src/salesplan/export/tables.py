"""Building the export document: the tables asked for, from a plan (and its splits), in one language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from salesplan.export.breakdown import breakdown_table
from salesplan.export.crosstab import crosstab_tables
from salesplan.export.execution import execution_table
from salesplan.export.model import Document, Table
from salesplan.export.risks import heatmap_table, risk_table
from salesplan.export.timeline import timeline_table
from salesplan.i18n import Message, _

if TYPE_CHECKING:
    from salesplan.model.plan import Plan
    from salesplan.risk import RiskConfig
    from salesplan.split.result import TargetSplit

TABLES = ("breakdown", "execution", "risks", "timeline")


class UnknownTable(ValueError):
    """`--tables` named a table that does not exist; `message` says which, in every language (`str()` of
    the error is its English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def parse_tables(text: str | None) -> list[str]:
    """`breakdown,risks` -> the tables in the standard order; None or empty -> all of them."""
    if not text or not text.strip():
        return list(TABLES)
    asked = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(asked - set(TABLES))
    if unknown:
        raise UnknownTable(
            _("unknown table {names} (choose from {choices})", names=", ".join(unknown), choices=", ".join(TABLES))
        )
    return [name for name in TABLES if name in asked]


def subtitle(plan: Plan, lang: str) -> str:
    period = plan.plan.period
    text = _("Plan period: {start} – {end}", start=period.start.isoformat(), end=period.end.isoformat()).render(lang)
    if plan.plan.owner:
        owner = plan.person(plan.plan.owner)
        name = (owner.name if owner else None) or plan.plan.owner
        text += " · " + _("Owner: {name}", name=name).render(lang)
    return text


def build_document(
    plan: Plan,
    names: Sequence[str],
    lang: str,
    splits: Sequence[TargetSplit] = (),
    risk_config: RiskConfig | None = None,
    *,
    stream: bool = False,
) -> Document:
    """The tables named (breakdown, execution, risks — with its heat map —, timeline), in standard order.

    `stream`: the breakdown's rows are made while a renderer reads them (a RowStream, for Markdown)."""
    from salesplan.risk import RiskConfig, score_risks

    tables: list[Table] = []
    if "breakdown" in names:
        by_target = {split.target_id: split for split in splits}
        tables.append(breakdown_table(plan, by_target, lang, stream=stream))
        tables += crosstab_tables(plan, by_target, lang, stream=stream)
    if "execution" in names:
        tables.append(execution_table(plan, lang))
    if "risks" in names:
        config = risk_config or RiskConfig()
        scored = score_risks(plan, config)
        tables += [risk_table(plan, scored, config, lang), heatmap_table(scored, config, lang)]
    if "timeline" in names:
        tables.append(timeline_table(plan, lang))
    return Document(title=plan.plan.name, lang=lang, tables=tables, subtitle=subtitle(plan, lang))
