"""The budget-and-spend and ROI tables (`salesplan review --spend F`) in every review format: terminal
text, JSON, and export tables (Markdown and xlsx). Rendering only: the figures are
`salesplan.review.spend`'s."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from salesplan.export.words import MODULES
from salesplan.numbers import plain, to_decimal
from salesplan.rendering import plain_console
from salesplan.review.words import (
    BUDGET_KINDS,
    NO_BUDGET,
    NO_SPEND,
    OVER_BUDGET,
    ROI_HEADERS,
    ROI_TITLE,
    SPEND_HEADERS,
    SPEND_TITLE,
)

if TYPE_CHECKING:
    from salesplan.export.model import Table
    from salesplan.review.spend import BudgetLine, RoiLine, SpendReview

TENTH = Decimal("0.1")
DASH = "—"


def _money(value: Decimal | None) -> str:
    return DASH if value is None else plain(value)


def _rate(value: Fraction | None) -> str:
    return DASH if value is None else f"{to_decimal(value, TENTH)}%"


def roi_text(line: RoiLine, lang: str) -> str:
    """The ROI to 0.01 (`3.50`), or `— no spend` when the strategy spent nothing."""
    roi = line.roi
    return NO_SPEND.render(lang) if roi is None else str(to_decimal(roi))


def _item(line: BudgetLine, lang: str) -> str:
    if line.kind == "module":
        word = MODULES.get(line.ident)
        return word.render(lang) if word is not None else line.ident
    return f"{line.ident} {line.name}"


def budget_cells(line: BudgetLine, lang: str) -> tuple[str, ...]:
    flag = OVER_BUDGET.render(lang) if line.over else NO_BUDGET.render(lang) if line.budget is None else ""
    return (
        BUDGET_KINDS[line.kind].render(lang),
        _item(line, lang),
        _money(line.budget),
        plain(line.spent),
        _rate(line.use_rate),
        _money(line.remaining),
        flag,
    )


def roi_cells(line: RoiLine, lang: str) -> tuple[str, ...]:
    return (
        f"{line.strategy} {line.name}",
        str(to_decimal(line.revenue)),
        str(to_decimal(line.spent)),
        roi_text(line, lang),
    )


def render_text(spend: SpendReview, lang: str, width: int = 160, color: bool = False) -> str:
    """The terminal tables, after the review's own: over-budget lines marked (and red with colour)."""
    from rich.table import Table as RichTable

    console, buffer = plain_console(width, color=color)
    title = f"{SPEND_TITLE.render(lang)} · {spend.unit} · {spend.as_of.isoformat()}"
    table = RichTable(title=title)
    for head in SPEND_HEADERS:
        table.add_column(head.render(lang))
    for line in spend.lines:
        cells = list(budget_cells(line, lang))
        if line.over:
            cells[6] = "✖ " + cells[6]
        table.add_row(*cells, style="bold red" if color and line.over else None)
    console.print(table)
    if spend.roi:
        roi = RichTable(title=f"{ROI_TITLE.render(lang)} · {spend.unit}")
        for head in ROI_HEADERS:
            roi.add_column(head.render(lang))
        for item in spend.roi:
            roi.add_row(*roi_cells(item, lang))
        console.print(roi)
    console.print()
    return buffer.getvalue()


def spend_json(spend: SpendReview) -> dict[str, Any]:
    """Decimal strings, never floats: amounts as written, use rates to 0.1 (percent points), ROI to 0.01."""
    return {
        "unit": spend.unit,
        "budget": [
            {
                "kind": line.kind,
                "id": line.ident,
                "name": line.name,
                "budget": None if line.budget is None else plain(line.budget),
                "spent": plain(line.spent),
                "use_rate": None if line.use_rate is None else str(to_decimal(line.use_rate, TENTH)),
                "remaining": None if line.remaining is None else plain(line.remaining),
                "over_budget": line.over,
            }
            for line in spend.lines
        ],
        "roi": [
            {
                "strategy": item.strategy,
                "name": item.name,
                "revenue": str(to_decimal(item.revenue)),
                "spent": str(to_decimal(item.spent)),
                "roi": None if item.roi is None else str(to_decimal(item.roi)),
                "state": "no_spend" if item.roi is None else "measured",
            }
            for item in spend.roi
        ],
    }


def add_to_json(document: str, spend: SpendReview) -> str:
    """The review's JSON document with a `spend` object after its last key; its own keys as they are."""
    body = document.rstrip()
    assert body.endswith("}"), "the review's JSON is an object"
    text = json.dumps({"spend": spend_json(spend)}, ensure_ascii=False, indent=2)
    return body[:-1].rstrip() + ",\n" + text[2:-2] + "\n}\n"


def spend_tables(spend: SpendReview, lang: str) -> list[Table]:
    """The export tables (Markdown and xlsx sheets): budget lines, over-budget ones coloured; then ROI."""
    from salesplan.export.model import Column, LegendItem, Row, Table

    keys = ("kind", "item", "budget", "spent", "use_rate", "remaining", "flag")
    columns = tuple(
        Column(name, head.render(lang), wrap=name == "item") for name, head in zip(keys, SPEND_HEADERS, strict=True)
    )
    rows = [
        Row(budget_cells(line, lang), tones=(*([None] * 6), "at_risk" if line.over else None)) for line in spend.lines
    ]
    title = f"{SPEND_TITLE.render(lang)} ({spend.unit})"
    legend = (LegendItem("at_risk", OVER_BUDGET.render(lang)),)
    tables = [Table(name="spend", title=title, columns=columns, rows=rows, legend=legend)]
    if spend.roi:
        roi_keys = ("strategy", "revenue", "spent", "roi")
        roi_columns = tuple(
            Column(name, head.render(lang), wrap=name == "strategy")
            for name, head in zip(roi_keys, ROI_HEADERS, strict=True)
        )
        roi_rows = [Row(roi_cells(item, lang)) for item in spend.roi]
        roi_title = f"{ROI_TITLE.render(lang)} ({spend.unit})"
        tables.append(Table(name="roi", title=roi_title, columns=roi_columns, rows=roi_rows))
    return tables
