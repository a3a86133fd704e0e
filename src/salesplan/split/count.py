"""How many leaves a breakdown will have, computed from the level sizes before anything is built.

The number of parts of a level depends only on the node's region, rep and time window (a region
has its reps, a window its months), never on its values, so the count is memoised on those and
costs a few operations per distinct (level, region, rep, window) — even for 10^9 leaves.
"""

from __future__ import annotations

from salesplan.split.env import END, REGION, REP, START, Ctx, TargetEnv
from salesplan.split.levels import Level
from salesplan.split.methods import compute_parts
from salesplan.split.timeparts import time_parts


def count_leaves(env: TargetEnv, levels: list[Level]) -> int:
    memo: dict[tuple[object, ...], int] = {}

    def count(i: int, ctx: Ctx) -> int:
        if i == len(levels):
            return 1
        key = (i, ctx[REGION], ctx[REP], ctx[START], ctx[END])
        known = memo.get(key)
        if known is not None:
            return known
        level = levels[i]
        total = 0
        if level.method == "ipf":
            inner = len(level.universe["product"])
            for region in level.universe["region"]:
                total += inner * count(i + 1, (region, None, ctx[REP], ctx[START], ctx[END]))
        elif level.is_time:
            chosen = set(level.universe[level.dim])
            for part in time_parts(level.dim, ctx[START], ctx[END]):
                if part.id in chosen:
                    total += count(i + 1, (ctx[0], ctx[1], ctx[2], part.start, part.end))
        elif level.dim == "product":
            total = len(compute_parts(env, level, ctx)) * count(i + 1, ctx)
        elif level.dim == "region":
            for region in compute_parts(env, level, ctx):
                total += count(i + 1, (region, ctx[1], ctx[2], ctx[3], ctx[4]))
        else:
            for rep in compute_parts(env, level, ctx):
                total += count(i + 1, (ctx[0], ctx[1], rep, ctx[3], ctx[4]))
        memo[key] = total
        return total

    return count(0, env.root_ctx())
