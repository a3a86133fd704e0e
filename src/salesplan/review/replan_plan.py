"""A re-planned plan: each target's completed time parts held at their actuals, the rest re-split.

For a target whose outermost split level is a time level (quarter, month or week), the parts that
ended by the as-of date are held at what was achieved in them (`values:`) and what they leave of the
target is split among the remaining parts by the level's own method (`rest:`): a shortfall is caught
up, a surplus absorbed, and the target's total is unchanged. The new plan is the old plan's YAML
with only those levels changed (comments and order kept), so `salesplan diff OLD NEW` shows the move.

A time level under a region, product or rep level is left as it is, with a note: held values hold
the same amount in every node a level splits, and each node achieved its own.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter

from salesplan.i18n import Message, _
from salesplan.model.plan import Plan, Target
from salesplan.periods import TIME_KINDS, normalize_key, time_parts
from salesplan.review.actuals import ActualRow, compares_levels
from salesplan.review.placing import dated_by, exact_sum, part_of

_RESTS = ("even", "weights", "history", "capacity", "workdays")


@dataclass
class Replanned:
    """The new plan's text, the targets re-split, and a note for each target left as it was."""

    text: str
    changed: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def held_actuals(target: Target, kind: str, plan: Plan, rows: list[ActualRow], as_of: dt.date) -> dict[str, Decimal]:
    """The actuals of each part of `kind` that ended by `as_of` (0 where nothing was recorded)."""
    done = [part.id for part in time_parts(kind, plan.plan.period.start, plan.plan.period.end) if part.end <= as_of]
    mine: dict[str, list[Decimal]] = {part: [] for part in done}
    for row in rows:
        if row.target == target.id and dated_by(row, as_of):
            found = part_of(row, kind)
            if found in mine:
                mine[found].append(row.value)
    return {part: exact_sum(values) for part, values in mine.items()}


def replan(text: str, plan: Plan, rows: list[ActualRow], as_of: dt.date) -> Replanned:
    """The plan `text` (the file `plan` was loaded from) re-planned with `rows` as of `as_of`."""
    yaml = _yaml()
    document = yaml.load(text)
    out = Replanned(text)
    for index, target in enumerate(plan.targets):
        note = _replan_target(document["targets"][index], target, plan, rows, as_of)
        if note is True:
            out.changed.append(target.id)
        elif isinstance(note, Message):
            out.notes.append(note)
    if out.changed:
        buffer = io.StringIO()
        yaml.dump(document, buffer)
        out.text = buffer.getvalue()
    return out


def _replan_target(node: Any, target: Target, plan: Plan, rows: list[ActualRow], as_of: dt.date) -> Message | bool:
    """Change the target's time level in `node`: True when changed, else a note, or False (nothing to say)."""
    kinds = [level.by for level in target.split]
    timed = [i for i, by in enumerate(kinds) if isinstance(by, str) and by in TIME_KINDS]
    if not timed or compares_levels(target):
        return False
    first = timed[0]
    level = target.split[first]
    if first != 0:
        return _(
            "{target}: its {kind} level is under another level; held values would hold one amount in every node, "
            "so it is left as it is",
            target=target.id,
            kind=str(level.by),
        )
    kind = str(level.by)
    held = held_actuals(target, kind, plan, rows, as_of)
    if not held:
        return False
    rest = level.rest or level.method
    if rest not in _RESTS and rest != "explicit":
        return _("{target}: a {method} level cannot be re-split; it is left as it is", target=target.id, method=rest)
    entry = node["split"][first]
    ids = [part.id for part in time_parts(kind, plan.plan.period.start, plan.plan.period.end)]
    if rest == "explicit":  # the remaining parts keep their proportions to each other
        old = entry["values"]
        entry["weights"] = type(old)(
            (key, amount) for key, amount in old.items() if normalize_key(kind, str(key), ids) not in held
        )
        rest = "weights"
    values = entry.get("values")
    kept = [(key, amount) for key, amount in (values or {}).items() if normalize_key(kind, str(key), ids) not in held]
    merged = type(values)() if values is not None else _flow_map()
    for key, amount in held.items():
        merged[key] = amount
    for key, amount in kept:
        merged[key] = amount
    entry["values"] = merged
    entry["rest"] = rest
    if "method" in entry:
        del entry["method"]
    return True


def _flow_map() -> Any:
    from ruamel.yaml.comments import CommentedMap

    made = CommentedMap()
    made.fa.set_flow_style()
    return made


def _decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
    return representer.represent_scalar(tag, text)


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, order and flow style of the original are kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(Decimal, _decimal)
    return yaml
