"""The split engine's words, one `Message` each: the names of its dimensions (levels).

Shown in the split table's level column and inside the engine's messages ("按月拆解" / "by month").
"""

from __future__ import annotations

from salesplan.i18n import Message, Text, _

DIMENSION: dict[str, Message] = {
    "region": _("region"),
    "product": _("product"),
    "rep": _("rep"),
    "quarter": _("quarter"),
    "month": _("month"),
    "week": _("week"),
}


def dimension(dim: str) -> Text:
    """The name of dimension `dim` (a word of any language), or `dim` itself when it has none (`ipf`)."""
    return DIMENSION.get(dim, dim)
