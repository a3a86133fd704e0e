"""Risk scoring: probability × impact on a configurable matrix, banded into levels (pure, no I/O)."""

from salesplan.risk.config import LEVELS, RiskConfig
from salesplan.risk.score import ScoredRisk, score_risk, score_risks

__all__ = ["LEVELS", "RiskConfig", "ScoredRisk", "score_risk", "score_risks"]
