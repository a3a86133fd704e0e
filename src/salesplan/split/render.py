"""Renderers of a split: json, csv, yaml (the leaves) and the table (`salesplan.split.table`).

Output contract of `salesplan split --format json` (stable; yaml carries the same document):

    {"targets": [
      {"id": "T1",                      # target id
       "name": "第三季度销售额",          # target name, or null
       "unit": "万元",                   # unit of every value
       "value": "500",                   # the target's value
       "granularity": "1",               # every value is a whole multiple of this
       "levels": ["region", "product", "rep", "month"],   # split levels, outermost first
       "rows": [                         # the leaves, in tree order; they add up to value exactly
         {"region": "east-a", "product": "device", "rep": "李雷", "month": "2026-07",
          "value": "29", "basis": "按权重 3/10"},
         ...]}]}

- Every number is a decimal string (no float anywhere): "29", "66.7".
- Each row has one key per entry of `levels` (part ids: region/product ids, person ids, `2026-Q3`,
  `2026-07`, `2026-W27`), then `value`, then `basis` (拆解逻辑 in the --lang language).
- A target without `split:` has `levels: []` and one row: `{"value": ..., "basis": "目标总额"}`.
- With `--depth N`, `levels` keeps the first N levels and `rows` are the nodes at that depth
  (subtotals), which still add up to `value`.
- csv: one header row `target,unit,<every level used by any target, in first-use order>,value,basis`,
  then one line per row of every target (a level a target does not use is empty).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from salesplan.split.env import plain
from salesplan.split.result import SplitNode, TargetSplit

FORMATS = ("table", "json", "csv", "yaml")


def rows_at_depth(split: TargetSplit, depth: int | None = None) -> Iterator[tuple[dict[str, str], SplitNode]]:
    """The leaves, or with `depth` the nodes at that depth (leaves above it included), in tree order."""
    if depth is None or depth >= len(split.levels):
        yield from split.leaves()
        return
    stack: list[tuple[int, dict[str, str], SplitNode]] = [(0, {}, split.root)]
    while stack:
        d, coords, node = stack.pop()
        if node.level is not None and node.part is not None:
            coords = {**coords, node.level: node.part}
        if d >= depth or not node.children:
            yield coords, node
        else:
            stack.extend((d + 1, coords, child) for child in reversed(node.children))


def document(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> dict[str, Any]:
    """The json/yaml document (see the module docstring)."""
    targets = []
    for split in splits:
        levels = split.levels if depth is None else split.levels[:depth]
        rows = [
            {**coords, "value": plain(node.value), "basis": node.basis.text(lang)}
            for coords, node in rows_at_depth(split, depth)
        ]
        targets.append(
            {
                "id": split.target_id,
                "name": (names or {}).get(split.target_id),
                "unit": split.unit,
                "value": plain(split.value),
                "granularity": plain(split.granularity),
                "levels": list(levels),
                "rows": rows,
            }
        )
    return {"targets": targets}


def render_json(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    return json.dumps(document(splits, lang, depth, names), ensure_ascii=False, indent=2) + "\n"


def render_yaml(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    import yaml

    return yaml.safe_dump(document(splits, lang, depth, names), allow_unicode=True, sort_keys=False, width=1000)


def render_csv(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    columns: list[str] = []
    for split in splits:
        for level in split.levels if depth is None else split.levels[:depth]:
            if level not in columns:
                columns.append(level)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["target", "unit", *columns, "value", "basis"])
    for split in splits:
        for coords, node in rows_at_depth(split, depth):
            parts = [coords.get(c, "") for c in columns]
            writer.writerow([split.target_id, split.unit, *parts, plain(node.value), node.basis.text(lang)])
    return out.getvalue()


def render(
    fmt: str, splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    """The split in `fmt` (table, json, csv, yaml)."""
    if fmt == "table":
        from salesplan.split.table import render_table

        return render_table(splits, lang, depth, names)
    renderer = {"json": render_json, "csv": render_csv, "yaml": render_yaml}[fmt]
    return renderer(splits, lang, depth, names)
