"""Largest remainder (Hamilton): published tables reproduced, then its invariants as properties."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from salesplan.loader import load_text
from salesplan.split.engine import SplitOutcome, split_plan
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


def test_german_wikipedia_hare_niemeyer_examples() -> None:
    # de.wikipedia "Hare-Niemeyer-Verfahren" (the same tables are checked by the R package proporz,
    # tests/testthat/test-quota.R). 60 seats over 216, 310, 22, 32 votes (580 in all):
    #   quotas 22.3448, 32.0690, 2.2759, 3.3103 -> floors 22 32 2 3 = 59; the seat left goes to .3448.
    assert apportion(60, [216, 310, 22, 32]) == [23, 32, 2, 3]
    # 31 seats over 720257, 323524, 257466, 213138, 144392, 88315 votes (1,747,092 in all):
    #   quotas 12.7801, 5.7405, 4.5684, 3.7819, 2.5621, 1.5670 -> floors 12 5 4 3 2 1 = 27; the 4 seats left
    #   go to the remainders .7819, .7801, .7405, .5684 (not .5670, not .5621).
    assert apportion(31, [720_257, 323_524, 257_466, 213_138, 144_392, 88_315]) == [13, 6, 5, 4, 2, 1]


def test_the_same_table_through_the_split_engine(make_plan: Callable[[str], str]) -> None:
    # The English Wikipedia table as a plan: 10 units split over six products weighted by the votes.
    text = make_plan(
        """
        - id: T
          value: 10
          scope: {products: [yellow, white, red, green, blue, pink]}
          split:
            - by: product
              method: weights
              weights: {yellow: 47000, white: 16000, red: 15800, green: 12000, blue: 6100, pink: 3100}
        """
    )
    parties = "".join(f"    - {{id: {p}}}\n" for p in ("yellow", "white", "red", "green", "blue", "pink"))
    text = text.replace("    - {id: consumable, name: 耗材}\n", "    - {id: consumable, name: 耗材}\n" + parties)
    outcome = split_plan(load_text(text, "plan.yaml"))
    assert outcome.diagnostics == []
    (t,) = outcome.splits
    assert [(c.part, c.value) for c in t.root.children] == [
        ("yellow", 5),
        ("white", 2),
        ("red", 1),
        ("green", 1),
        ("blue", 1),
        ("pink", 0),
    ]


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


def test_zero_weights_give_zero_through_the_engine(split: Callable[..., SplitOutcome]) -> None:
    # 100 over reps weighted 0 : 3 : 0 : 1 (sum 4) -> 0, 75, 0, 25.
    outcome = split(
        """
        - id: T
          value: 100
          split:
            - by: rep
              method: weights
              weights: {李雷: 0, 韩梅: 3, 周杰: 0, 吴敏: 1}
        """
    )
    assert outcome.diagnostics == []
    assert [(c.part, c.value, c.basis.text("en")) for c in outcome.splits[0].root.children] == [
        ("李雷", 0, "by weight 0/4"),
        ("韩梅", 75, "by weight 3/4"),
        ("周杰", 0, "by weight 0/4"),
        ("吴敏", 25, "by weight 1/4"),
    ]
