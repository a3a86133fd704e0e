"""A filled-in blank template (`salesplan export --blank`: no embedded plan) read into a new plan.

Each sheet is read from row 2 to its first empty row; the grey example row is skipped while it is
left as written. What the template shows becomes the plan's items, numbered in sheet order:

- 销售目标设定与拆解表: a row is a target (T1, T2…), or, when its first cell is a level word
  (区域, 产品, 销售代表, 月份…), a part of the target above it: the parts of one level become the
  target's split with their explicit values (a target's value left empty is their sum); parts of a
  second level under them are SP609 (split further in the plan file);
- 销售策略执行计划表: a row is a task (K1…); each strategy module it names becomes a strategy (S1…)
  that the targets serve; a task's 前置任务 names earlier tasks;
- 风险评估与应对表: a row is a risk (R1…).

People are the names the sheets give (owners, reps), regions and products the parts' names; the
plan's period is the quarters that hold every date of the sheets, its amounts in the template's
unit (万元). The new plan is then loaded like any plan file: a finding of the loader is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import partial
from typing import Any

import yaml

from salesplan import codes
from salesplan.i18n import _
from salesplan.importer import cells
from salesplan.importer.book import Book, Embedded, Sheet
from salesplan.importer.edits import data_number, words_of
from salesplan.importer.result import Imported
from salesplan.importer.sheet import MISSING, RowCells
from salesplan.numbers import plain
from salesplan.periods import part_of_id
from salesplan.review.amounts import money_scale

_ID_UNSAFE = re.compile(r"\s+")
_COUNTED = re.compile(r"^\s*(?P<number>[+-]?[\d,]*\.?\d+)\s*(?P<unit>[^\d\s%.,+-][^\d%]*?)\s*$")
_PART_KINDS = {"region": "regions", "product": "products"}


def data_rows(sheet: Sheet, example: list[str] | None) -> Iterator[int]:
    """The rows people filled in: from row 2 to the first empty row, the untouched example row skipped."""
    number = 2
    while number - 1 < len(sheet.rows) and any(cells.shown(v).strip() for v in sheet.rows[number - 1]):
        shown = [cells.shown(v) for v in sheet.rows[number - 1]]
        if example is None or shown[: len(example)] != example or any(shown[len(example) :]):
            yield number
        number += 1


def _dumper() -> type[yaml.SafeDumper]:
    class Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:float", plain(value))

    Dumper.add_representer(Decimal, decimal)
    return Dumper


def plan_text(data: Any) -> str:
    """A new plan file's text (block style, keys in the plan format's order)."""
    return yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=120)


class Builder:
    def __init__(self, book: Book, embedded: Embedded) -> None:
        self.book, self.embedded = book, embedded
        self.unit = embedded.unit or ""
        self.people: dict[str, dict[str, Any]] = {}
        self.parts: dict[str, dict[str, dict[str, Any]]] = {"regions": {}, "products": {}}
        self.dates: list[dt.date] = []
        self.targets: list[dict[str, Any]] = []
        self.strategies: dict[str, dict[str, Any]] = {}
        self.tasks: list[tuple[dict[str, Any], RowCells]] = []
        self.risks: list[dict[str, Any]] = []
        self.summary = Imported().summary

    def split(self, shown: str) -> list[str]:
        separators = {self.embedded.words.get(("separator", "list"), ", "), ",", ";", "\n"}
        parts = re.split("|".join(map(re.escape, separators)), shown)
        return [part.strip() for part in parts if part.strip()]

    def words(self, kind: str) -> Mapping[str, str]:
        return words_of(self.embedded, kind)

    def person(self, row: RowCells, column: str, role: str = "manager") -> str | None:
        name = row.read(column, cells.text)
        if name is MISSING or name is None:
            return None
        person_id = _ID_UNSAFE.sub("-", name)
        entry = self.people.setdefault(person_id, {"id": person_id, "role": role})
        if name != person_id:
            entry["name"] = name
        if role == "rep":
            entry["role"] = "rep"
        return person_id

    def day(self, row: RowCells, column: str) -> dt.date | None:
        found = row.read(column, cells.day)
        if found is MISSING or found is None:
            return None
        self.dates.append(found)
        return found

    def rows(self, table: str) -> Iterator[RowCells]:
        for title, (name, columns) in self.embedded.tables.items():
            if name != table:
                continue
            sheet = self.book.sheets.get(title)
            if sheet is None:
                self.book.diag(
                    codes.IMPORT_SHEET_MISSING,
                    title,
                    1,
                    1,
                    _("the sheet '{title}' is missing or was renamed", title=title),
                    _("keep the sheets' names as exported"),
                )
                continue
            for number in data_rows(sheet, self.embedded.examples.get(title)):
                yield RowCells(self.book, sheet, number, columns)

    # -- targets and their parts --------------------------------------------------------------------
    def breakdown(self) -> None:
        levels = self.words("level")
        current: dict[str, Any] | None = None
        parts: list[tuple[str, str, Decimal, RowCells]] = []
        for row in self.rows("breakdown"):
            first = row.read("dimension", cells.text)
            level = next((k for k, w in levels.items() if first in (w, k)), None) if first is not MISSING else None
            if level is None:
                self._close(current, parts)
                current, parts = self._target(row), []
                continue
            if current is None:
                row.diag(codes.IMPORT_ROW_CHANGED, "dimension", _("a part of a breakdown comes under its target's row"))
                continue
            name = row.read("metric", cells.text)
            unit = str(current.get("unit") or self.unit)
            value = row.read("value", partial(cells.amount, unit=unit))
            if name is MISSING or value is MISSING:
                continue
            if name is None or value is None:
                row.diag(codes.IMPORT_BAD_VALUE, "value", _("a part of the breakdown needs its name and value"))
                continue
            parts.append((level, name, value, row))
        self._close(current, parts)

    def _target(self, row: RowCells) -> dict[str, Any]:
        number = len(self.targets) + 1
        target: dict[str, Any] = {"id": f"T{number}"}
        dims, kinds = self.words("dimension"), self.words("kind")
        shown = row.read("dimension", cells.text)
        for part in (p.strip() for p in (shown if isinstance(shown, str) else "").split("·") if p.strip()):
            found_kind = next((k for k, w in kinds.items() if part in (w, k)), None)
            found_dim = next((k for k, w in dims.items() if part in (w, k)), None)
            if found_kind is None and found_dim is None:
                allowed = ", ".join([*dims.values(), *kinds.values()])
                message = _("'{value}' is not a known dimension or kind ({allowed})", value=part, allowed=allowed)
                row.diag(codes.IMPORT_UNKNOWN, "dimension", message)
            if found_kind:
                target["kind"] = found_kind
            if found_dim:
                target["dimension"] = found_dim
        name = row.read("metric", cells.text)
        if isinstance(name, str):
            target["name"] = target["metric"] = name  # 核心指标: the metric, in the sheet's words
        raw = row.raw("value")
        unit = self.unit
        counted = _COUNTED.match(cells.narrow(raw)) if isinstance(raw, str) else None
        if counted is not None and money_scale(counted["unit"]) is None:
            raw, unit = counted["number"], counted["unit"]  # 30家: a count in its own unit
        elif isinstance(raw, str) and cells.narrow(raw).strip().endswith("%"):
            unit = "%"
        value = row.read("value", lambda _v: cells.number(raw, unit))
        if isinstance(value, Decimal):
            target["value"] = f"{plain(value)}%" if unit == "%" else data_number(value)
        target["unit"] = unit
        path = row.read("path", cells.text)
        if isinstance(path, str):
            target["path"] = path
        owner = self.person(row, "owner")
        if owner:
            target["owner"] = owner
        deadline = self.day(row, "deadline")
        if deadline:
            target["deadline"] = deadline
        target["_row"] = row
        self.targets.append(target)
        self.summary.saw("targets", True)
        return target

    def _close(self, target: dict[str, Any] | None, parts: list[tuple[str, str, Decimal, RowCells]]) -> None:
        if target is None:
            return
        row: RowCells = target.pop("_row")
        if not parts:
            if "value" not in target:
                row.diag(codes.IMPORT_BAD_VALUE, "value", _("a target needs its value"))
            return
        level = parts[0][0]
        deeper = next((p for p in parts if p[0] != level), None)
        if deeper is not None:
            deeper[3].diag(
                codes.IMPORT_NOT_HELD,
                "dimension",
                _("a filled-in template holds one level of breakdown per target: split further in the plan file"),
            )
            return
        values: dict[str, int | Decimal] = {}
        for _level, name, value, part_row in parts:
            part_id = self._part(level, name, part_row)
            if part_id is not None:
                values[part_id] = data_number(value)
                self.summary.saw("values", True)
        total = sum((Decimal(v) for v in values.values()), Decimal(0))
        if "value" not in target:
            target["value"] = data_number(total)
        elif Decimal(str(target["value"]).rstrip("%")) != total:
            message = _(
                "a total typed over: {value} is not the sum of its parts ({sum})",
                value=str(target["value"]),
                sum=plain(total),
            )
            row.diag(codes.IMPORT_TOTAL, "value", message, _("change the parts (the totals follow), or only the total"))
            return
        target["split"] = [{"by": level, "method": "explicit", "values": values}]
        if level in _PART_KINDS:
            target["scope"] = {_PART_KINDS[level]: list(values)}

    def _part(self, level: str, name: str, row: RowCells) -> str | None:
        if level == "rep":
            return self.person(row, "metric", role="rep")
        if level in ("month", "quarter", "week"):
            if part_of_id(name) is None:
                message = _(
                    "'{value}' is not a {what} (write it as 2026-07)", value=name, what=self.words("level")[level]
                )
                row.diag(codes.IMPORT_BAD_VALUE, "metric", message)
                return None
            return name
        section = _PART_KINDS.get(level)
        if section is None:
            row.diag(
                codes.IMPORT_UNKNOWN, "dimension", _("a filled-in template splits by region, product, rep or time")
            )
            return None
        part_id = _ID_UNSAFE.sub("-", name)
        entry = self.parts[section].setdefault(part_id, {"id": part_id})
        if name != part_id:
            entry["name"] = name
        return part_id
