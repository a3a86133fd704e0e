"""Markdown's tables made while they are written (RowStream): the same rows as the tables Excel gets,
on every pass, and cross-tab numbers that are the split's leaves summed by part and time part."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from repo_files import EXAMPLES, REFERENCE
from salesplan.export.model import Quantity, Row, RowStream, Table
from salesplan.export.run import export_plan
from salesplan.export.tables import TABLES, build_document
from salesplan.loader import load_plan, load_text
from salesplan.periods import TIME_KINDS
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

PLANS = [REFERENCE, *sorted(EXAMPLES.glob("*.yaml"))]


def _plain(row: Row) -> tuple[Any, ...]:
    return row.cells, row.level, row.kind, row.tones


def _assert_same_tables(text: str | Path) -> list[Table]:
    loaded = load_plan(text) if isinstance(text, Path) else load_text(text)
    assert loaded.plan is not None
    splits = split_plan(loaded).splits
    eager = build_document(loaded.plan, TABLES, "zh", splits)
    lazy = build_document(loaded.plan, TABLES, "zh", splits, stream=True)
    assert [t.name for t in eager.tables] == [t.name for t in lazy.tables]
    for whole, streamed in zip(eager.tables, lazy.tables, strict=True):
        if whole.name in ("breakdown", "crosstab"):
            assert isinstance(streamed.rows, RowStream)
        first, second = list(streamed.rows), list(streamed.rows)  # every pass makes the same rows
        assert len(streamed.rows) == len(first) == len(whole.rows)
        assert [_plain(r) for r in first] == [_plain(r) for r in second] == [_plain(r) for r in whole.rows]
        if first:
            assert _plain(streamed.rows[len(first) - 1]) == _plain(whole.rows[-1])
            assert _plain(streamed.rows[-1]) == _plain(whole.rows[-1])
    return eager.tables


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_streamed_tables_hold_the_rows_of_the_built_ones(path: Path) -> None:
    _assert_same_tables(path)


def test_a_row_stream_indexes_like_a_list() -> None:
    rows = [Row((str(k),)) for k in range(5)]
    stream = RowStream(5, lambda: iter(rows))
    assert stream[0] is rows[0] and stream[-1] is rows[4] and list(stream[1:3]) == rows[1:3]
    with pytest.raises(IndexError):
        stream[5]
    assert [r.cells for r in stream.mapped(lambda row, n: Row((*row.cells, n)))] == [(str(k), k) for k in range(5)]


def test_a_forbidden_character_in_a_streamed_breakdown_is_still_reported() -> None:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    text = REFERENCE.read_text(encoding="utf-8").replace("name: 医疗器械", 'name: "医疗\\x07器械"')
    loaded = load_text(text, REFERENCE)
    result = export_plan(loaded, "md", TABLES, "zh", stream=True)
    assert result.payload is not None and not isinstance(result.payload, (str, bytes))
    markdown = "".join(result.payload)
    assert "医疗\ufffd器械" in markdown and "\x07" not in markdown
    assert [d.code for d in result.diagnostics].count("SP080") == 1


# -- random plans: a time level anywhere in the hierarchy ----------------------------------------------
@st.composite
def _plans(draw: st.DrawFn) -> str:
    regions = [f"r{k}" for k in range(draw(st.integers(1, 3)))]
    products = [f"p{k}" for k in range(draw(st.integers(1, 2)))]
    reps = [{"id": f"{r}-{k}", "role": "rep", "region": r} for r in regions for k in range(draw(st.integers(1, 2)))]
    dims = draw(st.permutations(["region", "product", "rep", "month"]))[: draw(st.integers(1, 4))]
    plan = {
        "salesplan": 1,
        "plan": {"name": "p", "period": {"start": "2026-07-01", "end": "2026-09-30"}, "unit": "万元"},
        "team": {"regions": [{"id": r} for r in regions], "products": [{"id": p} for p in products], "people": reps},
        "targets": [
            {"id": "T", "value": draw(st.integers(0, 10**6)), "split": [{"by": d, "method": "even"} for d in dims]}
        ],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


def _leaf_sums(split: TargetSplit) -> dict[str, Decimal]:
    finest = next((level for level in reversed(split.levels) if level in TIME_KINDS), None)
    sums: dict[str, Decimal] = {}
    for node, when in _leaves(split.root, "", finest):
        sums[when] = sums.get(when, Decimal(0)) + node.value
    return sums


def _leaves(node: Any, when: str, finest: str | None) -> Any:
    when = node.part if finest is not None and node.level == finest else when
    if not node.children:
        yield node, when
    for child in node.children:
        yield from _leaves(child, when, finest)


@settings(max_examples=40, deadline=None)
@given(_plans())
def test_cross_tab_numbers_are_the_leaves_summed_wherever_time_sits(text: str) -> None:
    tables = _assert_same_tables(text)
    loaded = load_text(text)
    splits = split_plan(loaded).splits
    if not splits or not splits[0].root.children:
        return
    split = splits[0]
    (crosstab,) = [t for t in tables if t.name == "crosstab"]
    times = [c.key[1:] for c in crosstab.columns if c.key.startswith("t") and c.key != "total"]
    expected = _leaf_sums(split)
    data = [r for r in crosstab.rows if not r.sums]  # leaf rows hold the plan's numbers
    for index, when in enumerate(times or [""]):
        column = 2 + index
        found = sum((c.value for r in data if isinstance(c := r.cells[column], Quantity)), Decimal(0))
        assert found == expected.get(when, Decimal(0))
    total = crosstab.rows[0].cells[-1]
    assert isinstance(total, Quantity) and total.value == split.root.value
    for row in crosstab.rows:
        if row.sums:  # a parent's numbers are its rows' sums, column by column
            for column in range(2, len(crosstab.columns)):
                kids = [crosstab.rows[i].cells[column] for i in row.sums]
                own = row.cells[column]
                assert isinstance(own, Quantity)
                assert own.value == sum((k.value for k in kids if isinstance(k, Quantity)), Decimal(0))
