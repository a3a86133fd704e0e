"""The scored risk register (`salesplan risks`): a table sorted by score, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from salesplan.report.tables import render_table
from salesplan.risk import ScoredRisk

_HEAD = {
    "zh": [
        "风险",
        "风险类别",
        "风险描述",
        "发生概率",
        "影响程度",
        "得分",
        "风险等级",
        "应对措施",
        "负责人",
        "预警信号",
    ],
    "en": [
        "risk",
        "category",
        "description",
        "probability",
        "impact",
        "score",
        "level",
        "response",
        "owner",
        "trigger",
    ],
}


_ZH_LABEL = {"low": "低", "medium": "中", "high": "高", "minor": "轻微", "moderate": "一般", "severe": "严重"}


def _label(value: int | str, lang: str) -> str:
    return _ZH_LABEL.get(str(value), str(value)) if lang == "zh" else str(value)


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
    key = "zh" if lang == "zh" else "en"
    rows = [
        [
            s.risk.id,
            s.risk.category or "",
            s.risk.description,
            f"{_label(s.risk.probability, key)} ({s.probability})",
            f"{_label(s.risk.impact, key)} ({s.impact})",
            str(s.score),
            s.level_text(key),
            s.risk.response or "",
            s.risk.owner or "",
            s.risk.trigger or "",
        ]
        for s in scored
    ]
    return render_table("风险评估与应对表" if key == "zh" else "Risk register", _HEAD[key], rows, color)
