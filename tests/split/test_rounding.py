"""Largest remainder (Hamilton): published tables reproduced, then its invariants as properties."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from salesplan.split.rounding import apportion, apportion_fractions


def test_wikipedia_largest_remainder_hare_quota() -> None:
    # Wikipedia, "Largest remainder method", Examples (Hare quota): 100,000 votes, 10 seats.
    #   party    votes   votes/quota  automatic  remainder  extra  total
    #   Yellows  47,000  4.70         4          0.70       1      5
    #   Whites   16,000  1.60         1          0.60       1      2
    #   Reds     15,800  1.58         1          0.58       0      1
    #   Greens   12,000  1.20         1          0.20       0      1
    #   Blues     6,100  0.61         0          0.61       1      1
    #   Pinks     3,100  0.31         0          0.31       0      0
    votes = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100]
    assert apportion(10, votes) == [5, 2, 1, 1, 1, 0]


def test_textbook_hamilton_example() -> None:
    # Populations 50, 30, 20 and 7 seats: quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1; the seat left goes to .5.
    assert apportion(7, [50, 30, 20]) == [4, 2, 1]


def test_ties_go_to_the_larger_weight_then_the_earlier_part() -> None:
    # 1 unit over weights 1, 2, 1 -> quotas .25 .5 .25: the largest remainder wins.
    assert apportion(1, [1, 2, 1]) == [0, 1, 0]
    # 2 units over 1, 1, 1 -> remainders all 2/3: earlier parts win.
    assert apportion(2, [1, 1, 1]) == [1, 1, 0]
    # 3 over 3, 1, 2, 2 (sum 8): quotas 1.125, .375, .75, .75 -> floors 1 0 0 0; remainders .125 .375 .75 .75:
    # the two .75s win (equal weight 2: earlier first).
    assert apportion(3, [3, 1, 2, 2]) == [1, 0, 1, 1]
    # 2 over 1, 1, 2 (sum 4): quotas .5 .5 1 -> floors 0 0 1, 1 left: tie of .5s with equal weights -> earlier.
    assert apportion(2, [1, 1, 2]) == [1, 0, 1]
    # 2 over 1, 3: quotas .5, 1.5 -> floors 0, 1, 1 left: tie of .5s -> the larger weight (3) wins.
    assert apportion(2, [1, 3]) == [0, 2]


def test_zero_weights_get_zero_and_zero_total_is_all_zero() -> None:
    assert apportion(5, [0, 1, 0, 1]) == [0, 3, 0, 2]
    assert apportion(0, [0, 0]) == [0, 0]


def test_fraction_weights() -> None:
    assert apportion_fractions(10, [Fraction(1, 3), Fraction(2, 3)]) == [3, 7]


weights = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12).filter(any)


@given(total=st.integers(min_value=0, max_value=10**7), weights=weights)
def test_sums_exact_and_each_part_within_one_unit_of_its_quota(total: int, weights: list[int]) -> None:
    parts = apportion(total, weights)
    assert sum(parts) == total
    denominator = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        quota = Fraction(total * weight, denominator)
        assert quota - 1 < part < quota + 1
        if weight == 0:
            assert part == 0


@given(total=st.integers(min_value=0, max_value=10**5), weights=weights)
def test_deterministic_and_scale_invariant(total: int, weights: list[int]) -> None:
    assert apportion(total, weights) == apportion(total, list(weights))
    assert apportion(total, weights) == apportion(total, [w * 7 for w in weights])
