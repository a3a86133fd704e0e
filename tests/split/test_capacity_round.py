"""Controlled rounding of a capacity level: rows exact, cells floor or ceiling, reps within their caps."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.split.capacity_round import controlled_allocations
from salesplan.split.result import Basis
from salesplan.split.shares import Shares

REPS = ["a", "b", "c", "d", "e", "f"]


def _shares(weights: list[int]) -> Shares:
    parts = tuple(REPS[: len(weights)])
    return Shares(parts, tuple(weights), (Basis("capacity"),) * len(weights), tuple(Fraction(w) for w in weights))


@st.composite
def levels(draw: st.DrawFn) -> list[tuple[int, Shares]]:
    """Nodes of a rep level: a few distinct shares, reused by many nodes as alike nodes do."""
    width = draw(st.integers(1, len(REPS)))
    kinds = [
        _shares(draw(st.lists(st.integers(0, 9), min_size=width, max_size=width).filter(any)))
        for _ in range(draw(st.integers(1, 4)))
    ]
    return [(draw(st.integers(0, 60)), draw(st.sampled_from(kinds))) for _ in range(draw(st.integers(1, 40)))]


def _exact_totals(jobs: list[tuple[int, Shares]]) -> dict[str, Fraction]:
    totals: dict[str, Fraction] = {}
    for units, shares in jobs:
        for rep, weight in zip(shares.parts, shares.weights, strict=True):
            totals[rep] = totals.get(rep, Fraction(0)) + Fraction(units * weight, sum(shares.weights))
    return totals


def _ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


@settings(max_examples=300, deadline=None)
@given(levels())
def test_tightest_caps_are_met_with_every_cell_its_floor_or_ceiling(jobs: list[tuple[int, Shares]]) -> None:
    totals = _exact_totals(jobs)
    caps = {rep: _ceil(total) for rep, total in totals.items()}  # the tightest caps a rounding can meet
    allocations = controlled_allocations(jobs, caps)
    assert allocations is not None
    carried: dict[str, int] = {}
    for (units, shares), row in zip(jobs, allocations, strict=True):
        assert sum(row) == units
        for rep, weight, part in zip(shares.parts, shares.weights, row, strict=True):
            quota = Fraction(units * weight, sum(shares.weights))
            assert quota - 1 < part < quota + 1
            carried[rep] = carried.get(rep, 0) + part
    assert all(carried[rep] <= caps[rep] for rep in carried)
    assert controlled_allocations(jobs, caps) == allocations  # deterministic


def test_given_quotas_are_rounded_the_same_way() -> None:
    # two nodes of 5 units over a, b: quotas 2.5 / 2.5 each (after water-filling, say); a's cap is 5, b's 5
    shares = _shares([1, 1])
    quotas = [[Fraction(5, 2), Fraction(5, 2)], [Fraction(5, 2), Fraction(5, 2)]]
    allocations = controlled_allocations([(5, shares), (5, shares)], {"a": 5, "b": 5}, quotas)
    assert allocations is not None
    assert sorted(allocations) == [[2, 3], [3, 2]]  # each rep rounded up once, not twice


def test_no_rounding_when_a_rep_is_over_in_exact_terms_or_quotas_fall_short() -> None:
    shares = _shares([1, 1])
    assert controlled_allocations([(10, shares)], {"a": 4, "b": 10}) is None  # a's exact 5 > 4
    short = [[Fraction(2), Fraction(2)]]  # 4 of the node's 5 units: some excess found no taker
    assert controlled_allocations([(5, shares)], {"a": 5, "b": 5}, short) is None
