"""The roll-up as an Excel workbook: one table, parent → child plans → their parts, indented and foldable.

Built as export's renderer-neutral `Document` and written by the same xlsx writer as `salesplan
export`, so the workbook gets the same fonts, row heights, safe text and exact numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from salesplan.export.model import Cell, Column, Document, NumberFormat, Quantity, Row, Table
from salesplan.export.xlsx import render_xlsx
from salesplan.i18n import _, render
from salesplan.numbers import decimal_places
from salesplan.rendering import Renderers, RenderOptions
from salesplan.rollup.render import RENDERERS as TEXT_RENDERERS
from salesplan.rollup.tree import Node, Rollup
from salesplan.rollup.units import convert
from salesplan.rollup.words import HEADERS

TITLE = _("Roll-up of plans")


def _quantity(value: Decimal, unit: str) -> Quantity:
    return Quantity(value, NumberFormat(unit, min(decimal_places(value), 6)))


def _rows(node: Node, lang: str, depth: int = 0) -> Iterator[Row]:
    parts = sum((convert(c.value, c.unit, node.unit) for c in node.children), Decimal(0))
    gap = node.gap
    cells: tuple[Cell, ...] = (
        render(node.label, lang),
        node.file or None,
        _quantity(node.value, node.unit),
        _quantity(parts, node.unit) if node.children else None,
        _quantity(gap, node.unit) if gap else None,
    )
    yield Row(cells, level=depth, kind="group" if node.children else "data")
    for child in node.children:
        yield from _rows(child, lang, depth + 1)


def rollup_document(rollup: Rollup, lang: str) -> Document:
    """The roll-up's one table in `lang`; values in each row's own unit (shown by the number format),
    as the plan files give them."""
    columns = (
        Column("item", render(HEADERS["item"], lang), indent=True),
        Column("file", render(HEADERS["file"], lang), wrap=True),
        Column("value", render(HEADERS["value"], lang)),  # its number format shows the unit
        Column("parts", render(HEADERS["parts"], lang)),
        Column("gap", render(HEADERS["gap"], lang)),
    )
    rows = [row for root in rollup.roots for row in _rows(root, lang)]
    title = render(TITLE, lang)
    return Document(title=title, lang=lang, tables=[Table("breakdown", title, columns, rows)])


def render_rollup_xlsx(rollup: Rollup, options: RenderOptions) -> bytes:
    """The workbook's bytes (see the module docstring)."""
    return render_xlsx(rollup_document(rollup, options.lang))


# the roll-up's renderers by name: the engine's text formats, and the workbook
RENDERERS: Renderers[Rollup] = Renderers({**TEXT_RENDERERS.by_name, "xlsx": render_rollup_xlsx})
