"""The timeline: tasks on a calendar of weeks (filled where a task runs), and the same tasks for a Gantt chart."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.model import Cell, Column, GanttTask, LegendItem, Row, Table

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Strategy, Task

MAX_WEEKS = 260  # five years of weekly columns; a task beyond that is cut at the edge
NO_MODULE = "task"
_KEYS = ("task", "module", "owner", "start", "end", "status", "depends_on")


def weeks(first: dt.date, last: dt.date) -> list[dt.date]:
    """The Mondays of every week touching [first, last], at most MAX_WEEKS of them."""
    monday = first - dt.timedelta(days=first.weekday())
    out: list[dt.date] = []
    while monday <= last and len(out) < MAX_WEEKS:
        out.append(monday)
        monday += dt.timedelta(days=7)
    return out


def week_columns(mondays: list[dt.date]) -> tuple[Column, ...]:
    """A column per week, labelled by its Monday (`07-06`); on a timeline that crosses a year, the
    first week and each year's first week carry the year (`2027-01-04`)."""
    one_year = len({m.year for m in mondays}) <= 1
    columns: list[Column] = []
    for index, monday in enumerate(mondays):
        new_year = index == 0 or monday.year != mondays[index - 1].year
        label = monday.strftime("%Y-%m-%d" if new_year and not one_year else "%m-%d")
        columns.append(Column(f"w{monday.isoformat()}", label, week=monday))
    return tuple(columns)


def timeline_columns(lang: str, mondays: list[dt.date]) -> tuple[Column, ...]:
    heads = words.headers("timeline", lang)
    statuses = words.words(words.STATUSES, lang)
    fixed = tuple(
        Column(key, head, choices=statuses if key == "status" else (), indent=False)
        for key, head in zip(_KEYS, heads, strict=True)
    )
    return fixed + week_columns(mondays)


def _ordered(plan: Plan) -> list[tuple[Strategy | None, Task]]:
    order = {s.id: i for i, s in enumerate(plan.strategies)}
    strategies = {s.id: s for s in plan.strategies}
    tasks = sorted(plan.tasks, key=lambda t: (order.get(t.strategy or "", len(order)), t.start, t.end))
    return [(strategies.get(t.strategy or ""), t) for t in tasks]


def timeline_table(plan: Plan, lang: str) -> Table:
    """One row per task (by strategy, then start); each week it runs in is toned by its strategy module."""
    period = plan.plan.period
    first = min([period.start, *(t.start for t in plan.tasks)])
    last = max([period.end, *(t.end for t in plan.tasks)])
    mondays = weeks(first, last)
    names = {p.id: p.name or p.id for p in plan.team.people}
    task_names = {t.id: t.name for t in plan.tasks}
    ends = {t.id: t.end for t in plan.tasks}
    joiner = words.LIST_SEPARATOR.render(lang)
    rows: list[Row] = []
    gantt: list[GanttTask] = []
    modules: list[str] = []
    for strategy, task in _ordered(plan):
        tone = (strategy.module if strategy else None) or NO_MODULE
        if tone not in modules:
            modules.append(tone)
        module = words.word(words.MODULES, strategy.module, lang) if strategy and strategy.module else None
        depends = joiner.join(task_names.get(d, d) for d in task.depends_on) or None
        fixed: tuple[Cell, ...] = (
            task.name,
            module or (strategy.name if strategy else None),
            names.get(task.owner, task.owner) if task.owner else None,
            task.start,
            task.end,
            words.word(words.STATUSES, task.status, lang) if task.status else None,
            depends,
        )
        runs = [task.start <= m + dt.timedelta(days=6) and m <= task.end for m in mondays]
        tones = (None,) * len(fixed) + tuple(tone if on else None for on in runs)
        rows.append(Row(fixed + (None,) * len(mondays), tones=tones))
        section = strategy.name if strategy else words.NO_STRATEGY.render(lang)
        gantt.append(GanttTask(task.id, task.name, section, task.start, task.end, _after(task, ends)))
    legend = tuple(
        LegendItem(m, words.word(words.MODULES, m, lang) if m != NO_MODULE else words.SCHEDULED.render(lang))
        for m in modules
    )
    return Table(
        "timeline",
        words.title("timeline", lang),
        timeline_columns(lang, mondays),
        rows,
        legend=legend,
        gantt=tuple(gantt),
    )


def _after(task: Task, ends: dict[str, dt.date]) -> tuple[str, ...]:
    """The dependencies a chart may draw the task `after`: only when it starts the day after the last
    of them ends (mermaid starts an `after` task there), else the chart keeps the plan's own start
    date. A start strictly after every dependency's end also rules out a cycle of `after`s."""
    known = [d for d in task.depends_on if d in ends]
    if known and task.start == max(ends[d] for d in known) + dt.timedelta(days=1):
        return tuple(known)
    return ()
