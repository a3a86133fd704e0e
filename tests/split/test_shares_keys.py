"""What lets the split share work between nodes: cache keys, sums over a common denominator, and
a split that leaves nothing for the cyclic collector.

A level's shares are computed once per cache key (`salesplan.split.methods.shares_keys`), so the
key must hold everything the shares depend on: nodes with equal keys must have equal shares. Reps
hired alike (same ramp, same active days) share one key at a time level, and reps hired otherwise
never do.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Hashable, Iterator
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.loader import LoadedPlan, load_text
from salesplan.model.ramp import ramp_share
from salesplan.split.build import _cap_units
from salesplan.split.capacity_time import ramp_key
from salesplan.split.engine import split_plan
from salesplan.split.env import Ctx, TargetEnv
from salesplan.split.levels import Level, compile_levels
from salesplan.split.methods import compute_shares, shares_keys
from salesplan.split.rounding import integer_weights, scaled_weights
from salesplan.split.shares import Shares

HEAD = """\
salesplan: 1
plan: {name: keys, period: {start: 2026-01-01, end: 2026-12-31}}
team:
  regions: [{id: north}, {id: south, calendar: HK}]
  people:
"""
HISTORY = """\
history:
  period: {start: 2025-01-01, end: 2025-12-31}
  by_month:
    north: {2025-01: 9, 2025-02: 5, 2025-03: 8, 2025-04: 8, 2025-05: 9, 2025-06: 10, 2025-07: 11, 2025-08: 10,
            2025-09: 9, 2025-10: 9, 2025-11: 12, 2025-12: 14}
    south: {2025-01: 7, 2025-02: 7, 2025-03: 8, 2025-04: 9, 2025-05: 9, 2025-06: 9, 2025-07: 10, 2025-08: 10,
            2025-09: 10, 2025-10: 11, 2025-11: 11, 2025-12: 13}
"""
MONTH_METHODS = {
    "history": "{by: month, method: history}",
    "even": "{by: month, method: even}",
    "workdays": "{by: month, method: workdays}",
    "capacity": "{by: month, method: capacity}",
    "weights": "{by: month, method: weights, weights: {"
    + ", ".join(f"2026-{m:02d}: {1 + m % 4}" for m in range(1, 13))
    + "}}",
}
Rep = tuple[str, int, dt.date | None, tuple[int, ...] | None]  # region, capacity, start, ramp


def plan(reps: list[Rep], month: str, rep_method: str = "capacity") -> LoadedPlan:
    people = []
    for i, (region, capacity, start, ramp) in enumerate(reps):
        extra = f", start: {start}" if start is not None else ""
        extra += f", ramp: [{', '.join(f'{s}%' for s in ramp)}]" if ramp is not None else ""
        people.append(f"    - {{id: rep{i}, region: {region}, capacity: {capacity}{extra}}}\n")
    targets = (
        "targets:\n  - id: T\n    value: 1000000\n    split:\n"
        "      - {by: region, method: even}\n"
        f"      - {{by: rep, method: {rep_method}, cap: false}}\n"
        f"      - {MONTH_METHODS[month]}\n"
    )
    return load_text(HEAD + "".join(people) + HISTORY + targets, "plan.yaml")


def month_level(loaded: LoadedPlan) -> tuple[TargetEnv, Level, list[Ctx]]:
    """The env, the month level and the ctx of every rep node above it."""
    assert loaded.plan is not None
    env = TargetEnv.build(loaded.plan, 0, loaded.source)
    level = compile_levels(env)[2]
    ctxs: list[Ctx] = []
    for rep in env.reps:
        ctxs.append((env.rep_region(rep), None, rep, env.start, env.end, None, None, None))
    return env, level, ctxs


def grouped(env: TargetEnv, level: Level, ctxs: list[Ctx]) -> Iterator[tuple[Hashable, list[Shares]]]:
    key_of = shares_keys(env, level)
    groups: dict[Hashable, list[Ctx]] = {}
    for ctx in ctxs:
        groups.setdefault(key_of(ctx), []).append(ctx)
    for key, members in groups.items():
        yield key, [compute_shares(env, level, ctx) for ctx in members]


STARTS = [None, dt.date(2026, 3, 15), dt.date(2026, 7, 1), dt.date(2026, 7, 20)]
RAMPS = [None, (30, 60), (50,), (20, 50, 80)]
reps_strategy = st.lists(
    st.tuples(
        st.sampled_from(["north", "south"]),
        st.sampled_from([50_000, 80_000]),
        st.sampled_from(STARTS),
        st.sampled_from(RAMPS),
    ),
    min_size=1,
    max_size=7,
)


@settings(max_examples=40, deadline=None)
@given(
    reps=reps_strategy, month=st.sampled_from(sorted(MONTH_METHODS)), rep_method=st.sampled_from(["capacity", "even"])
)
def test_nodes_with_equal_keys_have_equal_shares(reps: list[Rep], month: str, rep_method: str) -> None:
    env, level, ctxs = month_level(plan(reps, month, rep_method))
    for _key, shares in grouped(env, level, ctxs):
        assert all(s == shares[0] for s in shares[1:])


def test_reps_hired_alike_share_a_key_and_reps_hired_otherwise_do_not() -> None:
    march, july = dt.date(2026, 3, 15), dt.date(2026, 7, 1)
    reps: list[Rep] = [
        ("north", 50_000, march, (30, 60)),  # rep0
        ("north", 80_000, march, (30, 60)),  # rep1: alike (another capacity does not matter to the months)
        ("north", 50_000, july, (30, 60)),  # rep2: hired another day
        ("north", 50_000, march, (50,)),  # rep3: another ramp
        ("north", 50_000, None, None),  # rep4 and rep5: not ramped
        ("north", 60_000, None, None),
        ("south", 50_000, march, (30, 60)),  # rep6: alike rep0, but another region's history
    ]
    env, level, ctxs = month_level(plan(reps, "history"))
    assert [ramp_key(env, rep) for rep in env.reps] == ["rep0", "rep0", "rep2", "rep3", None, None, "rep0"]
    key_of = shares_keys(env, level)
    keys = [key_of(ctx) for ctx in ctxs]
    assert keys[0] == keys[1] and keys[4] == keys[5]
    assert len({keys[0], keys[2], keys[3], keys[4], keys[6]}) == 5
    # rep0 and rep1 carry different amounts but phase them alike: the same months' weights
    outcome = split_plan(plan(reps, "history"))
    north = outcome.splits[0].root.children[0]
    first, second = ([int(m.value) for m in rep.children] for rep in north.children[:2])
    assert first[:2] == second[:2] == [0, 0]  # hired 15 March: nothing in January and February
    assert sum(first) == int(north.children[0].value) and sum(second) == int(north.children[1].value)


def test_a_reps_capacity_and_ramp_share_are_the_models() -> None:
    env, _level, _ctxs = month_level(plan([("north", 73_000, dt.date(2026, 3, 15), (30, 60))], "even"))
    spring = (dt.date(2026, 3, 1), dt.date(2026, 6, 30))
    ramp = env.ramp("rep0")
    assert ramp is not None and env.ramp("rep0") is ramp  # built once a rep
    # 15 March to 30 June, 108 days: 31 at 30% (to 14 April), 30 at 60% (to 14 May), 47 at 100%
    days = Fraction(31 * 30, 100) + Fraction(30 * 60, 100) + 47
    assert days == Fraction(743, 10)
    assert env.ramped_days("rep0", *spring) == days
    assert env.capacity_in("rep0", *spring) == Fraction(73_000) * days / 365
    assert env.ramp_share("rep0", *spring) == ramp_share(dt.date(2026, 3, 15), spring[1], ramp) == days / 108


@given(st.lists(st.fractions(min_value=0, max_value=10**6, max_denominator=10**4), max_size=30))
def test_scaled_weights_are_the_integer_weights_and_the_exact_sum(weights: list[Fraction]) -> None:
    scaled, total = scaled_weights(weights)
    assert scaled == integer_weights(weights)
    assert total == sum(weights, Fraction(0))
    if weights and total:
        assert all(Fraction(s, sum(scaled)) == w / total for s, w in zip(scaled, weights, strict=True))


def test_a_split_leaves_no_garbage_for_the_cyclic_collector() -> None:
    reps: list[Rep] = [("north", 50_000, dt.date(2026, 3, 15), (30, 60)), ("south", 80_000, None, None)]
    loaded = plan(reps, "history")
    gc.collect()
    outcome = split_plan(loaded)
    assert outcome.splits
    assert gc.collect() == 0  # the target's env, levels and memos were freed when done


@settings(max_examples=30, deadline=None)
@given(
    capacity=st.integers(min_value=0, max_value=10**7),
    granularity=st.sampled_from([Fraction(1), Fraction(1, 2), Fraction(1, 100), Fraction(3), Fraction(10_000)]),
    start=st.sampled_from(STARTS),
    ramp=st.sampled_from(RAMPS),
)
def test_a_reps_cap_is_their_prorated_capacity_rounded_up_in_granularity_units(
    capacity: int, granularity: Fraction, start: dt.date | None, ramp: tuple[int, ...] | None
) -> None:
    env, _level, _ctxs = month_level(plan([("north", capacity, start, ramp)], "even"))
    prorated = Fraction(capacity) * env.ramped_days("rep0", env.start, env.end) / 365
    assert env.capacity_in("rep0", env.start, env.end) == prorated
    units = prorated / granularity
    assert _cap_units(env, "rep0", granularity) == -(-units.numerator // units.denominator)


ROWS_HEAD = """\
salesplan: 1
plan: {name: rows, period: {start: 2026-01-01, end: 2026-12-31}}
team:
  regions: [{id: north}, {id: south}]
  products: [{id: device}, {id: consumable}, {id: service}]
  people:
    - {id: a, region: north, capacity: 100}
    - {id: b, region: north, capacity: 100, start: 2026-05-01, ramp: [50%]}
    - {id: c, region: south, capacity: 100, start: 2026-05-01, ramp: [50%]}
history:
  by_month:
"""
ROWS_TARGET = """\
targets:
  - id: T
    value: 100000
    split:
      - {by: region, method: even}
      - {by: product, method: even}
      - {by: rep, method: capacity, cap: false}
      - {by: month, method: history}
"""


@settings(max_examples=25, deadline=None)
@given(rows=st.lists(st.sampled_from(["device", "consumable", "north", "south"]), min_size=1, max_size=4, unique=True))
def test_equal_keys_have_equal_shares_when_products_and_regions_have_rows(rows: list[str]) -> None:
    """A month node uses the row of its product, else of its region, else the team's months."""
    by_month = "".join(f"    2025-{m:02d}: {m + 3}\n" for m in range(1, 13))  # the team's months
    for i, row in enumerate(rows):
        months = ", ".join(f"2025-{m:02d}: {m * (2 + i) % 7 + 1}" for m in range(1, 13))
        by_month += f"    {row}: {{{months}}}\n"
    loaded = load_text(ROWS_HEAD + by_month + ROWS_TARGET, "plan.yaml")
    assert loaded.plan is not None
    env = TargetEnv.build(loaded.plan, 0, loaded.source)
    level = compile_levels(env)[3]
    ctxs: list[Ctx] = [
        (env.rep_region(rep), product, rep, env.start, env.end, None, None, None)
        for rep in env.reps
        for product in env.products
    ]
    for _key, shares in grouped(env, level, ctxs):
        assert all(s == shares[0] for s in shares[1:])
