"""Reading a commitments file (`salesplan split|lint PLAN --commitments F`): what reps and regions commit to.

The file is read as an actuals file is (`salesplan.review.grid`: CSV in UTF-8, GB18030 or UTF-16,
comma- or tab-separated, or xlsx; its headers matched by `salesplan.review.headers`, in English or
Chinese). One row per committed part:

| column | 中文 (some) | meaning |
|---|---|---|
| target | 目标 / 指标名称 | target id or name; left out: the plan's only or revenue target |
| region … channel | 区域 / 产品 / 销售 / 客户 / 渠道 | the part's path: id or name at each level |
| month | 月份 | optional time part: `2026-07`, `7月`, `Q3` (quarter level), `W27` (week level) |
| commitment | 承诺 / 承诺金额 (or 金额, never 实际) | target's unit, or the header's (`承诺（元）`): `280`, `3万` |

A column of allocations (allocation / 分配, as the template has) is not read. A row whose commitment
cell is blank is not read (a row of the template not filled in yet). Every
problem is a located diagnostic, all in one run: SP060 unreadable file, SP061 header (no commitment
column, a column salesplan cannot place, or a date or strategy column, which a commitment has not),
SP062 not an amount or a negative one, SP063 unknown target or part (with the nearest id or name),
SP066 no target column and no default target; then, against the split
(`salesplan.split.commit_file`): SP042 a part the breakdown has not, SP070 a part committed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import Message, _
from salesplan.loader.validate import did_you_mean, suggestion
from salesplan.review import codes
from salesplan.review.actuals import default_target, part_index
from salesplan.review.amounts import Refusal, read_value
from salesplan.review.cells import read_month
from salesplan.review.grid import COMMITMENTS, Grid, read_grid
from salesplan.review.headers import COLUMNS, ColumnSettings, header_unit, read_header
from salesplan.review.headers import key as header_key
from salesplan.review.words import COLUMN_WORDS
from salesplan.split.commit_file import FiledCommitment, apply_filed

if TYPE_CHECKING:
    from collections.abc import Sequence

    from salesplan.model.plan import Plan
    from salesplan.split.result import TargetSplit

# the header words of the commitment column, the last four an amount column's that say nothing else
COMMIT_WORDS = (
    "commitment",
    "commit",
    "committed",
    "承诺",
    "承诺值",
    "承诺金额",
    "承诺额",
    "承诺业绩",
    "value",
    "amount",
    "金额",
    "数值",
)
NAMED = ("region", "product", "rep", "account", "channel")  # the level columns, outermost first
UNREAD = ("date", "strategy")  # columns of an actuals file that a commitment has not
# the template's column of each part's allocation (`salesplan.review.commit_template`): shown, not read
ALLOCATION_WORDS = ("allocation", "分配", "分配额")
# the columns a commitments file takes: an actuals file's date and strategy are not read (their headers are
# refused with a reason), and an amount column is the commitment only when its header says nothing else
# (an 实际 / 销售额 / 业绩 column beside the commitments is last period's actuals, never a commitment)
ACCEPTED = {
    **{column: COLUMNS[column] for column in ("target", *NAMED, "month")},
    "value": COMMIT_WORDS,
}
# an actuals file's amount headers that are no commitment's (实际, 销售额, actual …): refused, never read as one
ACTUAL_WORDS = tuple(word for word in COLUMNS["value"] if word not in COMMIT_WORDS)
_SETTINGS = ColumnSettings(
    words={column: COLUMNS[column] for column in UNREAD},
    ignore=(*ALLOCATION_WORDS, *ACTUAL_WORDS),  # each actuals column is refused below, not left unread
    accepted=ACCEPTED,
    configurable=False,
)


@dataclass
class CommitmentsRead:
    rows: list[FiledCommitment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def filed_commitments(path: Path, plan: Plan, splits: Sequence[TargetSplit]) -> list[Diagnostic]:
    """Read the file and lay its commitments over the splits' `commit:` (the file wins); every problem."""
    read = read_commitments(path, plan)
    return sorted(read.diagnostics + apply_filed(splits, read.rows), key=Diagnostic.sort_key)


def read_commitments(path: Path, plan: Plan) -> CommitmentsRead:
    """The file's rows resolved to the plan's ids (time parts as written: the split resolves them)."""
    grid, problems = read_grid(path, what=COMMITMENTS)
    if grid is None:
        return CommitmentsRead([], problems)
    if not grid.rows or all(_blank(cell) for cell in grid.rows[0]):
        empty = diagnostic(codes.ACTUALS_BAD_HEADER, SourceRef(str(path), 1, 1), _("commitments file is empty"))
        return CommitmentsRead([], [empty])
    return _Reader(plan, grid).run()


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


class _Reader:
    def __init__(self, plan: Plan, grid: Grid) -> None:
        self.plan, self.grid = plan, grid
        self.units = {t.id: plan.target_unit(t) for t in plan.targets}
        self.default = default_target(plan)
        team = plan.team
        self.known = {
            "target": part_index(plan.targets),
            "region": part_index(team.regions),
            "product": part_index(team.products),
            "rep": part_index(team.people),
            "account": part_index(team.accounts),
            "channel": part_index(team.channels),
        }
        self.read = CommitmentsRead()
        self.columns: dict[str, int] = {}

    def run(self) -> CommitmentsRead:
        units = sorted(set(self.units.values()))
        header = read_header(self.grid.rows[0], _SETTINGS, units)
        self.columns, value_unit = header.columns, header.value_unit
        actual = {header_key(word) for word in ACTUAL_WORDS}
        actuals = [index for index, cell in enumerate(self.grid.rows[0]) if header_unit(header_key(cell))[0] in actual]
        for index, message, hint in header.problems:
            if index not in actuals:  # `实际（万元）`: said once, below
                self._at_header(index, message, hint)
        for key in UNREAD:
            if key in self.columns:
                shown = str(self.grid.rows[0][self.columns[key]]).strip()
                self._at_header(
                    self.columns[key],
                    _("column '{header}' has no place in a commitments file", header=shown),
                    _("a commitment is for a part and, optionally, a month: delete the column"),
                )
        for column in actuals:
            shown = str(self.grid.rows[0][column]).strip()
            self._at_header(
                column,
                _("column '{header}' holds actuals, not commitments", header=shown),
                _(
                    "head the commitments' column {words}, and delete this one",
                    words=" / ".join(COMMIT_WORDS[3:4] + COMMIT_WORDS[:1]),
                ),
            )
        if "value" not in self.columns:
            words = " / ".join(COMMIT_WORDS[:1] + COMMIT_WORDS[3:4])
            self._at_header(0, _("no commitment column ({words} …)", words=words), None)
        if self.read.diagnostics:
            return self.read
        for index, cells in enumerate(self.grid.body(), start=1):
            if not all(_blank(cell) for cell in cells):
                self._row(index, cells, value_unit)
        return self.read

    def _at_header(self, column: int, message: Message, hint: Message | None) -> None:
        where = self.grid.where(0, column)
        self.read.diagnostics.append(diagnostic(codes.ACTUALS_BAD_HEADER, where, message, hint=hint))

    def _cell(self, cells: list[Any], key: str) -> Any:
        column = self.columns.get(key)
        value = None if column is None or column >= len(cells) else cells[column]
        return (value.strip() or None) if isinstance(value, str) else value

    def _where(self, index: int, key: str) -> SourceRef:
        return self.grid.where(index, self.columns.get(key, 0))

    def _problem(self, index: int, key: str, code: str, message: Message, hint: Message | None = None) -> None:
        self.read.diagnostics.append(diagnostic(code, self._where(index, key), message, hint=hint))

    def _row(self, index: int, cells: list[Any], value_unit: tuple[str, str] | None) -> None:
        raw_value = self._cell(cells, "value")
        if raw_value is None:
            return  # a row of the template not filled in yet
        before = len(self.read.diagnostics)
        target = self._target(index, self._cell(cells, "target"))
        parts: list[tuple[str, str]] = []
        for key in NAMED:
            raw = self._cell(cells, key)
            if raw is None:
                continue
            ident = self.known[key].get(str(raw))
            if ident is None:
                self._unknown(index, key, str(raw))
            else:
                parts.append((key, ident))
        raw_month = self._cell(cells, "month")
        month = None if raw_month is None else (read_month(raw_month) if not isinstance(raw_month, str) else raw_month)
        amount = self._amount(index, raw_value, target, value_unit)
        if target is None or amount is None or len(self.read.diagnostics) > before:
            return
        located = {key: self._where(index, key) for key in (*NAMED, "month") if key in self.columns}
        row = FiledCommitment(target, tuple(parts), month, amount, self.grid.where(index, 0), located)
        self.read.rows.append(row)

    def _target(self, index: int, raw: Any) -> str | None:
        if raw is None:
            if self.default is None:
                self._problem(
                    index,
                    "target",
                    codes.ACTUALS_NO_TARGET,
                    _("the row names no target and the plan has no single or revenue target to default to"),
                )
            return self.default
        ident = self.known["target"].get(str(raw))
        if ident is None:
            self._unknown(index, "target", str(raw))
        return ident

    def _unknown(self, index: int, key: str, raw: str) -> None:
        guess = suggestion(did_you_mean(raw, list(self.known[key])))
        message = _("unknown {column} '{value}'{suffix}", column=COLUMN_WORDS[key], value=raw, suffix=guess)
        self._problem(index, key, codes.ACTUALS_UNKNOWN, message)

    def _amount(self, index: int, raw: Any, target: str | None, value_unit: tuple[str, str] | None) -> Decimal | None:
        unit = self.units[target] if target is not None else None
        read = read_value(raw, unit, value_unit)
        if isinstance(read, Refusal):
            if target is not None or not read.about_unit:
                self._problem(index, "value", codes.ACTUALS_BAD_NUMBER, read.reason)
            return None
        if read < 0:
            self._problem(
                index,
                "value",
                codes.ACTUALS_BAD_NUMBER,
                _("a commitment cannot be negative (got {value})", value=str(raw).strip()),
            )
            return None
        return read
