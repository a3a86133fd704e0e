"""What a review says in CI: findings on the plan file, at the line of the target they concern.

    review_findings(review, loaded) -> list[Diagnostic]

One finding per behind or at-risk row of a target's review that is the target itself or a part of
its first breakdown level (the rows the re-planning alerts watch too), and one per alert that
fired. Each is located at `targets[i]` in the plan file (its first line), so a pull request shows it
beside the target. Rules (the finding's code and name):

- `review-at-risk` (warning): pacing below the at-risk threshold, or a level target not measured;
- `review-behind` (notice): pacing below on-track but not at risk;
- `review-streak` / `review-drop` (warning): a re-planning alert (salesplan.review.alerts).

The renderers (github, sarif) are in `salesplan.report.review_ci`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.i18n import Message, _
from salesplan.loader import LoadedPlan
from salesplan.numbers import plain
from salesplan.review.alerts import DROP, STREAK, Alert, message, whom
from salesplan.review.result import Review, ReviewRow, TargetReview
from salesplan.review.words import STATUS_WORDS


class Rule(NamedTuple):
    name: str
    severity: Severity
    summary: Message


AT_RISK = "review-at-risk"
BEHIND = "review-behind"
RULES: dict[str, Rule] = {
    AT_RISK: Rule(
        AT_RISK, Severity.WARNING, _("A target or a part of it is at risk: its pacing is below the at-risk threshold.")
    ),
    BEHIND: Rule(BEHIND, Severity.NOTICE, _("A target or a part of it is behind: its pacing is below on-track.")),
    f"review-{STREAK}": Rule(
        f"review-{STREAK}", Severity.WARNING, _("Re-planning alert: completed periods in a row below plan.")
    ),
    f"review-{DROP}": Rule(
        f"review-{DROP}", Severity.WARNING, _("Re-planning alert: a period fell sharply against the one before.")
    ),
}
_BY_STATUS = {"at_risk": AT_RISK, "behind": BEHIND}


def _amount(value: Decimal, unit: str) -> str:
    return f"{plain(value)}{unit}"


def _part(row: ReviewRow) -> Message | str:
    return row.label if row.depth else _("overall")


def _row_message(target: TargetReview, row: ReviewRow) -> Message:
    status = STATUS_WORDS[row.status]
    if row.state is not None:
        return _(
            "{target} · {part}: {status}, {state}",
            target=target.target_id,
            part=_part(row),
            status=status,
            state=row.state.text(),
        )
    if row.pacing is None:
        return _("{target} · {part}: {status}, no actuals", target=target.target_id, part=_part(row), status=status)
    return _(
        "{target} · {part}: {status}, pacing {pacing}% (actual {actual} of {expected} expected to date; target {value})",  # noqa: E501
        target=target.target_id,
        part=_part(row),
        status=status,
        pacing=row.pacing,
        actual=_amount(row.actual, target.unit),
        expected=_amount(row.expected, target.unit),
        value=_amount(row.target, target.unit),
    )


def _finding(code: str, en: str, zh: str, where: SourceRef, path: tuple[str | int, ...]) -> Diagnostic:
    rule = RULES[code]
    return Diagnostic(
        code=code, severity=rule.severity, message=en, message_zh=zh, source=where, path=path, name=rule.name
    )


def _alert_finding(
    target: TargetReview, alert: Alert, review: Review, where: SourceRef, path: tuple[str | int, ...]
) -> Diagnostic:
    def text(lang: str) -> str:
        said = message(alert, target.unit, lang, review.triggers)
        return _("{target} · {part}: {text}", target=target.target_id, part=whom(alert, lang), text=said).render(lang)

    return _finding(f"review-{alert.kind}", text("en"), text("zh"), where, path)


def review_findings(review: Review, loaded: LoadedPlan) -> list[Diagnostic]:
    """The review's findings on the plan file, target by target, in the review's order."""
    index = {t.id: i for i, t in enumerate(loaded.plan.targets)} if loaded.plan is not None else {}
    found: list[Diagnostic] = []
    for target in review.targets:
        i = index.get(target.target_id)
        path: tuple[str | int, ...] = ("targets", i) if i is not None else ()
        ref = loaded.source.ref(path)
        where = SourceRef(loaded.file, ref.line, ref.col)
        for row in target.rows:
            code = _BY_STATUS.get(row.status)
            if code is None or row.depth > 1:
                continue
            said = _row_message(target, row)
            found.append(_finding(code, said.render("en"), said.render("zh"), where, path))
        found.extend(_alert_finding(target, alert, review, where, path) for alert in target.alerts)
    return found
