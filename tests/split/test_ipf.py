"""Iterative proportional fitting: the published example, controlled rounding, and the ipf level."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan import codes
from salesplan.split.engine import SplitOutcome
from salesplan.split.ipf import TOLERANCE, IpfFailed, controlled_round, fit


def _d(rows: list[list[int]]) -> list[list[Decimal]]:
    return [[Decimal(v) for v in row] for row in rows]


# Wikipedia, "Iterative proportional fitting", Example: a 4x4 seed with row targets 150 300 400 150 and
# column targets 200 300 400 100. The converged table is published by ProportionalFitting.jl
# (vankesteren/ProportionalFitting.jl, README "Showcase"), which runs that very example:
# X = diag(row factors) * seed * diag(column factors), with the factors printed to 16 digits and the
# table to 6 significant digits. Both are copied here as published. The fit stops when every margin
# is within TOLERANCE (1e-12 units, `salesplan.split.ipf`).
WIKI_SEED = [[40, 30, 20, 10], [35, 50, 100, 75], [30, 80, 70, 120], [20, 30, 40, 50]]
WIKI_ROWS = (150, 300, 400, 150)
WIKI_COLS = (200, 300, 400, 100)
PUBLISHED_ROW_FACTORS = ("0.9986403503185242", "0.8833622306385376", "1.1698911437112522", "0.8895042701910321")
PUBLISHED_COL_FACTORS = ("1.616160156063788", "1.5431801747375655", "1.771623700829941", "0.38299396265192226")
PUBLISHED_TABLE = [
    ["64.5585", "46.2325", "35.3843", "3.82473"],
    ["49.9679", "68.1594", "156.499", "25.3742"],
    ["56.7219", "144.428", "145.082", "53.7673"],
    ["28.7516", "41.18", "63.0347", "17.0337"],
]
FOUR = Decimal("0.0001")


def test_wikipedia_ipf_example_to_four_decimals() -> None:
    fitted = fit(_d(WIKI_SEED), [Decimal(v) for v in WIKI_ROWS], [Decimal(v) for v in WIKI_COLS])
    # every cell to 4 decimals, against the cell rebuilt from the published factors
    for i, (seed_row, r) in enumerate(zip(WIKI_SEED, PUBLISHED_ROW_FACTORS, strict=True)):
        for j, (seed, c) in enumerate(zip(seed_row, PUBLISHED_COL_FACTORS, strict=True)):
            published = seed * Decimal(r) * Decimal(c)
            assert fitted[i][j].quantize(FOUR) == published.quantize(FOUR), (i, j, fitted[i][j], published)
    # and against the printed table, to every decimal it prints (4, or 3 for 156.499, 144.428, 145.082)
    for fitted_row, printed_row in zip(fitted, PUBLISHED_TABLE, strict=True):
        for value, printed in zip(fitted_row, printed_row, strict=True):
            decimals = min(4, len(printed.partition(".")[2]))
            places = Decimal(1).scaleb(-decimals)
            assert value.quantize(places) == Decimal(printed).quantize(places), (value, printed)
    # the margins are met within the documented tolerance
    for row, target in zip(fitted, WIKI_ROWS, strict=True):
        assert abs(sum(row) - target) <= TOLERANCE
    for j, target in enumerate(WIKI_COLS):
        assert abs(sum(row[j] for row in fitted) - target) <= TOLERANCE
    # rounded to whole units, both margins still add up exactly and each cell is its floor or ceiling
    cells = controlled_round(fitted, list(WIKI_ROWS), list(WIKI_COLS))
    assert [sum(r) for r in cells] == list(WIKI_ROWS)
    assert [sum(c) for c in zip(*cells, strict=True)] == list(WIKI_COLS)
    assert all(f - 1 < c < f + 1 for fr, cr in zip(fitted, cells, strict=True) for f, c in zip(fr, cr, strict=True))


def test_zero_row_with_positive_margin_fails() -> None:
    with pytest.raises(IpfFailed):
        fit(_d([[0, 0], [1, 1]]), [Decimal(1), Decimal(1)], [Decimal(1), Decimal(1)])


matrices = st.integers(min_value=1, max_value=5).flatmap(
    lambda n: st.integers(min_value=1, max_value=5).flatmap(
        lambda m: st.tuples(
            st.lists(st.lists(st.integers(1, 1000), min_size=m, max_size=m), min_size=n, max_size=n),
            st.lists(st.integers(0, 500), min_size=n, max_size=n),
            st.lists(st.integers(0, 500), min_size=m, max_size=m),
        )
    )
)


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_controlled_rounding_keeps_both_margins(case: tuple[list[list[int]], list[int], list[int]]) -> None:
    seed, rows, cols = case
    # make the column margins add up to the rows' total
    total = sum(rows)
    if sum(cols) == 0:
        cols = [0] * (len(cols) - 1) + [total]
    else:
        from salesplan.split.rounding import apportion

        cols = apportion(total, cols)
    fitted = fit(_d(seed), [Decimal(r) for r in rows], [Decimal(c) for c in cols])
    cells = controlled_round(fitted, rows, cols)
    assert [sum(r) for r in cells] == rows
    assert [sum(c) for c in zip(*cells, strict=True)] == cols
    for frow, crow in zip(fitted, cells, strict=True):
        for f, c in zip(frow, crow, strict=True):
            assert f - 1 < c < f + 1


IPF = """
- id: T
  value: 500
  split:
    - by: [region, product]
      method: ipf
      margins: {region: {east-a: 300, east-b: 200}, product: {device: 260, consumable: 240}}
"""


def test_ipf_level_meets_both_margins(split: Callable[..., SplitOutcome]) -> None:
    outcome = split(IPF)
    assert outcome.diagnostics == []
    (t,) = outcome.splits
    assert t.levels == ["region", "product"]
    rows = {r.part: r.value for r in t.root.children}
    assert rows == {"east-a": 300, "east-b": 200}
    cols: dict[str | None, Decimal] = {}
    for region in t.root.children:
        assert sum(c.value for c in region.children) == region.value
        for cell in region.children:
            cols[cell.part] = cols.get(cell.part, Decimal(0)) + cell.value
    assert cols == {"device": 260, "consumable": 240}
    # seeded from history: east-a's device/consumable ratio stays near 150:100 after fitting
    assert t.root.children[0].children[0].basis.text().startswith("双向拟合 ")
    assert t.root.children[0].basis.text("en") == "IPF fit 60.0% (margin)"


def test_ipf_nested_margins_are_proportions(split: Callable[..., SplitOutcome], exact: Callable[..., None]) -> None:
    outcome = split(
        """
        - id: T
          value: 900
          split:
            - {by: month, method: even}
            - {by: [product, region], method: ipf, margins: {region: {east-a: 3, east-b: 2}}}
        """
    )
    assert outcome.diagnostics == []
    (t,) = outcome.splits
    assert t.levels == ["month", "product", "region"]
    exact(t.root)
    for month in t.root.children:
        assert month.value == 300
        by_region: dict[str | None, Decimal] = {}
        for product in month.children:
            for region in product.children:
                by_region[region.part] = by_region.get(region.part, Decimal(0)) + region.value
        assert by_region == {"east-a": 180, "east-b": 120}


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_ipf_margins_must_add_up(split: Callable[..., SplitOutcome], make_plan: Callable[[str], str]) -> None:
    outcome = split(IPF.replace("consumable: 240", "consumable: 200"))
    (diag,) = outcome.diagnostics
    assert diag.code == codes.SUM_MISMATCH
    assert "460" in diag.message and "500" in diag.message
    assert diag.line == _line_of(make_plan(IPF), "margins:")


def test_ipf_impossible_fit_is_a_diagnostic(make_plan: Callable[[str], str]) -> None:
    from salesplan.loader import load_text
    from salesplan.split.engine import split_plan

    text = make_plan(IPF).replace("east-b: {device: 100, consumable: 66.7}", "east-b: {device: 0, consumable: 0}")
    outcome = split_plan(load_text(text, "plan.yaml"))
    (diag,) = outcome.diagnostics
    assert diag.code == codes.IPF_FAILED
    assert diag.line == _line_of(text, "margins:")
    assert "east-b is all zero" in diag.message
    assert outcome.splits == []
