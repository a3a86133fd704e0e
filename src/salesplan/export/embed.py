"""What a workbook carries for `salesplan import`, on a very hidden sheet named `salesplan`.

The visible sheets show a plan as people read it (names, words, totals); what a faithful round
trip needs beyond that is written here as plain text cells, never formulas:

- `salesplan-workbook | 1`: the format marker and its version;
- `lang | zh`: the language the sheets are written in;
- `plan | text…`: the plan's own YAML text, in cells of at most 16,000 characters (`plan-base64`
  when the text holds `_xHHHH_`, which Excel would decode);
- `sheet | title | table | column keys…` and `rows | title | keys…`: what each column and each
  data row of a sheet is (`target⇥T1`, `part⇥T1⇥east-a⇥device`, `strategy⇥S1`, `task⇥K1`,
  `risk⇥R1`, `total`; a cross-tab's `cross⇥T1⇥east-a`, its time columns `t2026-07`), the keys
  joined by newlines in cells of at most 16,000 characters;
- `word | kind | id | text`: the words the sheets show for the plan's ids (statuses, modules,
  probabilities…) and the forms of the composed cells, in the sheets' language;
- blank templates only: `unit | 万元` (the unit of their amounts) and `example | title | cells…`
  (the grey example row as text, which import skips while it is left as it is).

The rows are listed in the order the export builds them (`breakdown`, `execution`, `risks`), so
the keys are computed here the same way; a test compares them with the rows' visible labels.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.blank import EXAMPLE_UNIT
from salesplan.export.model import Cell, Document, Quantity, Table
from salesplan.i18n import Message, _
from salesplan.model.words import LEVELS
from salesplan.numbers import plain
from salesplan.periods import TIME_KINDS

if TYPE_CHECKING:
    from salesplan.model.plan import Plan
    from salesplan.risk import RiskConfig
    from salesplan.split.result import SplitNode, TargetSplit

SHEET = "salesplan"
MARKER = "salesplan-workbook"
VERSION = "1"
CHUNK = 16_000  # characters a cell holds safely (Excel: 32,767 UTF-16 units)
SEP = "\t"
_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")

# the composed cells of the execution sheet, as forms with their fields
FORMS: dict[str, Message] = {
    "strategy": _("{name}: {measures}", name="{name}", measures="{measures}"),
    "budget": _("{text} (strategy budget {amount} {unit})", text="{text}", amount="{amount}", unit="{unit}"),
}


def chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def plan_rows(text: str) -> list[list[str]]:
    if _ESCAPE.search(text):
        return [["plan-base64", *chunks(base64.b64encode(text.encode("utf-8")).decode("ascii"))]]
    return [["plan", *chunks(text)]]


def vocabulary(lang: str) -> Iterator[list[str]]:
    tables: Mapping[str, Mapping[str, Message]] = {
        "dimension": words.DIMENSIONS,
        "kind": words.KINDS,
        "module": words.MODULES,
        "status": words.STATUSES,
        "risk_status": words.RISK_STATUSES,
        "probability": words.PROBABILITIES,
        "impact": words.IMPACTS,
        "category": words.CATEGORIES,
        "level": LEVELS,
        "form": FORMS,
    }
    for kind, table in tables.items():
        for key, message in table.items():
            yield ["word", kind, key, message.render(lang)]
    yield ["word", "separator", "list", words.LIST_SEPARATOR.render(lang)]
    yield ["word", "separator", "clause", words.CLAUSE_SEPARATOR.render(lang)]
    yield ["word", "total", "total", words.TOTAL.render(lang)]


def _node_keys(target_id: str, root: SplitNode) -> Iterator[str]:
    stack: list[tuple[SplitNode, tuple[str, ...]]] = [(child, ()) for child in reversed(root.children)]
    while stack:
        node, above = stack.pop()
        path = (*above, node.part or "")
        yield SEP.join(("part", target_id, *path))
        stack.extend((child, path) for child in reversed(node.children))


def breakdown_keys(plan: Plan, splits: Mapping[str, TargetSplit]) -> Iterator[str]:
    """The key of each breakdown row, in the order `breakdown.breakdown_table` makes them."""
    for target in plan.targets:
        yield SEP.join(("target", target.id))
        split = splits.get(target.id)
        if split is not None and split.root.children:
            yield from _node_keys(target.id, split.root)


def crosstab_keys(target_id: str, split: TargetSplit) -> Iterator[str]:
    """The key of each cross-tab row (the parts of the non-time levels, pre-order), as `crosstab` lists them."""
    children: dict[tuple[str, ...], dict[tuple[str, ...], None]] = {(): {}}
    stack: list[tuple[SplitNode, tuple[str, ...]]] = [(split.root, ())]
    while stack:
        node, path = stack.pop()
        if node is not split.root and node.level not in TIME_KINDS:
            parent, path = path, (*path, node.part or "")
            children[parent].setdefault(path, None)
            children.setdefault(path, {})
        stack.extend((child, path) for child in reversed(node.children))
    walk: list[tuple[str, ...]] = [()]
    while walk:
        path = walk.pop()
        yield SEP.join(("cross", target_id, *path))
        walk.extend(reversed(list(children[path])))


def crosstab_targets(plan: Plan, splits: Mapping[str, TargetSplit]) -> list[str]:
    """The targets that get a cross-tab, in order (`crosstab.crosstab_tables`: split, not a rate)."""
    return [
        t.id
        for t in plan.targets
        if (split := splits.get(t.id)) is not None and split.root.children and plan.target_unit(t) != "%"
    ]


def execution_keys(plan: Plan) -> Iterator[str]:
    """The key of each execution row, in the order `execution.execution_table` makes them."""
    known = {s.id for s in plan.strategies}
    by_strategy: dict[str | None, list[str]] = {}
    for task in sorted(plan.tasks, key=lambda t: t.start):
        by_strategy.setdefault(task.strategy if task.strategy in known else None, []).append(task.id)
    for strategy in plan.strategies:
        yield SEP.join(("strategy", strategy.id))
        yield from (SEP.join(("task", t)) for t in by_strategy.get(strategy.id, []))
    if None in by_strategy:
        yield "nostrategy"
        yield from (SEP.join(("task", t)) for t in by_strategy[None])
    yield "total"


def risk_keys(plan: Plan, config: RiskConfig | None = None) -> Iterator[str]:
    """The key of each risk row, highest score first as `risks.risk_table` lists them."""
    from salesplan.risk import RiskConfig, score_risks

    for scored in score_risks(plan, config or RiskConfig()):
        yield SEP.join(("risk", scored.risk.id))


def hidden_rows(
    doc: Document,
    titles: Sequence[tuple[Table, Sequence[str], int]],
    plan: Plan | None,
    text: str | None,
    splits: Sequence[TargetSplit] = (),
) -> list[list[str]]:
    """The hidden sheet's rows for a document written to the sheets `titles` (each table with the titles
    of the sheets it takes and the rows a sheet holds); `plan` and its `text` None for the blank templates."""
    rows = [[MARKER, VERSION], ["lang", doc.lang]]
    if text is not None:
        rows += plan_rows(text)
    by_target = {split.target_id: split for split in splits}
    keyed: dict[str, list[str]] = {}
    crosstabs: list[str] = []
    if plan is not None:
        keyed = {
            "breakdown": list(breakdown_keys(plan, by_target)),
            "execution": list(execution_keys(plan)),
            "risks": list(risk_keys(plan)),
        }
        crosstabs = crosstab_targets(plan, by_target)
    for table, sheets, per_sheet in titles:
        if table.name == "crosstab" and crosstabs:
            target_id = crosstabs.pop(0)
            keys = list(crosstab_keys(target_id, by_target[target_id]))
        elif table.name in ("breakdown", "execution", "risks"):
            keys = keyed.get(table.name, [])
        else:
            continue
        for index, title in enumerate(sheets):
            rows.append(["sheet", title, table.name, *(column.key for column in table.columns)])
            if plan is not None:
                rows.append(["rows", title, *chunks("\n".join(keys[index * per_sheet : (index + 1) * per_sheet]))])
    if plan is None:
        rows.append(["unit", EXAMPLE_UNIT])
        for table, sheets, _per_sheet in titles:
            rows += (["example", sheets[0], *map(cell_text, row.cells)] for row in table.rows if row.kind == "example")
    rows += vocabulary(doc.lang)
    return rows


def cell_text(cell: Cell) -> str:
    """A cell as text, the way import compares a row with the example it was written with."""
    if isinstance(cell, Quantity):
        return plain(cell.value)
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return "" if cell is None else str(cell)
