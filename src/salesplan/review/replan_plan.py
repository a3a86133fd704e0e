"""A re-planned plan: each target's completed time parts held at their actuals, the rest re-split.

For each target with a time level (quarter, month or week; the outermost one with an ended part when
there are several), every node that level splits holds the parts that ended by the as-of date at that node's
own actuals (`salesplan.review.replan_nodes`), and what they leave of the node is split among its
remaining parts by the level's own method: a shortfall is caught up, a surplus absorbed, each node
keeps its allocation and the target's total is unchanged. When time is the first level the node is
the whole target, written as `values:` with `rest:`; under region, product or rep levels each node is
a path of parts, written as `held:` (see docs/split.md "Held values"). The new plan is the old
plan's YAML with only those levels changed (comments and order kept), so `salesplan diff OLD NEW`
shows the move.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from salesplan.i18n import Message, _, n_
from salesplan.model.plan import Plan, Target
from salesplan.model.words import dimension
from salesplan.numbers import plain
from salesplan.periods import TIME_KINDS, normalize_key, time_parts
from salesplan.review.actuals import ActualRow, compares_levels
from salesplan.review.placing import exact_sum
from salesplan.review.replan_nodes import HeldPlan, held_plan
from salesplan.review.words import listing
from salesplan.roundtrip import flow_map, round_trip_yaml
from salesplan.split.result import TargetSplit

_RESTS = ("even", "weights", "history", "capacity", "workdays")
_NODE_LEVELS = ("region", "product", "rep", "channel", "account", "tier", *TIME_KINDS)


@dataclass
class Replanned:
    """The new plan's text, the targets re-split, and notes: targets left as they were, excesses."""

    text: str
    changed: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def replan(
    text: str, plan: Plan, rows: list[ActualRow], as_of: dt.date, splits: Mapping[str, TargetSplit]
) -> Replanned:
    """The plan `text` (the file `plan` was loaded from, whose breakdowns are `splits` by target id)
    re-planned with `rows` as of `as_of`."""
    yaml = round_trip_yaml()
    document = yaml.load(text)
    out = Replanned(text)
    for index, target in enumerate(plan.targets):
        split = splits.get(target.id)
        if split is None:
            continue
        changed, notes = _replan_target(document["targets"][index], target, plan, split, rows, as_of)
        if changed:
            out.changed.append(target.id)
        out.notes += notes
    if out.changed:
        buffer = io.StringIO()
        yaml.dump(document, buffer)
        out.text = buffer.getvalue()
    return out


def _replan_target(
    node: Any, target: Target, plan: Plan, split: TargetSplit, rows: list[ActualRow], as_of: dt.date
) -> tuple[bool, list[Message]]:
    """Change the target's time level in `node`: whether it changed, and the notes to give."""
    kinds = [level.by for level in target.split]
    timed = [i for i, by in enumerate(kinds) if isinstance(by, str) and by in TIME_KINDS]
    if not timed or compares_levels(target):
        return False, []
    period = (plan.plan.period.start, plan.plan.period.end)
    # the outermost time level with an ended part (a quarter level over months holds nothing in its first
    # quarter: the months under it do)
    ended = [i for i in timed if any(part.end <= as_of for part in time_parts(str(kinds[i]), *period))]
    first = ended[0] if ended else timed[0]
    level = target.split[first]
    kind = str(level.by)
    if not ended:
        return False, [
            _(
                "{target}: no {kind} part has ended by {day}: nothing is held, it is left as it is",
                target=target.id,
                kind=dimension(kind),
                day=as_of.isoformat(),
            )
        ]
    rest = level.rest or level.method
    if rest not in _RESTS and rest != "explicit":
        return False, [
            _("{target}: a {method} level cannot be re-split; it is left as it is", target=target.id, method=rest)
        ]
    if first and (
        level.rest is not None or any(not isinstance(by, str) or by not in _NODE_LEVELS for by in kinds[:first])
    ):
        return False, [
            _(
                "{target}: its {kind} level holds `values:` with `rest:`, or is under a level that is not a region, "
                "product, rep, channel, account, tier or time level; it is left as it is",
                target=target.id,
                kind=dimension(kind),
            )
        ]
    regions = {person.id: person.region for person in plan.team.people if person.region}
    owners = {account.id: account.owner for account in plan.team.accounts if account.owner}
    held = held_plan(split, first, rows, as_of, period, regions, owners)
    if not held.nodes:
        return False, [
            _(
                "{target}: every {kind} part has ended by {day}: nothing is left to re-split, it is left as it is",
                target=target.id,
                kind=dimension(kind),
                day=as_of.isoformat(),
            )
        ]
    if not held.placed:  # holding 0 everywhere would move every result to the remaining parts
        return False, [_no_row(target, kind, [str(by) for by in kinds[:first]], bool(held.unplaced))]
    if any("/" in part for one in held.nodes for part in one.path):
        return False, [
            _(
                "{target}: a part above its {kind} level has '/' in its id, which a `held:` path cannot name; "
                "it is left as it is",
                target=target.id,
                kind=dimension(kind),
            )
        ]
    entry = node["split"][first]
    ids = [part.id for part in time_parts(kind, *period)]
    if first == 0:
        _write_values(entry, kind, held.nodes[0].held, rest, ids)
    else:
        _block(node["split"], first)
        _write_held(entry, kind, held, ids, [str(by) for by in kinds[:first]], period)
    return True, _notes(target, plan, kind, held)


def _write_values(entry: Any, kind: str, held: dict[str, Decimal], rest: str, ids: list[str]) -> None:
    """The first level: the completed parts in `values:`, the rest split by `rest:`."""
    if rest == "explicit":  # the remaining parts keep their proportions to each other
        old = entry["values"]
        entry["weights"] = type(old)(
            (key, amount) for key, amount in old.items() if normalize_key(kind, str(key), ids) not in held
        )
        rest = "weights"
    values = entry.get("values")
    kept = [(key, amount) for key, amount in (values or {}).items() if normalize_key(kind, str(key), ids) not in held]
    merged = type(values)() if values is not None else flow_map()
    for key, amount in held.items():
        merged[key] = amount
    for key, amount in kept:
        merged[key] = amount
    entry["values"] = merged
    entry["rest"] = rest
    if "method" in entry:
        del entry["method"]


def _write_held(
    entry: Any, kind: str, plan: HeldPlan, ids: list[str], above: list[str], period: tuple[dt.date, dt.date]
) -> None:
    """A level under others: each node's completed parts in `held:` under its path; the method splits
    the rest of each node (explicit values become the weights of the remaining parts)."""
    if entry.get("method") == "explicit":
        entry["weights"] = entry.pop("values")
        entry["method"] = "weights"
    old = {_path_of(str(raw), above, period): (raw, value) for raw, value in (entry.get("held") or {}).items()}
    table = CommentedMap()
    for node in plan.nodes:
        key = "/".join(node.path)
        before = old.pop(node.path, (None, None))[1]
        parts = flow_map()
        for part, amount in (before or {}).items():
            if normalize_key(kind, str(part), ids) not in node.held:
                parts[part] = amount
        for part, amount in node.held.items():
            parts[part] = amount
        table[key] = parts
    for raw, value in old.values():  # paths that name no node stay as written, for lint to name them
        table[raw] = value
    entry["held"] = table


def _block(levels: Any, index: int) -> None:
    """The level at `index` in block style (a held table in one flow line would not be read by anyone),
    the comment at the end of its flow line kept at the end of its first line."""
    entry = levels[index]
    if not isinstance(entry, CommentedMap) or entry.fa.flow_style() is False:
        return
    entry.fa.set_block_style()
    comment = levels.ca.items.pop(index, None) if isinstance(levels, CommentedSeq) else None
    token = comment[0] if comment else None
    if token is not None and entry:
        entry.yaml_add_eol_comment(token.value.strip(), next(iter(entry)))


def _path_of(raw: str, above: list[str], period: tuple[dt.date, dt.date]) -> tuple[str, ...]:
    """A `held:` key as the path of part ids it names (time parts written `Q3` read as `2026-Q3`)."""
    bits = [bit.strip() for bit in raw.split("/")]
    return tuple(
        normalize_key(dim, bit, [part.id for part in time_parts(dim, *period)]) if dim in TIME_KINDS else bit
        for dim, bit in zip(above, bits, strict=False)
    ) + tuple(bits[len(above) :])


def _no_row(target: Target, kind: str, above: list[str], unplaced: bool) -> Message:
    """Why a target none of whose rows can be held is left as it is."""
    if not unplaced:
        return _(
            "{target}: the actuals have no row of a completed {kind} part; it is left as it is (rather than "
            "holding 0 in every completed part)",
            target=target.id,
            kind=dimension(kind),
        )
    return _(
        "{target}: no row of a completed {kind} part names a node of the breakdown (its {levels}); it is left as it is",
        target=target.id,
        kind=dimension(kind),
        levels=listing([dimension(dim) for dim in above]),
    )


def _notes(target: Target, plan: Plan, kind: str, held: HeldPlan) -> list[Message]:
    """What the re-plan could not do as asked: excesses kept in their node, rows placed nowhere, rounding."""
    unit = plan.target_unit(target)
    notes: list[Message] = []
    for node in held.excess:
        notes.append(
            _(
                "{target} · {node}: actuals {actual} exceed its allocation {allocation} by {excess}; its completed "
                "{kind} parts are held up to the allocation, its remaining parts get 0, and the excess is not "
                "moved to other parts",
                target=target.id,
                node="/".join(node.path) or _("the whole target"),
                actual=plain(node.actual) + unit,
                allocation=plain(node.allocation) + unit,
                excess=plain(node.excess) + unit,
                kind=dimension(kind),
            )
        )
    for path, part, actual in held.negative:
        notes.append(
            _(
                "{target} · {node}: its actuals in {part} are negative ({actual}); a held part cannot be, "
                "it is held at 0",
                target=target.id,
                node="/".join(path) or _("the whole target"),
                part=part,
                actual=plain(actual) + unit,
            )
        )
    if held.unplaced:
        amount = plain(exact_sum(row.value for row in held.unplaced)) + unit
        notes.append(
            n_(
                "{target}: {count} row ({amount}) of a completed part names no node of the breakdown (a part of "
                "the levels above the {kind} level is missing); it is held in no node",
                "{target}: {count} rows ({amount}) of completed parts name no node of the breakdown (a part of "
                "the levels above the {kind} level is missing); they are held in no node",
                len(held.unplaced),
                target=target.id,
                amount=amount,
                kind=dimension(kind),
            )
        )
    if held.rounded:
        notes.append(
            n_(
                "{target}: {count} held amount is rounded to the granularity {granularity}",
                "{target}: {count} held amounts are rounded to the granularity {granularity}",
                held.rounded,
                target=target.id,
                granularity=plain(target.granularity or Decimal(1)),
            )
        )
    return notes
