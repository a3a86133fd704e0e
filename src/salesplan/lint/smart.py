"""The SMART scorecard: per target, pass / warn / fail for each letter, from the SP101–SP105 findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from salesplan.diagnostics import Diagnostic, Severity

LETTERS = {"S": "SP101", "M": "SP102", "A": "SP103", "R": "SP104", "T": "SP105"}
PASS, WARN, FAIL, OFF = "pass", "warn", "fail", "off"


@dataclass(frozen=True)
class TargetScore:
    """`letters` maps S/M/A/R/T to pass, warn, fail, or off (the rule is not selected)."""

    file: str
    target_id: str
    name: str
    letters: dict[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> int:
        return sum(1 for status in self.letters.values() if status == PASS)


def scorecard(
    file: str, targets: Iterable[tuple[str, str | None]], diagnostics: Iterable[Diagnostic], enabled: frozenset[str]
) -> list[TargetScore]:
    """`targets`: (id, name) in file order; findings are matched to targets by path."""
    worst: dict[tuple[int, str], Severity] = {}
    for diag in diagnostics:
        if len(diag.path) >= 2 and diag.path[0] == "targets" and isinstance(diag.path[1], int):
            key = (diag.path[1], diag.code)
            if key not in worst or diag.severity.rank > worst[key].rank:
                worst[key] = diag.severity
    out: list[TargetScore] = []
    for i, (target_id, name) in enumerate(targets):
        letters: dict[str, str] = {}
        for letter, code in LETTERS.items():
            severity = worst.get((i, code))
            if code not in enabled:
                letters[letter] = OFF
            elif severity is None:
                letters[letter] = PASS
            else:
                letters[letter] = FAIL if severity is Severity.ERROR else WARN
        out.append(TargetScore(file, target_id, name or "", letters))
    return out
