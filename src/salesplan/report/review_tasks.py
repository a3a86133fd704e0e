"""The task progress table (任务进度) in every review format: terminal text, JSON, and an export table
(Markdown and xlsx). Rendering only: the states are `salesplan.review.execution`'s."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from salesplan.i18n import _
from salesplan.numbers import fixed
from salesplan.rendering import plain_console
from salesplan.review.execution import counts
from salesplan.review.words import TASK_HEADERS, TASK_STATE_WORDS, TASK_STATUS_WORDS, TASK_TITLE

if TYPE_CHECKING:
    from salesplan.export.model import Table
    from salesplan.review.execution import TaskProgress

# the states a reader must act on: highlighted in every format
TROUBLE = ("overdue", "at_risk")
_MARKS = {"overdue": "✖ ", "at_risk": "▼ ", "done": "✔ "}


def _cells(task: TaskProgress, lang: str) -> tuple[str, ...]:
    status = "" if task.status is None else TASK_STATUS_WORDS[task.status].render(lang)
    return (
        f"{task.task_id} {task.name}",
        task.owner or "",
        task.start.isoformat(),
        task.end.isoformat(),
        status,
        "" if task.percent is None else f"{format(task.percent, 'f')}%",
        TASK_STATE_WORDS[task.state].render(lang),
        str(task.late_days) if task.late_days else "",
        ", ".join(task.blocked_by),
    )


def summary(tasks: Sequence[TaskProgress], lang: str) -> str:
    """`done 2 · in progress 1 · ...`: how many tasks are in each state that has any."""
    return " · ".join(f"{TASK_STATE_WORDS[state].render(lang)} {n}" for state, n in counts(tasks).items() if n)


def render_text(tasks: Sequence[TaskProgress], as_of: dt.date, lang: str, width: int = 160, color: bool = False) -> str:
    """The terminal table, after the review's own tables; overdue and at-risk tasks are marked."""
    from rich.table import Table as RichTable

    console, buffer = plain_console(width, color=color)
    title = _("{title} · as of {day}", title=TASK_TITLE, day=as_of.isoformat()).render(lang)
    table = RichTable(title=title)
    for head in TASK_HEADERS:
        table.add_column(head.render(lang))
    for task in tasks:
        cells = list(_cells(task, lang))
        cells[6] = _MARKS.get(task.state, "") + cells[6]
        style = {"overdue": "bold red", "at_risk": "yellow"}.get(task.state) if color else None
        table.add_row(*cells, style=style)
    console.print(table)
    console.print(summary(tasks, lang) or _("no tasks").render(lang))
    console.print()
    return buffer.getvalue()


def task_json(task: TaskProgress) -> dict[str, Any]:
    return {
        "task": task.task_id,
        "name": task.name,
        "owner": task.owner,
        "start": task.start.isoformat(),
        "end": task.end.isoformat(),
        "status": task.status,
        "percent": fixed(task.percent),
        "state": task.state,
        "late_days": task.late_days,
        "blocked_by": list(task.blocked_by),
    }


def add_to_json(document: str, tasks: Sequence[TaskProgress]) -> str:
    """The review's JSON document with a `tasks` list (and `task_counts`) after its last key; the review's
    own keys are written as they are."""
    body = document.rstrip()
    assert body.endswith("}"), "the review's JSON is an object"
    extra = {"tasks": [task_json(t) for t in tasks], "task_counts": counts(tasks)}
    text = json.dumps(extra, ensure_ascii=False, indent=2)
    return body[:-1].rstrip() + ",\n" + text[2:-2] + "\n}\n"


def task_table(tasks: Sequence[TaskProgress], lang: str) -> Table:
    """The export table (Markdown and the xlsx sheet): one row per task, its state coloured."""
    from salesplan.export.model import Column, LegendItem, Row, Table

    keys = ("task", "owner", "start", "end", "status", "percent", "state", "late", "waiting")
    columns = tuple(
        Column(name, head.render(lang), wrap=name == "task") for name, head in zip(keys, TASK_HEADERS, strict=True)
    )
    tone = {"overdue": "at_risk", "at_risk": "behind", "done": "ahead"}
    rows = [Row(_cells(task, lang), tones=(*([None] * 6), tone.get(task.state), None, None)) for task in tasks]
    legend = (
        LegendItem("at_risk", TASK_STATE_WORDS["overdue"].render(lang)),
        LegendItem("behind", TASK_STATE_WORDS["at_risk"].render(lang)),
        LegendItem("ahead", TASK_STATE_WORDS["done"].render(lang)),
    )
    notes = (summary(tasks, lang),) if tasks else ()
    return Table(
        name="execution",
        title=TASK_TITLE.render(lang),
        columns=columns,
        rows=rows,
        legend=legend,
        notes=notes,
    )
