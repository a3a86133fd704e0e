"""A serious risk (scored high or above) must have an owner (负责人).

An owner who is not in `team.people` is reported as SP031. Scoring as in SP301.

Options: `risk.respond-at` and the matrix options of SP301.

Failing example::

    risks:
      - id: R2
        description: 新人占比高，执行力不足
        probability: high
        impact: moderate
        response: 老员工带教，每周技能培训

Passing example::

    team:
      people: [{id: 孙丽, role: manager}]
    risks:
      - id: R2
        description: 新人占比高，执行力不足
        probability: high
        impact: moderate
        response: 老员工带教，每周技能培训
        owner: 孙丽
"""

from __future__ import annotations

from collections.abc import Iterator

from salesplan.i18n import _
from salesplan.rules.base import Context, Finding
from salesplan.rules.risks._high import RISK_OPTIONS, describe, serious_risks

CODE = "SP302"
NAME = "risk-without-owner"
SEVERITY = "error"
SUMMARY = "A risk scored high or above must have an owner."
OPTIONS = RISK_OPTIONS  # every [risk] key moves a risk's score or the level that must be handled


def check(ctx: Context) -> Iterator[Finding]:
    for scored in serious_risks(ctx):
        if not scored.risk.owner:
            yield Finding(
                ("risks", scored.index),
                _("{risk} has no owner", risk=describe(scored)),
                _("add `owner:` with a person id from team.people"),
            )
