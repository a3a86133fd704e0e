"""A serious risk (scored high or above) should have a trigger (预警信号): a warning.

The early-warning signal says when to act before the risk fires. DOMAIN calls it "ideal", so its
absence is a warning, not an error. Scoring as in SP301.

Options: `risk.respond-at` and the matrix options of SP301.

Failing example::

    risks:
      - id: R2
        description: 新人占比高，执行力不足
        probability: high
        impact: moderate
        response: 老员工带教，每周技能培训
        owner: 孙丽

Passing example::

    risks:
      - id: R2
        description: 新人占比高，执行力不足
        probability: high
        impact: moderate
        response: 老员工带教，每周技能培训
        owner: 孙丽
        trigger: 新人首月成交低于 2 单
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding
from salesplan.rules.risks._high import RISK_OPTIONS, describe, serious_risks

CODE = "SP303"
NAME = "risk-without-trigger"
SEVERITY = "warning"
SUMMARY = "A risk scored high or above should have a trigger (early-warning signal)."
OPTIONS = RISK_OPTIONS  # every [risk] key moves a risk's score or the level that must be handled


def check(ctx: Context) -> Iterator[Finding]:
    for scored in serious_risks(ctx):
        if not (scored.risk.trigger or "").strip():
            yield Finding(
                ("risks", scored.index),
                _("{risk} has no trigger (early-warning signal)", risk=describe(scored)),
                _("add `trigger:` — the signal that the risk is about to fire"),
            )
