"""What is compared in each section of a plan, and how (the fields of docs/diff.md)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from salesplan.diff.fields import Spec, attr, by_id, compare, entities
from salesplan.diff.result import EntityDiff, FieldChange
from salesplan.diff.units import Scale
from salesplan.numbers import plain

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, SplitLevel, Target, Team

PLAN = (
    attr("name"),
    attr("scenario"),
    Spec("period", lambda p: f"{p.period.start.isoformat()}..{p.period.end.isoformat()}"),
    attr("currency"),
    attr("unit"),
    attr("owner"),
    attr("version"),
)
STRATEGY = (
    attr("name"),
    attr("module"),
    attr("owner"),
    attr("budget", "amount"),
    attr("measures"),
    attr("description"),
)
RISK = (
    Spec("category", lambda r: r.risk.category),
    Spec("description", lambda r: r.risk.description),
    Spec("probability", lambda r: r.risk.probability),
    Spec("impact", lambda r: r.risk.impact),
    Spec("score", lambda r: Decimal(r.score), "points"),
    Spec("level", lambda r: r.level),
    Spec("response", lambda r: r.risk.response),
    Spec("owner", lambda r: r.risk.owner),
    Spec("trigger", lambda r: r.risk.trigger),
    Spec("status", lambda r: r.risk.status),
)
TASK = (
    attr("name"),
    attr("strategy"),
    attr("owner"),
    attr("start", "date"),
    attr("end", "date"),
    attr("deliverable"),
    attr("budget", "amount"),
    attr("departments"),
    attr("depends_on"),
    attr("status"),
)


def _ramp(item: Any) -> list[str] | None:
    """A ramp as its months' shares, `30%, 60%` (a person's, or the team's for reps without one)."""
    ramp = getattr(item, "ramp", None)
    return [f"{plain(share)}%" for share in ramp] if ramp else None


# every list of `team` (docs/diff.md): each entry matched by id, every field of the plan format compared
PERSON = (
    attr("name"),
    attr("role"),
    attr("region"),
    attr("capacity", "amount"),
    attr("start"),
    attr("end"),
    Spec("ramp", _ramp),
)
REGION = (attr("name"), attr("calendar"))
NAMED = (attr("name"),)
CHANNEL = (attr("name"), attr("type"), attr("owner"))
ACCOUNT = (attr("name"), attr("tier"), attr("region"), attr("owner"))
TEAM = (Spec("ramp", _ramp),)  # the team's own fields, beside its lists


_UNIT = Spec("unit", lambda unit: unit)


def _levels(levels: list[SplitLevel]) -> str | None:
    return " > ".join("+".join(s.by) if isinstance(s.by, list) else s.by for s in levels) or None


def _methods(levels: list[SplitLevel]) -> str | None:
    return " > ".join(s.method for s in levels) or None


def _scope(target: Target) -> str | None:
    scope = target.scope
    if scope is None:
        return None
    parts = [
        f"{key}: {', '.join(values)}"
        for key, values in (("regions", scope.regions), ("products", scope.products), ("accounts", scope.accounts))
        if values
    ]
    if scope.segment:
        parts.append(f"segment: {scope.segment}")
    return "; ".join(parts) or None


TARGET = (
    attr("name"),
    attr("kind"),
    attr("dimension"),
    attr("metric"),
    attr("value", "amount"),
    attr("baseline", "amount"),
    attr("deadline", "date"),
    attr("owner"),
    Spec("scope", _scope),
    attr("path"),
    attr("strategies"),
    attr("granularity", "amount"),
    Spec("split_levels", lambda t: _levels(t.split)),
    Spec("split_methods", lambda t: _methods(t.split)),
)


def target_fields(
    old: Target | None, new: Target | None, old_unit: str, new_unit: str, scale: Scale | None
) -> tuple[FieldChange, ...]:
    """The changed fields of a target (all its fields when it is on one side only); amounts in
    `new_unit` when `scale` converts them, else compared as written (家 and 万元 do not convert)."""
    one_side = old is None or new is None
    unit = new_unit if new is not None else old_unit
    found: list[FieldChange | None] = []
    for spec in TARGET:
        before = spec.get(old) if old is not None else None
        after = spec.get(new) if new is not None else None
        if spec.kind == "amount" and scale is None:
            spec = Spec(spec.name, spec.get)
        found.append(compare(spec, before, after, scale or Scale(0), unit, one_side=one_side))
        if spec.name == "value":
            units = (old_unit if old is not None else None, new_unit if new is not None else None)
            found.append(compare(_UNIT, *units, one_side=one_side))
    return tuple(c for c in found if c is not None)


def team(old: Plan, new: Plan, scale: Scale) -> tuple[EntityDiff, ...]:
    """People, regions, products, channels and accounts added, removed or changed, then the team's ramp."""
    unit = new.plan.unit
    return (
        *entities("person", by_id(old.team.people), by_id(new.team.people), PERSON, scale, unit),
        *entities("region", by_id(old.team.regions), by_id(new.team.regions), REGION),
        *entities("product", by_id(old.team.products), by_id(new.team.products), NAMED),
        *entities("channel", by_id(old.team.channels), by_id(new.team.channels), CHANNEL),
        *entities("account", by_id(old.team.accounts), by_id(new.team.accounts), ACCOUNT),
        *entities("team", _whole(old.team), _whole(new.team), TEAM),
    )


def _whole(team: Team) -> dict[str, Team]:
    """The team as one thing (its own fields), present when it has any of them."""
    return {"team": team} if any(spec.get(team) is not None for spec in TEAM) else {}


def risks(old: Plan, new: Plan) -> tuple[EntityDiff, ...]:
    """Risks by id, scored on the default matrix (`salesplan.risk.score_risks`): score and level compared."""
    return entities("risk", scored_risks(old), scored_risks(new), RISK, name=lambda r: r.risk.description)


def scored_risks(plan: Plan) -> dict[str, Any]:
    """The plan's scored risks by id, in the plan's order (the first of a repeated id)."""
    from salesplan.risk.score import score_risks

    found: dict[str, Any] = {}
    for item in sorted(score_risks(plan), key=lambda s: s.index):
        found.setdefault(str(item.risk.id), item)
    return found


def budget(old: Plan, new: Plan, scale: Scale) -> tuple[FieldChange, ...]:
    """The budget total (an amount) and each module's allocation (percent points)."""
    unit = new.plan.unit
    found: list[FieldChange | None] = []
    old_total = old.budget.total if old.budget else None
    new_total = new.budget.total if new.budget else None
    found.append(compare(Spec("total", lambda b: b, "amount"), old_total, new_total, scale, unit))
    old_alloc = old.budget.allocation if old.budget else {}
    new_alloc = new.budget.allocation if new.budget else {}
    for module in [*new_alloc, *(m for m in old_alloc if m not in new_alloc)]:
        spec = Spec(f"allocation.{module}", lambda b: b, "points")
        found.append(compare(spec, old_alloc.get(module), new_alloc.get(module)))
    return tuple(c for c in found if c is not None)
