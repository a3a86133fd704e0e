"""The words of `salesplan diff`, one `Message` each (catalog `diff`): fields, sections, causes, headers."""

from __future__ import annotations

from salesplan.i18n import Message, Text, _, n_

FIELD: dict[str, Message] = {
    "name": _("name"),
    "scenario": _("scenario"),
    "period": _("plan period"),
    "currency": _("currency"),
    "unit": _("unit"),
    "owner": _("owner"),
    "version": _("version"),
    "module": _("strategy module"),
    "budget": _("budget"),
    "measures": _("measures"),
    "description": _("details"),
    "category": _("risk category"),
    "probability": _("probability"),
    "impact": _("impact"),
    "score": _("risk score"),
    "level": _("risk level"),
    "response": _("response"),
    "trigger": _("early-warning signal"),
    "status": _("status"),
    "strategy": _("strategy"),
    "start": _("start date"),
    "end": _("end date"),
    "deliverable": _("deliverable"),
    "departments": _("collaborating departments"),
    "depends_on": _("depends on"),
    "role": _("role"),
    "region": _("region"),
    "capacity": _("capacity"),
    "tier": _("tier"),
    "type": _("channel type"),
    "calendar": _("holiday calendar"),
    "ramp": _("ramp-up"),
    "kind": _("target kind"),
    "dimension": _("target dimension"),
    "metric": _("metric"),
    "value": _("target value"),
    "baseline": _("baseline"),
    "deadline": _("deadline"),
    "scope": _("scope"),
    "path": _("path to achievement"),
    "strategies": _("strategies"),
    "granularity": _("granularity"),
    "split_levels": _("split levels"),
    "split_methods": _("split methods"),
    "total": _("total budget"),
}
KIND: dict[str, Message] = {
    "plan": _("plan"),
    "target": _("target"),
    "split": _("split"),
    "budget": _("budget"),
    "strategy": _("strategy"),
    "risk": _("risk"),
    "task": _("task"),
    "person": _("person"),
    "region": _("region"),
    "product": _("product"),
    "channel": _("channel"),
    "account": _("account"),
    "team": _("team"),
}
STATUS: dict[str, Message] = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}
CAUSE: dict[str, Message] = {
    "added": _("added"),
    "removed": _("removed"),
    "inputs": _("its inputs changed"),
    "parent": _("moved with its parent"),
    "rounding": _("rounding only"),
    "context": _("unchanged"),
}
SECTION: dict[str, Message] = {
    "plan": _("Plan"),
    "targets": _("Targets"),
    "strategies": _("Strategies"),
    "budget": _("Budget"),
    "risks": _("Risks"),
    "tasks": _("Tasks"),
    "team": _("Team"),
    "other": _("Other changes"),
}
HEADER: dict[str, Message] = {
    "field": _("Field"),
    "old": _("Old"),
    "new": _("New"),
    "change": _("Change"),
    "part": _("Part"),
    "level": _("Level"),
    "pct": _("Change %"),
    "cause": _("Why"),
    "id": _("Id"),
    "what": _("Name"),
    "status": _("Status"),
    "changes": _("Changes"),
}
OTHER: dict[str, Message] = {"history": _("history (the basis of history splits) changed")}
LEVEL_CHANGED = _("level changed")
NOT_SPLIT = _("not split")
RAW = _("salesplan: this plan does not load; shown as written")


def not_comparable(old: str, new: str) -> Message:
    return _("the units count different things ({old} and {new}): parts are not compared", old=old, new=new)


def no_change(old: str, new: str) -> Message:
    return _("no change in meaning between {old} and {new}", old=old, new=new)


def title(old: str, new: str) -> Message:
    return _("Plan changes: {old} → {new}", old=old, new=new)


def amounts_in(unit: str) -> Message:
    return _("amounts in {unit}, the new plan's unit", unit=unit)


def field_name(name: str) -> Text:
    """A field's name: `allocation.promotion` is the promotion module's share of the budget."""
    if name.startswith("allocation."):
        return _("allocation: {module}", module=name.split(".", 1)[1])
    return FIELD.get(name, name)


def moved(days: int) -> Message:
    """A task moved by `days` days (later when positive)."""
    if days >= 0:
        return n_("moved {count} day later", "moved {count} days later", days)
    return n_("moved {count} day earlier", "moved {count} days earlier", -days)


def summary(count: int) -> Message:
    return n_("{count} change", "{count} changes", count)


def wrong_plans(count: int) -> Message:
    """The command was given the wrong number of plan files."""
    return n_(
        "diff takes OLD NEW, or one PLAN with --rev or --textconv; {count} file was given",
        "diff takes OLD NEW, or one PLAN with --rev or --textconv; {count} files were given",
        count,
    )


TEXTCONV_WITH_REV = _("--textconv renders one plan and takes no --rev")
