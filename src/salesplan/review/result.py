"""What a review holds: thresholds, a reviewed row per split node, per target and for the plan.

`salesplan.review.engine` fills these; the renderers read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Message, _
from salesplan.review.alerts import Alert, Triggers

STATUSES = ("ahead", "on_track", "behind", "at_risk")
Window = tuple[dt.date, dt.date]
WindowKey = tuple[tuple[str, ...], str]  # a node's time parts and rep ("": none): what its window depends on


@dataclass(frozen=True)
class Thresholds:
    """Pacing (percent) at which a node is ahead, on track, or — below `at_risk` — at risk."""

    ahead: Decimal = Decimal(110)
    on_track: Decimal = Decimal(95)
    at_risk: Decimal = Decimal(80)

    def problem(self) -> Message | None:
        if not (0 <= self.at_risk <= self.on_track <= self.ahead):
            return _("thresholds must satisfy 0 ≤ at-risk ≤ on-track ≤ ahead")
        return None

    def status(self, pacing: Decimal | None, actual: Fraction | int) -> str:
        """The status word of a pacing (`actual`: only its sign counts, where nothing is expected)."""
        if pacing is None:
            return "ahead" if actual > 0 else "on_track"
        if pacing >= self.ahead:
            return "ahead"
        if pacing >= self.on_track:
            return "on_track"
        if pacing >= self.at_risk:
            return "behind"
        return "at_risk"


@dataclass(frozen=True)
class Undefined:
    """Why a derived KPI (`formula:`) has no value at a node: a divisor is 0 (`zero_base`; `divisor` is
    its text in the formula), or a base metric has no actuals there (`missing`; `metrics` names them)."""

    kind: str  # "zero_base" | "missing"
    metrics: tuple[str, ...] = ()
    divisor: str = ""

    def text(self) -> Message:
        if self.kind == "zero_base":
            return _("— cannot compute ({divisor} is 0)", divisor=self.divisor)
        return _("no actuals for {metrics}", metrics=", ".join(self.metrics))


@dataclass
class ReviewRow:
    """One node of one target's breakdown, reviewed. Percentages are percent points (120 = 120%).
    `state`: a derived KPI's node that cannot be computed (its actual, achievement, pacing and gap are
    then not figures: renderers show the state instead)."""

    depth: int
    level: str | None
    part: str | None
    label: str
    coords: dict[str, str]
    target: Decimal
    actual: Decimal
    expected: Decimal
    achievement: Decimal | None
    pacing: Decimal | None
    gap: Decimal
    status: str
    state: Undefined | None = None


@dataclass
class TargetReview:
    target_id: str
    name: str | None
    metric: str | None
    unit: str
    is_rate: bool
    lower_is_better: bool
    window: Window
    rows: list[ReviewRow] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    formula: str | None = None  # a derived KPI: its formula (its rows are computed from its base metrics)

    @property
    def total(self) -> ReviewRow:
        return self.rows[0]

    @property
    def unmeasured(self) -> bool:
        """A target with no pacing that is at risk: its window has begun and nothing was measured."""
        return self.total.pacing is None and self.total.status == "at_risk"


@dataclass
class Review:
    as_of: dt.date
    period: Window
    thresholds: Thresholds
    targets: list[TargetReview] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    triggers: Triggers = field(default_factory=Triggers)

    def under(self, percent: Decimal) -> list[TargetReview]:
        """Targets whose overall pacing is below `percent`, and level targets not measured once due."""
        return [t for t in self.targets if t.unmeasured or (t.total.pacing is not None and t.total.pacing < percent)]
