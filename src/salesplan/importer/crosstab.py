"""A target's cross-tab sheet (`T1 分解表`) read back: an edited cell is an edit of the breakdown's leaf it shows.

A cross-tab row is a part of the non-time levels, a column a time part of the finest time level
(or 合计 alone, without a time level). A cell whose number changed stands for the breakdown leaf
with that part and time part; when the breakdown sheet changed the same leaf to another number, the
two sheets disagree (SP608). A cell that sums several leaves (a time level above a non-time one)
cannot say which changed (SP609: edit the breakdown sheet). Rows with parts below and the 合计
column are totals: formulas, checked when typed over.
"""

from __future__ import annotations

from decimal import Decimal

from salesplan import codes
from salesplan.i18n import _
from salesplan.importer import cells
from salesplan.importer.book import Book, Sheet
from salesplan.importer.breakdown import Path, TargetRows
from salesplan.importer.sheet import MISSING, RowCells
from salesplan.numbers import plain
from salesplan.periods import TIME_KINDS
from salesplan.split.result import SplitNode, TargetSplit


def _leaves(root: SplitNode) -> dict[tuple[Path, str], list[tuple[Path, Decimal]]]:
    """(non-time path, time part) -> the leaves there: their full paths and values."""
    found: dict[tuple[Path, str], list[tuple[Path, Decimal]]] = {}
    stack: list[tuple[SplitNode, Path, Path, str]] = [(root, (), (), "")]
    while stack:
        node, path, plain_path, when = stack.pop()
        if not node.children:
            found.setdefault((plain_path, when), []).append((path, node.value))
        for child in node.children:
            part = child.part or ""
            if child.level in TIME_KINDS:
                stack.append((child, (*path, part), plain_path, part))
            else:
                stack.append((child, (*path, part), (*plain_path, part), when))
    return found


def _total(
    row: RowCells,
    column: str,
    raw: object,
    leaves: dict[tuple[Path, str], list[tuple[Path, Decimal]]],
    path: Path,
    when: str | None,
    unit: str,
) -> None:
    """A total of the cross-tab (a row with parts below, the target's row, 合计): derived; typed over, it
    must still be the sum of the parts as exported (an edit goes into the parts)."""
    if raw is None or cells.is_formula(raw):
        return
    value = row.read(column, lambda v: cells.amount(v, unit))
    old = sum(
        (v for (p, w), group in leaves.items() if p[: len(path)] == path and when in (None, w) for _l, v in group),
        Decimal(0),
    )
    if value is not MISSING and value is not None and value != old:
        message = _(
            "a total typed over: {value} is not the sum of its parts ({sum})", value=plain(value), sum=plain(old)
        )
        row.diag(codes.IMPORT_TOTAL, column, message, _("edit the parts in the breakdown sheet; the totals follow"))


def read_crosstab(target: TargetRows, rows: dict[Path, RowCells], unit: str) -> None:
    """The cross-tab's edited leaf cells, as overrides of the breakdown's leaves (`TargetRows.overrides`)."""
    leaves = _leaves(target.split.root)
    parents = {path[:-1] for path in rows if path}
    for path, row in rows.items():
        times = [c for c in row.columns if c.startswith("t") and c != "total"]
        columns: list[tuple[str, str | None]] = [(c, c[1:]) for c in times] or [("total", "")]
        if times or path in parents or not path:
            columns += [("total", None)] if times else []
        for column, when in columns:
            raw = row.raw(column)
            if path in parents or not path or when is None:
                _total(row, column, raw, leaves, path, when, unit)
                continue
            group = leaves.get((path, when), [])
            if (raw is None and not group) or cells.is_formula(raw):
                continue
            value = row.read(column, lambda v: cells.amount(v, unit))
            if value is MISSING:
                target.failed = True
                continue
            old = sum((v for _p, v in group), Decimal(0))
            if value is None:
                if group:
                    row.diag(codes.IMPORT_BAD_VALUE, column, _("a part of the breakdown needs its value"))
                    target.failed = True
                continue
            if value == old:
                continue
            if len(group) != 1:
                message = _("this cell sums several parts of the breakdown: edit them in the breakdown sheet")
                row.diag(codes.IMPORT_NOT_HELD, column, message)
                target.failed = True
                continue
            target.overrides[group[0][0]] = (value, row, column)


def check_chart(book: Book, sheet: Sheet, first: int, split: TargetSplit, unit: str, total: str | None) -> None:
    """The numbers below the cross-tab that its chart draws (the first level's parts, from row `first`, its
    header showing 合计 as `total`) are derived as exported, never read: one typed over is SP608, as it
    would otherwise be lost."""
    if total is None or sheet.get(first, 2) != total:
        return  # no chart block here (another sheet of the cross-tab holds it, or it was removed)
    for index, child in enumerate(split.root.children):
        row = first + 1 + index
        book.inputs.add((sheet.title, row, 2))
        raw = sheet.get(row, 2)
        try:
            value = cells.number(raw, unit)
        except cells.Bad:
            value = None
        if value != child.value:
            shown = cells.text(raw) if not cells.is_formula(raw) else str(raw)
            message = _(
                "the chart's numbers are derived from the breakdown: {value} is not the exported {old}",
                value=shown or "",
                old=plain(child.value),
            )
            book.diag(codes.IMPORT_TOTAL, sheet.title, row, 2, message, _("edit the breakdown sheet instead"))
