"""The risks that must be handled: scored at or above `risk.respond-at` (default high)."""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import Message, _
from salesplan.risk import ScoredRisk, score_risks
from salesplan.risk.config import OPTIONS as RISK_OPTIONS
from salesplan.risk.config import word
from salesplan.rules.base import Context

__all__ = ["RISK_OPTIONS", "describe", "serious_risks"]


def serious_risks(ctx: Context) -> Iterator[ScoredRisk]:
    config = ctx.settings.risk
    for scored in sorted(score_risks(ctx.plan, config), key=lambda s: s.index):
        if config.at_least(scored.level, config.respond_at):
            yield scored


def describe(scored: ScoredRisk) -> Message:
    """`risk 'R1' (medium × severe = 15, high)`."""
    risk = scored.risk
    return _(
        "risk '{id}' ({probability} × {impact} = {score}, {level})",
        id=risk.id,
        probability=word(risk.probability),
        impact=word(risk.impact),
        score=scored.score,
        level=word(scored.level),
    )
