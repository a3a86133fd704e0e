"""The terminal table of a split (销售目标拆解表): the hierarchy indented, subtotals, a total row."""

from __future__ import annotations

import io

from salesplan.split.env import plain
from salesplan.split.result import SplitNode, TargetSplit

_HEADERS = {
    "zh": ("拆解项", "层级", "目标值", "拆解逻辑", "合计"),
    "en": ("Part", "Level", "Value", "Basis", "Total"),
}
_LEVELS_ZH = {"region": "区域", "product": "产品", "rep": "销售代表", "quarter": "季度", "month": "月", "week": "周"}


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
    from rich.console import Console
    from rich.table import Table

    part_h, level_h, value_h, basis_h, total_h = _HEADERS["zh" if lang == "zh" else "en"]
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False, markup=False)
    for split in splits:
        title = f"{split.target_id} {(names or {}).get(split.target_id) or ''}".strip()
        table = Table(title=f"{title} · {plain(split.value)}{split.unit}", show_footer=False)
        table.add_column(part_h)
        table.add_column(level_h)
        table.add_column(f"{value_h}（{split.unit}）" if lang == "zh" else f"{value_h} ({split.unit})", justify="right")
        table.add_column(basis_h)
        for d, node in split.root.walk():
            if node.level is None or (depth is not None and d > depth):
                continue
            level = _LEVELS_ZH.get(node.level, node.level) if lang == "zh" else node.level
            style = "bold" if node.children and (depth is None or d < depth) else None
            table.add_row("  " * (d - 1) + _name(node), level, plain(node.value), node.basis.text(lang), style=style)
        table.add_section()
        table.add_row(total_h, "", plain(split.root.value), split.root.basis.text(lang), style="bold")
        console.print(table)
        console.print()
    return buffer.getvalue()
