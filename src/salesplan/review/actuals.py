"""Actuals (实际达成) resolved against a plan: each row's target, coordinates, day or month, and value.

A table of actuals has one row per recorded result. Columns, in Chinese or English (case and
surrounding spaces ignored; order free; unknown columns are a warning and ignored):

| column | 中文 | meaning |
|---|---|---|
| target | 目标 | target id; may be left out for the plan's revenue target (or when the plan has one target) |
| region | 区域 | region id or name |
| product | 产品 / 产品线 | product id or name |
| rep | 销售代表 / 代表 | person id or name |
| date | 日期 | the day of the result (YYYY-MM-DD) |
| month | 月份 | YYYY-MM (also `2026年7月`), when no date is given |
| value | 金额 / 数值 / 实际 | the result in the target's unit: `12.5`, `3万` (read in the target's unit), `15%` |

Every problem is a located diagnostic (`file:line:column`; rows with problems are left out):
SP060 unreadable file, SP061 no value column / unknown column (warning), SP062 not a number,
SP063 unknown target/region/product/rep, SP064 bad date or month, SP065 dated outside the plan
period, SP066 no target column and no default target.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.numbers import MAX_PLACES
from salesplan.review import codes
from salesplan.review.grid import Grid, problem, read_grid

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target

COLUMNS: dict[str, tuple[str, ...]] = {
    "target": ("target", "目标", "目标编号", "指标"),
    "region": ("region", "区域", "大区"),
    "product": ("product", "产品", "产品线"),
    "rep": ("rep", "销售代表", "代表", "销售"),
    "date": ("date", "日期"),
    "month": ("month", "月份", "月"),
    "value": ("value", "amount", "actual", "金额", "数值", "实际", "实际值", "销售额", "实际金额"),
}
_ALIAS = {alias.lower(): canonical for canonical, aliases in COLUMNS.items() for alias in aliases}
_MONTH_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_ZH = {"target": "目标", "region": "区域", "product": "产品", "rep": "销售代表"}
LIMIT = Decimal(10) ** 15  # larger results are typos (or attacks), not sales
# decimal places: as in plan files (salesplan.numbers.MAX_PLACES)
RATE_DIMENSIONS = ("efficiency", "quality")


def compares_levels(target: Target) -> bool:
    """Rates (unit %) and unsplit efficiency/quality targets (客单价, cycle days) compare levels, not sums."""
    return target.unit == "%" or (target.dimension in RATE_DIMENSIONS and not target.split)


@dataclass
class ActualRow:
    """One recorded result, resolved to plan ids; `cols` holds each field's source position."""

    target: str
    value: Decimal
    source: SourceRef
    coords: dict[str, str] = field(default_factory=dict)  # region/product/rep -> id
    day: dt.date | None = None
    month: str | None = None  # YYYY-MM when only the month is known
    locate: Callable[[str], SourceRef | None] | None = field(default=None, repr=False, compare=False)

    def where(self, key: str) -> SourceRef:
        """Where the row's `key` column (region, rep, date...) sits in the file; the row's start otherwise."""
        found = self.locate(key) if self.locate is not None else None
        return found or self.source

    def first_day(self) -> dt.date | None:
        return self.day or (dt.date.fromisoformat(f"{self.month}-01") if self.month else None)


@dataclass
class Actuals:
    rows: list[ActualRow]
    diagnostics: list[Diagnostic]


def default_target(plan: Plan) -> str | None:
    """The target a row without a target column is for: the only one, else the first revenue target."""
    if len(plan.targets) == 1:
        return plan.targets[0].id
    return next((t.id for t in plan.targets if (t.metric or "").lower() in ("revenue", "sales", "销售额")), None)


def parse_actuals(path: Path, plan: Plan) -> Actuals:
    """Read the actuals file and resolve every row against the plan."""
    grid, diagnostics = read_grid(path)
    if grid is None:
        return Actuals([], diagnostics)
    if not grid.rows or all(_blank(c) for c in grid.rows[0]):
        return Actuals(
            [],
            [
                problem(
                    SourceRef(str(path), 1, 1), codes.ACTUALS_BAD_HEADER, "actuals file is empty", "实际数据文件为空"
                )
            ],
        )
    return _Resolver(plan, grid).run()


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


class _Resolver:
    def __init__(self, plan: Plan, grid: Grid) -> None:
        self.plan, self.grid = plan, grid
        self.targets = {t.id: t for t in plan.targets}
        self.default = default_target(plan)
        period = plan.plan.period
        self.period = (period.start, period.end)
        self.known = {
            "region": _index(plan.team.regions),
            "product": _index(plan.team.products),
            "rep": _index(plan.team.people),
            "target": {t.id: t.id for t in plan.targets},
        }
        self.columns: dict[str, int] = {}
        self.diagnostics: list[Diagnostic] = []

    def run(self) -> Actuals:
        self._header()
        if "value" not in self.columns:
            return Actuals([], self.diagnostics)
        rows: list[ActualRow] = []
        for index, cells in enumerate(self.grid.rows[1:], start=1):
            if all(_blank(c) for c in cells):
                continue
            before = len(self.diagnostics)
            row = self._row(index, cells)
            if row is not None and len(self.diagnostics) == before:
                rows.append(row)
        return Actuals(rows, self.diagnostics)

    def diag(self, row: int, key: str | None, code: str, message: str, message_zh: str, **kw: Any) -> None:
        column = self.columns.get(key, 0) if key else 0
        self.diagnostics.append(problem(self.grid.where(row, column), code, message, message_zh, **kw))

    def _header(self) -> None:
        for i, cell in enumerate(self.grid.rows[0]):
            name = str(cell).strip().lower() if cell is not None else ""
            canonical = _ALIAS.get(name)
            if canonical is None or canonical in self.columns:
                if name:
                    self.diagnostics.append(
                        problem(
                            self.grid.where(0, i),
                            codes.ACTUALS_BAD_HEADER,
                            f"unknown or repeated column '{cell}' (ignored)",
                            f"未知或重复的列 '{cell}'（已忽略）",
                            Severity.WARNING,
                        )
                    )
                continue
            self.columns[canonical] = i
        if "value" not in self.columns:
            self.diagnostics.append(
                problem(
                    self.grid.where(0, 0),
                    codes.ACTUALS_BAD_HEADER,
                    "no value column (value / 金额 / 数值 / 实际)",
                    "缺少数值列（value / 金额 / 数值 / 实际）",
                )
            )

    def cell(self, cells: list[Any], key: str) -> Any:
        i = self.columns.get(key)
        if i is None or i >= len(cells):
            return None
        value = cells[i]
        if isinstance(value, str):
            return value.strip() or None
        return value

    def _row(self, index: int, cells: list[Any]) -> ActualRow | None:
        target = self._target(index, cells)
        coords: dict[str, str] = {}
        for key in ("region", "product", "rep"):
            raw = self.cell(cells, key)
            if raw is None:
                continue
            ident = self.known[key].get(str(raw))
            if ident is None:
                self.diag(index, key, codes.ACTUALS_UNKNOWN, f"unknown {key} '{raw}'", f"未知的{_ZH[key]} '{raw}'")
            else:
                coords[key] = ident
        value = self._value(index, cells, target)
        day, month = self._when(index, cells)
        if target is None or value is None:
            return None
        locate = functools.partial(self._locate, index)
        return ActualRow(target.id, value, self.grid.where(index, 0), coords, day, month, locate)

    def _locate(self, index: int, key: str) -> SourceRef | None:
        column = self.columns.get(key)
        return None if column is None else self.grid.where(index, column)

    def _target(self, index: int, cells: list[Any]) -> Target | None:
        raw = self.cell(cells, "target")
        if raw is None:
            if self.default is None:
                self.diag(
                    index,
                    "target",
                    codes.ACTUALS_NO_TARGET,
                    "the row names no target and the plan has no single or revenue target to default to",
                    "该行未写目标，且计划中没有可默认的唯一目标或销售额目标",
                )
                return None
            return self.targets[self.default]
        ident = self.known["target"].get(str(raw))
        if ident is None:
            self.diag(index, "target", codes.ACTUALS_UNKNOWN, f"unknown target '{raw}'", f"未知的目标 '{raw}'")
            return None
        return self.targets[ident]

    def _value(self, index: int, cells: list[Any], target: Target | None) -> Decimal | None:
        from salesplan.model.values import is_percent_text, parse_amount, parse_percent

        raw = self.cell(cells, "value")
        rate = target is not None and compares_levels(target)
        unit = self.plan.target_unit(target) if target is not None else None
        value: Any = None
        try:
            if raw is None or isinstance(raw, bool):
                value = None
            elif isinstance(raw, (int, float)):
                value = parse_amount(raw)
            elif is_percent_text(raw) and not (rate and unit == "%"):
                value = None  # 15% of a revenue target means nothing
            else:
                value = parse_percent(str(raw)) if rate and unit == "%" else parse_amount(str(raw), unit)
        except (ValueError, ArithmeticError):
            value = None
        finite = isinstance(value, Decimal) and value.is_finite()
        if finite and abs(value) < LIMIT and _places(value) <= MAX_PLACES:
            return value  # type: ignore[no-any-return]
        shown = "" if raw is None else str(raw)[:60]
        if finite:
            self.diag(
                index,
                "value",
                codes.ACTUALS_BAD_NUMBER,
                f"'{shown}' is too large or has more than {MAX_PLACES} decimal places",
                f"'{shown}' 数值过大或小数位超过 {MAX_PLACES} 位",
            )
        else:
            self.diag(
                index,
                "value",
                codes.ACTUALS_BAD_NUMBER,
                f"'{shown}' is not a number in {unit or 'the target unit'}",
                f"'{shown}' 不是以{unit or '目标单位'}计的数字",
            )
        return None

    def _when(self, index: int, cells: list[Any]) -> tuple[dt.date | None, str | None]:
        day = self.cell(cells, "date")
        if day is not None:
            parsed = _day(day)
            if parsed is None:
                self.diag(
                    index,
                    "date",
                    codes.ACTUALS_BAD_DATE,
                    f"'{day}' is not a date (YYYY-MM-DD)",
                    f"'{day}' 不是日期（YYYY-MM-DD）",
                )
            elif not self.period[0] <= parsed <= self.period[1]:
                self._outside(index, "date", parsed.isoformat())
            return parsed, None
        month = self.cell(cells, "month")
        if month is None:
            return None, None
        text = _month(month)
        if text is None:
            self.diag(
                index,
                "month",
                codes.ACTUALS_BAD_DATE,
                f"'{month}' is not a month (YYYY-MM)",
                f"'{month}' 不是月份（YYYY-MM）",
            )
            return None, None
        first = dt.date.fromisoformat(f"{text}-01")
        if first > self.period[1] or _month_end(first) < self.period[0]:
            self._outside(index, "month", text)
        return None, text

    def _outside(self, index: int, key: str, when: str) -> None:
        start, end = (d.isoformat() for d in self.period)
        self.diag(
            index,
            key,
            codes.ACTUALS_OUTSIDE,
            f"{when} is outside the plan period {start} – {end}",
            f"{when} 不在计划周期 {start} – {end} 内",
        )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _index(items: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        out[item.id] = item.id
    for item in items:
        if item.name:
            out.setdefault(item.name, item.id)
    return out


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip().replace("/", "-"))
    except ValueError:
        return None


def _month(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    match = _MONTH_RE.match(str(value).strip())
    if match and 1 <= int(match[2]) <= 12 and int(match[1]) >= 1:
        return f"{int(match[1]):04d}-{int(match[2]):02d}"
    return None


def _month_end(first: dt.date) -> dt.date:
    following = dt.date(first.year + 1, 1, 1) if first.month == 12 else dt.date(first.year, first.month + 1, 1)
    return following - dt.timedelta(days=1)
