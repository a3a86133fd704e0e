"""The words `salesplan review` prints, once each: column and status words, the review table's headers.

Each is a `salesplan.i18n.Message` (English msgid, Chinese in the `review` catalog), rendered where
the language is known. The words salesplan *reads* in an actuals header are not here: they are
input vocabulary (`salesplan.review.headers.COLUMNS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from salesplan.i18n import Message, Text, _, pgettext

# a column of the actuals table that names a part of the plan, as a diagnostic names it
# ("unknown region 'mars'", 未知的区域 'mars')
COLUMN_WORDS: dict[str, Message] = {
    "target": _("target"),
    "region": _("region"),
    "product": _("product"),
    "rep": _("rep"),
    "account": _("account"),
    "channel": _("channel"),
    "strategy": _("strategy"),
    "task": _("task"),
}

# a node's status (`salesplan.review.engine.STATUSES`) as the table shows it
STATUS_WORDS: dict[str, Message] = {
    "ahead": _("ahead"),
    "on_track": _("on track"),
    "behind": _("behind"),
    "at_risk": _("at risk"),
}

# the review table's columns (terminal table, and the exported review sheet)
HEADERS: tuple[Message, ...] = (
    _("Target / part"),
    _("Level"),
    _("Target"),
    _("Actual to date"),
    _("Achievement"),
    _("Expected to date"),
    _("Pacing"),
    _("Gap"),
    _("Status"),
)


def listing(items: Sequence[Text]) -> Text:
    """`a, b, c` in English, `a、b、c` in Chinese; rendered in the language of the message holding it."""
    if not items:
        return ""
    first, *rest = items
    return _("{first}, {rest}", first=first, rest=listing(rest)) if rest else first


def series(items: Sequence[Text]) -> Text:
    """`a; b; c` in English, `a；b；c` in Chinese: a list of clauses."""
    if not items:
        return ""
    first, *rest = items
    return _("{first}; {rest}", first=first, rest=series(rest)) if rest else first


def alternatives(items: Sequence[Text]) -> Text:
    """`a, b, c` in English, `a、b 或 c` in Chinese: forms one of which is written."""
    if len(items) < 2:
        return listing(items)
    return _("{choices}, {last}", choices=listing(items[:-1]), last=items[-1])


# a task's state as of the review date (`salesplan.review.execution.STATES`)
TASK_STATE_WORDS: dict[str, Message] = {
    "done": pgettext("task state", "done"),
    "in_progress": pgettext("task state", "in progress"),
    "not_started": pgettext("task state", "not started"),
    "overdue": pgettext("task state", "overdue"),
    "at_risk": pgettext("task state", "at risk"),
    "cancelled": pgettext("task state", "cancelled"),
}

# a task's status as the plan or the progress file records it (`salesplan.model.plan.TaskStatus`)
TASK_STATUS_WORDS: dict[str, Message] = {
    "not_started": TASK_STATE_WORDS["not_started"],
    "in_progress": TASK_STATE_WORDS["in_progress"],
    "done": TASK_STATE_WORDS["done"],
    "delayed": pgettext("task status", "delayed"),
    "blocked": pgettext("task status", "blocked"),
    "cancelled": TASK_STATE_WORDS["cancelled"],
}

# the task progress table's title and columns (every review format)
TASK_TITLE = _("Task progress")
TASK_HEADERS: tuple[Message, ...] = (
    _("Task"),
    _("Owner"),
    _("Start"),
    _("End"),
    _("Status read"),
    _("Percent done"),
    _("State"),
    _("Days late"),
    _("Waiting on"),
)

# the spend table (`--spend`): its title, the kind of each budget line, its columns and its flag
SPEND_TITLE = _("Budget and spend")
BUDGET_KINDS: dict[str, Message] = {
    "strategy": COLUMN_WORDS["strategy"],
    "task": COLUMN_WORDS["task"],
    "module": _("module"),
}
SPEND_HEADERS: tuple[Message, ...] = (
    _("Kind"),
    _("Item"),
    _("Budget"),
    _("Spent"),
    _("Use rate"),
    _("Remaining"),
    _("Flag"),
)
OVER_BUDGET = _("over budget")
NO_BUDGET = _("no budget")

# the ROI table: revenue attributed to each strategy against what it spent
ROI_TITLE = _("Return on spend (ROI)")
ROI_HEADERS: tuple[Message, ...] = (_("Strategy"), _("Attributed revenue"), _("Spent"), _("ROI"))
NO_SPEND = _("— no spend")
