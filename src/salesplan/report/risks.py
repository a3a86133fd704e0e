"""The scored risk register (`salesplan risks`): a table sorted by score, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from salesplan.i18n import _, render
from salesplan.rendering import Renderers
from salesplan.report.base import RenderOptions
from salesplan.report.tables import render_table
from salesplan.risk import ScoredRisk
from salesplan.risk.config import word

_HEAD = (
    _("risk"),
    _("category"),
    _("description"),
    _("probability"),
    _("impact"),
    _("score"),
    _("level"),
    _("response"),
    _("owner"),
    _("trigger"),
)


def risks_json(scored: Sequence[ScoredRisk]) -> str:
    rows = [
        {
            "id": s.risk.id,
            "category": s.risk.category,
            "description": s.risk.description,
            "probability": s.risk.probability,
            "impact": s.risk.impact,
            "probability_score": s.probability,
            "impact_score": s.impact,
            "score": s.score,
            "level": s.level,
            "response": s.risk.response,
            "owner": s.risk.owner,
            "trigger": s.risk.trigger,
        }
        for s in scored
    ]
    return json.dumps({"risks": rows}, ensure_ascii=False, indent=2) + "\n"


def risks_table(scored: Sequence[ScoredRisk], lang: str, color: bool) -> str:
    rows = [
        [
            s.risk.id,
            s.risk.category or "",
            s.risk.description,
            f"{render(word(s.risk.probability), lang)} ({s.probability})",
            f"{render(word(s.risk.impact), lang)} ({s.impact})",
            str(s.score),
            s.level_text(lang),
            s.risk.response or "",
            s.risk.owner or "",
            s.risk.trigger or "",
        ]
        for s in scored
    ]
    return render_table(_("Risk register").render(lang), [head.render(lang) for head in _HEAD], rows, color)


def _risks_table(scored: Sequence[ScoredRisk], options: RenderOptions) -> str:
    return risks_table(scored, options.lang, options.color)


def _risks_json(scored: Sequence[ScoredRisk], options: RenderOptions) -> str:
    return risks_json(scored)


# `salesplan risks` by --format: the risk register's renderers by name
RISKS_RENDERERS: Renderers[Sequence[ScoredRisk]] = Renderers({"table": _risks_table, "json": _risks_json})
