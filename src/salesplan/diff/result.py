"""The result of comparing two plans: plain values, built by the engine and read by the renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Status = Literal["added", "removed", "changed"]
# why a part of a split moved (see `salesplan.diff.parts`)
Cause = Literal["added", "removed", "inputs", "parent", "rounding", "context"]
_TENTH = Decimal("0.1")


def percent_change(old: Decimal | None, new: Decimal | None) -> Decimal | None:
    """(new − old) / old in percent, half up to one decimal; None without a nonzero old value."""
    if old is None or new is None or old == 0:
        return None
    return ((new - old) * 100 / abs(old)).quantize(_TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class FieldChange:
    """One field of one thing, old -> new, as language-neutral text (decimal strings, ISO dates, ids, tokens).

    `delta` is set for amounts (exact, in the new plan's unit), for percents (points) and for dates
    (days); `unit` is the amount's unit.
    """

    name: str
    old: str | None
    new: str | None
    delta: Decimal | None = None
    pct: Decimal | None = None
    unit: str = ""


@dataclass(frozen=True)
class EntityDiff:
    """A strategy, risk, task, person, region, product or account that was added, removed or changed.

    For an added (removed) thing, `fields` hold its values with `old` (`new`) None."""

    kind: str
    id: str
    name: str
    status: Status
    fields: tuple[FieldChange, ...] = ()

    def get(self, name: str) -> FieldChange | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def moved_days(self) -> int | None:
        """A task whose start and end both moved by the same number of days: that number."""
        start, end = self.get("start"), self.get("end")
        if self.status != "changed" or start is None or end is None or start.delta is None:
            return None
        return int(start.delta) if start.delta == end.delta else None

    @property
    def level_changed(self) -> bool:
        """A risk whose level (low, medium, high, critical) is not the one it had."""
        level = self.get("level")
        return self.status == "changed" and level is not None


@dataclass(frozen=True)
class PartChange:
    """One part of a target's split, old -> new (None where it did not exist), in the new unit.

    `path` is the part's place from the outermost level in: ((level, part id), ...)."""

    path: tuple[tuple[str, str], ...]
    old: Decimal | None
    new: Decimal | None
    cause: Cause
    label: str | None = None

    @property
    def delta(self) -> Decimal:
        return (self.new or Decimal(0)) - (self.old or Decimal(0))

    @property
    def pct(self) -> Decimal | None:
        return percent_change(self.old, self.new)

    @property
    def depth(self) -> int:
        return len(self.path)


@dataclass(frozen=True)
class TargetDiff:
    """A target added, removed or changed: its fields and the change of every part of its split.

    `comparable` is False when the old and new units measure different things (家 and 万元): the
    parts are then not compared."""

    id: str
    name: str
    status: Status
    unit: str
    old_value: Decimal | None
    new_value: Decimal | None
    fields: tuple[FieldChange, ...] = ()
    parts: tuple[PartChange, ...] = ()
    comparable: bool = True

    @property
    def delta(self) -> Decimal | None:
        if self.old_value is None or self.new_value is None:
            return None
        return self.new_value - self.old_value


@dataclass(frozen=True)
class PlanDiff:
    """Everything that changed from `old_file` to `new_file`; amounts in `unit` (the new plan's)."""

    old_file: str
    new_file: str
    unit: str
    plan: tuple[FieldChange, ...] = ()
    targets: tuple[TargetDiff, ...] = ()
    strategies: tuple[EntityDiff, ...] = ()
    budget: tuple[FieldChange, ...] = ()
    risks: tuple[EntityDiff, ...] = ()
    tasks: tuple[EntityDiff, ...] = ()
    team: tuple[EntityDiff, ...] = ()
    other: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return any(
            (self.plan, self.targets, self.strategies, self.budget, self.risks, self.tasks, self.team, self.other)
        )
