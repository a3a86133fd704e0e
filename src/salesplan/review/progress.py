"""Reading a progress file (`salesplan review --progress F`): per task, its status and/or percent done,
as of a day. CSV, xlsx or YAML, read by `salesplan.review.grid` (same encodings and positions as an
actuals file); headers in English or Chinese, matched as actuals headers are (`headers.key`).

Columns: task (required: a task id of the plan), status, percent, date (at least one of status and
percent). A status is one of the plan's task statuses (`done`, `in_progress`, ...) or its Chinese
word (已完成, 进行中, ...); a percent is 0 to 100, with or without `%`. Every problem is a located
diagnostic under the actuals codes (SP060 unreadable, SP061 header, SP062 number, SP063 unknown
task or status, SP064 date), all of them in one run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.numbers import PercentError, parse_percent
from salesplan.review import codes
from salesplan.review.cells import read_day
from salesplan.review.execution import HUNDRED, ProgressRow, TaskProgress, task_states
from salesplan.review.grid import PROGRESS, Grid, read_grid
from salesplan.review.headers import key
from salesplan.review.words import listing

if TYPE_CHECKING:
    from salesplan.model.plan import Plan

# the header words of each column of a progress file, English then Chinese
PROGRESS_COLUMNS: dict[str, tuple[str, ...]] = {
    "task": ("task", "task id", "id", "任务", "任务编号", "任务id", "任务名称"),
    "status": ("status", "state", "状态", "任务状态", "进度状态"),
    "percent": ("percent", "progress", "done %", "完成度", "完成率", "进度", "完成百分比"),
    "date": ("date", "as of", "日期", "更新日期", "填报日期"),
}
# the words of a task's status, as a plan writes it and as people write it in Chinese
STATUS_READINGS: dict[str, str] = {
    "done": "done",
    "in_progress": "in_progress",
    "in progress": "in_progress",
    "not_started": "not_started",
    "not started": "not_started",
    "delayed": "delayed",
    "blocked": "blocked",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "已完成": "done",
    "完成": "done",
    "进行中": "in_progress",
    "未开始": "not_started",
    "滞后": "delayed",
    "延期": "delayed",
    "已延期": "delayed",
    "受阻": "blocked",
    "阻塞": "blocked",
    "已取消": "cancelled",
    "取消": "cancelled",
}


@dataclass
class ProgressRead:
    rows: list[ProgressRow] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _columns(grid: Grid, out: list[Diagnostic]) -> dict[str, int] | None:
    words = {word: name for name, group in PROGRESS_COLUMNS.items() for word in group}
    found: dict[str, int] = {}
    for index, cell in enumerate(grid.rows[0]):
        name = words.get(key(cell))
        if name is None and key(cell):
            out.append(
                diagnostic(
                    codes.ACTUALS_BAD_HEADER,
                    grid.where(0, index),
                    _("unknown progress column '{header}'", header=str(cell)),
                    hint=_("a progress file has the columns {columns}", columns=_COLUMN_LIST),
                )
            )
        elif name is not None:
            found.setdefault(name, index)
    if "task" not in found or not ({"status", "percent"} & found.keys()):
        out.append(
            diagnostic(
                codes.ACTUALS_BAD_HEADER,
                grid.where(0, 0),
                _("a progress file needs a task column and a status or percent column"),
                hint=_("a progress file has the columns {columns}", columns=_COLUMN_LIST),
            )
        )
        return None
    return found


_COLUMN_LIST = listing(["task", "status", "percent", "date"])


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_progress(path: Path, plan: Plan) -> ProgressRead:
    """The reports of the file, and every problem in it."""
    grid, problems = read_grid(path, what=PROGRESS)
    read = ProgressRead(diagnostics=list(problems))
    if grid is None or not grid.rows:
        if grid is not None:
            read.diagnostics.append(
                diagnostic(codes.ACTUALS_BAD_HEADER, grid.where(0, 0), _("the progress file is empty"))
            )
        return read
    columns = _columns(grid, read.diagnostics)
    if columns is None:
        return read
    tasks = {task.id for task in plan.tasks}
    for number in range(1, len(grid.rows)):
        row = _row(grid, number, columns, tasks, read.diagnostics)
        if row is not None:
            read.rows.append(row)
    return read


def _cell(grid: Grid, number: int, column: int | None) -> Any:
    cells = grid.rows[number]
    return cells[column] if column is not None and column < len(cells) else None


def _row(
    grid: Grid, number: int, columns: dict[str, int], tasks: set[str], out: list[Diagnostic]
) -> ProgressRow | None:
    task = _text(_cell(grid, number, columns["task"]))
    if not task and all(_text(cell) == "" for cell in grid.rows[number]):
        return None  # a blank line
    before = len(out)
    if task not in tasks:
        out.append(
            diagnostic(
                codes.ACTUALS_UNKNOWN,
                grid.where(number, columns["task"]),
                _("unknown task '{task}'", task=task),
                hint=_("the plan's tasks are {tasks}", tasks=listing(sorted(tasks))),
            )
        )
    status = _status(grid, number, columns.get("status"), out)
    percent = _percent(grid, number, columns.get("percent"), out)
    day = None
    raw_day = _cell(grid, number, columns.get("date"))
    if _text(raw_day):
        day = read_day(raw_day)
        if day is None:
            where = grid.where(number, columns["date"])
            out.append(diagnostic(codes.ACTUALS_BAD_DATE, where, _("'{value}' is not a date", value=_text(raw_day))))
    return ProgressRow(task, status, percent, day) if len(out) == before else None


def _status(grid: Grid, number: int, column: int | None, out: list[Diagnostic]) -> str | None:
    text = _text(_cell(grid, number, column))
    if not text or column is None:
        return None
    status = STATUS_READINGS.get(key(text).replace("-", "_").replace("_", " ")) or STATUS_READINGS.get(key(text))
    if status is None:
        out.append(
            diagnostic(
                codes.ACTUALS_UNKNOWN,
                grid.where(number, column),
                _("unknown task status '{value}'", value=text),
                hint=_("a status is one of {words}", words=listing(sorted(set(STATUS_READINGS.values())))),
            )
        )
    return status


def _percent(grid: Grid, number: int, column: int | None, out: list[Diagnostic]) -> Decimal | None:
    raw = _cell(grid, number, column)
    if column is None or not _text(raw):
        return None
    try:
        value = parse_percent(raw if isinstance(raw, int | Decimal | str) else str(raw))
    except PercentError as exc:
        out.append(diagnostic(codes.ACTUALS_BAD_NUMBER, grid.where(number, column), exc.message))
        return None
    if value > HUNDRED:
        where = grid.where(number, column)
        out.append(
            diagnostic(
                codes.ACTUALS_BAD_NUMBER, where, _("a task's percent done is at most 100 (got {value})", value=value)
            )
        )
        return None
    return value


def execution_of(plan: Plan, progress: Path | None, as_of: dt.date) -> tuple[list[TaskProgress], list[Diagnostic]]:
    """Every task's state as of `as_of`, from the plan and the progress file (None: the plan's statuses only)."""
    read = read_progress(progress, plan) if progress is not None else ProgressRead()
    return task_states(plan, as_of, read.rows), read.diagnostics
