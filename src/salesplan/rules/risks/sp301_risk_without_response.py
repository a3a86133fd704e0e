"""A serious risk (scored high or above) must have a response (应对措施).

Risks are scored probability × impact on the risk matrix (default 5×5: low/minor = 1,
medium/moderate = 3, high/severe = 5; numbers 1..5 as written, scaled onto a matrix of
another size) and banded into levels
(default low ≤ 4, medium 5–9, high 10–15, critical ≥ 16). "High probability + high impact"
risks are handled first and must never lack a response.

Options: `risk.size`, `risk.probability`, `risk.impact`, `risk.levels`, `risk.respond-at`.

Failing example::

    risks:
      - id: R1
        description: 竞品突然降价抢占核心客户
        probability: medium
        impact: severe
        owner: 王芳

Passing example::

    risks:
      - id: R1
        description: 竞品突然降价抢占核心客户
        probability: medium
        impact: severe
        response: 3 天内推出限时折扣 + 增值服务包
        owner: 王芳
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding
from salesplan.rules.risks._high import RISK_OPTIONS, describe, serious_risks

CODE = "SP301"
NAME = "risk-without-response"
SEVERITY = "error"
SUMMARY = "A risk scored high or above must have a response."
OPTIONS = RISK_OPTIONS  # every [risk] key moves a risk's score or the level that must be handled


def check(ctx: Context) -> Iterator[Finding]:
    for scored in serious_risks(ctx):
        if not (scored.risk.response or "").strip():
            yield Finding(
                ("risks", scored.index),
                _("{risk} has no response", risk=describe(scored)),
                _("add `response:` — what happens when the risk fires"),
            )
