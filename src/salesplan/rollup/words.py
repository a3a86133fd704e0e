"""The words of the roll-up check and of `salesplan rollup`, one `Message` each (catalog `rollup`)."""

from __future__ import annotations

from decimal import Decimal

from salesplan.i18n import Message, Text, _
from salesplan.model.words import dimension
from salesplan.numbers import trimmed
from salesplan.rollup.facts import Part

WHOLE = _("the whole target")
NO_CHILD = _("no child plan")
HEADERS = {
    "item": _("Plan / part"),
    "file": _("File"),
    "value": _("Value"),
    "unit": _("Unit"),
    "parts": _("Sum of parts"),
    "gap": _("Gap"),
}


def amount(value: Decimal) -> str:
    """An exact amount as shown: thousands separated, no trailing zeros (1,234.5)."""
    return f"{trimmed(value):,f}"


def part_text(part: Part) -> Text:
    """`region east, product device` in the language it is rendered in; the whole target for no part."""
    if not part:
        return WHOLE
    text: Text = _("{dim} {part}", dim=dimension(part[-1][0]), part=part[-1][1])
    for dim, name in reversed(part[:-1]):
        text = _("{first}, {rest}", first=_("{dim} {part}", dim=dimension(dim), part=name), rest=text)
    return text


def gap_text(child: Decimal, parent: Decimal, unit: str) -> Message:
    gap = child - parent
    if gap < 0:
        return _("{amount} {unit} short", amount=amount(-gap), unit=unit)
    return _("{amount} {unit} over", amount=amount(gap), unit=unit)
