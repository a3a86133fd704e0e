"""Execution as of a date (执行): the state of every task of the plan, from its dates, its recorded
status and the latest progress report on or before that date.

A task is in exactly one state:

- `done` (已完成): its status is `done`, or its reported percent is 100;
- `cancelled` (已取消): its status is `cancelled` (it is neither late nor at risk);
- `overdue` (滞后): not done and the date is past its end;
- `at_risk` (有风险): not done, not past its end, and a task it depends on is overdue or itself at
  risk (so a late task puts every task after it at risk), or its status is `delayed` or `blocked`;
- `in_progress` (进行中): its status is `in_progress`, its percent is above 0, or, with no status
  recorded, the date is inside its start and end;
- `not_started` (未开始): the rest (status `not_started`, or no status before its start).

A progress report (`ProgressRow`) of a later day replaces an earlier one; reports dated after the
review date are not read. The plan file's own `status` counts as a report of no date: any dated
report replaces it. Pure functions: no files, no printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Task

TaskState = Literal["done", "in_progress", "not_started", "overdue", "at_risk", "cancelled"]
STATES: tuple[TaskState, ...] = ("done", "in_progress", "not_started", "overdue", "at_risk", "cancelled")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ProgressRow:
    """One line of a progress report: a task's status and/or percent done, as of a day (None: undated)."""

    task: str
    status: str | None = None
    percent: Decimal | None = None
    day: dt.date | None = None


@dataclass(frozen=True)
class TaskProgress:
    """A task's state as of the review date; `late_days` counts the days past its end (0 when not overdue);
    `blocked_by` names the dependencies that are overdue or at risk."""

    task_id: str
    name: str
    owner: str | None
    start: dt.date
    end: dt.date
    status: str | None  # the status read (report or plan), as written
    percent: Decimal | None
    state: TaskState
    late_days: int = 0
    blocked_by: tuple[str, ...] = ()


def latest(rows: Iterable[ProgressRow], as_of: dt.date) -> dict[str, ProgressRow]:
    """Each task's report that counts as of `as_of`: the latest dated on or before it (an undated one only
    when the task has no dated one; a status or percent left empty keeps the earlier report's)."""
    best: dict[str, ProgressRow] = {}
    for row in sorted((r for r in rows if r.day is None or r.day <= as_of), key=lambda r: r.day or dt.date.min):
        before = best.get(row.task)
        if before is None:
            best[row.task] = row
        else:
            best[row.task] = ProgressRow(
                row.task,
                row.status if row.status is not None else before.status,
                row.percent if row.percent is not None else before.percent,
                row.day,
            )
    return best


def _own_state(task: Task, status: str | None, percent: Decimal | None, as_of: dt.date) -> TaskState:
    """The state a task has from its own dates, status and percent (dependencies are looked at after)."""
    if status == "done" or (percent is not None and percent >= HUNDRED):
        return "done"
    if status == "cancelled":
        return "cancelled"
    if as_of > task.end:
        return "overdue"
    if status in ("delayed", "blocked"):
        return "at_risk"
    if status == "in_progress" or (percent is not None and percent > 0):
        return "in_progress"
    if status is None and task.start <= as_of:
        return "in_progress"
    return "not_started"


def task_states(plan: Plan, as_of: dt.date, reports: Sequence[ProgressRow] = ()) -> list[TaskProgress]:
    """Every task of the plan, in the plan's order, with its state as of `as_of`."""
    counted = latest(reports, as_of)
    own: dict[str, tuple[str | None, Decimal | None, TaskState]] = {}
    for task in plan.tasks:
        report = counted.get(task.id)
        status = report.status if report is not None and report.status is not None else task.status
        percent = report.percent if report is not None else None
        own[task.id] = (status, percent, _own_state(task, status, percent, as_of))
    troubled = _troubled({t.id: tuple(t.depends_on) for t in plan.tasks}, {k: v[2] for k, v in own.items()})
    out = []
    for task in plan.tasks:
        status, percent, state = own[task.id]
        blocked_by = tuple(d for d in task.depends_on if d in troubled)
        if blocked_by and state in ("in_progress", "not_started"):
            state = "at_risk"
        late = (as_of - task.end).days if state == "overdue" else 0
        out.append(
            TaskProgress(task.id, task.name, task.owner, task.start, task.end, status, percent, state, late, blocked_by)
        )
    return out


def _troubled(depends: Mapping[str, tuple[str, ...]], state: Mapping[str, TaskState]) -> set[str]:
    """The tasks that are overdue, at risk by themselves, or after one of those (through dependencies;
    a dependency cycle, reported by SP403, ends the walk)."""
    found = {t for t, s in state.items() if s in ("overdue", "at_risk")}
    changed = True
    while changed:
        changed = False
        for task, deps in depends.items():
            if task not in found and state.get(task) in ("in_progress", "not_started") and found.intersection(deps):
                found.add(task)
                changed = True
    return found


def counts(tasks: Iterable[TaskProgress]) -> dict[TaskState, int]:
    """How many tasks are in each state (every state present, 0 when none)."""
    out = dict.fromkeys(STATES, 0)
    for task in tasks:
        out[task.state] += 1
    return out
