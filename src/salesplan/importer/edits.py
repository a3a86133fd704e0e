"""What the visible sheets of an exported workbook change in the plan it embeds: field by field.

Each row is the plan item its key names (`export.embed`); each input cell is read as its column's
kind and compared with the plan's value (a word with the id it stands for, a name with the person),
and only a value that differs is written into the plan's data. Derived cells (a target's 拆解逻辑, a
risk's level, a task's strategy module) are not read; totals are checked (`totals`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from salesplan import codes
from salesplan.i18n import _
from salesplan.importer import cells
from salesplan.importer.book import Book, Embedded
from salesplan.importer.result import Summary
from salesplan.importer.sheet import MISSING, RowCells
from salesplan.model.plan import Plan, Target
from salesplan.model.words import KIND
from salesplan.numbers import plain

# a budget's amount in a strategy's text, ASCII or full-width digits (its unit follows)
_AMOUNT = r"[-+]?[0-9\uff10-\uff19][0-9\uff10-\uff19,.\uff0c\uff0e]*"
# the plan data's section of each kind of item a row names
_SECTIONS = {"target": "targets", "strategy": "strategies", "task": "tasks", "risk": "risks"}


class _Item(Protocol):
    @property
    def id(self) -> str: ...


ItemT = TypeVar("ItemT", bound=_Item)


def data_number(value: Decimal) -> int | Decimal:
    """A number as the plan's YAML writes it: a whole number as an int, else its exact decimal."""
    value = value.normalize() if value.is_finite() else value
    return int(value) if value == value.to_integral_value() else value


def item(data: Any, section: str, item_id: str) -> dict[str, Any] | None:
    """The plan data's mapping of `section` (targets, tasks…) with `id: item_id`."""
    items = data.get(section) if isinstance(data, dict) else None
    for entry in items if isinstance(items, list) else []:
        if isinstance(entry, dict) and str(entry.get("id")) == item_id:
            return entry
    return None


def target_of(plan: Plan, target_id: str) -> Target | None:
    return next((t for t in plan.targets if t.id == target_id), None)


def set_field(entry: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        entry.pop(key, None)
    else:
        entry[key] = value


class Editor:
    """Applies an exported workbook's rows to the plan's data (`data`, changed in place)."""

    def __init__(self, book: Book, embedded: Embedded, plan: Plan, data: Any, summary: Summary) -> None:
        self.book, self.embedded, self.plan, self.data, self.summary = book, embedded, plan, data, summary
        self.people = {p.id: p.name or p.id for p in plan.team.people}
        self.words = embedded.words
        self.budgets: dict[str, Decimal | None] = {t.id: t.budget for t in plan.tasks}  # as read
        self.totals: list[tuple[RowCells, str | None]] = []  # budget subtotals (a strategy id) and the total
        self.cells: dict[tuple[int, str], tuple[RowCells, str]] = {}  # (id of an item's mapping, key) -> its cell

    def missing(self, row: RowCells, column: str, kind: str, item_id: str, updated: bool) -> None:
        """SP604: a row names an item the embedded plan (or, with --into, the plan updated) lacks."""
        what = KIND[kind]
        if updated and self.plan_has(kind, item_id):
            message = _("{what} {id} is not in the plan to update: export the workbook from it", what=what, id=item_id)
        else:
            message = _("{what} {id} is not in the embedded plan", what=what, id=item_id)
        row.diag(codes.IMPORT_EMBEDDED, column, message)

    def located(
        self, row: RowCells, column: str, kind: str, items: Sequence[ItemT], item_id: str
    ) -> tuple[ItemT, dict[str, Any]] | None:
        """The plan's item of `kind` with `item_id` and its mapping in the data; None (SP604 at `column`)
        when either lacks it."""
        found = next((i for i in items if i.id == item_id), None)
        entry = item(self.data, _SECTIONS[kind], item_id)
        if found is None or entry is None:
            self.missing(row, column, kind, item_id, entry is None)
            return None
        return found, entry

    def plan_has(self, kind: str, item_id: str) -> bool:
        plan = self.plan
        ids = {
            "target": [t.id for t in plan.targets],
            "strategy": [s.id for s in plan.strategies],
            "task": [t.id for t in plan.tasks],
            "risk": [r.id for r in plan.risks],
        }
        return item_id in ids[kind]

    def table(self, kind: str) -> Mapping[str, str]:
        """id -> word of one kind of word the sheets show (status, module…)."""
        return words_of(self.embedded, kind)

    def separator(self, which: str) -> str:
        return self.words.get(("separator", which), ", ")

    def split_list(self, shown: str | None, which: str = "list") -> list[str]:
        if not shown:
            return []
        parts = re.split("|".join(map(re.escape, {self.separator(which), ",", ", ", ";", "\n"})), shown)
        return [part.strip() for part in parts if part.strip()]

    def field(
        self,
        row: RowCells,
        entry: dict[str, Any],
        key: str,
        column: str,
        reader: Callable[[Any], Any],
        current: Any,
        write: Callable[[Any], Any] = lambda v: v,
    ) -> bool:
        """Read `column`; when it differs from `current`, write it (through `write`) as `key` of `entry`."""
        found = row.read(column, reader)
        self.cells[(id(entry), key)] = (row, column)
        if found is MISSING or found == current:
            return False
        set_field(entry, key, None if found is None else write(found))
        return True

    # -- targets: the fields of a target's row other than its value (`breakdown` reads the values) ----
    def target(self, row: RowCells, target_id: str) -> bool:
        located = self.located(row, "metric", "target", self.plan.targets, target_id)
        if located is None:
            return False
        target, entry = located
        changed = False
        shown_name = target.name or target.metric or target.id
        name = row.read("metric", cells.text)
        if name is not MISSING and name != shown_name:
            set_field(entry, "name", name)
            changed = True
        changed |= self.field(row, entry, "path", "path", cells.text, target.path)
        changed |= self.field(row, entry, "owner", "owner", lambda v: cells.person(v, self.people), target.owner)
        changed |= self.field(row, entry, "deadline", "deadline", cells.day, target.deadline)
        changed |= self._dimension(row, entry, target.dimension, target.kind)
        return changed

    def _dimension(self, row: RowCells, entry: dict[str, Any], dimension: str | None, kind: str | None) -> bool:
        dims, kinds = self.table("dimension"), self.table("kind")
        shown = row.read("dimension", cells.text)
        if shown is MISSING:
            return False
        expected = " · ".join(w for w in (dims.get(dimension or ""), kinds.get(kind or "")) if w)
        if (shown or "") == expected:
            return False
        new_dimension: str | None = None
        new_kind: str | None = None
        for part in (p.strip() for p in (shown or "").split("·") if p.strip()):
            found_dim = next((k for k, w in dims.items() if part in (w, k)), None)
            found_kind = next((k for k, w in kinds.items() if part in (w, k)), None)
            if found_dim is None and found_kind is None:
                allowed = ", ".join([*dims.values(), *kinds.values()])
                row.diag(
                    codes.IMPORT_UNKNOWN,
                    "dimension",
                    _("'{value}' is not a known dimension or kind ({allowed})", value=part, allowed=allowed),
                )
                return False
            new_dimension = found_dim or new_dimension
            new_kind = found_kind or new_kind
        set_field(entry, "dimension", new_dimension)
        set_field(entry, "kind", new_kind)
        return (new_dimension, new_kind) != (dimension, kind)

    # -- strategies and tasks (销售策略执行计划表) --------------------------------------------------
    def strategy(self, row: RowCells, strategy_id: str) -> bool:
        located = self.located(row, "task", "strategy", self.plan.strategies, strategy_id)
        if located is None:
            return False
        strategy, entry = located
        changed = self.field(row, entry, "owner", "owner", lambda v: cells.person(v, self.people), strategy.owner)
        shown = row.read("task", cells.text)
        if shown is MISSING or shown is None:
            return changed
        measures = self.separator("clause").join(strategy.measures)
        unit = self.plan.plan.unit
        text = self._form("strategy", name=strategy.name, measures=measures) if measures else strategy.name
        if strategy.budget is not None:
            text = self._form("budget", text=text, amount=format(strategy.budget.normalize(), "f"), unit=unit)
        if shown == text:
            return changed
        fields = self._parse_strategy(shown)
        if fields is None:
            row.diag(
                codes.IMPORT_BAD_VALUE, "task", _("the strategy's text does not read as its name, measures and budget")
            )
            return changed
        name, parts, budget = fields
        if name != strategy.name:
            set_field(entry, "name", name)
        if parts != list(strategy.measures):
            set_field(entry, "measures", parts or None)
        if budget != strategy.budget:
            set_field(entry, "budget", None if budget is None else data_number(budget))
        return True

    def _form(self, which: str, **fields: str) -> str:
        form = self.words.get(("form", which), "")
        for key, value in fields.items():
            form = form.replace("{" + key + "}", value)
        return form

    def _pattern(self, which: str, *names: str) -> re.Pattern[str]:
        form = re.escape(self.words.get(("form", which), ""))
        for name in names:
            field = _AMOUNT if name == "amount" else ".*?"
            form = form.replace(re.escape("{" + name + "}"), f"(?P<{name}>{field})")
        return re.compile(f"^{form}$", re.S)

    def _parse_strategy(self, shown: str) -> tuple[str, list[str], Decimal | None] | None:
        budget: Decimal | None = None
        found = self._pattern("budget", "text", "amount", "unit").match(shown)
        if found is not None:
            try:
                budget = cells.amount(found["amount"], self.plan.plan.unit)
            except cells.Bad:
                return None
            shown = found["text"]
        found = self._pattern("strategy", "name", "measures").match(shown)
        if found is None:
            return shown.strip(), [], budget
        return found["name"].strip(), self.split_list(found["measures"], "clause"), budget

    def task(self, row: RowCells, task_id: str) -> bool:
        located = self.located(row, "task", "task", self.plan.tasks, task_id)
        if located is None:
            return False
        task, entry = located
        unit = self.plan.plan.unit
        names = {t.id: t.name for t in self.plan.tasks}
        changed = self.field(row, entry, "name", "task", cells.text, task.name)
        changed |= self.field(row, entry, "owner", "owner", lambda v: cells.person(v, self.people), task.owner)
        moved = self.field(row, entry, "start", "start", cells.day, task.start)
        moved |= self.field(row, entry, "end", "end", cells.day, task.end)
        changed |= moved
        start, end = (v.date() if isinstance(v, dt.datetime) else v for v in (entry.get("start"), entry.get("end")))
        if moved and isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            row.diag(
                codes.IMPORT_BAD_VALUE, "end", _("the end {end} is before the start {start}", end=end, start=start)
            )
        changed |= self.field(row, entry, "deliverable", "deliverable", cells.text, task.deliverable)
        budget = row.read("budget", lambda v: cells.amount(v, unit))
        self.cells[(id(entry), "budget")] = (row, "budget")
        if budget is not MISSING:
            self.budgets[task_id] = budget
            if budget != task.budget:
                set_field(entry, "budget", None if budget is None else data_number(budget))
                changed = True
        statuses = self.table("status")
        status = lambda v: cells.choice(v, statuses, _("status"))  # noqa: E731
        changed |= self.field(row, entry, "status", "status", status, task.status)
        departments = row.read("departments", cells.text)
        if departments is not MISSING and self.split_list(departments) != list(task.departments):
            set_field(entry, "departments", self.split_list(departments) or None)
            changed = True
        shown = row.read("depends_on", cells.text)
        if shown is not MISSING:
            ids = []
            for name in self.split_list(shown):
                found = next((k for k, v in names.items() if name in (v, k)), None)
                if found is None:
                    row.diag(codes.IMPORT_UNKNOWN, "depends_on", _("'{name}' is not a task of the plan", name=name))
                    return changed
                ids.append(found)
            if ids != list(task.depends_on):
                set_field(entry, "depends_on", ids or None)
                changed = True
        return changed

    def check_totals(self) -> None:
        """Each budget subtotal and the total, against the tasks' budgets as read."""
        known = {s.id for s in self.plan.strategies}
        for row, strategy_id in self.totals:
            tasks = [
                t.id
                for t in self.plan.tasks
                if strategy_id is None or (t.strategy if t.strategy in known else None) == strategy_id
            ]
            self.budget_total(row, sum((self.budgets.get(t) or Decimal(0) for t in tasks), Decimal(0)))

    def budget_total(self, row: RowCells, expected: Decimal) -> None:
        """A strategy's subtotal or the total: derived from the tasks' budgets, never input."""
        raw = row.raw("budget")
        if raw is None or cells.is_formula(raw):
            return
        found = row.read("budget", lambda v: cells.amount(v, self.plan.plan.unit))
        if found is not MISSING and found != expected:
            shown = plain(expected)
            row.diag(
                codes.IMPORT_TOTAL,
                "budget",
                _(
                    "a total typed over: {value} is not the sum of its parts ({sum})",
                    value=plain(found or Decimal(0)),
                    sum=shown,
                ),
                _("change the tasks' budgets; the totals follow"),
            )

    # -- risks (风险评估与应对表) -------------------------------------------------------------------
    def risk(self, row: RowCells, risk_id: str) -> bool:
        located = self.located(row, "description", "risk", self.plan.risks, risk_id)
        if located is None:
            return False
        risk, entry = located
        categories = self.table("category")
        category = row.read("category", cells.text)
        changed = False
        if category is not MISSING:
            found = next((k for k, w in categories.items() if category in (w, k)), category)
            if found != risk.category:
                set_field(entry, "category", found)
                changed = True
        changed |= self.field(row, entry, "description", "description", cells.text, risk.description)
        changed |= self._axis(row, entry, "probability", risk.probability)
        changed |= self._axis(row, entry, "impact", risk.impact)
        changed |= self.field(row, entry, "response", "response", cells.text, risk.response)
        changed |= self.field(row, entry, "owner", "owner", lambda v: cells.person(v, self.people), risk.owner)
        changed |= self.field(row, entry, "trigger", "trigger", cells.text, risk.trigger)
        if "status" in row.columns:  # a workbook exported before risks showed their status has no such column
            statuses = self.table("risk_status")
            status = lambda v: cells.choice(v, statuses, _("status"))  # noqa: E731
            changed |= self.field(row, entry, "status", "status", status, risk.status)
        return changed

    def _axis(self, row: RowCells, entry: dict[str, Any], key: str, current: int | str) -> bool:
        value = risk_axis(row, key, self.table(key))
        if value is None or value == current:
            return False
        entry[key] = value
        return True


def risk_axis(row: RowCells, key: str, table: Mapping[str, str]) -> int | str | None:
    """A risk's probability or impact (`key`): a level 1-5, or the id of a word of `table`; None when the
    cell does not read or is empty (a risk needs both: said at the cell)."""
    what = _("probability") if key == "probability" else _("impact")
    shown = row.read(key, cells.text)
    if shown is MISSING:
        return None
    if shown is None:
        row.diag(codes.IMPORT_BAD_VALUE, key, _("a risk needs its {what}", what=what))
        return None
    if shown.isdigit() and 1 <= int(shown) <= 5:
        return int(shown)
    found = row.read(key, lambda v: cells.choice(v, table, what))
    return found if isinstance(found, str) else None


def dated(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def words_of(embedded: Embedded, kind: str) -> Mapping[str, str]:
    """id -> word of one kind of word the sheets show (status, module…)."""
    return {key: word for (k, key), word in embedded.words.items() if k == kind}
