"""分解表: a target's breakdown as a cross-tab, the parts down (region → product → rep) and its time parts across.

Each split target (not a rate: its parts add up) gets one table. A row is a part of the non-time
levels, indented and outline-grouped by its depth; a column is a time part of the split's finest
time level, then 合计. A leaf row holds the plan's numbers; every parent row, the target's row and
the 合计 column are live SUMs, so they follow an edit and equal the plan after recalculation. A
target split by no time level has the 合计 column alone. The split by the first level is drawn as a
chart (a pie, or bars when the first level is time or a part is negative).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.breakdown import places
from salesplan.export.model import (
    Cell,
    Chart,
    ChartKind,
    ChartSeries,
    Column,
    NumberFormat,
    Quantity,
    Row,
    RowKind,
    RowStream,
    Table,
)
from salesplan.i18n import _
from salesplan.model.words import level_word
from salesplan.periods import TIME_KINDS

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target
    from salesplan.split.result import SplitNode, TargetSplit

PART_COLUMN, LEVEL_COLUMN, FIRST_TIME_COLUMN = 0, 1, 2


@dataclass
class _Part:
    """A row of the cross-tab: a part of the non-time levels, its numbers by time part, its sub-parts.
    A leaf part reads its numbers from the split nodes it stands for (`sources`, each with the time part
    above it), when its row is made: a million cells are not held a second time. A parent's `numbers`
    are its sub-parts' sums by column (see `_totals`)."""

    level: str | None
    label: str
    sources: list[tuple[SplitNode, str]] = field(default_factory=list)
    children: dict[str, _Part] = field(default_factory=dict)
    total: Decimal = Decimal(0)
    numbers: list[Decimal] = field(default_factory=list)


def _time_parts(split: TargetSplit) -> list[str]:
    """The parts of the finest time level, in the order the split made them."""
    finest = next((level for level in reversed(split.levels) if level in TIME_KINDS), None)
    if finest is None:
        return []
    seen: dict[str, None] = {}
    stack = [split.root]
    while stack:
        node = stack.pop()
        if node.level == finest and node.part:
            seen[node.part] = None
        stack.extend(reversed(node.children))
    return list(seen)


def _gather(split: TargetSplit, names: Mapping[str, str]) -> _Part:
    """The tree of non-time parts; a part of the finest non-time level (or a leaf above it) keeps the
    split nodes it stands for, whose leaves are filed under their time parts by `_values`."""
    finest = next((level for level in reversed(split.levels) if level not in TIME_KINDS), None)
    root = _Part(None, "")
    stack: list[tuple[SplitNode, _Part, str]] = [(split.root, root, "")]
    while stack:
        node, part, when = stack.pop()
        if node.level in TIME_KINDS:
            when = node.part or when
        elif node is not split.root:
            key = node.part or ""
            label = node.label or (names.get(key, key) if node.level == "rep" else key)
            part = part.children.setdefault(key, _Part(node.level, label))
        if not node.children or node.level == finest or (finest is None and node is split.root):
            part.sources.append((node, when))
        else:
            stack.extend((child, part, when) for child in reversed(node.children))
    return root


def _values(part: _Part) -> dict[str, Decimal]:
    """A leaf part's numbers by time part ('' when none): the leaves under its split nodes."""
    values: dict[str, Decimal] = {}
    for source, first in part.sources:
        stack = [(source, first)]
        while stack:
            node, when = stack.pop()
            if node.level in TIME_KINDS:
                when = node.part or when
            if node.children:
                stack.extend((child, when) for child in reversed(node.children))
            else:
                held = values.get(when)
                values[when] = node.value if held is None else held + node.value
    return values


def _totals(part: _Part, columns: list[str]) -> list[Decimal]:
    """Each parent's numbers by column (its sub-parts' sums) and every part's total, depth first;
    the part's numbers."""
    if part.children:
        kids = [_totals(child, columns) for child in part.children.values()]
        numbers = part.numbers = [sum((k[i] for k in kids), Decimal(0)) for i in range(len(columns))]
    else:
        values = _values(part)
        numbers = [values.get(t) or Decimal(0) for t in columns]
    part.total = sum(numbers, Decimal(0))
    return numbers


def _walk(root: _Part) -> Iterator[tuple[_Part, int, int]]:
    """Every part in pre-order with its depth and the position of its parent row (-1 for the root)."""
    stack: list[tuple[_Part, int, int]] = [(root, 0, -1)]
    position = -1
    while stack:
        part, depth, parent = stack.pop()
        position += 1
        yield part, depth, parent
        stack.extend((child, depth + 1, position) for child in reversed(part.children.values()))


def _row(part: _Part, depth: int, times: list[str], fmt: NumberFormat, lang: str) -> Row:
    """The part's row without `sums`: a leaf holds its numbers, a parent its sub-parts' sums."""
    own: list[Decimal | None]
    if part.children:
        own = list(part.numbers)
    else:
        values = _values(part)
        own = [values.get(t) for t in times or [""]]
    cells: list[Cell] = [part.label, level_word(part.level, lang) if part.level else None]
    if times:
        cells += [Quantity(v, fmt) if v is not None else None for v in own]
    cells.append(Quantity(part.total, fmt))
    kind: RowKind = "target" if depth == 0 else "group" if part.children else "data"
    return Row(tuple(cells), level=depth, kind=kind)


def crosstab_table(
    target: Target, split: TargetSplit, unit: str, names: Mapping[str, str], lang: str, *, stream: bool = False
) -> Table:
    """The target's breakdown as a cross-tab (see the module doc), with a chart of its first level.

    `stream`: the rows as a RowStream made while a renderer reads them, without `sums` (Markdown)."""
    times = _time_parts(split)
    fmt = NumberFormat(unit, places(target.value, split.granularity))
    root = _gather(split, names)
    root.label = f"{target.id} {target.name or target.metric or ''}".strip()
    _totals(root, times or [""])
    rows: list[Row] | RowStream
    if stream:
        count = sum(1 for _ in _walk(root))
        rows = RowStream(count, lambda: (_row(part, depth, times, fmt, lang) for part, depth, _ in _walk(root)))
    else:
        rows = []
        children: dict[int, list[int]] = {}
        for part, depth, parent in _walk(root):
            if parent >= 0:
                children.setdefault(parent, []).append(len(rows))
            rows.append(_row(part, depth, times, fmt, lang))
        for index, kids in children.items():
            rows[index].sums = tuple(kids)
    heads = words.headers("crosstab", lang)
    columns = (
        Column("part", heads[0], indent=True),
        Column("level", heads[1]),
        *(Column(f"t{t}", t) for t in times),
        Column("total", words.TOTAL.render(lang)),
    )
    last = len(columns) - 1
    return Table(
        name="crosstab",
        title=_("{target} by period", target=target.id).render(lang),
        columns=columns,
        rows=rows,
        sum_columns=tuple(range(FIRST_TIME_COLUMN, last)) if times else (last,),
        row_total=(FIRST_TIME_COLUMN, last - 1, last) if times else None,
        grid=True,
        filterable=False,
        charts=(_first_level_chart(split, root, unit, lang),),
    )


def _first_level_chart(split: TargetSplit, root: _Part, unit: str, lang: str) -> Chart:
    level = split.levels[0]
    title = _("{target} by {level}", target=split.target_id, level=level_word(level, lang)).render(lang)
    if level in TIME_KINDS:
        parts = [(c.part or "", c.value) for c in split.root.children]
    else:
        parts = [(p.label, p.total) for p in root.children.values()]
    values = tuple(v for _, v in parts)
    kind: ChartKind = "bar" if level in TIME_KINDS or any(v < 0 for v in values) else "pie"
    return Chart(kind, title, tuple(p for p, _ in parts), (ChartSeries(words.TOTAL.render(lang), values),), unit)


def crosstab_tables(plan: Plan, splits: Mapping[str, TargetSplit], lang: str, *, stream: bool = False) -> list[Table]:
    """A cross-tab of each split target whose parts add up (not a rate); `stream`: see `crosstab_table`."""
    names = {p.id: p.name or p.id for p in plan.team.people}
    tables: list[Table] = []
    for target in plan.targets:
        split = splits.get(target.id)
        unit = plan.target_unit(target)
        if split is None or not split.root.children or unit == "%":
            continue
        tables.append(crosstab_table(target, split, unit, names, lang, stream=stream))
    return tables
