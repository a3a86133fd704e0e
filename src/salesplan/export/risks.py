"""风险评估与应对表 (scored, highest first) and the probability × impact heat map."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.model import Cell, Column, LegendItem, Row, Table

if TYPE_CHECKING:
    from salesplan.i18n import Message
    from salesplan.model.plan import Plan
    from salesplan.risk import RiskConfig, ScoredRisk

_KEYS = ("category", "description", "probability", "impact", "level", "response", "owner", "trigger", "status")
LEVEL_COLUMN = 4


def risk_columns(lang: str) -> tuple[Column, ...]:
    heads = words.headers("risks", lang)
    choices = {
        "probability": words.words(words.PROBABILITIES, lang),
        "impact": words.words(words.IMPACTS, lang),
        "status": words.words(words.RISK_STATUSES, lang),
    }
    wrap = {"description", "response", "trigger"}
    return tuple(
        Column(key, head, choices=choices.get(key, ()), wrap=key in wrap)
        for key, head in zip(_KEYS, heads, strict=True)
    )


def axis_text(value: int | str, table: Mapping[str, Message], lang: str) -> str:
    """A label as the people say it (高, 严重); a number on the 1..5 scale as written."""
    return str(value) if isinstance(value, int) else words.word(table, value, lang)


def level_text(scored: ScoredRisk, lang: str) -> str:
    """The risk's level and score, `高（15）`."""
    return words.level_text(scored.level, scored.score, lang)


def risk_table(plan: Plan, scored: list[ScoredRisk], config: RiskConfig, lang: str) -> Table:
    """The register, highest score first, its level cell toned by level."""
    names = {p.id: p.name or p.id for p in plan.team.people}
    rows: list[Row] = []
    tones: list[str | None] = [None] * len(_KEYS)
    for item in scored:
        risk = item.risk
        cells: tuple[Cell, ...] = (
            words.word(words.CATEGORIES, risk.category, lang) if risk.category else None,
            risk.description,
            axis_text(risk.probability, words.PROBABILITIES, lang),
            axis_text(risk.impact, words.IMPACTS, lang),
            level_text(item, lang),
            risk.response,
            names.get(risk.owner, risk.owner) if risk.owner else None,
            risk.trigger,
            words.word(words.RISK_STATUSES, risk.status, lang) if risk.status else None,
        )
        tones[LEVEL_COLUMN] = item.level
        rows.append(Row(cells, tones=tuple(tones)))
    return Table("risks", words.title("risks", lang), risk_columns(lang), rows, legend=level_legend(config, lang))


def level_legend(config: RiskConfig, lang: str) -> tuple[LegendItem, ...]:
    """Each level with its score band, from the scoring configuration."""
    low, medium, high = (config.bounds[k] for k in ("low", "medium", "high"))
    bands = {
        "low": f"≤{low}",
        "medium": f"{low + 1}–{medium}",
        "high": f"{medium + 1}–{high}",
        "critical": f"≥{high + 1}",
    }
    return tuple(
        LegendItem(level, f"{words.word(words.RISK_LEVELS, level, lang)} {band}") for level, band in bands.items()
    )


def _axis_header(position: int, labels: dict[int, str]) -> str:
    return f"{position} {labels[position]}" if position in labels else str(position)


def heatmap_table(scored: list[ScoredRisk], config: RiskConfig, lang: str) -> Table:
    """Probability rows (highest on top) × impact columns; each cell lists the risks there, toned by level."""
    size = config.size
    p_labels = {v: words.word(words.PROBABILITIES, k, lang) for k, v in config.probability.items()}
    i_labels = {v: words.word(words.IMPACTS, k, lang) for k, v in config.impact.items()}
    corner = Column("axis", words.HEAT_CORNER.render(lang))
    columns = (corner, *(Column(f"impact{i}", _axis_header(i, i_labels)) for i in range(1, size + 1)))
    rows: list[Row] = []
    for p in range(size, 0, -1):
        cells: list[Cell] = [_axis_header(p, p_labels)]
        tones: list[str | None] = [None]
        for i in range(1, size + 1):
            here = [s.risk.id for s in scored if s.probability == p and s.impact == i]
            cells.append(", ".join(here) or None)
            tones.append(config.level(p * i))
        rows.append(Row(tuple(cells), tones=tuple(tones)))
    notes = tuple(f"{s.risk.id}: {s.risk.description} — {level_text(s, lang)}" for s in scored)
    legend = level_legend(config, lang)
    return Table("heatmap", words.title("heatmap", lang), columns, rows, legend=legend, notes=notes, filterable=False)
