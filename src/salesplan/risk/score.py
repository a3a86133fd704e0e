"""Scoring a plan's risks: the register sorted by score, highest first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesplan.i18n import render
from salesplan.risk.config import RiskConfig, word

PLAN_SCALE = 5  # a plan writes probability and impact as labels or as numbers 1..5

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
        return render(word(self.level), lang)


def _axis(value: int | str, labels: Mapping[str, int], size: int) -> int:
    """A label's configured position, or a number of the plan's 1..5 scale placed proportionally on
    the matrix (rounded up): identity on the default 5×5, 5 -> 10 on a 10×10, 4 -> 3 on a 3×3."""
    if isinstance(value, int):
        return (value * size + PLAN_SCALE - 1) // PLAN_SCALE
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
