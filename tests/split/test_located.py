"""The problems issue 3 names, each a diagnostic at the plan line that causes it (never a traceback).

Every case: the targets (block style, so each key sits on its own line), edits to the base plan,
split options, then the expected code, severity, the line (found by a fragment of its text) and
fragments of the English message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from salesplan import codes
from salesplan.codes import CODES
from salesplan.loader import load_text
from salesplan.split.engine import split_plan


@dataclass
class Case:
    name: str
    targets: str
    code: str
    needle: str
    fragments: list[str]
    edits: list[tuple[str, str]] = field(default_factory=list)
    allow_over_capacity: bool = False
    severity: str = "error"


CASES = [
    Case(
        "all-zero-weights",
        """
        - id: T
          value: 10
          split:
            - by: region
              method: weights
              weights: {east-a: 0, east-b: 0}
        """,
        codes.ZERO_WEIGHTS,
        "weights: {east-a: 0",
        ["all weights are zero"],
    ),
    Case(
        # the weights are fine as a whole, but every rep of east-a has weight 0: that region cannot be split
        "zero-weights-in-one-node",
        """
        - id: T
          value: 10
          split:
            - {by: region, method: even}
            - by: rep
              method: weights
              weights: {李雷: 0, 韩梅: 0, 周杰: 1, 吴敏: 1}
        """,
        codes.ZERO_WEIGHTS,
        "method: weights",
        ["every rep weight is zero in east-a", "5万元"],
    ),
    Case(
        "all-zero-history",
        """
        - id: T
          value: 10
          split:
            - by: region
              method: history
        """,
        codes.NO_HISTORY,
        "method: history",
        ["history is zero for every region"],
        edits=[
            ("{device: 150, consumable: 100}", "{device: 0, consumable: 0}"),
            ("{device: 100, consumable: 66.7}", "{device: 0, consumable: 0}"),
        ],
    ),
    Case(
        "negative-weight",
        """
        - id: T
          value: 10
          split:
            - by: month
              method: weights
              weights:
                2026-07: 3
                2026-08: -3
                2026-09: 4
        """,
        codes.NEGATIVE_WEIGHT,
        "2026-08: -3",
        ["2026-08", "negative"],
    ),
    Case(
        "negative-explicit-value",
        """
        - id: T
          value: 10
          split:
            - by: region
              method: explicit
              values:
                east-a: 20
                east-b: -10
        """,
        codes.NEGATIVE_WEIGHT,
        "east-b: -10",
        ["east-b", "negative"],
    ),
    Case(
        "unknown-month",
        """
        - id: T
          value: 10
          split:
            - by: month
              method: weights
              weights:
                2026-07: 3
                2026-08: 3
                2026-10: 4
        """,
        codes.UNKNOWN_PART,
        "2026-10: 4",
        ["'2026-10' is not a part of the month level"],
    ),
    Case(
        "unknown-product-in-explicit-values",
        """
        - id: T
          value: 10
          split:
            - by: product
              method: explicit
              values:
                device: 6
                consumables: 4
        """,
        codes.UNKNOWN_PART,
        "consumables: 4",
        ["'consumables'", "did you mean 'consumable'"],
    ),
    Case(
        "empty-level-no-products-in-the-team",
        """
        - id: T
          value: 10
          split:
            - {by: region, method: even}
            - by: product
              method: even
        """,
        codes.EMPTY_LEVEL,
        "by: product",
        ["the product level has no parts"],
        edits=[
            ("  products:\n    - {id: device, name: 医疗器械}\n    - {id: consumable, name: 耗材}\n", ""),
            ("history:\n  revenue:\n    east-a: {device: 150, consumable: 100}\n", ""),
            ("    east-b: {device: 100, consumable: 66.7}\n", ""),
        ],
    ),
    Case(
        "rep-level-in-a-region-without-reps",
        """
        - id: T
          value: 10
          split:
            - {by: region, method: even}
            - by: rep
              method: even
        """,
        codes.NO_REPS,
        "by: rep",
        ["no people with role rep in region 'east-c'"],
        edits=[("    - {id: east-b, name: B区}\n", "    - {id: east-b, name: B区}\n    - {id: east-c}\n")],
    ),
    Case(
        "rep-level-with-no-reps-in-scope",
        """
        - id: T
          value: 10
          scope: {regions: [east-c]}
          split:
            - by: rep
              method: even
        """,
        codes.NO_REPS,
        "by: rep",
        ["no people with role rep in the target's scope"],
        edits=[("    - {id: east-b, name: B区}\n", "    - {id: east-b, name: B区}\n    - {id: east-c}\n")],
    ),
    Case(
        "explicit-values-not-adding-up-at-the-top",
        """
        - id: T
          value: 500
          split:
            - by: region
              method: explicit
              values: {east-a: 300, east-b: 150}
        """,
        codes.SUM_MISMATCH,
        "values: {east-a: 300",
        ["values add up to 450万元, not to the 500万元 they split"],
    ),
    Case(
        "explicit-values-not-adding-up-inside-a-region",
        """
        - id: T
          value: 500
          split:
            - by: region
              method: explicit
              values: {east-a: 300, east-b: 200}
            - by: product
              method: explicit
              values: {device: 120, consumable: 80}
        """,
        codes.SUM_MISMATCH,
        "values: {device: 120",
        ["values add up to 200万元, not to the 300万元 they split (east-a)"],
    ),
    Case(
        # east-b's reps: 周杰 120 and 吴敏 120 from 08-01 (120 * 61/92 = 79.57, cap 80): 250 is too much
        "over-capacity-is-an-error",
        """
        - id: T
          value: 500
          split:
            - by: region
              method: explicit
              values: {east-a: 250, east-b: 250}
            - by: rep
              method: capacity
        """,
        codes.OVER_CAPACITY,
        "method: capacity",
        ["reps 周杰, 吴敏 are asked for 250万元", "199.57万元"],
    ),
    Case(
        "over-capacity-is-a-warning-when-allowed",
        """
        - id: T
          value: 500
          split:
            - by: region
              method: explicit
              values: {east-a: 250, east-b: 250}
            - by: rep
              method: capacity
        """,
        codes.OVER_CAPACITY,
        "method: capacity",
        ["reps 周杰, 吴敏 are asked for 250万元"],
        allow_over_capacity=True,
        severity="warning",
    ),
]


def _line(text: str, needle: str) -> int:
    (line,) = [i for i, row in enumerate(text.splitlines(), 1) if needle in row]
    return line


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_problem_is_located_at_its_line(make_plan: Callable[[str], str], case: Case) -> None:
    text = make_plan(case.targets)
    for old, new in case.edits:
        assert old in text
        text = text.replace(old, new)
    loaded = load_text(text, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded, allow_over_capacity=case.allow_over_capacity)
    assert [d.code for d in outcome.diagnostics] == [case.code], [d.format() for d in outcome.diagnostics]
    (diag,) = outcome.diagnostics
    assert diag.severity == case.severity
    assert diag.line == _line(text, case.needle), diag.format()
    assert diag.format().startswith(f"plan.yaml:{diag.line}:{diag.col}: {case.code} ")
    assert diag.name == CODES[case.code].name
    assert diag.message_zh and diag.message_zh != diag.message
    for fragment in case.fragments:
        assert fragment in diag.message, diag.message
    if case.severity == "error":
        assert outcome.splits == []
    else:  # the split is still made, exact, with the excess spread by capacity
        (split,) = outcome.splits
        assert sum(node.value for _, node in split.leaves()) == 500
