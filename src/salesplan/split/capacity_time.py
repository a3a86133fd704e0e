"""Time parts under a rep of a capacity level: each part counts the rep's ramped days, not their days.

A `method: capacity` rep level gives a ramping rep (`people[].ramp`, else `team.ramp`) their ramped
capacity over the node's window (`salesplan.model.ramp`). The time level below then phases the rep's
part: every method there (even, weights, history, workdays) prorates a part by the share of its days
the rep is active, and under a capacity level that share is ramped too, each active day counting its
tenure month's share. A rep at 30% in August and 60% in September therefore carries, month by month,
the ramped capacity the rep level counted: weights 1:1 become 0.3:0.6 (before rounding), and parts
still add up to the rep's part exactly. A rep without a ramp, and a time level under a rep of any
other method, are prorated by days as before.

A time level may also be split `method: capacity` itself, under a rep level of any method: each part
then weighs the rep's ramped capacity in it (their active days, each at its tenure month's share;
capacity a day is the same all period), `按产能 9.3/27.3（爬坡 30%）`. Without a rep level above it
has no capacity to follow (SP048).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import lru_cache

from salesplan.model.ramp import Ramp
from salesplan.split.env import TargetEnv
from salesplan.split.timeparts import TimePart


def under_capacity(env: TargetEnv, index: int) -> bool:
    """Whether split level `index` is split by capacity itself, or a level outside it is a rep level
    split by capacity (`method:` or `rest:`)."""
    if index < len(env.target.split) and (env.target.split[index].rest or env.target.split[index].method) == "capacity":
        return True
    for spec in env.target.split[:index]:
        dims = spec.by if isinstance(spec.by, list) else [spec.by]
        if "rep" in dims and (spec.rest or spec.method) == "capacity":
            return True
    return False


def ramp_factors(env: TargetEnv, index: int, rep: str | None, parts: list[TimePart]) -> list[Fraction] | None:
    """Per time part of split level `index`, the rep's ramped days over their active days in it (1
    where the ramp is over, or no day is active); None when nothing is ramped here (no rep, no ramp,
    or no capacity level above)."""
    if ramp_key(env, rep) is None:  # attribute checks first: most reps have no ramp
        return None
    ramp = env.ramp(rep)
    if ramp is None or not under_capacity(env, index):
        return None
    windows = tuple((part.start, part.end) for part in parts)
    factors = _factors(ramp, env.active(rep), windows)
    return list(factors) if factors is not None else None


@lru_cache(maxsize=4096)
def _factors(
    ramp: Ramp, active: tuple[dt.date, dt.date], windows: tuple[tuple[dt.date, dt.date], ...]
) -> tuple[Fraction, ...] | None:
    """The factors of `ramp_factors` (None when all are 1), for reps alike (same ramp and days) computed once."""
    segments = ramp.segments()
    factors: list[Fraction] = []
    for first_day, last_day in windows:
        start, end = max(first_day, active[0]), min(last_day, active[1])
        if start > end:
            factors.append(Fraction(1))
            continue
        days = Fraction(0)
        for first, last, share in segments:
            lo, hi = max(start, first), end if last is None else min(end, last)
            if lo <= hi:
                days += share * ((hi - lo).days + 1)
        factors.append(days / ((end - start).days + 1))
    return tuple(factors) if any(f != 1 for f in factors) else None


def ramp_key(env: TargetEnv, rep: str | None) -> str | None:
    """What a time level's shares owe to a rep's ramp: None when the rep is not ramped, else the first
    rep asked about with the same ramp and active days (a rep brings nothing else to the factors), so
    that reps hired alike share their time parts' shares. Part of every time node's cache key: found
    once a rep."""
    if rep in env.ramp_keys:
        return env.ramp_keys[rep]
    person = env.people.get(rep) if rep is not None else None
    key: str | None = None
    if person is not None and person.start is not None and (person.ramp is not None or env.plan.team.ramp is not None):
        ramp = env.ramp(rep)
        if ramp is not None and rep is not None:
            key = env.ramp_alike.setdefault((ramp, env.active(rep)), rep)
    env.ramp_keys[rep] = key
    return key
