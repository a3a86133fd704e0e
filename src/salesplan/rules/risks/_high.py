"""The risks that must be handled: scored at or above `risk.respond-at` (default high)."""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.risk import ScoredRisk, score_risks
from salesplan.rules.base import Context

_ZH = {"low": "低", "medium": "中", "high": "高", "minor": "轻微", "moderate": "一般", "severe": "严重"}


def serious_risks(ctx: Context) -> Iterator[ScoredRisk]:
    config = ctx.settings.risk
    for scored in sorted(score_risks(ctx.plan, config), key=lambda s: s.index):
        if config.at_least(scored.level, config.respond_at):
            yield scored


def describe(scored: ScoredRisk) -> tuple[str, str]:
    """`risk 'R1' (medium × severe = 15, high)` in English and Chinese."""
    risk = scored.risk
    en = f"risk '{risk.id}' ({risk.probability} × {risk.impact} = {scored.score}, {scored.level})"
    p, i = _ZH.get(str(risk.probability), risk.probability), _ZH.get(str(risk.impact), risk.impact)
    zh = f"风险 '{risk.id}'（{p} × {i} = {scored.score}，{scored.level_text('zh')}）"
    return en, zh
