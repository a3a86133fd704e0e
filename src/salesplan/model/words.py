"""The names of what a plan holds, one `Message` each: for the loader's and the checks' messages."""

from __future__ import annotations

import re

from salesplan.i18n import Message, _, pgettext

# the kinds of item a plan lists (the noun a message about one of them uses)
KIND: dict[str, Message] = {
    "person": _("person"),
    "region": _("region"),
    "product": _("product"),
    "strategy": _("strategy"),
    "task": _("task"),
    "account": _("account"),
    "target": _("target"),
    "risk": _("risk"),
}
# the two scales of a risk
PROBABILITY = _("probability")
IMPACT = _("impact")

# the levels a target is split by, as a table's level column and a split's logic name them
LEVELS: dict[str, Message] = {
    "region": _("region"),
    "product": _("product"),
    "rep": _("rep"),
    "quarter": _("quarter"),
    "month": pgettext("split level", "month"),
    "week": _("week"),
    "account": _("account"),
}


def level_word(level: str | None, lang: str) -> str:
    """`region` -> 区域; a combined level (`region×product`) word by word; a level without a word
    (`ipf`, free text) as written."""
    if not level:
        return ""
    return re.sub(r"[A-Za-z_]+", lambda m: LEVELS[m[0]].render(lang) if m[0] in LEVELS else m[0], level)
