"""The actuals template filled from a plan (`salesplan review --blank PLAN`): a manager only types numbers.

The rows are the parts of the plan's first target: one per leaf of its split, the target, region,
product and rep filled (and the month, when the split goes down to months), date and value left
empty; a split by account or tier adds an account column, a split by channel a channel column
(after the rep's). Leaves that differ only by a level the template has no column for (a week, a quarter) are
one row, and a rep's month off the team (before `start`, after `end`) has none. Each part is
written as `review --actuals` reads it back: a region, product or person by its name where the
name names it (`salesplan.review.actuals.part_index`), else by its id; a target by its id. In xlsx
the target, region, product and rep columns get a drop-down of the plan's parts (a list in the
rule, or in a hidden sheet when the list is long or a part holds a comma), and the date column is
formatted as a date. CSV has the same rows (UTF-8 with a BOM, as the blank one).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from salesplan.i18n import _
from salesplan.review.actuals import part_index
from salesplan.review.blank import PART_COLUMNS, TEMPLATE_COLUMNS, headers, save, template_book
from salesplan.review.rows import month_end

if TYPE_CHECKING:
    from salesplan.model.plan import Plan
    from salesplan.split.result import TargetSplit

NO_ACTUALS = _("--blank writes the actuals template; give no --actuals")
LISTS_SHEET = _("lists")
NOT_IN_PLAN = _("not a part of the plan")
NOT_IN_PLAN_HINT = _("pick one of the plan's parts from the list")
# columns with a drop-down of the plan's parts
CHOICE_COLUMNS = ("target", "region", "product", "rep")
DATE_FORMAT = "yyyy-mm-dd"
EMPTY_ROWS = 500  # rows below the filled ones that keep the drop-downs (the whole date column is a date)
INLINE_LIMIT = 255  # Excel's limit on a list written in the rule itself


@dataclass(frozen=True)
class FilledTemplate:
    """The template's rows (cells in `columns` order) and each choice column's parts."""

    rows: list[list[str]]
    choices: dict[str, list[str]]
    columns: tuple[str, ...] = TEMPLATE_COLUMNS


def shown_names(items: list[Any]) -> dict[str, str]:
    """id -> how the template writes the item: its name when the actuals reader reads the name as this
    item (no id and no earlier item has that name), else its id."""
    index = part_index(items)
    return {item.id: item.name if item.name and index.get(item.name) == item.id else item.id for item in items}


def fill(plan: Plan, split: TargetSplit | None) -> FilledTemplate:
    """The rows of `split` (the first target's; None: a plan without targets, no rows) and the plan's
    parts for each choice column."""
    shown = {
        "region": shown_names(plan.team.regions),
        "product": shown_names(plan.team.products),
        "rep": shown_names(plan.team.people),
    }
    columns = _columns(split)
    if "account" in columns:
        shown["account"] = shown_names(plan.team.accounts)
    if "channel" in columns:
        shown["channel"] = shown_names(plan.team.channels)
    rows: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    leaves = split.leaves() if split is not None else iter(())
    target = split.target_id if split is not None else ""
    for coords, _node in leaves:
        if _off_team(plan, coords):
            continue
        cells = {"target": target, "month": coords.get("month", "")}
        for key, names in shown.items():
            part = coords.get(key)
            cells[key] = "" if part is None else names.get(part, part)
        row = [cells.get(key, "") for key in columns]
        if tuple(row) not in seen:
            seen.add(tuple(row))
            rows.append(row)
    choices = {"target": [t.id for t in plan.targets]} | {key: list(names.values()) for key, names in shown.items()}
    return FilledTemplate(rows, choices, columns)


def _columns(split: TargetSplit | None) -> tuple[str, ...]:
    """The template's columns, with an account column when the split is by account or tier and a channel
    column when it is by channel, after the rep's."""
    levels = set(split.levels) if split is not None else set()
    wanted = {"account"} if levels & {"account", "tier"} else set()
    wanted |= levels & {"channel"}
    extra = tuple(key for key in PART_COLUMNS if key in wanted)
    at = TEMPLATE_COLUMNS.index("rep") + 1
    return TEMPLATE_COLUMNS[:at] + extra + TEMPLATE_COLUMNS[at:]


def _off_team(plan: Plan, coords: dict[str, str]) -> bool:
    """A leaf of a rep in a month the rep is not on the team (a result booked there is SP068): no row."""
    person = next((p for p in plan.team.people if p.id == coords.get("rep")), None)
    month = coords.get("month")
    if person is None or month is None or not (person.start or person.end):
        return False
    first = dt.date.fromisoformat(f"{month}-01")
    return bool((person.start and month_end(first) < person.start) or (person.end and first > person.end))


def filled_csv(template: FilledTemplate, lang: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(lang, template.columns))
    writer.writerows(template.rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def filled_xlsx(template: FilledTemplate, lang: str) -> bytes:
    from openpyxl.utils import get_column_letter

    columns = template.columns
    book = template_book(lang, columns)
    sheet = book.worksheets[0]
    for row in template.rows:
        sheet.append([cell or None for cell in row])
        for cell in sheet[sheet.max_row]:
            if cell.value is not None:
                cell.data_type = "s"  # `2026-07`, an id of digits: text, as the plan writes it
    last = len(template.rows) + 1 + EMPTY_ROWS
    date = get_column_letter(columns.index("date") + 1)
    sheet.column_dimensions[date].number_format = DATE_FORMAT
    at = columns.index("date") + 1
    for (cell,) in sheet.iter_rows(min_row=2, max_row=len(template.rows) + 1, min_col=at, max_col=at):
        cell.number_format = DATE_FORMAT
    lists = None
    choice_columns = [key for key in (*CHOICE_COLUMNS, *PART_COLUMNS) if key in columns]
    for key in choice_columns:
        parts = template.choices[key]
        if not parts:
            continue
        letter = get_column_letter(columns.index(key) + 1)
        inline = ",".join(parts)
        if len(inline) <= INLINE_LIMIT and not any("," in p or '"' in p for p in parts):
            formula = f'"{inline}"'
        else:
            if lists is None:
                lists = book.create_sheet(LISTS_SHEET.render(lang))
                lists.sheet_state = "hidden"
            column = get_column_letter(choice_columns.index(key) + 1)
            for at_row, part in enumerate(parts, start=1):
                lists.cell(at_row, choice_columns.index(key) + 1, part).data_type = "s"
            formula = f"'{lists.title}'!${column}$1:${column}${len(parts)}"
        sheet.data_validations.append(_validation(formula, f"{letter}2:{letter}{last}", lang))
    return save(book)


def _validation(formula: str, cells: str, lang: str) -> Any:
    """A drop-down that warns on a value outside the list (an id the reader accepts may still be typed)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=NOT_IN_PLAN.render(lang),
        error=NOT_IN_PLAN_HINT.render(lang),
    )
    validation.add(cells)
    return validation
