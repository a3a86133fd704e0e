"""How many leaves a breakdown will have, computed from the level sizes before anything is built.

The number of parts of a level depends only on the node's region, rep, channel, account, tier and
time window (a region has its reps and accounts, a window its months), never on its values, so
the count is memoised on those and costs a few operations per distinct position — even for 10^9
leaves.
"""

from __future__ import annotations

from salesplan.split.env import END, PRODUCT, START, Ctx, SplitProblem, TargetEnv, with_part, with_window
from salesplan.split.levels import Level
from salesplan.split.methods import compute_parts
from salesplan.split.timeparts import time_parts


def count_leaves(env: TargetEnv, levels: list[Level]) -> int:
    return _Counter(env, levels).count(0, env.root_ctx())


class _Counter:
    """The memoised count (an object rather than a closure that calls itself: such a closure is a
    reference cycle, and it, its memo and the env would wait for the cyclic collector)."""

    def __init__(self, env: TargetEnv, levels: list[Level]) -> None:
        self.env = env
        self.levels = levels
        self.memo: dict[tuple[object, ...], int] = {}

    def count(self, i: int, ctx: Ctx) -> int:
        levels = self.levels
        if i == len(levels):
            return 1
        key = (i, *ctx[:PRODUCT], *ctx[PRODUCT + 1 :])  # a product never changes the parts under it
        known = self.memo.get(key)
        if known is not None:
            return known
        env, count, level = self.env, self.count, levels[i]
        total = 0
        if level.method == "ipf":
            outer, inner = level.dims
            for row in level.universe[outer]:
                row_ctx = with_part(ctx, outer, row, env)
                total += sum(count(i + 1, with_part(row_ctx, inner, col, env)) for col in level.universe[inner])
        elif level.is_time:
            chosen = set(level.universe[level.dim])
            for part in time_parts(level.dim, ctx[START], ctx[END]):
                if part.id in chosen:
                    total += count(i + 1, with_window(ctx, part.start, part.end))
        elif level.dim == "product":
            total = len(self.parts(level, ctx)) * count(i + 1, ctx)
        else:
            for ident in self.parts(level, ctx):
                total += count(i + 1, with_part(ctx, level.dim, ident, env))
        self.memo[key] = total
        return total

    def parts(self, level: Level, ctx: Ctx) -> list[str]:
        """The node's parts; none when it has none to have (the builder says why, with the other findings)."""
        try:
            return compute_parts(self.env, level, ctx)
        except SplitProblem:
            return []
