"""Renderers of a capacity plan by name (`RENDERERS`, `salesplan.rendering`'s interface): table (terminal), md, json."""

from __future__ import annotations

import json
from fractions import Fraction

from salesplan.capacity.engine import ALL, CapacityPlan
from salesplan.i18n import _
from salesplan.markup import md_escape
from salesplan.numbers import plain, to_decimal
from salesplan.rendering import Renderers, RenderOptions, plain_console

_REGION = _("Region")
_PART = _("Part")
_ALL_REGIONS = _("all regions")
_HEAD = (_("Target"), _("Capacity"), _("Gap"))
_HIRE_HEAD = (
    _("Gap in the period"),
    _("Parts' shortfall"),
    _("Average rep capacity"),
    _("Hires"),
    _("Latest start"),
    _("One hire carries"),
)


def number(value: Fraction | None) -> str:
    """A value shown to the cent (half up), without trailing zeros; empty for none."""
    return "" if value is None else plain(to_decimal(value))


def _region(region: str, lang: str) -> str:
    return _ALL_REGIONS.render(lang) if region == ALL else region


def _title(plan: CapacityPlan, lang: str) -> str:
    return _("Capacity of target {target} ({unit})", target=plan.target_id, unit=plan.unit).render(lang)


def _hiring_title(lang: str) -> str:
    return _("Hiring plan (reps of average capacity, at the team's ramp)").render(lang)


def _rows(plan: CapacityPlan, lang: str) -> tuple[list[str], list[list[str]], list[str], list[list[str]]]:
    head = [_REGION.render(lang), _PART.render(lang), *(h.render(lang) for h in _HEAD)]
    rows = [[_region(c.region, lang), c.part, number(c.target), number(c.capacity), number(c.gap)] for c in plan.cells]
    hire_head = [_REGION.render(lang), *(h.render(lang) for h in _HIRE_HEAD)]
    hires = [
        [
            _region(h.region, lang),
            number(h.gap),
            number(h.shortfall),
            number(h.average),
            str(h.reps),
            h.start or "",
            number(h.carries),
        ]
        for h in plan.hiring
    ]
    return head, rows, hire_head, hires


def render_table(plan: CapacityPlan, options: RenderOptions) -> str:
    """Two plain-text tables: target, capacity and gap by region and part; the hiring plan."""
    lang = options.lang
    from rich.table import Table

    head, rows, hire_head, hires = _rows(plan, lang)
    console, buffer = plain_console(options.width)
    tables = ((_title(plan, lang), head, rows, 2), (_hiring_title(lang), hire_head, hires, 1))
    for title, columns, body, labels in tables:
        table = Table(title=title)
        for index, column in enumerate(columns):
            table.add_column(column, justify="left" if index < labels else "right")
        for row in body:
            table.add_row(*row)
        console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _md_table(columns: list[str], body: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md_escape(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines.extend("| " + " | ".join(md_escape(c) for c in row) + " |" for row in body)
    return lines


def render_md(plan: CapacityPlan, options: RenderOptions) -> str:
    """The two tables in Markdown."""
    lang = options.lang
    head, rows, hire_head, hires = _rows(plan, lang)
    lines = [f"## {md_escape(_title(plan, lang))}", "", *_md_table(head, rows), ""]
    lines += [f"## {md_escape(_hiring_title(lang))}", "", *_md_table(hire_head, hires)]
    return "\n".join(lines) + "\n"


def render_json(plan: CapacityPlan, options: RenderOptions) -> str:
    """The plan as JSON (numbers as strings to the cent, so none is read as a float)."""
    data = {
        "target": plan.target_id,
        "unit": plan.unit,
        "by": plan.by,
        "cells": [
            {
                "region": c.region or None,
                "part": c.part,
                "target": number(c.target),
                "capacity": number(c.capacity),
                "gap": number(c.gap),
            }
            for c in plan.cells
        ],
        "hiring": [
            {
                "region": h.region or None,
                "gap": number(h.gap),
                "shortfall": number(h.shortfall),
                "average_capacity": number(h.average) or None,
                "hires": h.reps,
                "latest_start": h.start,
                "one_hire_carries": number(h.carries) or None,
            }
            for h in plan.hiring
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS: Renderers[CapacityPlan] = Renderers({"table": render_table, "md": render_md, "json": render_json})
