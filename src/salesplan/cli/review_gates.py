"""`salesplan review`'s gates and extra inputs: --fail-under, --fail-on-alert and --spend, each a
small function the command calls (exit 1 naming what failed; --spend's problems as diagnostics)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from salesplan.cli.common import EXIT_FINDINGS, fail
from salesplan.diagnostics import has_errors
from salesplan.i18n import _
from salesplan.options import comma_list

if TYPE_CHECKING:
    from decimal import Decimal
    from fractions import Fraction

    from salesplan.diagnostics import Diagnostic
    from salesplan.model.plan import Plan
    from salesplan.review.engine import Review
    from salesplan.review.spend import SpendReview


def _gate(review: Review, gate: Decimal, lang: str) -> None:
    """`--fail-under`: exit 1, naming them, when targets' overall pacing is below the gate."""
    below = review.under(gate)
    if below:
        unmeasured = _("no actuals").render(lang)
        listed = ", ".join(f"{t.target_id} {unmeasured if t.unmeasured else f'{t.total.pacing}%'}" for t in below)
        fail(_("pacing below {gate}%: {listed}", gate=gate, listed=listed), EXIT_FINDINGS, lang=lang)


def _spend(
    plan: Plan, path: Path, attributed: dict[str, Fraction], day: dt.date, diagnostics: list[Diagnostic]
) -> SpendReview | None:
    """`--spend`: the budget lines and ROI (None, its problems added to `diagnostics`, when the file has errors)."""
    from salesplan.review.spend import review_spend
    from salesplan.review.spend_read import read_spend

    read = read_spend(path, plan)
    diagnostics += read.diagnostics
    return None if has_errors(read.diagnostics) else review_spend(plan, read.rows, attributed, day)


ALERT_KINDS = ("streak", "drop")


def _alert_kinds(values: list[str] | None, lang: str) -> set[str]:
    kinds = comma_list(values)
    wrong = [kind for kind in kinds if kind not in ALERT_KINDS]
    if wrong:
        fail(_("--fail-on-alert takes streak, drop (got {wrong})", wrong=", ".join(wrong)), lang=lang)
    return set(kinds)


def _alert_gate(review: Review, kinds: set[str], lang: str) -> None:
    """`--fail-on-alert`: exit 1, naming them, when re-planning alerts of those kinds fired."""
    from salesplan.review.alerts import whom

    fired = [f"{t.target_id} {whom(a, lang)} {a.kind}" for t in review.targets for a in t.alerts if a.kind in kinds]
    if fired:
        fail(_("re-planning alerts fired: {listed}", listed=", ".join(fired)), EXIT_FINDINGS, lang=lang)
