"""A plan diff as JSON: the contract documented in docs/diff.md (`"format": "salesplan-diff", "version": 1`).

Every number is a decimal string, never a float; absent values are null; words are language-neutral
(field names, statuses and causes as the tokens of the contract, risk levels as low/medium/high/critical)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from salesplan.diff.result import EntityDiff, FieldChange, PartChange, PlanDiff, TargetDiff
from salesplan.numbers import fixed, plain
from salesplan.rendering import RenderOptions

VERSION = 1


def _number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def field_doc(change: FieldChange) -> dict[str, Any]:
    return {
        "field": change.name,
        "old": change.old,
        "new": change.new,
        "delta": _number(change.delta),
        "delta_pct": fixed(change.pct),
        "unit": change.unit or None,
    }


def part_doc(part: PartChange) -> dict[str, Any]:
    return {
        "path": [{"level": level, "part": ident} for level, ident in part.path],
        "label": part.label,
        "old": _number(part.old),
        "new": _number(part.new),
        "delta": _number(part.delta),
        "delta_pct": fixed(part.pct),
        "cause": part.cause,
    }


def entity_doc(entity: EntityDiff) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "kind": entity.kind,
        "id": entity.id,
        "name": entity.name,
        "status": entity.status,
        "fields": [field_doc(c) for c in entity.fields],
    }
    if entity.kind == "risk":
        doc["level_changed"] = entity.level_changed
    if entity.kind == "task":
        doc["moved_days"] = entity.moved_days
    return doc


def target_doc(target: TargetDiff) -> dict[str, Any]:
    from salesplan.diff.result import percent_change

    return {
        "id": target.id,
        "name": target.name,
        "status": target.status,
        "unit": target.unit,
        "old_value": _number(target.old_value),
        "new_value": _number(target.new_value),
        "delta": _number(target.delta) if target.comparable else None,
        "delta_pct": fixed(percent_change(target.old_value, target.new_value)) if target.comparable else None,
        "comparable": target.comparable,
        "fields": [field_doc(c) for c in target.fields],
        "parts": [part_doc(p) for p in target.parts],
    }


def document(diff: PlanDiff) -> dict[str, Any]:
    return {
        "format": "salesplan-diff",
        "version": VERSION,
        "old": diff.old_file,
        "new": diff.new_file,
        "unit": diff.unit,
        "changed": diff.changed,
        "plan": [field_doc(c) for c in diff.plan],
        "targets": [target_doc(t) for t in diff.targets],
        "strategies": [entity_doc(e) for e in diff.strategies],
        "budget": [field_doc(c) for c in diff.budget],
        "risks": [entity_doc(e) for e in diff.risks],
        "tasks": [entity_doc(e) for e in diff.tasks],
        "team": [entity_doc(e) for e in diff.team],
        "other": list(diff.other),
    }


def render_json(diff: PlanDiff, options: RenderOptions) -> str:
    """The document, two-space indented, UTF-8 (Chinese not escaped); the same in every language."""
    return json.dumps(document(diff), ensure_ascii=False, indent=2) + "\n"
