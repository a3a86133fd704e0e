"""Reading actuals (实际达成) from CSV, xlsx or YAML into located rows.

A table of actuals has one row per recorded result. Columns, in Chinese or English (case and
surrounding spaces ignored):

| column | 中文 | meaning |
|---|---|---|
| target | 目标 | target id (optional when the plan has one target, or for the plan's revenue target) |
| region | 区域 | region id or name |
| product | 产品 / 产品线 | product id or name |
| rep | 销售代表 / 代表 | person id |
| date | 日期 | the day of the result (YYYY-MM-DD) |
| month | 月份 | YYYY-MM, when no date is given |
| value | 金额 / 数值 / 实际 | the amount, in the target's unit (`12.5`, `3万`, `18%`) |

Unknown regions, products and reps, unparseable numbers and dates are located diagnostics
(`file:row:column`), never crashes; rows with problems are left out of the review.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.review import codes

if TYPE_CHECKING:
    from salesplan.model.plan import Plan

COLUMNS: dict[str, tuple[str, ...]] = {
    "target": ("target", "目标", "目标编号", "指标"),
    "region": ("region", "区域", "大区"),
    "product": ("product", "产品", "产品线"),
    "rep": ("rep", "销售代表", "代表", "销售"),
    "date": ("date", "日期"),
    "month": ("month", "月份", "月"),
    "value": ("value", "金额", "数值", "实际", "actual", "实际值", "销售额"),
}
_ALIAS = {alias.lower(): canonical for canonical, aliases in COLUMNS.items() for alias in aliases}
_MONTH_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")
MAX_ROWS = 1_000_000


@dataclass
class ActualRow:
    """One recorded result, with its coordinates resolved to plan ids."""

    value: Decimal
    source: SourceRef
    target: str | None = None
    coords: dict[str, str] = field(default_factory=dict)  # region/product/rep -> id
    day: dt.date | None = None
    month: str | None = None  # YYYY-MM when only the month is known

    def month_key(self) -> str | None:
        return self.day.strftime("%Y-%m") if self.day else self.month


@dataclass
class Actuals:
    rows: list[ActualRow]
    diagnostics: list[Diagnostic]


def _diag(
    file: str, line: int, col: int, code: str, message: str, message_zh: str, severity: Severity = Severity.ERROR
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=severity,
        message=message,
        message_zh=message_zh,
        source=SourceRef(file, line, col),
        name=codes.name(code),
    )


def read_table(path: Path) -> tuple[list[list[Any]], list[Diagnostic]]:
    """Rows of cells (the header first), from CSV, xlsx or YAML; failures as diagnostics."""
    file = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path), []
        data = path.read_bytes()
    except (OSError, ValueError, KeyError) as exc:
        return [], [
            _diag(file, 1, 1, codes.ACTUALS_UNREADABLE, f"cannot read actuals: {exc}", f"无法读取实际数据：{exc}")
        ]
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        return [], [
            _diag(
                file,
                1,
                1,
                codes.ACTUALS_UNREADABLE,
                f"not a readable xlsx file: {type(exc).__name__}",
                "不是可读取的 xlsx 文件",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [], [
            _diag(
                file,
                1,
                1,
                codes.ACTUALS_UNREADABLE,
                "actuals file is not UTF-8 (save it as UTF-8 CSV)",
                "实际数据文件不是 UTF-8 编码（请另存为 UTF-8 CSV）",
            )
        ]
    if suffix in (".yaml", ".yml"):
        return _yaml_rows(text, file)
    return [row for row in csv.reader(io.StringIO(text))], []


def _read_xlsx(path: Path) -> list[list[Any]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [list(row) for _, row in zip(range(MAX_ROWS + 1), sheet.iter_rows(values_only=True), strict=False)]
    finally:
        book.close()


def _yaml_rows(text: str, file: str) -> tuple[list[list[Any]], list[Diagnostic]]:
    from salesplan.loader.yamltree import parse_yaml

    parsed = parse_yaml(text, file)
    if parsed.diagnostics:
        return [], parsed.diagnostics
    data = parsed.data
    if isinstance(data, dict):
        data = data.get("actuals")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        return [], [
            _diag(
                file,
                1,
                1,
                codes.ACTUALS_BAD_HEADER,
                "YAML actuals must be a list of mappings (or `actuals:` holding one)",
                "YAML 实际数据应为映射列表（或 `actuals:` 下的列表）",
            )
        ]
    header = sorted({key for item in data for key in item}, key=str)
    rows: list[list[Any]] = [header]
    for item in data:
        rows.append([item.get(key) for key in header])
    return rows, []


def parse_actuals(path: Path, plan: Plan) -> Actuals:
    """Read and resolve the actuals file against the plan."""
    table, diagnostics = read_table(path)
    if diagnostics or not table:
        return Actuals(
            [],
            diagnostics
            or [_diag(str(path), 1, 1, codes.ACTUALS_BAD_HEADER, "actuals file is empty", "实际数据文件为空")],
        )
    return _resolve(table, plan, str(path))


def _header(cells: list[Any], file: str) -> tuple[dict[str, int], list[Diagnostic]]:
    columns: dict[str, int] = {}
    out: list[Diagnostic] = []
    for i, cell in enumerate(cells):
        name = str(cell).strip().lower() if cell is not None else ""
        canonical = _ALIAS.get(name)
        if canonical is None:
            if name:
                out.append(
                    _diag(
                        file,
                        1,
                        i + 1,
                        codes.ACTUALS_BAD_HEADER,
                        f"unknown column '{cell}' (ignored)",
                        f"未知列 '{cell}'（已忽略）",
                        Severity.WARNING,
                    )
                )
            continue
        columns[canonical] = i
    if "value" not in columns:
        out.append(
            _diag(
                file,
                1,
                1,
                codes.ACTUALS_BAD_HEADER,
                "no value column (value/金额/数值/实际)",
                "缺少数值列（value/金额/数值/实际）",
            )
        )
    return columns, out


def _lookup(plan: Plan) -> dict[str, dict[str, str]]:
    def index(items: list[Any]) -> dict[str, str]:
        out = {}
        for item in items:
            out[item.id] = item.id
            if getattr(item, "name", None):
                out.setdefault(item.name, item.id)
        return out

    return {
        "region": index(plan.team.regions),
        "product": index(plan.team.products),
        "rep": index(plan.team.people),
        "target": {t.id: t.id for t in plan.targets},
    }


def _resolve(table: list[list[Any]], plan: Plan, file: str) -> Actuals:
    columns, diagnostics = _header(table[0], file)
    if "value" not in columns:
        return Actuals([], diagnostics)
    known = _lookup(plan)
    rows: list[ActualRow] = []
    for line, cells in enumerate(table[1:], start=2):
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        row, problems = _row(cells, line, columns, known, file)
        diagnostics += problems
        if row is not None:
            rows.append(row)
    return Actuals(rows, diagnostics)


def _cell(cells: list[Any], columns: dict[str, int], key: str) -> Any:
    i = columns.get(key)
    if i is None or i >= len(cells):
        return None
    value = cells[i]
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _row(
    cells: list[Any], line: int, columns: dict[str, int], known: dict[str, dict[str, str]], file: str
) -> tuple[ActualRow | None, list[Diagnostic]]:
    from salesplan.model.values import parse_percent

    problems: list[Diagnostic] = []
    raw = _cell(cells, columns, "value")
    col = columns["value"] + 1
    value: Decimal | None = None
    try:
        parsed = parse_percent(str(raw)) if raw is not None and not isinstance(raw, bool) else None
        value = parsed if isinstance(parsed, Decimal) and parsed.is_finite() else None
    except (ValueError, ArithmeticError):
        value = None
    if value is None:
        problems.append(
            _diag(file, line, col, codes.ACTUALS_BAD_NUMBER, f"'{raw}' is not a number", f"'{raw}' 不是数字")
        )
    row = ActualRow(value=value or Decimal(0), source=SourceRef(file, line, 1))
    for key in ("target", "region", "product", "rep"):
        cell = _cell(cells, columns, key)
        if cell is None:
            continue
        ident = known[key].get(str(cell))
        if ident is None:
            problems.append(
                _diag(
                    file,
                    line,
                    columns[key] + 1,
                    codes.ACTUALS_UNKNOWN,
                    f"unknown {key} '{cell}'",
                    f"未知的{_ZH[key]} '{cell}'",
                )
            )
        elif key == "target":
            row.target = ident
        else:
            row.coords[key] = ident
    _dates(cells, columns, row, problems, file, line)
    return (None if problems else row), problems


_ZH = {"target": "目标", "region": "区域", "product": "产品", "rep": "销售代表"}


def _dates(
    cells: list[Any], columns: dict[str, int], row: ActualRow, problems: list[Diagnostic], file: str, line: int
) -> None:
    day = _cell(cells, columns, "date")
    if day is not None:
        if isinstance(day, dt.datetime):
            row.day = day.date()
        elif isinstance(day, dt.date):
            row.day = day
        else:
            try:
                row.day = dt.date.fromisoformat(str(day).replace("/", "-"))
            except ValueError:
                problems.append(
                    _diag(
                        file,
                        line,
                        columns["date"] + 1,
                        codes.ACTUALS_BAD_DATE,
                        f"'{day}' is not a date (YYYY-MM-DD)",
                        f"'{day}' 不是日期（YYYY-MM-DD）",
                    )
                )
        return
    month = _cell(cells, columns, "month")
    if month is None:
        return
    if isinstance(month, dt.date):
        row.month = month.strftime("%Y-%m")
        return
    match = _MONTH_RE.match(str(month))
    if match and 1 <= int(match[2]) <= 12:
        row.month = f"{int(match[1]):04d}-{int(match[2]):02d}"
    else:
        problems.append(
            _diag(
                file,
                line,
                columns["month"] + 1,
                codes.ACTUALS_BAD_DATE,
                f"'{month}' is not a month (YYYY-MM)",
                f"'{month}' 不是月份（YYYY-MM）",
            )
        )
