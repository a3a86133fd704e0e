"""The terminal table of a split (销售目标拆解表): the hierarchy indented, subtotals, a total row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesplan.i18n import _, render
from salesplan.model.words import dimension
from salesplan.rendering import plain_console
from salesplan.split.commit import commitments
from salesplan.split.env import plain
from salesplan.split.result import Basis, SplitNode, TargetSplit

if TYPE_CHECKING:
    from rich.table import Table

_PART = _("Part")
_LEVEL = _("Level")
_BASIS = _("Basis")
_TOTAL = _("Total")
_COMMITMENTS = _("Commitments")
_GROWTH = _("YoY growth")


def _commitment_table(split: TargetSplit, lang: str) -> Table:
    """A target's committed parts: what the split allocates, what each commits to, and the gap."""
    from rich.table import Table

    table = Table(title=f"{split.target_id} · {_COMMITMENTS.render(lang)}", show_footer=False)
    table.add_column(_PART.render(lang))
    table.add_column(_("Allocation ({unit})", unit=split.unit).render(lang), justify="right")
    table.add_column(_("Commitment ({unit})", unit=split.unit).render(lang), justify="right")
    table.add_column(_("Gap ({unit})", unit=split.unit).render(lang), justify="right")
    found, _unknown = commitments(split, split.commit)
    for c in found:
        gap = plain(c.gap)
        table.add_row(c.part, plain(c.allocation), plain(c.commitment), f"+{gap}" if c.gap > 0 else gap)
    return table


def _name(node: SplitNode) -> str:
    part = node.part or ""
    return f"{node.label} ({part})" if node.label else part


def render_table(
    splits: list[TargetSplit],
    lang: str = "zh",
    depth: int | None = None,
    names: dict[str, str] | None = None,
    width: int = 120,
) -> str:
    """One table per target, as plain text."""
    from rich.table import Table

    lang = "zh" if lang == "zh" else "en"
    texts: dict[int, tuple[Basis, str]] = {}  # nodes share their Basis objects: each is worded once

    def basis_text(basis: Basis) -> str:
        known = texts.get(id(basis))
        if known is None:
            known = texts[id(basis)] = (basis, basis.text(lang))  # keeps `basis` alive: ids stay unique
        return known[1]

    levels = {level: render(dimension(level), lang) for split in splits for level in split.levels}
    console, buffer = plain_console(width)
    for split in splits:
        title = f"{split.target_id} {(names or {}).get(split.target_id) or ''}".strip()
        table = Table(title=f"{title} · {plain(split.value)}{split.unit}", show_footer=False)
        table.add_column(_PART.render(lang))
        table.add_column(_LEVEL.render(lang))
        table.add_column(_("Value ({unit})", unit=split.unit).render(lang), justify="right")
        table.add_column(_BASIS.render(lang))
        with_growth = split.comparable is not None
        if with_growth:  # 同比: only a target with a comparable history has the column
            table.add_column(_GROWTH.render(lang), justify="right")
        trail: list[tuple[str, str]] = []  # the (level, part) of the node's ancestors and its own
        for d, node in split.root.walk():
            if node.level is None or (depth is not None and d > depth):
                continue
            del trail[d - 1 :]
            trail.append((node.level, node.part or ""))
            level = levels.get(node.level) or render(dimension(node.level), lang)
            style = "bold" if node.children and (depth is None or d < depth) else None
            cells = ["  " * (d - 1) + _name(node), level, plain(node.value), basis_text(node.basis)]
            if with_growth:
                cells.append(split.growth(dict(trail), node.value) or "")
            table.add_row(*cells, style=style)
        table.add_section()
        total = [_TOTAL.render(lang), "", plain(split.root.value), basis_text(split.root.basis)]
        if with_growth:
            total.append(split.growth({}, split.root.value) or "")
        table.add_row(*total, style="bold")
        console.print(table)
        console.print()
        if split.commit:
            console.print(_commitment_table(split, lang))
            console.print()
    return buffer.getvalue()
