"""销售策略执行计划表: each strategy with its measures, then its tasks; budgets subtotalled and totalled."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from salesplan.export import i18n
from salesplan.export.breakdown import places
from salesplan.export.model import Cell, Column, NumberFormat, Quantity, Row, Table

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Strategy, Task

BUDGET_COLUMN = 6
_KEYS = ("module", "task", "owner", "start", "end", "deliverable", "budget", "departments", "status", "depends_on")


def execution_columns(lang: str) -> tuple[Column, ...]:
    heads = i18n.headers("execution", lang)
    modules = tuple(i18n.word(m, lang) for m in i18n.MODULES)
    statuses = tuple(i18n.word(s, lang) for s in i18n.STATUSES)
    choices = {"module": modules, "status": statuses}
    wrap = {"task", "deliverable"}
    return tuple(
        Column(key, head, choices=choices.get(key, ()), wrap=key in wrap)
        for key, head in zip(_KEYS, heads, strict=True)
    )


def module_text(strategy: Strategy | None, lang: str) -> str:
    if strategy is None:
        return i18n.word("no_strategy", lang)
    return i18n.word(strategy.module, lang) if strategy.module else strategy.name


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
    total_cells: tuple[Cell, ...] = (i18n.word("total", lang), None, None, None, None, None, Quantity(total_value, fmt))
    rows.append(Row((*total_cells, None, None, None), kind="total", sums=tuple(group_rows)))
    return Table("execution", i18n.title("execution", lang), execution_columns(lang), rows, sum_column=BUDGET_COLUMN)


def _group_row(
    strategy: Strategy | None, tasks: list[Task], module: str, names: dict[str, str], fmt: NumberFormat, lang: str
) -> Row:
    subtotal = sum((t.budget or Decimal(0) for t in tasks), Decimal(0))
    if strategy is None:
        text, owner = module, None
    else:
        sep = "：" if lang == "zh" else ": "
        measures = ("；" if lang == "zh" else "; ").join(strategy.measures)
        text = strategy.name + (sep + measures if measures else "")
        if strategy.budget is not None:
            amount = format(strategy.budget.normalize(), "f")
            label = i18n.word("budget_of", lang)
            text += f"（{label} {amount}{fmt.unit}）" if lang == "zh" else f" ({label} {amount} {fmt.unit})"
        owner = names.get(strategy.owner, strategy.owner) if strategy.owner else None
    cells: tuple[Cell, ...] = (module, text, owner, None, None, None, Quantity(subtotal, fmt), None, None, None)
    return Row(cells, level=0, kind="group")


def _task_row(
    task: Task, module: str, names: dict[str, str], task_names: dict[str, str], fmt: NumberFormat, lang: str
) -> Row:
    joiner = "、" if lang == "zh" else ", "
    owner = names.get(task.owner, task.owner) if task.owner else None
    budget = Quantity(task.budget, fmt) if task.budget is not None else None
    status = i18n.word(task.status, lang) if task.status else None
    departments = joiner.join(task.departments) or None
    depends = joiner.join(task_names.get(d, d) for d in task.depends_on) or None
    cells = (module, task.name, owner, task.start, task.end, task.deliverable, budget, departments, status, depends)
    return Row(cells, level=1)
