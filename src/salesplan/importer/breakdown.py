"""A target's breakdown rows read back: the value edits become explicit split values, checked by re-splitting.

A leaf's number is input; a row with parts below holds a `SUM` of them (derived). Rules, per target:

- A total left as a formula (or emptied) is the sum of its parts as read.
- A number typed over a total whose parts are unchanged is the edit of that part *at its level*:
  the levels below keep their methods and split the new value again (their old numbers are stale).
- A number typed over a total whose parts were edited too must equal their sum (else SP608).
- Every level where a value changed holds its new values explicitly (`method: explicit` with
  `values:`), the target's value becomes the new total, and the plan is split again: a changed
  or unchanged part the new split does not reproduce is SP609 (a level's held values apply to
  every node it splits, so a part that appears under several parents with different edits, or a
  leaf edit below a level split by a method, cannot be held).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Message, _
from salesplan.importer import cells
from salesplan.importer.edits import data_number, item
from salesplan.importer.result import Quoted
from salesplan.importer.sheet import MISSING, RowCells
from salesplan.numbers import plain
from salesplan.split.result import SplitNode, TargetSplit

Path = tuple[str, ...]


@dataclass
class TargetRows:
    """A split target's rows: the root's (path ()) and each part's, by its path of part ids."""

    split: TargetSplit
    rows: dict[Path, RowCells] = field(default_factory=dict)
    new: dict[Path, Decimal] = field(default_factory=dict)
    changed: set[Path] = field(default_factory=set)
    stale: set[Path] = field(default_factory=set)  # below a typed total: split again by the methods
    # a leaf's edit read from the cross-tab sheet: (value, its row there, its column key)
    overrides: dict[Path, tuple[Decimal, RowCells, str]] = field(default_factory=dict)
    failed: bool = False


def nodes(root: SplitNode) -> Iterator[tuple[Path, SplitNode]]:
    stack: list[tuple[Path, SplitNode]] = [((), root)]
    while stack:
        path, node = stack.pop()
        yield path, node
        stack.extend(((*path, child.part or ""), child) for child in reversed(node.children))


def _node_at(root: SplitNode, path: Path) -> SplitNode | None:
    node: SplitNode | None = root
    for part in path:
        node = next((c for c in node.children if (c.part or "") == part), None) if node else None
    return node


def read_values(target: TargetRows, unit: str) -> None:
    """Each part's new value (leaves read, totals summed or typed over, see the module doc)."""
    _visit(target, (), target.split.root, unit)


def _visit(target: TargetRows, path: Path, node: SplitNode, unit: str) -> Decimal | None:
    row = target.rows.get(path)
    if row is None:
        target.failed = True
        return None
    if not node.children:
        value = row.read("value", lambda v: cells.amount(v, unit))
        if value is MISSING:
            target.failed = True
            return None
        if value is None:
            row.diag(codes.IMPORT_BAD_VALUE, "value", _("a part of the breakdown needs its value"))
            target.failed = True
            return None
        assert isinstance(value, Decimal)
        if target.overrides:
            taken = overridden(target, path, value, node.value)
            if taken is None:
                target.failed = True
                return None
            value = taken
        target.new[path] = value
        if value != node.value:
            target.changed.add(path)
        return value
    kids = [_visit(target, (*path, child.part or ""), child, unit) for child in node.children]
    if any(k is None for k in kids):
        return None
    parts = sum((k for k in kids if k is not None), Decimal(0))
    parts_edited = any((*path, c.part or "") in target.changed for c in node.children)
    raw = row.raw("value")
    value = parts
    if raw is not None and not cells.is_formula(raw) and not (isinstance(raw, str) and not raw.strip()):
        typed = row.read("value", lambda v: cells.amount(v, unit))
        if typed is MISSING or typed is None:
            target.failed = True
            return None
        assert isinstance(typed, Decimal)
        if parts_edited and typed != parts:
            row.diag(
                codes.IMPORT_TOTAL,
                "value",
                _(
                    "a total typed over: {value} is not the sum of its parts ({sum})",
                    value=plain(typed),
                    sum=plain(parts),
                ),
                _("change the parts (the totals follow), or only the total"),
            )
            target.failed = True
            return None
        if not parts_edited and typed != node.value:
            value = typed
            target.stale.update((*path, *p) for p, _n in nodes(node) if p)
    target.new[path] = value
    if value != node.value:
        target.changed.add(path)
    return value


def cell_of(target: TargetRows, path: Path) -> tuple[RowCells, str]:
    """Where a part's value was typed: its cross-tab cell when the edit came from there, else its row."""
    override = target.overrides.get(path)
    return (override[1], override[2]) if override is not None else (target.rows[path], "value")


def held_levels(target: TargetRows) -> dict[int, dict[str, Decimal]] | None:
    """The held values of each level (depth from 1) where a value changed; None when a part holds two
    different values at one level (a diagnostic made)."""
    by_depth: dict[int, dict[str, tuple[Decimal, Path]]] = {}
    depths = {len(p) for p in target.changed if p and p not in target.stale}
    for path, _node in nodes(target.split.root):
        depth = len(path)
        if depth not in depths or path in target.stale:
            continue
        value = target.new[path]
        seen = by_depth.setdefault(depth, {}).get(path[-1])
        if seen is not None and seen[0] != value:
            # said at the edited row, with the value it holds there
            here, there = (path, seen[0]) if path in target.changed else (seen[1], value)
            row, column = cell_of(target, here)
            row.diag(
                codes.IMPORT_NOT_HELD,
                column,
                _(
                    "'{part}' holds {value} here and {other} under another part: a level's values hold "
                    "under every part it splits",
                    part=path[-1],
                    value=plain(target.new[here]),
                    other=plain(there),
                ),
                _("edit the total of the part above instead, or change the plan's split"),
            )
            return None
        by_depth[depth][path[-1]] = (value, path)
    return {depth: {part: v for part, (v, _p) in held.items()} for depth, held in by_depth.items()}


def apply(target: TargetRows, data: Any) -> bool:
    """Write the target's new value and held levels into the plan's data; whether anything changed."""
    if target.failed or not target.changed:
        return False
    entry = item(data, "targets", target.split.target_id)
    held = held_levels(target)
    if entry is None or held is None:
        target.failed = True
        return False
    if () in target.changed:
        entry["value"] = data_number(target.new[()])
    split = entry.get("split")
    for depth, values in held.items():
        if not isinstance(split, list) or depth - 1 >= len(split) or not isinstance(split[depth - 1], dict):
            continue
        level = split[depth - 1]
        kept = {k: v for k, v in level.items() if k in ("by", "label", "labels")}
        level.clear()
        level.update(kept)
        level["method"] = "explicit"
        level["values"] = {part: data_number(value) for part, value in values.items()}
    return True


def edited_row(target: TargetRows) -> RowCells:
    """The first row whose value the workbook changed (the target's row when only its total did)."""
    edited = [p for p in target.changed if p and p in target.rows and p not in target.stale] or [()]
    return min((target.rows[path] for path in edited), key=lambda r: r.row)


def verify(target: TargetRows, again: TargetSplit | None, failure: Diagnostic | None) -> None:
    """Every part not split again must come out of the new split as read; else SP609 at its row.

    When the target does not split at all, the split's own error is quoted (in the user's language)
    with its own hint (SP051's names `--allow-over-capacity`), at the first edited row."""
    if again is None:
        row = edited_row(target)
        hint: Message = _("keep the parts that the plan holds explicitly adding up to the total")
        if failure is not None and failure.hint:
            hint = Quoted("", en=failure.hint, zh=failure.hint_in("zh") or failure.hint)
        reason = Quoted.of(failure) if failure is not None else ""
        row.diag(
            codes.IMPORT_NOT_HELD, "value", _("the edited breakdown cannot be split: {reason}", reason=reason), hint
        )
        return
    for path, value in target.new.items():
        if path in target.stale:
            continue
        node = _node_at(again.root, path)
        if node is None or node.value != value:
            got = plain(node.value) if node is not None else "—"
            row, column = cell_of(target, path)
            row.diag(
                codes.IMPORT_NOT_HELD,
                column,
                _(
                    "the plan's split cannot hold this value: split again it gives {got}, not {value}",
                    got=got,
                    value=plain(value),
                ),
                _("edit the total of the part above instead (its parts are split again by their methods)"),
            )
            return


def overridden(target: TargetRows, path: Path, read: Decimal, old: Decimal) -> Decimal | None:
    """A leaf's value once its cross-tab cell is taken in; None (and SP608) when the two sheets disagree."""
    override = target.overrides.get(path)
    if override is None:
        return read
    value, row, column = override
    if read in (old, value):
        return value
    message = _("the cross-tab says {value}, the breakdown sheet {other}", value=plain(value), other=plain(read))
    row.diag(codes.IMPORT_TOTAL, column, message, _("edit one of the two sheets"))
    return None
