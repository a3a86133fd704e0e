"""The names of what a plan holds, one `Message` each: for the loader's and the checks' messages."""

from __future__ import annotations

from salesplan.i18n import Message, _

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
