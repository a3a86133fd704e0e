"""Every word the exported tables show, once each: a `salesplan.i18n.Message` of the export catalog.

Table titles and headers follow DOMAIN.md §7; they are rendered where the export's language is
known (`render(message, lang)`). The review sheet's headers and statuses are the review's words
(`salesplan.review.words`), a split's levels the model's (`salesplan.model.words.LEVELS`). A word
the plan writes as free text (a risk category, a strategy's own name) is shown as written when it
is not one of the known words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from salesplan.i18n import Message, _, pgettext, render
from salesplan.review.words import HEADERS as REVIEW_HEADERS

TITLES: Final[dict[str, Message]] = {
    "breakdown": _("Target setting and breakdown"),
    "execution": _("Strategy execution plan"),
    "risks": _("Risk assessment and response"),
    "heatmap": _("Risk heat map"),
    "timeline": _("Timeline (Gantt)"),
    "review": _("Target achievement review"),
    "alerts": _("Re-planning alerts"),
}

_OWNER = _("Owner")
_START, _END, _STATUS, _DEPENDS, _MODULE = (
    _("Start date"),
    _("End date"),
    _("Status"),
    _("Depends on"),
    _("Strategy module"),
)

HEADERS: Final[dict[str, tuple[Message, ...]]] = {
    "breakdown": (
        _("Dimension"),
        _("Key metric"),
        _("Target value"),
        _("Breakdown logic (by region/product/customer)"),
        _("Path to achievement"),
        pgettext("accountable for a target", "Owner"),
        _("Deadline"),
    ),
    "execution": (
        _MODULE,
        _("Measure/task"),
        _OWNER,
        _START,
        _END,
        _("Deliverable"),
        _("Resources/budget"),
        _("Departments"),
        _STATUS,
        _DEPENDS,
    ),
    "risks": (
        _("Category"),
        _("Description"),
        _("Probability"),
        _("Impact"),
        _("Risk level"),
        _("Response"),
        _OWNER,
        _("Early-warning signal"),
        _STATUS,
    ),
    "timeline": (_("Task"), _MODULE, _OWNER, _START, _END, _STATUS, _DEPENDS),
    "review": REVIEW_HEADERS,
    "alerts": (pgettext("alert column", "Target"), pgettext("alert column", "Part"), _("Alert"), _("Details")),
    "crosstab": (_("Breakdown part"), _("Level")),
}

# a target's dimension and kind
DIMENSIONS: Final[dict[str, Message]] = {
    "results": _("results"),
    "efficiency": _("efficiency"),
    "quality": _("quality"),
}
KINDS: Final[dict[str, Message]] = {"core": _("core"), "supporting": _("supporting")}

# strategy modules, in the order a drop-down offers them
MODULES: Final[dict[str, Message]] = {
    "product": _("product"),
    "price": _("price"),
    "channel": _("channel"),
    "promotion": _("promotion"),
    "customer": _("customer"),
    "incentive": _("incentive"),
}

# task statuses, in the order a drop-down offers them
STATUSES: Final[dict[str, Message]] = {
    "not_started": _("not started"),
    "in_progress": _("in progress"),
    "done": _("done"),
    "delayed": _("delayed"),
    "blocked": _("blocked"),
    "cancelled": _("cancelled"),
}

# a risk's status (the plan's `status:` of a risk), in the order a drop-down offers them
RISK_STATUSES: Final[dict[str, Message]] = {
    "open": pgettext("risk status", "open"),
    "watching": pgettext("risk status", "watching"),
    "fired": pgettext("risk status", "fired"),
    "closed": pgettext("risk status", "closed"),
}

# a risk's probability and impact as people say them, and its scored level
PROBABILITIES: Final[dict[str, Message]] = {"high": _("high"), "medium": _("medium"), "low": _("low")}
IMPACTS: Final[dict[str, Message]] = {"severe": _("severe"), "moderate": _("moderate"), "minor": _("minor")}
RISK_LEVELS: Final[dict[str, Message]] = {
    "low": _("low"),
    "medium": _("medium"),
    "high": _("high"),
    "critical": _("critical"),
}

# risk categories are free text in the plan: the known ones are translated, others shown as written
CATEGORIES: Final[dict[str, Message]] = {
    "market": _("market"),
    "competitor": _("competitor"),
    "execution": _("execution"),
    "team": _("team"),
    "resource": _("resource"),
    "policy": _("policy"),
}

TOTAL: Final = _("Total")
PLANNED: Final = _("Plan (cumulative)")
ACTUAL: Final = _("Actual (cumulative)")
NO_STRATEGY: Final = _("No strategy")
NOT_SPLIT: Final = pgettext("breakdown logic", "not split")
HEAT_CORNER: Final = _("Probability \\ Impact")
LEGEND: Final = _("Legend")
EXAMPLE: Final = _("Example")
ALLOWED: Final = _("Allowed values")
SCHEDULED: Final = _("scheduled")
# the separators of a list (`a, b` / `a、b`) and of a list of clauses (`a; b` / `a；b`)
LIST_SEPARATOR: Final = _("{first}, {rest}", first="", rest="")
CLAUSE_SEPARATOR: Final = _("{first}; {rest}", first="", rest="")


def word(table: Mapping[str, Message], key: str, lang: str) -> str:
    """The word for `key` in `table`; a key the table lacks (free text from the plan) is returned as written."""
    known = table.get(key)
    return known.render(lang) if known is not None else key


def words(table: Mapping[str, Message], lang: str) -> tuple[str, ...]:
    """Every word of `table`, in its order (the choices of a drop-down)."""
    return tuple(message.render(lang) for message in table.values())


def title(table: str, lang: str) -> str:
    return TITLES[table].render(lang)


def headers(table: str, lang: str) -> list[str]:
    return [message.render(lang) for message in HEADERS[table]]


def joined(items: Sequence[str], lang: str, separator: Message = LIST_SEPARATOR) -> str:
    """`items` as one list in `lang` (`a, b` in English, `a、b` in Chinese)."""
    return render(separator, lang).join(items)


def level_text(level: str, score: int, lang: str) -> str:
    """A scored risk level, `高（15）` / `high (15)`."""
    return _("{level} ({score})", level=RISK_LEVELS.get(level, level), score=score).render(lang)
