"""分解表: a target's breakdown as a cross-tab, the parts down (region → product → rep) and its time parts across.

Each split target (not a rate: its parts add up) gets one table. A row is a part of the non-time
levels, indented and outline-grouped by its depth; a column is a time part of the split's finest
time level, then 合计. A leaf row holds the plan's numbers; every parent row, the target's row and
the 合计 column are live SUMs, so they follow an edit and equal the plan after recalculation. A
target split by no time level has the 合计 column alone. The split by the first level is drawn as a
chart (a pie, or bars when the first level is time or a part is negative).
"""

from __future__ import annotations

from collections.abc import Mapping
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
    """A row of the cross-tab: a part of the non-time levels, its numbers by time part, its sub-parts."""

    level: str | None
    label: str
    values: dict[str, Decimal] = field(default_factory=dict)
    children: dict[str, _Part] = field(default_factory=dict)
    total: Decimal = Decimal(0)


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
    """The tree of non-time parts, each leaf's value filed under its time part ('' when none)."""
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
        if not node.children:
            part.values[when] = part.values.get(when, Decimal(0)) + node.value
        stack.extend((child, part, when) for child in reversed(node.children))
    return root


def _rows(part: _Part, depth: int, times: list[str], fmt: NumberFormat, rows: list[Row], lang: str) -> list[Decimal]:
    """Append the part's row and its sub-parts' rows (pre-order); its numbers by time part."""
    index = len(rows)
    rows.append(Row(()))
    kids = [(len(rows), _rows(child, depth + 1, times, fmt, rows, lang)) for child in part.children.values()]
    columns = times or [""]
    if kids:
        numbers = [sum((k[1][i] for k in kids), Decimal(0)) for i in range(len(columns))]
        own: list[Decimal | None] = list(numbers)
    else:
        own = [part.values.get(t) for t in columns]
        numbers = [v or Decimal(0) for v in own]
    total = sum(numbers, Decimal(0))
    cells: list[Cell] = [part.label, level_word(part.level, lang) if part.level else None]
    if times:
        cells += [Quantity(v, fmt) if v is not None else None for v in own]
    cells.append(Quantity(total, fmt))
    kind: RowKind = "target" if depth == 0 else "group" if kids else "data"
    rows[index] = Row(tuple(cells), level=depth, kind=kind, sums=tuple(k[0] for k in kids))
    part.total = total
    return numbers


def crosstab_table(target: Target, split: TargetSplit, unit: str, names: Mapping[str, str], lang: str) -> Table:
    """The target's breakdown as a cross-tab (see the module doc), with a chart of its first level."""
    times = _time_parts(split)
    fmt = NumberFormat(unit, places(target.value, split.granularity))
    root = _gather(split, names)
    root.label = f"{target.id} {target.name or target.metric or ''}".strip()
    rows: list[Row] = []
    _rows(root, 0, times, fmt, rows, lang)
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


def crosstab_tables(plan: Plan, splits: Mapping[str, TargetSplit], lang: str) -> list[Table]:
    """A cross-tab of each split target whose parts add up (not a rate)."""
    names = {p.id: p.name or p.id for p in plan.team.people}
    tables: list[Table] = []
    for target in plan.targets:
        split = splits.get(target.id)
        unit = plan.target_unit(target)
        if split is None or not split.root.children or unit == "%":
            continue
        tables.append(crosstab_table(target, split, unit, names, lang))
    return tables
