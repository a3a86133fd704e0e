"""The names of what a plan holds, one `Message` each: for the loader's and the checks' messages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from salesplan.i18n import DEFAULT, Message, Text, _, pgettext

# the kinds of item a plan lists (the noun a message about one of them uses)
KIND: dict[str, Message] = {
    "person": _("person"),
    "region": _("region"),
    "product": _("product"),
    "strategy": _("strategy"),
    "task": _("task"),
    "account": _("account"),
    "channel": _("channel"),
    "tier": _("tier"),
    "target": _("target"),
    "risk": _("risk"),
}
# the two scales of a risk
PROBABILITY = _("probability")
IMPACT = _("impact")

# the dimensions a target is split by, as the split engine's, a diff's and a review's messages name
# them ("按月拆解" / "by month"); a level not named here (`ipf`) is shown as it is
DIMENSIONS: dict[str, Message] = {
    "region": KIND["region"],
    "product": KIND["product"],
    "rep": _("rep"),
    "channel": KIND["channel"],
    "account": KIND["account"],
    "tier": KIND["tier"],
    "quarter": _("quarter"),
    "month": _("month"),
    "week": _("week"),
}
# the levels a target is split by, as a table's level column and a split's logic name them: the
# dimensions, with the month 月份 (not 月)
LEVELS: dict[str, Message] = {
    **DIMENSIONS,
    "month": pgettext("split level", "month"),
}


def dimension(dim: str) -> Text:
    """The name of dimension `dim` (a word of any language), or `dim` itself when it has none (`ipf`)."""
    return DIMENSIONS.get(dim, dim)


def level_word(level: str | None, lang: str) -> str:
    """`region` -> 区域; a combined level (`region×product`) word by word; a level without a word
    (`ipf`, free text) as written."""
    if not level:
        return ""
    return re.sub(r"[A-Za-z_]+", lambda m: LEVELS[m[0]].render(lang) if m[0] in LEVELS else m[0], level)


def listing(items: Sequence[Text]) -> Text:
    """`a, b, c` in English, `a、b、c` in Chinese: the plan's own tokens listed in a message."""
    joined: Text = items[0] if items else ""
    for item in items[1:]:
        joined = _("{choices}, {choice}", choices=joined, choice=item)
    return joined


def alternatives(items: Sequence[Text]) -> Text:
    """`a, b or c` in English, `a、b 或 c` in Chinese: the values one of which is written."""
    if len(items) < 2:
        return listing(items)
    return _("{choices} or {choice}", choices=listing(items[:-1]), choice=items[-1])


@dataclass(frozen=True)
class Character(Message):
    """A character a message names: by Unicode's own name in English (`NO-BREAK SPACE`), by its code
    point (`U+00A0`) in any other language, where that English name would be the one foreign phrase."""

    name: str = ""

    def render(self, lang: str = DEFAULT) -> str:
        return self.name if lang == "en" and self.name else self.msgid


def character(char: str) -> Character:
    """`char` named for a message (`Character`)."""
    code = f"U+{ord(char):04X}"
    return Character(code, name=unicodedata.name(char, code))
