"""销售策略执行计划表: each strategy with its measures, then its tasks; budgets subtotalled and totalled."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.breakdown import places
from salesplan.export.model import Cell, Column, NumberFormat, Quantity, Row, Table
from salesplan.i18n import _

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Strategy, Task

BUDGET_COLUMN = 6
_KEYS = ("module", "task", "owner", "start", "end", "deliverable", "budget", "departments", "status", "depends_on")


def execution_columns(lang: str) -> tuple[Column, ...]:
    heads = words.headers("execution", lang)
    choices = {"module": words.words(words.MODULES, lang), "status": words.words(words.STATUSES, lang)}
    wrap = {"task", "deliverable"}
    return tuple(
        Column(key, head, choices=choices.get(key, ()), wrap=key in wrap)
        for key, head in zip(_KEYS, heads, strict=True)
    )


def module_text(strategy: Strategy | None, lang: str) -> str:
    if strategy is None:
        return words.NO_STRATEGY.render(lang)
    return words.word(words.MODULES, strategy.module, lang) if strategy.module else strategy.name


def execution_table(plan: Plan, lang: str) -> Table:
    """Strategies in plan order, each a group row (measures, budget subtotal) over its tasks by start date."""
    names = {p.id: p.name or p.id for p in plan.team.people}
    task_names = {t.id: t.name for t in plan.tasks}
    budgets = [t.budget for t in plan.tasks] + [s.budget for s in plan.strategies]
    fmt = NumberFormat(plan.plan.unit, places(*budgets))
    by_strategy: dict[str | None, list[Task]] = {}
    known = {s.id for s in plan.strategies}
    for task in sorted(plan.tasks, key=lambda t: t.start):
        by_strategy.setdefault(task.strategy if task.strategy in known else None, []).append(task)
    groups: list[tuple[Strategy | None, list[Task]]] = [(s, by_strategy.get(s.id, [])) for s in plan.strategies]
    if None in by_strategy:
        groups.append((None, by_strategy[None]))

    rows: list[Row] = []
    group_rows: list[int] = []
    for strategy, tasks in groups:
        module = module_text(strategy, lang)
        group_index = len(rows)
        group_rows.append(group_index)
        rows.append(_group_row(strategy, tasks, module, names, fmt, lang))
        for task in tasks:
            rows.append(_task_row(task, module, names, task_names, fmt, lang))
        rows[group_index].sums = tuple(range(group_index + 1, len(rows)))
    total_value = sum((t.budget or Decimal(0) for t in plan.tasks), Decimal(0))
    total_cells: tuple[Cell, ...] = (words.TOTAL.render(lang), None, None, None, None, None, Quantity(total_value, fmt))
    rows.append(Row((*total_cells, None, None, None), kind="total", sums=tuple(group_rows)))
    return Table("execution", words.title("execution", lang), execution_columns(lang), rows, sum_column=BUDGET_COLUMN)


def _group_row(
    strategy: Strategy | None, tasks: list[Task], module: str, names: dict[str, str], fmt: NumberFormat, lang: str
) -> Row:
    subtotal = sum((t.budget or Decimal(0) for t in tasks), Decimal(0))
    if strategy is None:
        text, owner = module, None
    else:
        measures = words.joined(strategy.measures, lang, words.CLAUSE_SEPARATOR)
        text = (
            _("{name}: {measures}", name=strategy.name, measures=measures).render(lang) if measures else strategy.name
        )
        if strategy.budget is not None:
            amount = format(strategy.budget.normalize(), "f")
            budget = _("{text} (strategy budget {amount} {unit})", text=text, amount=amount, unit=fmt.unit)
            text = budget.render(lang)
        owner = names.get(strategy.owner, strategy.owner) if strategy.owner else None
    cells: tuple[Cell, ...] = (module, text, owner, None, None, None, Quantity(subtotal, fmt), None, None, None)
    return Row(cells, level=0, kind="group")


def _task_row(
    task: Task, module: str, names: dict[str, str], task_names: dict[str, str], fmt: NumberFormat, lang: str
) -> Row:
    joiner = words.LIST_SEPARATOR.render(lang)
    owner = names.get(task.owner, task.owner) if task.owner else None
    budget = Quantity(task.budget, fmt) if task.budget is not None else None
    status = words.word(words.STATUSES, task.status, lang) if task.status else None
    departments = joiner.join(task.departments) or None
    depends = joiner.join(task_names.get(d, d) for d in task.depends_on) or None
    cells = (module, task.name, owner, task.start, task.end, task.deliverable, budget, departments, status, depends)
    return Row(cells, level=1)
