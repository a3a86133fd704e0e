"""Reading a spend file (`salesplan review --spend F`): what was spent, on which strategy or task, when.

CSV, xlsx or YAML, read by `salesplan.review.grid` (the encodings and positions of an actuals file);
headers matched as actuals headers are (`headers.key`), in English or Chinese:

| column | 中文 | meaning |
|---|---|---|
| strategy | 策略 / 策略编号 | a strategy id or name of the plan |
| task | 任务 / 任务编号 | a task id or name of the plan (its spend also counts for its strategy) |
| date | 日期 / 费用日期 | the day it was spent (`2026-07-10`, `2026/7/10`, `2026年7月10日`) |
| amount | 金额 / 费用 / 支出 | in the plan's unit, or the header's (`金额（元）`): `12.5`, `3万`, `30000元` |

A row names a strategy, a task, or both (the task's strategy then). Amounts are converted exactly
into the plan's unit (`salesplan.review.amounts`). Every problem is a located diagnostic under the
actuals codes, all in one run: SP060 unreadable file, SP061 header (unknown column, no amount
column, no strategy or task column, a unit that is not money), SP062 not an amount, SP063 unknown
strategy or task (or a task of another strategy), SP064 not a date.
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
from salesplan.review import codes
from salesplan.review.amounts import MONEY_EXAMPLES, Refusal, money_scale, read_value
from salesplan.review.cells import DAY_FORMS, read_day
from salesplan.review.grid import SPEND, Grid, read_grid
from salesplan.review.headers import header_unit, key
from salesplan.review.words import COLUMN_WORDS, listing

if TYPE_CHECKING:
    from salesplan.model.plan import Plan

# the header words of each column of a spend file, English then Chinese
SPEND_COLUMNS: dict[str, tuple[str, ...]] = {
    "strategy": ("strategy", "策略", "策略编号", "策略名称"),
    "task": ("task", "任务", "任务编号", "任务名称"),
    "date": ("date", "日期", "费用日期", "支出日期"),
    "amount": ("amount", "spend", "金额", "费用", "支出", "投入", "花费"),
}


@dataclass(frozen=True)
class SpendRow:
    """One amount spent, in the plan's unit, on a strategy and/or a task of the plan."""

    amount: Decimal
    strategy: str | None = None
    task: str | None = None
    day: dt.date | None = None


@dataclass
class SpendRead:
    rows: list[SpendRow] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _index(items: list[Any]) -> dict[str, str]:
    """Ids and names -> id (an id wins over another item's name)."""
    out = {item.id: item.id for item in items}
    for item in items:
        out.setdefault(item.name, item.id)
    return out


class _Reader:
    def __init__(self, grid: Grid, plan: Plan) -> None:
        self.grid, self.plan, self.unit = grid, plan, plan.plan.unit
        self.known = {"strategy": _index(plan.strategies), "task": _index(plan.tasks)}
        self.task_strategy = {task.id: task.strategy for task in plan.tasks}
        self.columns: dict[str, int] = {}
        self.amount_unit: tuple[str, str] | None = None
        self.out: list[Diagnostic] = []

    def header(self) -> bool:
        words = {key(word): name for name, group in SPEND_COLUMNS.items() for word in group}
        hint = _("a spend file has the columns {columns}", columns=listing(list(SPEND_COLUMNS)))
        for index, cell in enumerate(self.grid.rows[0]):
            word, unit = header_unit(key(cell))
            name = words.get(key(cell)) or (words.get(word) if unit is not None else None)
            where = self.grid.where(0, index)
            if name is None and key(cell):
                message = _("unknown spend column '{header}'", header=_text(cell))
                self.out.append(diagnostic(codes.ACTUALS_BAD_HEADER, where, message, hint=hint))
            elif name is not None and name not in self.columns:
                self.columns[name] = index
                if name == "amount" and unit is not None and words.get(key(cell)) is None:
                    self._unit(index, _text(cell), unit)
        if "amount" not in self.columns or not ({"strategy", "task"} & self.columns.keys()):
            message = _("a spend file needs an amount column and a strategy or task column")
            self.out.append(diagnostic(codes.ACTUALS_BAD_HEADER, self.grid.where(0, 0), message, hint=hint))
            return False
        return not self.out

    def _unit(self, index: int, shown: str, unit: str) -> None:
        if money_scale(unit) is None:
            message = _("column '{header}' names a unit salesplan does not know: '{unit}'", header=shown, unit=unit)
            hint = _("write a unit of money such as {money}", money=listing(MONEY_EXAMPLES))
            self.out.append(diagnostic(codes.ACTUALS_BAD_HEADER, self.grid.where(0, index), message, hint=hint))
        else:
            self.amount_unit = (shown, unit)

    def cell(self, number: int, name: str) -> Any:
        column = self.columns.get(name)
        cells = self.grid.rows[number]
        value = cells[column] if column is not None and column < len(cells) else None
        return value.strip() or None if isinstance(value, str) else value

    def diag(self, number: int, name: str, code: str, message: Any, hint: Any = None) -> None:
        where = self.grid.where(number, self.columns.get(name, 0))
        self.out.append(diagnostic(code, where, message, hint=hint))

    def row(self, number: int) -> SpendRow | None:
        if all(_text(cell) == "" for cell in self.grid.rows[number]):
            return None  # a blank line
        before = len(self.out)
        strategy, task = self._named(number, "strategy"), self._named(number, "task")
        if strategy is None and task is None and len(self.out) == before:
            self.diag(number, "strategy", codes.ACTUALS_UNKNOWN, _("the row names no strategy and no task"))
        if task is not None and strategy is not None and self.task_strategy[task] != strategy:
            owner = self.task_strategy[task] or "—"
            message = _(
                "task {task} belongs to strategy {owner}, not {strategy}", task=task, owner=owner, strategy=strategy
            )
            self.diag(number, "task", codes.ACTUALS_UNKNOWN, message)
        amount = read_value(self.cell(number, "amount"), self.unit, self.amount_unit)
        if isinstance(amount, Refusal):
            self.diag(number, "amount", codes.ACTUALS_BAD_NUMBER, amount.reason)
        raw_day, day = self.cell(number, "date"), None
        if raw_day is not None:
            day = read_day(raw_day)
            if day is None:
                message = _(
                    "'{value}' is not a date: write {forms}", value=_text(raw_day)[:60], forms=listing(DAY_FORMS)
                )
                self.diag(number, "date", codes.ACTUALS_BAD_DATE, message)
        if len(self.out) != before or isinstance(amount, Refusal):
            return None
        return SpendRow(amount, strategy or (self.task_strategy[task] if task else None), task, day)

    def _named(self, number: int, name: str) -> str | None:
        raw = self.cell(number, name)
        if raw is None:
            return None
        ident = self.known[name].get(_text(raw))
        if ident is None:
            known = listing(sorted(set(self.known[name].values()))) or "—"
            message = _("unknown {column} '{value}'", column=COLUMN_WORDS[name], value=_text(raw))
            self.diag(number, name, codes.ACTUALS_UNKNOWN, message, _("the plan's are {ids}", ids=known))
        return ident


def read_spend(path: Path, plan: Plan) -> SpendRead:
    """Every amount of the spend file, and every problem in it (rows with a problem are left out)."""
    grid, problems = read_grid(path, what=SPEND)
    read = SpendRead(diagnostics=list(problems))
    if grid is None:
        return read
    if not grid.rows or all(_text(cell) == "" for cell in grid.rows[0]):
        read.diagnostics.append(diagnostic(codes.ACTUALS_BAD_HEADER, grid.where(0, 0), _("the spend file is empty")))
        return read
    reader = _Reader(grid, plan)
    if reader.header():
        for number in range(1, len(grid.rows)):
            row = reader.row(number)
            if row is not None:
                read.rows.append(row)
    read.diagnostics += reader.out
    return read
