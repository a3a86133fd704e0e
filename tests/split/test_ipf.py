"""Iterative proportional fitting: the published example, controlled rounding, and the ipf level."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.split import codes
from salesplan.split.engine import SplitOutcome
from salesplan.split.ipf import IpfFailed, controlled_round, fit


def _d(rows: list[list[int]]) -> list[list[Decimal]]:
    return [[Decimal(v) for v in row] for row in rows]


def test_wikipedia_ipf_example_to_four_decimals() -> None:
    # Wikipedia, "Iterative proportional fitting", Example: seed 4x4, row targets 150 300 400 150,
    # column targets 200 300 400 100. The converged table, as printed (4 decimals) in the docstring of
    # ProportionalFitting.jl's `ipf` (vankesteren/ProportionalFitting.jl, src/ipf.jl), which reproduces
    # that example: 64.5585 46.2325 35.3843 3.82473 / 49.9679 68.1594 156.499 25.3742 /
    # 56.7219 144.428 145.082 53.7673 / 28.7516 41.18 63.0347 17.0337.
    seed = _d([[40, 30, 20, 10], [35, 50, 100, 75], [30, 80, 70, 120], [20, 30, 40, 50]])
    rows = [Decimal(v) for v in (150, 300, 400, 150)]
    cols = [Decimal(v) for v in (200, 300, 400, 100)]
    fitted = fit(seed, rows, cols)
    four = [[str(v.quantize(Decimal("0.0001"))) for v in row] for row in fitted]
    assert four == [
        ["64.5585", "46.2325", "35.3843", "3.8247"],
        ["49.9679", "68.1594", "156.4985", "25.3742"],
        ["56.7219", "144.4282", "145.0825", "53.7673"],
        ["28.7516", "41.1800", "63.0347", "17.0337"],
    ]
    # the digits the source prints with fewer decimals agree too
    assert abs(fitted[1][2] - Decimal("156.499")) < Decimal("0.0005")
    assert abs(fitted[2][1] - Decimal("144.428")) < Decimal("0.0005")
    cells = controlled_round(fitted, [150, 300, 400, 150], [200, 300, 400, 100])
    assert [sum(r) for r in cells] == [150, 300, 400, 150]
    assert [sum(c) for c in zip(*cells, strict=True)] == [200, 300, 400, 100]


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
