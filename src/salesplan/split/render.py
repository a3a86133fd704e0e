"""Renderers of a split: json, csv, yaml (the leaves) and the table (`salesplan.split.table`).

Output contract of `salesplan split --format json` (stable; yaml carries the same document):

    {"targets": [
      {"id": "T1",                                        # target id
       "unit": "万元",                                    # unit of every value
       "value": "500",                                    # the target's value
       "levels": ["region", "product", "rep", "month"],   # split levels, outermost first
       "rows": [                                          # the leaves, in tree order; they add up to value
         {"region": "east-a", "product": "device", "rep": "李雷", "month": "2026-07",
          "value": "29", "basis": "按权重 3/10"},
         ...]}]}

- A target has exactly these five keys, in this order; targets come in the plan's order.
- Every number is a decimal string (no float anywhere): "29", "66.7". Every value is a whole
  multiple of the target's `granularity`.
- Each row has one key per entry of `levels`, in that order (part ids: region/product ids, person
  ids, `2026-Q3`, `2026-07`, `2026-W27`), then `value`, then `basis` (拆解逻辑 in the --lang language).
- Only a target with `commit:` (bottom-up commitments) has a sixth key, `commitments`: one
  `{"part", "allocation", "commitment", "gap"}` a committed part found in the split, in `commit:`
  order (allocation: the sum of the part's nodes; gap: commitment - allocation).
- Only a target with a comparable history (同比, `salesplan.split.growth`) has the key `growth` after
  `value` (`"+20.0%"`: value / history - 1, a signed percent to a tenth), and every row of it ends
  with a `growth` key: the row's growth, or null where the row has no comparable history (a rep).
- A target without `split:` has `levels: []` and one row: `{"value": ..., "basis": "目标总额"}`.
- With `--depth N`, `levels` keeps the first N levels and `rows` are the nodes at that depth
  (subtotals), which still add up to `value`.
- json: two-space indentation, one row a line, UTF-8 (Chinese is not escaped).
- yaml: the same document (`yaml.safe_load(yaml) == json.loads(json)`).
- csv: one header row `target,unit,<every level used by any target, in first-use order>,value,basis`
  (then `,growth` when any target has a comparable history), then one line per row of every target
  (a level a target does not use is empty, as is the growth of a row without one).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

from salesplan.rendering import Renderers, RenderOptions
from salesplan.split.commit import commitments
from salesplan.split.env import plain
from salesplan.split.result import Basis, SplitNode, TargetSplit
from salesplan.split.table import render_table

FORMATS = ("table", "json", "csv", "yaml")
# what YAML readers refuse to read raw (the complement of YAML 1.1's printable set)
_NOT_YAML_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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


class _BasisTexts:
    """拆解逻辑 texts of one rendering: nodes share their Basis objects, so each is worded once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._texts: dict[int, tuple[Basis, str]] = {}

    def __call__(self, basis: Basis) -> str:
        known = self._texts.get(id(basis))
        if known is None:
            known = self._texts[id(basis)] = (basis, basis.text(self.lang))  # keeps `basis` alive: ids stay unique
        return known[1]


def _levels(split: TargetSplit, depth: int | None) -> list[str]:
    return list(split.levels if depth is None else split.levels[:depth])


def _rows(split: TargetSplit, depth: int | None, text: _BasisTexts) -> Iterator[dict[str, str | None]]:
    for coords, node in rows_at_depth(split, depth):
        row: dict[str, str | None] = {**coords, "value": plain(node.value), "basis": text(node.basis)}
        if split.comparable is not None:
            row["growth"] = split.growth(coords, node.value)
        yield row


def _head(split: TargetSplit) -> dict[str, str | None]:
    """A target's value, and its growth when it has a comparable history."""
    head: dict[str, str | None] = {"value": plain(split.value)}
    if split.comparable is not None:
        head["growth"] = split.growth({}, split.value)
    return head


def _commitments(split: TargetSplit) -> list[dict[str, str]]:
    found, _unknown = commitments(split, split.commit)
    return [
        {"part": c.part, "allocation": plain(c.allocation), "commitment": plain(c.commitment), "gap": plain(c.gap)}
        for c in found
    ]


def _commitment_lines(lines: _Lines, split: TargetSplit) -> Iterator[str]:
    for row in _commitments(split):
        yield "{" + ", ".join(lines.pair(k, v) for k, v in row.items()) + "}"


def document(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> dict[str, Any]:
    """The json/yaml document (see the module docstring). `names` is accepted for the table's sake."""
    text = _BasisTexts(lang)
    return {
        "targets": [
            {
                "id": split.target_id,
                "unit": split.unit,
                **_head(split),
                "levels": _levels(split, depth),
                "rows": list(_rows(split, depth, text)),
                **({"commitments": _commitments(split)} if split.commit else {}),
            }
            for split in splits
        ]
    }


class _Lines:
    """Rows as one-line JSON objects, which are also YAML flow mappings.

    Written with json's C string encoder, each key/value pair worded once: `json.dumps(...,
    indent=2)` falls back to the pure-Python encoder, and PyYAML's representer is pure Python;
    either took many times as long as the split itself on 100,000 leaves.
    """

    def __init__(self, lang: str, yaml_safe: bool = False) -> None:
        self.text = _BasisTexts(lang)
        self.yaml_safe = yaml_safe
        self._pairs: dict[tuple[str, str | None], str] = {}
        self._scalars: dict[str, str] = {}

    def scalar(self, value: str) -> str:
        known = self._scalars.get(value)
        if known is None:
            known = encode_basestring(value)
            if self.yaml_safe and _NOT_YAML_PRINTABLE.search(known):
                known = encode_basestring_ascii(value)  # YAML readers refuse raw control characters
            self._scalars[value] = known
        return known

    def pair(self, key: str, value: str | None) -> str:
        known = self._pairs.get((key, value))
        if known is None:
            shown = "null" if value is None else self.scalar(value)
            known = self._pairs[(key, value)] = f"{self.scalar(key)}: {shown}"
        return known

    def head(self, split: TargetSplit, indent: str, json: bool) -> str:
        """The target's value, and its growth when it has one: one key a line (json: quoted, with a comma)."""
        if json:
            return "".join(f"{indent}{self.pair(k, v)},\n" for k, v in _head(split).items())
        return "".join(f"{indent}{k}: {'null' if v is None else self.scalar(v)}\n" for k, v in _head(split).items())

    def levels(self, split: TargetSplit, depth: int | None) -> str:
        return "[" + ", ".join(self.scalar(level) for level in _levels(split, depth)) + "]"

    def rows(self, split: TargetSplit, depth: int | None) -> Iterator[str]:
        pair = self.pair
        for coords, node in rows_at_depth(split, depth):
            fields = [pair(k, v) for k, v in coords.items()]
            fields.append(pair("value", plain(node.value)))
            fields.append(pair("basis", self.text(node.basis)))
            if split.comparable is not None:
                fields.append(pair("growth", split.growth(coords, node.value)))
            yield "{" + ", ".join(fields) + "}"


BATCH = 4096  # rows joined into one chunk of streamed output


def _batched(lines: Iterator[str], prefix: str, sep: str) -> Iterator[str]:
    """`sep.join(prefix + line ...)` as chunks of BATCH lines (each chunk after the first starts with `sep`)."""
    batch: list[str] = []
    first = True
    for line in lines:
        batch.append(prefix + line)
        if len(batch) == BATCH:
            yield ("" if first else sep) + sep.join(batch)
            batch, first = [], False
    if batch:
        yield ("" if first else sep) + sep.join(batch)


def json_chunks(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> Iterator[str]:
    """`render_json`'s text in chunks, made as they are written out."""
    lines = _Lines(lang)
    yield '{\n  "targets": ['
    for t, split in enumerate(splits):
        yield (
            ("," if t else "")
            + f'\n    {{\n      "id": {lines.scalar(split.target_id)},\n      "unit": {lines.scalar(split.unit)},\n'
            + lines.head(split, "      ", json=True)
            + f'      "levels": {lines.levels(split, depth)},\n'
            + '      "rows": ['
        )
        yield from _batched(lines.rows(split, depth), "\n        ", ",")
        if split.commit:
            yield '\n      ],\n      "commitments": ['
            yield from _batched(_commitment_lines(lines, split), "\n        ", ",")
        yield "\n      ]\n    }"
    yield "\n  ]\n}\n" if splits else "]\n}\n"


def render_json(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    """The document as JSON: two-space indentation, one row a line."""
    return "".join(json_chunks(splits, lang, depth, names))


def yaml_chunks(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> Iterator[str]:
    """`render_yaml`'s text in chunks, made as they are written out."""
    lines = _Lines(lang, yaml_safe=True)
    yield "targets:" + ("" if splits else " []") + "\n"
    for split in splits:
        yield (
            f"- id: {lines.scalar(split.target_id)}\n"
            f"  unit: {lines.scalar(split.unit)}\n"
            + lines.head(split, "  ", json=False)
            + f"  levels: {lines.levels(split, depth)}\n"
            + "  rows:\n"
        )
        for chunk in _batched(lines.rows(split, depth), "  - ", "\n"):
            yield chunk.lstrip("\n") + "\n"
        if split.commit:
            yield "  commitments:" + ("\n" if _commitments(split) else " []\n")
            for chunk in _batched(_commitment_lines(lines, split), "  - ", "\n"):
                yield chunk.lstrip("\n") + "\n"


def render_yaml(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    """The same document as YAML: block style for targets, one flow mapping a row."""
    return "".join(yaml_chunks(splits, lang, depth, names))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # starts a CSV file: Excel reads it as UTF-8 only then (else as the system's code page)


def csv_text(text: str) -> str:
    """A text cell a spreadsheet cannot run: one starting like a formula gets a leading `'` (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_chunks(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> Iterator[str]:
    """`render_csv`'s text in chunks of BATCH rows, made as they are written out."""
    columns: list[str] = []
    for split in splits:
        for level in _levels(split, depth):
            if level not in columns:
                columns.append(level)
    text = _BasisTexts(lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    with_growth = any(split.comparable is not None for split in splits)
    writer.writerow(["target", "unit", *columns, "value", "basis", *(["growth"] if with_growth else [])])
    count = 0
    for split in splits:
        for coords, node in rows_at_depth(split, depth):
            parts = [csv_text(coords.get(c, "")) for c in columns]
            cells = [csv_text(split.target_id), csv_text(split.unit), *parts, plain(node.value)]
            cells.append(csv_text(text(node.basis)))
            if with_growth:
                cells.append(split.growth(coords, node.value) or "")
            writer.writerow(cells)
            count += 1
            if count % BATCH == 0:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
    yield out.getvalue()


def render_csv(
    splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    """The leaves as CSV; text cells that would start a formula are prefixed with `'`, values stay decimal strings."""
    return "".join(csv_chunks(splits, lang, depth, names))


@dataclass(frozen=True)
class SplitOutput:
    """What `salesplan split` shows: the splits, and the targets' names by id (the table's headings)."""

    splits: list[TargetSplit]
    names: dict[str, str] | None = None


def _table(out: SplitOutput, options: RenderOptions) -> str:
    return render_table(out.splits, options.lang, options.depth, out.names, width=options.width)


# `salesplan split` by --format; json, csv and yaml in chunks made as they are written out
RENDERERS: Renderers[SplitOutput] = Renderers(
    {
        "table": _table,
        "json": lambda out, options: json_chunks(out.splits, options.lang, options.depth, out.names),
        "csv": lambda out, options: csv_chunks(out.splits, options.lang, options.depth, out.names),
        "yaml": lambda out, options: yaml_chunks(out.splits, options.lang, options.depth, out.names),
    }
)


def chunks(
    fmt: str, splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> Iterator[str]:
    """The split in `fmt` (json, csv, yaml) in chunks, made as they are written out."""
    made = RENDERERS.render(fmt, SplitOutput(splits, names), RenderOptions(lang=lang, depth=depth))
    assert not isinstance(made, str | bytes)
    return made


def render(
    fmt: str, splits: list[TargetSplit], lang: str = "zh", depth: int | None = None, names: dict[str, str] | None = None
) -> str:
    """The split in `fmt` (table, json, csv, yaml) as one text."""
    return RENDERERS.text(fmt, SplitOutput(splits, names), RenderOptions(lang=lang, depth=depth))
