"""The renderers of a roll-up by name (`salesplan.rendering`'s interface): table, md, json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from salesplan.i18n import render
from salesplan.numbers import fixed
from salesplan.rendering import Renderers, RenderOptions, cell_width, pad
from salesplan.rollup.tree import Node, Rollup
from salesplan.rollup.units import convert
from salesplan.rollup.words import HEADERS, amount

_COLUMNS = ("item", "file", "value", "unit", "parts", "gap")


def _rows(node: Node, lang: str, depth: int = 0) -> Iterator[tuple[int, list[str]]]:
    parts = sum((convert(c.value, c.unit, node.unit) for c in node.children), Decimal(0))
    gap = node.gap
    yield (
        depth,
        [
            render(node.label, lang),
            node.file,
            amount(node.value),
            node.unit,
            amount(parts) if node.children else "",
            "" if gap is None or not gap else f"{gap:+,f}",
        ],
    )
    for child in node.children:
        yield from _rows(child, lang, depth + 1)


def render_table(rollup: Rollup, options: RenderOptions) -> str:
    lang = options.lang
    header = [render(HEADERS[c], lang) for c in _COLUMNS]
    rows = [["  " * d + cells[0], *cells[1:]] for root in rollup.roots for d, cells in _rows(root, lang)]
    widths = [max(cell_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    return "\n".join(lines) + "\n"


def render_md(rollup: Rollup, options: RenderOptions) -> str:
    lang = options.lang
    header = [render(HEADERS[c], lang) for c in _COLUMNS]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for root in rollup.roots:
        for depth, cells in _rows(root, lang):
            cells[0] = "&nbsp;&nbsp;" * depth + cells[0].replace("|", "\\|")
            out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _json(node: Node, lang: str) -> dict[str, Any]:
    return {
        "label": render(node.label, lang),
        "file": node.file or None,
        "target": node.target or None,
        "value": format(node.value, "f"),  # plain digits: a unit conversion shifts the exponent
        "unit": node.unit,
        "expected": fixed(node.expected),
        "children": [_json(c, lang) for c in node.children],
    }


def render_json(rollup: Rollup, options: RenderOptions) -> str:
    return json.dumps({"roots": [_json(r, options.lang) for r in rollup.roots]}, ensure_ascii=False, indent=2) + "\n"


RENDERERS: Renderers[Rollup] = Renderers({"table": render_table, "md": render_md, "json": render_json})
