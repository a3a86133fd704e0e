"""销售目标设定与拆解表: each target, then its split hierarchy, each part saying how it was reached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.model import Cell, Column, NumberFormat, Quantity, Row, RowStream, Table
from salesplan.i18n import _
from salesplan.model.words import level_word
from salesplan.periods import part_of_id

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target
    from salesplan.split.result import Basis, SplitNode, TargetSplit

_MAX_PLACES = 6
VALUE_COLUMN = 2


def places(*numbers: Decimal | None) -> int:
    """Decimal places needed to show every number exactly (capped)."""
    best = 0
    for number in numbers:
        if number is not None and number.is_finite():
            exponent = number.normalize().as_tuple().exponent
            if isinstance(exponent, int):
                best = max(best, -exponent)
    return min(best, _MAX_PLACES)


def period_end(part: str | None) -> dt.date | None:
    """The last day of a time part (2026-07, 2026-Q3, 2026-W28); None for other parts."""
    found = part_of_id(part) if part else None
    return found[2] if found else None


def logic_text(levels: Sequence[str], lang: str) -> str:
    """How a target was split: `by region → product`, 按区域 → 产品."""
    return _("by {levels}", levels=" → ".join(level_word(level, lang) for level in levels)).render(lang)


def dimension_text(dimension: str | None, kind: str | None, lang: str) -> str:
    """A target's dimension and kind, `业绩 · 核心目标`."""
    parts = (
        words.word(words.DIMENSIONS, dimension, lang) if dimension else None,
        words.word(words.KINDS, kind, lang) if kind else None,
    )
    return " · ".join(part for part in parts if part)


class _Builder:
    def __init__(self, plan: Plan, lang: str) -> None:
        self.plan = plan
        self.lang = lang
        self.names = {p.id: p.name or p.id for p in plan.team.people}
        # who answers for a part: a rep is their own; an account or a channel has its `owner:`
        self.owners: dict[str, dict[str, str]] = {
            "account": {a.id: a.owner for a in plan.team.accounts if a.owner},
            "channel": {c.id: c.owner for c in plan.team.channels if c.owner},
        }
        self._basis: dict[Basis, str] = {}
        self._levels: dict[str | None, str] = {}
        self._ends: dict[str | None, dt.date | None] = {}

    def person(self, person_id: str | None) -> str | None:
        return self.names.get(person_id, person_id) if person_id else None

    def owner(self, node: SplitNode) -> str | None:
        """The 责任人 of a part: the rep, or the owner of an account or a channel (none for other parts)."""
        if node.level == "rep":
            return self.person(node.part)
        owners = self.owners.get(node.level or "")
        return self.person(owners.get(node.part or "")) if owners else None

    def basis_text(self, basis: Basis) -> str:
        text = self._basis.get(basis)
        if text is None:
            text = self._basis[basis] = basis.text(self.lang)
        return text

    def level(self, level: str | None) -> str:
        text = self._levels.get(level)
        if text is None:
            text = self._levels[level] = level_word(level, self.lang)
        return text

    def period_end(self, part: str | None) -> dt.date | None:
        if part not in self._ends:
            self._ends[part] = period_end(part)
        return self._ends[part]

    def rows(self, target: Target, split: TargetSplit | None) -> Iterator[tuple[Row, int]]:
        """The target's row, then its split hierarchy depth first; each row with the offset of the row
        whose value it is a part of (-1 for the target's row), counted from the target's row."""
        unit = self.plan.target_unit(target)
        granularity = split.granularity if split else None
        fmt = NumberFormat(unit, places(target.value, granularity))
        lang = self.lang
        dimension = dimension_text(target.dimension, target.kind, lang)
        metric = target.name or target.metric or target.id
        if split and split.root.children:
            logic, value = logic_text(split.levels, lang), split.root.value
        else:
            logic, value = words.NOT_SPLIT.render(lang), target.value
        if split is not None:
            logic = self.with_growth(logic, split.growth({}, value))
        cells: tuple[Cell, ...] = (
            dimension,
            metric,
            Quantity(value, fmt),
            logic,
            target.path,
            self.person(target.owner),
            target.deadline,
        )
        yield Row(cells, level=0, kind="target"), -1
        if split and split.root.children:
            yield from self._nodes(split, fmt)

    def with_growth(self, logic: str, growth: str | None) -> str:
        """拆解逻辑 and, where the part has a comparable history, its 同比: `按历史占比 60.0%；同比 +20.0%`."""
        return logic if growth is None else _("{logic}; YoY {growth}", logic=logic, growth=growth).render(self.lang)

    def _nodes(self, split: TargetSplit, fmt: NumberFormat) -> Iterator[tuple[Row, int]]:
        growth = split.comparable is not None  # coordinates are followed only to look the history up
        stack: list[tuple[SplitNode, int, int, dt.date | None, dict[str, str]]] = [
            (child, 1, 0, None, {}) for child in reversed(split.root.children)
        ]
        offset = 0
        while stack:
            node, depth, parent, due, coords = stack.pop()
            offset += 1
            due = self.period_end(node.part) or due
            label = node.label or (self.person(node.part) if node.level == "rep" else node.part) or ""
            owner = self.owner(node)
            logic = self.basis_text(node.basis)
            if growth:
                coords = {**coords, node.level or "": node.part or ""}
                logic = self.with_growth(logic, split.growth(coords, node.value))
            cells = (self.level(node.level), label, Quantity(node.value, fmt), logic)
            yield Row((*cells, None, owner, due), level=depth), parent
            if node.children:
                stack.extend((child, depth + 1, offset, due, coords) for child in reversed(node.children))


def _count(split: TargetSplit | None) -> int:
    """Rows of a target in the breakdown: its own and one per node under the root."""
    if split is None or not split.root.children:
        return 1
    count, stack = 1, list(split.root.children)
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(node.children)
    return count


def breakdown_table(plan: Plan, splits: Mapping[str, TargetSplit], lang: str, *, stream: bool = False) -> Table:
    """One row per target and, under it, its split hierarchy; parents total their children (`sums`).

    `stream`: the rows as a RowStream, made while a renderer reads them and without `sums` (for
    Markdown: a breakdown of a million nodes is never held as rows)."""
    builder = _Builder(plan, lang)
    pairs = [(target, splits.get(target.id)) for target in plan.targets]
    rows: list[Row] | RowStream
    if stream:

        def make() -> Iterator[Row]:
            for target, split in pairs:
                for row, _parent in builder.rows(target, split):
                    yield row

        rows = RowStream(sum(_count(split) for _target, split in pairs), make)
    else:
        rows = []
        for target, split in pairs:
            first = len(rows)
            children: dict[int, list[int]] = {}
            for row, parent in builder.rows(target, split):
                if parent >= 0:
                    children.setdefault(first + parent, []).append(len(rows))
                rows.append(row)
            for index, kids in children.items():
                rows[index].sums = tuple(kids)
    return Table(
        name="breakdown",
        title=words.title("breakdown", lang),
        columns=breakdown_columns(lang),
        rows=rows,
        sum_column=VALUE_COLUMN,
        grid=True,
    )


def breakdown_columns(lang: str) -> tuple[Column, ...]:
    keys = ("dimension", "metric", "value", "logic", "path", "owner", "deadline")
    heads = words.headers("breakdown", lang)
    return tuple(
        Column(key, head, indent=key == "metric", wrap=key == "path") for key, head in zip(keys, heads, strict=True)
    )
