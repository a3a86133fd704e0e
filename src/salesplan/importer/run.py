"""`salesplan import` without the command line: a workbook -> the plan's updated data, a summary, diagnostics.

An exported workbook embeds the plan it was written from (`export.embed`): its rows are that plan's
items, and what the visible sheets show differently is written into the plan being updated (the
embedded one for `-o`, the `--into` file for `--into`). The visible values always win over the
embedded text; an embedded text that does not load, or whose items the sheets' rows do not name,
is SP604. A workbook without the hidden sheet is read as a filled-in blank template (`blank`).
"""

from __future__ import annotations

import copy
from pathlib import Path

from salesplan import codes
from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic, Severity, SourceRef, has_errors
from salesplan.i18n import _
from salesplan.importer import cells
from salesplan.importer.blank import plan_text
from salesplan.importer.blank_plan import import_blank
from salesplan.importer.book import HIDDEN, Book, Embedded, Sheet, read_book
from salesplan.importer.breakdown import TargetRows, apply, edited_row, nodes, read_values, verify
from salesplan.importer.crosstab import check_chart, read_crosstab
from salesplan.importer.edits import Editor, data_number, item, target_of
from salesplan.importer.guard import read_guarded
from salesplan.importer.merge import merge_plan
from salesplan.importer.merge_values import MergeError
from salesplan.importer.result import Imported, Quoted
from salesplan.importer.sheet import MISSING, RowCells
from salesplan.loader import LoadedPlan, load_text
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

SEP = "\t"


def import_workbook(
    path: Path, file: str, into: str | None = None, into_file: str = "plan.yaml", *, allow_over_capacity: bool = False
) -> Imported:
    """Read the workbook at `path` (`file` names it in diagnostics); `into`: the text of the plan to update;
    `allow_over_capacity`: an edit the reps' capacity cannot carry is split in proportion to it (as `split`)."""
    data, found = read_guarded(path, file)
    if data is None:
        return Imported(diagnostics=found)
    book, found = read_book(data, file)
    if book is None:
        return Imported(diagnostics=found)
    if book.embedded is None and book.diagnostics:
        return Imported(diagnostics=book.diagnostics)
    if book.embedded is not None and book.embedded.text is None and book.embedded.keys:
        message = _("the workbook's rows name a plan it no longer embeds; export the workbook again from the plan")
        return Imported(diagnostics=[diagnostic(codes.IMPORT_EMBEDDED, SourceRef(file, 1, 1), message)])
    if book.embedded is None or book.embedded.text is None:
        return import_blank(book, into is not None)
    return _import_exported(book, book.embedded, into, into_file, allow_over_capacity)


def _import_exported(
    book: Book, embedded: Embedded, into: str | None, into_file: str, allow_over_capacity: bool
) -> Imported:
    assert embedded.text is not None
    result = Imported(lang=embedded.lang, book=book)
    loaded = load_text(embedded.text, f"{book.file}:{HIDDEN}")
    if loaded.plan is None or has_errors(loaded.diagnostics):
        result.diagnostics.append(
            diagnostic(
                codes.IMPORT_EMBEDDED,
                SourceRef(book.file, 3, 2),
                _("the plan embedded in the workbook does not load; export the workbook again from the plan"),
                path=(HIDDEN, "B3"),
            )
        )
        return result
    base_text = into if into is not None else embedded.text
    target = load_text(base_text.removeprefix("\ufeff"), into_file) if into is not None else loaded
    if target.data is None or not isinstance(target.data, dict):
        result.diagnostics.append(
            diagnostic(codes.IMPORT_EMBEDDED, SourceRef(into_file, 1, 1), _("the plan to update does not load"))
        )
        return result
    result.base = base_text
    result.data = copy.deepcopy(target.data)
    editor = Editor(book, embedded, loaded.plan, result.data, result.summary)
    targets, crosses, shifted = _read_sheets(book, embedded, editor, loaded)
    editor.check_totals()
    for target_id, rows in crosses.items():
        found = target_of(loaded.plan, target_id)
        if target_id in targets and found is not None:
            read_crosstab(targets[target_id], rows, loaded.plan.target_unit(found))
    _resplit(targets, result, editor, allow_over_capacity)
    # a row added inside a table moved the rows below it: what they then say wrong is not what the user did
    book.diagnostics[:] = [
        d for d in book.diagnostics if not (d.path[:1] and d.path[0] in shifted and d.code != codes.IMPORT_ROW_CHANGED)
    ]
    if not has_errors(book.diagnostics):
        _check_loads(result, editor, into_file)
    result.diagnostics = book.diagnostics
    if has_errors(result.diagnostics):
        result.data = None
    return result


def write_text(result: Imported) -> str | None:
    """The plan file's new text: the base text with only what changed rewritten (`merge.merge_plan`), or a
    new file for a blank template; None (and SP604) when the writer refuses."""
    if result.data is None:
        return None
    if result.base is None:
        return plan_text(result.data)
    try:
        return merge_plan(result.base, result.data)
    except MergeError as exc:
        result.diagnostics.append(diagnostic(codes.IMPORT_EMBEDDED, SourceRef("plan.yaml", 1, 1), exc.message))
        result.data = None
        return None


def _check_loads(result: Imported, editor: Editor, into_file: str) -> None:
    """The plan as it will be written must load: a value the plan refuses (a required field emptied…) is
    SP605 at the cell it was read from, or at the plan file's line when no cell of the workbook wrote it;
    a problem the plan had before the workbook is left to `lint`."""
    try:
        text = merge_plan(result.base or "", result.data)
    except MergeError:
        return  # `write_text` says why
    base = result.base or ""
    before = {_said(d) for d in load_text(base.removeprefix("\ufeff"), into_file).diagnostics}
    for found in load_text(text.removeprefix("\ufeff"), into_file).diagnostics:
        if found.severity != "error" or _said(found) in before:  # the plan's own, not the workbook's
            continue
        cell = _cell_of(editor, result.data, found.path)
        problem = _("the plan does not accept this value: {problem}", problem=Quoted.of(found))
        if cell is not None:
            cell[0].diag(codes.IMPORT_BAD_VALUE, cell[1], problem)
        else:
            editor.book.diagnostics.append(diagnostic(codes.IMPORT_BAD_VALUE, found.source, problem, path=found.path))


def _said(diag: Diagnostic) -> tuple[str, tuple[str | int, ...], str]:
    return diag.code, diag.path, diag.message


def _cell_of(editor: Editor, data: object, path: tuple[str | int, ...]) -> tuple[RowCells, str] | None:
    """The workbook cell a plan path (`tasks`, 0, `budget`) was read from, if a row wrote it; for an item's
    path (a required field missing), the cell of the field the workbook emptied."""
    node = data
    for step in path[:2]:
        if isinstance(node, dict) and isinstance(step, str):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        else:
            return None
    if len(path) == 2 and isinstance(node, dict):  # a required field missing: one the workbook emptied
        emptied = [cell for (entry, key), cell in editor.cells.items() if entry == id(node) and key not in node]
        return emptied[0] if emptied else None
    key = path[2] if len(path) > 2 else None
    return editor.cells.get((id(node), key)) if isinstance(key, str) else None


def _splits(loaded: LoadedPlan) -> dict[str, TargetSplit]:
    return {split.target_id: split for split in split_plan(loaded).splits}


Crosses = dict[str, dict[tuple[str, ...], RowCells]]


def _read_sheets(
    book: Book, embedded: Embedded, editor: Editor, loaded: LoadedPlan
) -> tuple[dict[str, TargetRows], Crosses, set[str]]:
    """Every mapped sheet's rows, applied to the data; the split targets' rows, their cross-tab rows, and
    the sheets a row was added to."""
    splits = _splits(loaded) if any(t == "breakdown" for t, _c in embedded.tables.values()) else {}
    targets: dict[str, TargetRows] = {}
    crosses: Crosses = {}
    shifted: set[str] = set()
    for title, (table, columns) in embedded.tables.items():
        sheet = book.sheets.get(title)
        if sheet is None:
            book.diag(
                codes.IMPORT_SHEET_MISSING,
                title,
                1,
                1,
                _("the sheet '{title}' is missing or was renamed", title=title),
                _("keep the sheets' names as exported"),
            )
            continue
        keys = embedded.keys.get(title, [])
        if not _check_extent(book, sheet, len(keys), len(columns)):
            shifted.add(title)
        elif table == "crosstab" and keys:
            _chart_block(editor, sheet, len(keys) + 3, keys[0].split(SEP)[1:2], splits)
        for index, key in enumerate(keys):
            row = RowCells(book, sheet, index + 2, columns)
            kind, *ids = key.split(SEP)
            if table == "crosstab" and kind == "cross" and ids:
                crosses.setdefault(ids[0], {})[tuple(ids[1:])] = row
            else:
                _row(editor, table, [kind, *ids], row, splits, targets)
    return targets, crosses, shifted


def _chart_block(editor: Editor, sheet: Sheet, first: int, ids: list[str], splits: dict[str, TargetSplit]) -> None:
    split = splits.get(ids[0]) if ids else None
    target = target_of(editor.plan, ids[0]) if ids else None
    if split is not None and target is not None:
        total = editor.words.get(("total", "total"))
        check_chart(editor.book, sheet, first, split, editor.plan.target_unit(target), total)


def _check_extent(book: Book, sheet: Sheet, count: int, width: int) -> bool:
    """The row after the last keyed row must be empty: a row added in the table moved the others (SP607,
    False)."""
    after = count + 2
    values = sheet.rows[after - 1] if after - 1 < len(sheet.rows) else []
    if any(v is not None and str(v).strip() for v in values[:width]):
        book.diag(
            codes.IMPORT_ROW_CHANGED,
            sheet.title,
            after,
            1,
            _("a row was added to the table: rows are matched to the plan by their place"),
            _("add targets, tasks and risks in the plan file, then export again"),
        )
        return False
    return True


def _row(
    editor: Editor,
    table: str,
    key: list[str],
    row: RowCells,
    splits: dict[str, TargetSplit],
    targets: dict[str, TargetRows],
) -> None:
    kind, ids = key[0], key[1:]
    summary = editor.summary
    if table == "breakdown" and kind == "target":
        summary.saw("targets")
        if editor.target(row, ids[0]):
            summary.change("targets", ids[0])
        split = splits.get(ids[0])
        if split is not None and split.root.children:
            targets[ids[0]] = TargetRows(split, {(): row})
        elif split is not None:
            _unsplit_value(editor, row, ids[0])
    elif table == "breakdown" and kind == "part":
        rows = targets.get(ids[0])
        path = tuple(ids[1:])
        if rows is None or not _same_part(editor, rows, path, row):
            return
        rows.rows[path] = row
        summary.saw("values")
    elif table == "execution" and kind == "strategy":
        summary.saw("strategies", editor.strategy(row, ids[0]))
        editor.totals.append((row, ids[0]))
    elif table == "execution" and kind == "task":
        summary.saw("tasks", editor.task(row, ids[0]))
    elif table == "risks" and kind == "risk":
        summary.saw("risks", editor.risk(row, ids[0]))
    elif table == "execution" and kind == "total":
        _total_row(editor, row)


def _unsplit_value(editor: Editor, row: RowCells, target_id: str) -> None:
    target = target_of(editor.plan, target_id)
    entry = item(editor.data, "targets", target_id)
    if target is None or entry is None:
        return
    unit = editor.plan.target_unit(target)
    value = row.read("value", lambda v: cells.number(v, unit))
    if value is MISSING or value == target.value:
        return
    if value is None:
        row.diag(codes.IMPORT_BAD_VALUE, "value", _("a target needs its value"))
        return
    entry["value"] = f"{data_number(value)}%" if unit == "%" else data_number(value)
    editor.summary.change("targets", target_id)


def _same_part(editor: Editor, rows: TargetRows, path: tuple[str, ...], row: RowCells) -> bool:
    """The row still shows the part its key names (its label); else SP607."""
    node = dict(nodes(rows.split.root)).get(path)
    if node is None:
        row.diag(
            codes.IMPORT_EMBEDDED, "metric", _("the embedded plan's split has no part {part}", part="/".join(path))
        )
        return False
    label = node.label or (editor.people.get(node.part or "", node.part) if node.level == "rep" else node.part) or ""
    shown = row.raw("metric")
    if shown is None or str(shown).strip() != label:
        row.diag(
            codes.IMPORT_ROW_CHANGED,
            "metric",
            _(
                "this row was '{label}' ({part}) when exported: rows are matched to the plan by their place",
                label=label,
                part=node.part or "",
            ),
            _("undo the change; rename or add parts in the plan file, then export again"),
        )
        return False
    return True


def _total_row(editor: Editor, row: RowCells) -> None:
    total = editor.words.get(("total", "total"))
    if total is not None and row.raw("module") != total:
        row.diag(
            codes.IMPORT_ROW_CHANGED,
            "module",
            _("this row was the total when exported: rows are matched to the plan by their place"),
            _("undo the change; add tasks in the plan file, then export again"),
        )
        return
    editor.totals.append((row, None))


def _resplit(targets: dict[str, TargetRows], result: Imported, editor: Editor, allow_over_capacity: bool) -> None:
    """Each split target's edits as held values, checked by splitting the updated plan again."""
    changed = []
    for target_id, rows in targets.items():
        target = target_of(editor.plan, target_id)
        if target is None:
            continue
        read_values(rows, editor.plan.target_unit(target))
        if apply(rows, result.data):
            changed.append(target_id)
        if () in rows.new and rows.new[()] != rows.split.root.value:
            result.summary.change("targets", target_id)  # its value, the new total of its parts
        result.summary.changed["values"] = result.summary.changed.get("values", 0) + len(
            [p for p in rows.changed if p and p not in rows.stale]
        )
    if not changed or editor.book.diagnostics:
        return
    try:
        text = merge_plan(result.base or "", result.data)
    except MergeError as exc:
        editor.book.diagnostics.append(
            diagnostic(codes.IMPORT_EMBEDDED, SourceRef(editor.book.file, 1, 1), exc.message)
        )
        return
    again = load_text(text, "plan.yaml")
    outcome = split_plan(again, changed, allow_over_capacity=allow_over_capacity)
    splits = {s.target_id: s for s in outcome.splits}
    errors = [d for d in outcome.diagnostics if d.severity == "error"]
    ids = [t.id for t in again.plan.targets] if again.plan is not None else []
    for target_id in changed:
        failure = next((d for d in errors if _about(d, ids) == target_id), errors[0] if errors else None)
        verify(targets[target_id], splits.get(target_id), failure)
    for found in outcome.diagnostics if allow_over_capacity else []:
        about = _about(found, ids)
        if found.code == codes.OVER_CAPACITY and about in targets:
            message = _("the reps carry the excess in proportion to their capacity: {reason}", reason=Quoted.of(found))
            edited_row(targets[about]).diag(codes.IMPORT_NOT_HELD, "value", message, severity=Severity.WARNING)


def _about(diag: Diagnostic, target_ids: list[str]) -> str | None:
    """The id of the target a split diagnostic's path (`targets`, index, …) is about."""
    path = diag.path
    if len(path) >= 2 and path[0] == "targets" and isinstance(path[1], int) and path[1] < len(target_ids):
        return target_ids[path[1]]
    return None
