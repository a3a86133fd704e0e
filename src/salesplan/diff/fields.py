"""Field-by-field comparison of the things a plan lists by id (strategies, risks, tasks, people …)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from salesplan.diff.result import EntityDiff, FieldChange, Status, percent_change
from salesplan.diff.units import Scale
from salesplan.numbers import plain

Kind = Literal["text", "amount", "date", "points"]
_SAME = Scale(0)


@dataclass(frozen=True)
class Spec:
    """One compared field: its name, how to read it from a thing, and what kind of value it is."""

    name: str
    get: Callable[[Any], Any]
    kind: Kind = "text"


def attr(name: str, kind: Kind = "text") -> Spec:
    return Spec(name, lambda item: getattr(item, name, None), kind)


def text(value: Any) -> str | None:
    """A value as language-neutral text: decimal strings without exponent, ISO dates, lists joined by ', '."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(text(v)) for v in value) if value else None
    return str(value)


def compare(
    spec: Spec, old: Any, new: Any, scale: Scale = _SAME, unit: str = "", *, one_side: bool = False
) -> FieldChange | None:
    """`spec` of two values (`old` already read, in its own unit), or None when they mean the same."""
    if spec.kind == "amount" and isinstance(old, Decimal):
        old = scale(old)
    if old == new and not one_side:
        return None
    old_text, new_text = text(old), text(new)
    if old_text == new_text and not one_side:
        return None
    if one_side and old_text is None and new_text is None:
        return None
    delta = pct = None
    if spec.kind in ("amount", "points") and isinstance(old, Decimal) and isinstance(new, Decimal):
        delta = new - old
        pct = percent_change(old, new) if spec.kind == "amount" else None
    elif spec.kind == "date" and isinstance(old, dt.date) and isinstance(new, dt.date):
        delta = Decimal((new - old).days)
    return FieldChange(spec.name, old_text, new_text, delta, pct, unit if spec.kind == "amount" else "")


def by_id(items: Iterable[Any]) -> dict[str, Any]:
    """Things keyed by their `id` (the first of a repeated id: the loader reports the others)."""
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(str(item.id), item)
    return found


def _name(item: Any) -> str:
    return str(getattr(item, "name", None) or getattr(item, "description", None) or "")


def entities(
    kind: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    specs: Iterable[Spec],
    scale: Scale = _SAME,
    unit: str = "",
    name: Callable[[Any], str] = _name,
) -> tuple[EntityDiff, ...]:
    """Things added (new order), changed (new order) and removed (old order), field by field."""
    specs = tuple(specs)
    out: list[EntityDiff] = []
    for ident, item in new.items():
        before = old.get(ident)
        status: Status = "changed" if before is not None else "added"
        changes = [
            compare(s, s.get(before) if before is not None else None, s.get(item), scale, unit, one_side=before is None)
            for s in specs
        ]
        found = tuple(c for c in changes if c is not None)
        if found or before is None:
            out.append(EntityDiff(kind, ident, name(item), status, found))
    for ident, item in old.items():
        if ident not in new:
            gone = (compare(s, s.get(item), None, scale, unit, one_side=True) for s in specs)
            out.append(EntityDiff(kind, ident, name(item), "removed", tuple(c for c in gone if c is not None)))
    return tuple(out)
