"""Plan text made safe for Markdown and mermaid: table cells keep their columns, nothing becomes markup."""

from __future__ import annotations

import re

from salesplan.export.model import Cell, Quantity
from salesplan.markup import md_escape as md_escape
from salesplan.markup import xml_safe


def quantity_text(value: Quantity) -> str:
    """`1,234.5万元`, `18%`: thousands separators and the plan's unit as written."""
    fmt = value.fmt
    if fmt.is_percent:
        return f"{value.value:.{fmt.places}f}%"
    return f"{value.value:,.{fmt.places}f}{fmt.unit}"


def cell_text(value: Cell) -> str:
    """A typed value as escaped Markdown text."""
    if value is None:
        return ""
    if isinstance(value, Quantity):
        return md_escape(quantity_text(value))
    if isinstance(value, str):
        return md_escape(value)
    return value.isoformat()


# mermaid: words that start a statement in a gantt block, and characters that end a task's name
_MERMAID_KEYWORDS = re.compile(
    r"^(gantt|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|inclusiveenddates"
    r"|topaxis|weekday|weekend|click|call|href|acctitle|accdescr|displaymode)\b",
    re.IGNORECASE,
)
_MERMAID_UNSAFE = re.compile(r"[:;#%`{}<>&\"\\\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_MERMAID_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_]")
_MERMAID_RESERVED_IDS = {"after", "done", "active", "crit", "milestone", "until", "vert", "click", "call", "href"}


def mermaid_text(text: object) -> str:
    """A title, section or task name that cannot end its line, open a directive or leave the code block."""
    clean = " ".join(_MERMAID_UNSAFE.sub(" ", xml_safe(str(text))).split())
    return f"· {clean}" if _MERMAID_KEYWORDS.match(clean) else clean


def mermaid_ids(ids: list[str]) -> dict[str, str]:
    """Plan ids -> unique mermaid task ids ([A-Za-z][A-Za-z0-9_]*, never a keyword)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for original in ids:
        base = re.sub("_+", "_", _MERMAID_ID_UNSAFE.sub("_", original)).strip("_")
        if not base[:1].isalpha() or base.lower() in _MERMAID_RESERVED_IDS:
            base = f"t_{base}"
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}_{n}"
        used.add(candidate)
        out[original] = candidate
    return out
