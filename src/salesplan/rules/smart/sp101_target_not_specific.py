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


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        base = ("targets", i)
        if not target.metric:
            yield Finding(
                base,
                f"target '{target.id}' has no metric",
                f"目标 '{target.id}' 缺少核心指标（metric）",
                hint="add e.g. `metric: revenue` (or new_customers, conversion_rate, ...)",
                hint_zh="补上指标，例如 `metric: revenue`（或 new_customers、conversion_rate 等）",
            )
        scope = target.scope
        if scope is None or not (scope.regions or scope.products or scope.accounts or scope.segment):
            yield Finding(
                (*base, "scope") if scope is not None else base,
                f"target '{target.id}' has no scope: say which regions, products, accounts or segment it covers",
                f"目标 '{target.id}' 缺少范围：请写明区域、产品、客户或细分市场",
                hint="add e.g. `scope: {regions: [east-a], products: [device]}`",
                hint_zh="补上范围，例如 `scope: {regions: [east-a], products: [device]}`",
            )
        for key in ("name", "path"):
            text = getattr(target, key)
            if text and VAGUE.search(text) and not _DIGIT.search(text):
                word = VAGUE.search(text)
                yield Finding(
                    (*base, key),
                    f"target '{target.id}' {key} '{text}' is vague ('{word[0] if word else ''}' without a number)",
                    f"目标 '{target.id}' 的{'名称' if key == 'name' else '达成路径'}“{text}”含糊"
                    f"（“{word[0] if word else ''}”但没有数字）",
                    hint="say how much and where, e.g. 华东区医疗器械 Q3 销售额 500 万元",
                    hint_zh="写明多少、在哪里，例如 华东区医疗器械 Q3 销售额 500 万元",
                    severity=Severity.WARNING,
                )
