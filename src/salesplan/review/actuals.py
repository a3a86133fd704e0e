"""Actuals (实际达成) resolved against a plan: each row's target, coordinates, day or month, and value.

A table of actuals has one row per recorded result, read as Chinese Excel and WPS write it: CSV
(UTF-8, GB18030, or UTF-16 "Unicode text", comma- or tab-separated), xlsx or YAML. Columns, in
Chinese or English (case, full-width letters and surrounding spaces ignored; order free; the
words of each column are `salesplan.review.headers.COLUMNS`, plus the user's `[review.columns]`):

| column | 中文 (some) | meaning |
|---|---|---|
| target | 目标 / 指标名称 | target id or name; may be left out for the plan's revenue target |
| region | 区域 / 片区 / 地区 | region id or name |
| product | 产品 / 产品线 / 品类 | product id or name |
| rep | 销售代表 / 业务员 / 客户经理 | person id or name |
| date | 日期 / 成交日期 | the day: `2026-07-10`, `2026/7/10`, `2026年7月10日`, with or without a time; a date cell |
| month | 月份 | `2026-07`, `2026/7`, `2026年7月`, when no date is given |
| value | 金额 / 实际 / 销售额 / 业绩 | target's unit, or the header's (`金额（元）`): `12.5`, `3万`, `1,234`, `15%` |
| strategy | 策略 / 归因策略 | optional: the strategy id or name the result is attributed to (ROI, `--spend`) |

Days and months: `salesplan.review.cells`; values and units: `salesplan.review.amounts`.

Every problem is a located diagnostic (`file:line:column`; rows with errors are left out):
SP060 unreadable file; SP061 no value column, a column salesplan cannot place (unless ignored:
`--ignore-column`, `[review.columns] ignore`), values under no header, a repeated column or a
header unit it does not know; SP062 not a number, or in a unit the target is not counted in
(`3万` for a 家 target); SP063 unknown target/region/product/rep/strategy; SP064 a date or month that
is unreadable, ambiguous (`7/10/2026`) or impossible (`2026/2/30`); SP065 dated outside the plan
period; SP066 no target column and no default target; SP068 (warning) booked to a rep on a day
the rep is not on the team (before `start` or after `end` in team.people): it still counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.i18n import Message, _
from salesplan.review import codes
from salesplan.review.amounts import Refusal, read_value
from salesplan.review.cells import DAY_FORMS, MONTH_FORMS, is_day_shaped, read_day, read_month
from salesplan.review.grid import Grid, Unreadable, read_grid
from salesplan.review.headers import VALUE_WORDS, ColumnSettings, read_header
from salesplan.review.metrics import metric_index, unmeasured_names
from salesplan.review.outside import not_in_breakdown as not_in_breakdown  # re-exported: engine and tree use it
from salesplan.review.rows import ActualRow as ActualRow  # re-exported: rows are read here
from salesplan.review.rows import month_end
from salesplan.review.words import COLUMN_WORDS, listing

if TYPE_CHECKING:
    from salesplan.model.plan import Account, Plan, Target

REVENUE_METRICS = ("revenue", "sales", "销售额")  # metric names a row without a target defaults to
RATE_DIMENSIONS = ("efficiency", "quality")
# the cells `_row` reads, in its order
PICKED = ("target", "region", "product", "rep", "account", "channel", "date", "month", "value", "strategy")
NAMED = ("region", "product", "rep", "account", "channel")  # the columns that name a part of the plan


def compares_levels(target: Target) -> bool:
    """Rates (unit %) and unsplit efficiency/quality targets (客单价, cycle days) compare levels, not sums."""
    return target.unit == "%" or (target.dimension in RATE_DIMENSIONS and not target.split)


@dataclass
class Actuals:
    rows: list[ActualRow]
    diagnostics: list[Diagnostic]


def default_target(plan: Plan) -> str | None:
    """The target a row without a target column is for: the only one, else the first revenue target."""
    if len(plan.targets) == 1:
        return plan.targets[0].id
    return next((t.id for t in plan.targets if (t.metric or "").lower() in REVENUE_METRICS), None)


def parse_actuals(path: Path, plan: Plan, columns: ColumnSettings | None = None) -> Actuals:
    """Read the actuals file and resolve every row against the plan (`columns`: the user's header words)."""
    grid, diagnostics = read_grid(path, stream=True)
    if grid is None:
        return Actuals([], diagnostics)
    if not grid.rows or all(_blank(c) for c in grid.rows[0]):
        empty = diagnostic(codes.ACTUALS_BAD_HEADER, SourceRef(str(path), 1, 1), _("actuals file is empty"))
        return Actuals([], [empty])
    try:
        return _Resolver(plan, grid, columns or ColumnSettings()).run()
    except Unreadable as exc:  # a CSV unreadable part-way: as if unreadable from the start
        return Actuals([], [exc.diagnostic])


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _blank_row(cells: list[Any]) -> bool:
    return all(_blank(cell) for cell in cells)  # the first cell decides, in most rows


class _Resolver:
    def __init__(self, plan: Plan, grid: Grid, settings: ColumnSettings) -> None:
        self.plan, self.grid, self.settings = plan, grid, settings
        self.targets = {t.id: t for t in plan.targets}
        self.units = {t.id: plan.target_unit(t) for t in plan.targets}
        # a metric a formula uses that no target measures is recorded under its own name, in the plan's unit
        self.units.update(dict.fromkeys(unmeasured_names(plan), plan.plan.unit))
        self.default = default_target(plan)
        period = plan.plan.period
        self.period = (period.start, period.end)
        self.known = {
            "region": part_index(plan.team.regions),
            "product": part_index(plan.team.products),
            "rep": part_index(plan.team.people),
            "account": part_index(plan.team.accounts),
            "channel": part_index(plan.team.channels),
            "target": {**metric_index(plan), **part_index(plan.targets)},  # a target's id or name wins
            "strategy": part_index(plan.strategies),
        }
        self.active = {p.id: (p.start, p.end) for p in plan.team.people if p.start or p.end}
        self.accounts = {a.id: a for a in reversed(plan.team.accounts)}
        self.home = {p.id: p.region for p in plan.team.people if p.region}  # a rep's region
        self.columns: dict[str, int] = {}
        self.value_unit: tuple[str, str] | None = None
        self.diagnostics: list[Diagnostic] = []
        self._coords: dict[tuple[str | None, ...], dict[str, str]] = {}  # one dict for rows naming the same parts

    def run(self) -> Actuals:
        """One pass over the rows: each is checked for values without a header and resolved; the header's
        problems come first, then the headerless columns', then the rows'."""
        self._header()
        header_problems, self.diagnostics = self.diagnostics, []
        header = self.grid.rows[0]
        self._width, self._blanks = len(header), [i for i, cell in enumerate(header) if _blank(cell)]
        self._reported: set[int] = set()
        self._found: list[Diagnostic] = []
        resolve = "value" in self.columns
        self._at = [self.columns.get(key) for key in PICKED]
        rows: list[ActualRow] = []
        for index, cells in enumerate(self.grid.body(), start=1):
            self._headless(index, cells)
            if not resolve or _blank_row(cells):
                continue
            before = len(self.diagnostics)
            row = self._row(index, cells)
            if row is not None and (
                len(self.diagnostics) == before
                or not any(d.severity is Severity.ERROR for d in self.diagnostics[before:])
            ):
                rows.append(row)
        return Actuals(rows, header_problems + self._found + self.diagnostics)

    def start(self, index: int) -> SourceRef:
        return self.grid.where(index, 0)

    def diag(
        self,
        row: int,
        key: str | None,
        code: str,
        message: Message,
        hint: Message | None = None,
        severity: Severity | None = None,
    ) -> None:
        column = self.columns.get(key, 0) if key else 0
        where = self.grid.where(row, column)
        self.diagnostics.append(diagnostic(code, where, message, hint=hint, severity=severity))

    def _header(self) -> None:
        units = sorted({self.plan.target_unit(t) for t in self.plan.targets})
        header = read_header(self.grid.rows[0], self.settings, units)
        self.columns, self.value_unit = header.columns, header.value_unit
        for index, message, hint in header.problems:
            self.diagnostics.append(diagnostic(codes.ACTUALS_BAD_HEADER, self.grid.where(0, index), message, hint=hint))
        if "value" not in self.columns:
            words = " / ".join(VALUE_WORDS)
            missing = _("no value column ({words} …)", words=words)
            self.diagnostics.append(diagnostic(codes.ACTUALS_BAD_HEADER, self.grid.where(0, 0), missing))

    def _headless(self, index: int, cells: list[Any]) -> None:
        """Values in a column without a header cannot be placed either: each such column once, at its first value."""
        if not self._blanks and len(cells) <= self._width:
            return
        for column in (*self._blanks, *range(self._width, len(cells))):
            if column >= len(cells) or column in self._reported or _blank(cells[column]):
                continue
            self._reported.add(column)
            shown = str(cells[column])[:40]
            self._found.append(
                diagnostic(
                    codes.ACTUALS_BAD_HEADER,
                    self.grid.where(index, column),
                    _(
                        "column {column} holds '{value}' but has no header: salesplan cannot place it",
                        column=column + 1,
                        value=shown,
                    ),
                    hint=_("give the column a header, or delete it"),
                )
            )

    def _pick(self, cells: list[Any]) -> list[Any]:
        """The row's cell of each column of PICKED (None: no such column, or blank), text trimmed."""
        width, out = len(cells), []
        for i in self._at:
            value = None if i is None or i >= width else cells[i]
            out.append((value.strip() or None) if isinstance(value, str) else value)
        return out

    def _row(self, index: int, cells: list[Any]) -> ActualRow | None:
        raw_target, *named, raw_day, raw_month, raw_value, raw_strategy = self._pick(cells)
        if raw_value is None and raw_day is None and raw_strategy is None:
            # only the plan's parts (target, region, product, rep, month), no result: a row of the
            # `--blank` template not filled in yet is not reported, not a bad number
            return None
        target = self._target(index, raw_target)
        coords: dict[str, str] = {}
        for key, raw in zip(NAMED, named, strict=True):
            if raw is None:
                continue
            ident = self.known[key].get(str(raw))
            if ident is None:
                self.diag(index, key, codes.ACTUALS_UNKNOWN, _unknown(key, raw))
            else:
                coords[key] = ident
        value = self._value(index, raw_value, target)
        day, month = self._when(index, raw_day, raw_month)
        strategy = None if raw_strategy is None else self.known["strategy"].get(str(raw_strategy))
        if raw_strategy is not None and strategy is None:
            self.diag(index, "strategy", codes.ACTUALS_UNKNOWN, _unknown("strategy", raw_strategy))
        if target is None or value is None:
            return None
        named_rep = coords.get("rep")
        _implied(coords, self.accounts, self.home)
        ids = tuple(coords.get(key) for key in NAMED)
        shared = self._coords.setdefault(ids, coords)
        row = ActualRow(target, value, None, shared, day, month, places=self, index=index, strategy=strategy)
        if self.active and named_rep in self.active:  # the rep the row names, not one implied by its account
            self._check_active(index, row)
        return row

    def locate(self, index: int, key: str) -> SourceRef | None:
        column = self.columns.get(key)
        return None if column is None else self.grid.where(index, column)

    def _target(self, index: int, raw: Any) -> str | None:
        """The row's target id (or a metric only a formula uses), or None after its diagnostic."""
        if raw is None:
            if self.default is None:
                self.diag(
                    index,
                    "target",
                    codes.ACTUALS_NO_TARGET,
                    _("the row names no target and the plan has no single or revenue target to default to"),
                )
                return None
            return self.default
        ident = self.known["target"].get(str(raw))
        if ident is None:
            self.diag(index, "target", codes.ACTUALS_UNKNOWN, _unknown("target", raw))
            return None
        formula = self.targets[ident].formula if ident in self.targets else None
        if formula is not None:
            message = _(
                "target '{id}' is computed from its formula ({formula}): record the metrics it names instead",
                id=ident,
                formula=formula,
            )
            self.diag(index, "target", codes.ACTUALS_UNKNOWN, message)
            return None
        return ident

    def _value(self, index: int, raw: Any, target: str | None) -> Decimal | None:
        unit = self.units[target] if target is not None else None
        read = read_value(raw, unit, self.value_unit)
        if isinstance(read, Refusal):
            if target is not None or not read.about_unit:  # without a target, only the number is judged
                self.diag(index, "value", codes.ACTUALS_BAD_NUMBER, read.reason)
            return None
        return read

    def _when(self, index: int, raw_day: Any, raw_month: Any) -> tuple[dt.date | None, str | None]:
        if raw_day is not None:
            day = read_day(raw_day)
            if day is None:
                self._bad_when(index, "date", raw_day)
            elif not self.period[0] <= day <= self.period[1]:
                self._outside(index, "date", day.isoformat())
            return day, None
        if raw_month is None:
            return None, None
        month = read_month(raw_month)
        if month is None:
            self._bad_when(index, "month", raw_month)
            return None, None
        first = dt.date.fromisoformat(f"{month}-01")
        if first > self.period[1] or month_end(first) < self.period[0]:
            self._outside(index, "month", month)
        return None, month

    def _bad_when(self, index: int, key: str, raw: Any) -> None:
        shown = str(raw)[:60]
        if key == "date" and is_day_shaped(raw):
            reason = _("'{value}' is not a day of the calendar", value=shown)
        elif key == "date":
            reason = _("'{value}' is not a date", value=shown)
        else:
            reason = _("'{value}' is not a month", value=shown)
        forms = listing(DAY_FORMS if key == "date" else MONTH_FORMS)
        self.diag(
            index,
            key,
            codes.ACTUALS_BAD_DATE,
            _("{reason}: write the year first, as {forms} (a time after the day is fine)", reason=reason, forms=forms),
        )

    def _outside(self, index: int, key: str, when: str) -> None:
        start, end = (d.isoformat() for d in self.period)
        self.diag(
            index,
            key,
            codes.ACTUALS_OUTSIDE,
            _("{when} is outside the plan period {start} – {end}", when=when, start=start, end=end),
        )

    def _check_active(self, index: int, row: ActualRow) -> None:
        """A result booked to a rep on a day the rep is not on the team is a mistake more often than not:
        before the start nothing is expected of the rep, so it would read as far ahead of pace."""
        rep = row.coords.get("rep")
        first, last = row.first_day(), row.last_day()
        if rep is None or rep not in self.active or first is None or last is None:
            return
        start, end = self.active[rep]
        dated = row.day.isoformat() if row.day else str(row.month)
        if start is not None and last < start:
            message = _(
                "{dated} is before {rep}'s time on the team ({rep} starts {day}); the result still counts",
                dated=dated,
                rep=rep,
                day=start.isoformat(),
            )
        elif end is not None and first > end:
            message = _(
                "{dated} is after {rep}'s time on the team ({rep} leaves {day}); the result still counts",
                dated=dated,
                rep=rep,
                day=end.isoformat(),
            )
        else:
            return
        self.diag(
            index,
            "date" if row.day else "month",
            codes.ACTUALS_REP_INACTIVE,
            message,
            hint=_("check the rep, or the rep's start/end in team.people"),
            severity=Severity.WARNING,
        )


def _unknown(key: str, raw: Any) -> Message:
    return _("unknown {column} '{value}'", column=COLUMN_WORDS[key], value=raw)


def part_index(items: list[Any]) -> dict[str, str]:
    """Each id, and each name not already an id (the first item of a name wins) -> the item's id."""
    out: dict[str, str] = {}
    for item in items:
        out[item.id] = item.id
    for item in items:
        if item.name:
            out.setdefault(item.name, item.id)
    return out


def _implied(coords: dict[str, str], accounts: dict[str, Account], home: dict[str, str]) -> None:
    """The parts a row implies without naming them (a row need not repeat them): an account's region, tier
    and owner (its rep), and a rep's region; what the row names is kept."""
    if "account" in coords:
        account = accounts[coords["account"]]
        if account.region is not None:
            coords.setdefault("region", account.region)
        if account.tier is not None:
            coords["tier"] = account.tier
        if account.owner is not None:
            coords.setdefault("rep", account.owner)
    rep = coords.get("rep")
    if rep is not None and rep in home:
        coords.setdefault("region", home[rep])
