"""Scoring a plan's risks: the register sorted by score, highest first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesplan.risk.config import LEVEL_ZH, RiskConfig

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Risk


@dataclass(frozen=True)
class ScoredRisk:
    """A risk placed on the matrix. `index` is its position in `plan.risks` (for source locations)."""

    risk: Risk
    index: int
    probability: int
    impact: int
    score: int
    level: str

    def level_text(self, lang: str = "zh") -> str:
        return LEVEL_ZH[self.level] if lang == "zh" else self.level


def _axis(value: int | str, labels: Mapping[str, int], size: int) -> int:
    if isinstance(value, int):
        return min(value, size)  # numbers are 1..5; a smaller matrix caps them at its edge
    return labels[value]


def score_risk(risk: Risk, index: int, config: RiskConfig) -> ScoredRisk:
    p = _axis(risk.probability, config.probability, config.size)
    i = _axis(risk.impact, config.impact, config.size)
    score = p * i
    return ScoredRisk(risk, index, p, i, score, config.level(score))


def score_risks(plan: Plan, config: RiskConfig | None = None) -> list[ScoredRisk]:
    """Every risk of `plan` scored, highest score first (ties keep the plan's order)."""
    config = config or RiskConfig()
    scored = [score_risk(risk, i, config) for i, risk in enumerate(plan.risks)]
    return sorted(scored, key=lambda s: -s.score)
