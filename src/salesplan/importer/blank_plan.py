"""The rest of a filled-in blank template (tasks, strategies, risks) and the new plan made of it (`blank`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import partial
from typing import Any

from salesplan import codes
from salesplan.codes import diagnostic
from salesplan.diagnostics import SourceRef, has_errors
from salesplan.i18n import Message, _
from salesplan.importer import cells
from salesplan.importer.blank import Builder, plan_text
from salesplan.importer.book import Book, Embedded
from salesplan.importer.edits import data_number, risk_axis
from salesplan.importer.result import Imported
from salesplan.importer.sheet import MISSING, RowCells
from salesplan.loader import load_text
from salesplan.periods import part_of_id


def _tasks(builder: Builder) -> None:
    modules, statuses = builder.words("module"), builder.words("status")
    for row in builder.rows("execution"):
        name = _required(row, "task", _("a task needs its name"))
        if name is None:
            continue
        task: dict[str, Any] = {"id": f"K{len(builder.tasks) + 1}", "name": name}
        module = row.read("module", cells.text)
        if isinstance(module, str):
            key = next((k for k, w in modules.items() if module in (w, k)), None)
            strategy = builder.strategies.get(module)
            if strategy is None:
                strategy = {"id": f"S{len(builder.strategies) + 1}", "name": module}
                if key is not None:
                    strategy["module"] = key
                builder.strategies[module] = strategy
                builder.summary.saw("strategies", True)
            task["strategy"] = strategy["id"]
        owner = builder.person(row, "owner")
        if owner:
            task["owner"] = owner
        start, end = builder.day(row, "start"), builder.day(row, "end")
        if start is None or end is None:
            empty = "start" if row.raw("start") is None else "end" if row.raw("end") is None else None
            if empty is not None:
                row.diag(codes.IMPORT_BAD_VALUE, empty, _("a task needs its start and end"))
            continue
        if end < start:
            row.diag(
                codes.IMPORT_BAD_VALUE, "end", _("the end {end} is before the start {start}", end=end, start=start)
            )
        task["start"], task["end"] = start, end
        deliverable = row.read("deliverable", cells.text)
        if isinstance(deliverable, str):
            task["deliverable"] = deliverable
        budget = row.read("budget", lambda v: cells.amount(v, builder.unit))
        if isinstance(budget, Decimal):
            task["budget"] = data_number(budget)
        departments = row.read("departments", cells.text)
        if isinstance(departments, str):
            task["departments"] = builder.split(departments)
        status = row.read("status", lambda v: cells.choice(v, statuses, _("status")))
        if isinstance(status, str):
            task["status"] = status
        builder.tasks.append((task, row))
        builder.summary.saw("tasks", True)
    names = {task["name"]: task["id"] for task, _row in builder.tasks}
    for task, row in builder.tasks:
        shown = row.read("depends_on", cells.text)
        for name in builder.split(shown) if isinstance(shown, str) else []:
            if name not in names:
                row.diag(codes.IMPORT_UNKNOWN, "depends_on", _("'{name}' is not a task of the plan", name=name))
                continue
            task.setdefault("depends_on", []).append(names[name])


def _risks(builder: Builder) -> None:
    categories = builder.words("category")
    for row in builder.rows("risks"):
        description = _required(row, "description", _("a risk needs its description"))
        if description is None:
            continue
        risk: dict[str, Any] = {"id": f"R{len(builder.risks) + 1}"}
        category = row.read("category", cells.text)
        if isinstance(category, str):
            risk["category"] = next((k for k, w in categories.items() if category in (w, k)), category)
        risk["description"] = description
        for axis in ("probability", "impact"):
            value = risk_axis(row, axis, builder.words(axis))
            if value is None:
                break
            risk[axis] = value
        else:
            for key in ("response", "trigger"):
                text = row.read(key, cells.text)
                if isinstance(text, str):
                    risk[key] = text
            owner = builder.person(row, "owner")
            if owner:
                risk["owner"] = owner
            status = row.read("status", partial(cells.choice, table=builder.words("risk_status"), what=_("status")))
            if isinstance(status, str):
                risk["status"] = status
            builder.risks.append(risk)
            builder.summary.saw("risks", True)


def _required(row: RowCells, key: str, needed: Message) -> str | None:
    """The text of a cell its row cannot do without; None when it does not read, or is empty (`needed` is
    then said at the cell)."""
    shown = row.read(key, cells.text)
    if shown is MISSING:
        return None
    if shown is None:
        row.diag(codes.IMPORT_BAD_VALUE, key, needed)
    return shown


def _period(dates: list[dt.date]) -> dict[str, dt.date]:
    """The quarters that hold every date."""
    first, last = min(dates), max(dates)
    start = dt.date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
    found = part_of_id(f"{last.year}-Q{(last.month - 1) // 3 + 1}")
    end = found[2] if found else last
    return {"start": start, "end": end}


def import_blank(book: Book, into: bool) -> Imported:
    """The plan a filled-in blank template makes (for `-o`; `--into` refuses: it names no plan's items)."""
    embedded = book.embedded or Embedded()
    where = SourceRef(book.file, 1, 1)
    if not embedded.tables:
        message = _("the workbook is neither one salesplan export wrote nor its blank template")
        return Imported(diagnostics=[diagnostic(codes.IMPORT_EMBEDDED, where, message)])
    if into:
        message = _("a filled-in blank template makes a new plan: write it with -o, not --into")
        return Imported(diagnostics=[diagnostic(codes.IMPORT_EMBEDDED, where, message)])
    builder = Builder(book, embedded)
    builder.breakdown()
    _tasks(builder)
    _risks(builder)
    result = Imported(summary=builder.summary, lang=embedded.lang, blank=True, diagnostics=book.diagnostics)
    if not builder.dates and not has_errors(book.diagnostics):
        message = _("the template holds no date (a deadline, a task's start or end) to set the plan's period by")
        book.diagnostics.append(diagnostic(codes.IMPORT_BAD_VALUE, where, message))
    if has_errors(book.diagnostics):
        return result
    data = _plan(builder, book)
    loaded = load_text(plan_text(data), "plan.yaml")
    found = [d for d in loaded.diagnostics if d.severity == "error"]
    if loaded.plan is None or found:
        book.diagnostics.extend(found)
        return result
    result.data = data
    return result


def _plan(builder: Builder, book: Book) -> dict[str, Any]:
    strategies = list(builder.strategies.values())
    for target in builder.targets:
        if strategies:
            target["strategies"] = [s["id"] for s in strategies]
    plan: dict[str, Any] = {"name": book.title or book.file, "period": _period(builder.dates), "unit": builder.unit}
    if builder.embedded.lang:
        plan["lang"] = builder.embedded.lang
    team: dict[str, Any] = {key: list(parts.values()) for key, parts in builder.parts.items() if parts}
    team["people"] = list(builder.people.values())
    data: dict[str, Any] = {"salesplan": 1, "plan": plan, "team": team, "targets": builder.targets}
    if strategies:
        data["strategies"] = strategies
    if builder.risks:
        data["risks"] = builder.risks
    if builder.tasks:
        data["tasks"] = [task for task, _row in builder.tasks]
    return data
