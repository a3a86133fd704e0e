"""A target must be specific (SMART S, 具体): a metric and a scope, in words that mean something.

The scope is at least one of `scope.regions`, `scope.products`, `scope.accounts` or
`scope.segment` ("East region, medical devices, Q3 revenue" — never "improve performance").
A name or path with vague wording (提升, 加强, improve, boost …) and no number in it is a
warning: say how much.

Failing example::

    targets:
      - id: T1
        name: 提升业绩
        value: 500
        deadline: 2026-09-30
        strategies: [S1]

Passing example::

    targets:
      - id: T1
        name: 第三季度销售额 500 万元
        metric: revenue
        value: 500
        deadline: 2026-09-30
        scope: {regions: [east-a], products: [device]}
        strategies: [S1]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from salesplan.diagnostics import Severity
from salesplan.i18n import Message, _
from salesplan.rules.base import Context, Finding

CODE = "SP101"
NAME = "target-not-specific"
SEVERITY = "error"
SUMMARY = "A target needs a metric, a scope (regions/products/accounts/segment) and no vague wording."

VAGUE = re.compile(
    r"提升|提高|改善|加强|增强|优化|做大|做强|尽量|尽可能|争取|大幅|明显|更好|显著|"
    r"\b(?:improve|increase|boost|enhance|grow|better|maximi[sz]e|more|strengthen|optimi[sz]e)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def _vague(target_id: str, key: str, text: str, word: str) -> Message:
    if key == "name":
        return _("target '{id}' name '{text}' is vague ('{word}' without a number)", id=target_id, text=text, word=word)
    return _("target '{id}' path '{text}' is vague ('{word}' without a number)", id=target_id, text=text, word=word)


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        base = ("targets", i)
        if not target.metric:
            yield Finding(
                base,
                _("target '{id}' has no metric", id=target.id),
                _("add e.g. `metric: revenue` (or new_customers, conversion_rate, ...)"),
            )
        scope = target.scope
        if scope is None or not (scope.regions or scope.products or scope.accounts or scope.segment):
            yield Finding(
                (*base, "scope") if scope is not None else base,
                _(
                    "target '{id}' has no scope: say which regions, products, accounts or segment it covers",
                    id=target.id,
                ),
                _("add e.g. `scope: {example}`", example="{regions: [east-a], products: [device]}"),
            )
        for key in ("name", "path"):
            text = getattr(target, key)
            if text and VAGUE.search(text) and not _DIGIT.search(text):
                word = VAGUE.search(text)
                yield Finding(
                    (*base, key),
                    _vague(target.id, key, text, word[0] if word else ""),
                    _("say how much and where, e.g. East region, medical devices, Q3 revenue 5 million yuan"),
                    severity=Severity.WARNING,
                )
