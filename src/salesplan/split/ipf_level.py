"""A two-dimensional level (`by: [region, product], method: ipf`): one matrix per node.

The pairs: region, product or channel two by two, and account or tier with product or channel.
The seed is the history matrix (region × product rows of `history.revenue`, or of the target's
metric; channel, account or tier × product rows of `history.by_channel`, `by_account`,
`by_tier`); without such history every cell starts at 1. Margins: at the first level they are amounts
that must add up to the target; at a deeper level they are proportions of each node. A missing
margin is taken from the seed's own totals. The fitted matrix is rounded so that rows and columns
both add up exactly (see `salesplan.split.ipf`); the tree gets the first dimension, then the second.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from salesplan import codes
from salesplan.i18n import _
from salesplan.model.words import dimension
from salesplan.split.customers import HISTORY_TABLES, table_of
from salesplan.split.env import SplitProblem, TargetEnv, show, with_part
from salesplan.split.frontier import Attacher, Frontier
from salesplan.split.ipf import IpfFailed, Matrix, controlled_round, fit
from salesplan.split.levels import Level
from salesplan.split.result import Basis
from salesplan.split.rounding import apportion_fractions
from salesplan.split.shares import Shares

Fitted = tuple[list[int], list[int], Matrix, list[list[int]]]
_MARGIN = _("margin")


def _seed(env: TargetEnv, level: Level) -> list[list[Decimal]]:
    """The history matrix: region × product from `history.revenue` (or the target's metric), a channel,
    account or tier × product from its `history.by_*` table; all ones where there is none."""
    outer, inner = level.dims
    rows, cols = level.universe[outer], level.universe[inner]
    other = inner if outer == "product" else outer if inner == "product" else None
    if other == "region":
        table = env.history
    elif other is not None:
        table = table_of(env, other, env.root_ctx())
    else:
        table = None
    if other is not None and other != "region" and not any(isinstance(row, dict) for row in (table or {}).values()):
        table = None  # totals only: no product shape to seed from
    if not table or other is None:
        return [[Decimal(1)] * len(cols) for _ in rows]
    cell: dict[tuple[str, str], Decimal] = {}
    for part in level.universe[other]:
        raw = table.get(part)
        if raw is not None and not isinstance(raw, dict):
            where = ("history", "revenue" if other == "region" else HISTORY_TABLES[other], part)
            why = _(
                "history of {dim} '{part}' has no per-product rows, which the ipf level needs as its seed",
                dim=dimension(other),
                part=part,
            )
            raise SplitProblem([env.diag(codes.NO_HISTORY, where, why)])
        for product, value in (raw or {}).items():
            cell[(part, product)] = value
    if outer == other:
        return [[cell.get((r, p), Decimal(0)) for p in cols] for r in rows]
    return [[cell.get((r, p), Decimal(0)) for r in cols] for p in rows]


def _margin(env: TargetEnv, level: Level, dim: str, units: int, seed_totals: list[Decimal]) -> list[int]:
    ids = level.universe[dim]
    given = level.margins.get(dim)
    if given is not None and level.index == 0:
        g = Fraction(env.granularity)
        return [int(given.get(p, Fraction(0)) / g) for p in ids]
    weights = [given.get(p, Fraction(0)) for p in ids] if given is not None else [Fraction(v) for v in seed_totals]
    if units and not any(weights):
        raise SplitProblem(
            [
                env.diag(
                    codes.ZERO_WEIGHTS,
                    level.path(env, "margins"),
                    _("the {dim} margin is zero everywhere", dim=dimension(dim)),
                )
            ]
        )
    return apportion_fractions(units, weights) if units else [0] * len(ids)


def _fit(env: TargetEnv, level: Level, seed: list[list[Decimal]], units: int) -> Fitted:
    outer, inner = level.dims
    row_units = _margin(env, level, outer, units, [sum(row, Decimal(0)) for row in seed])
    col_totals = [sum((row[j] for row in seed), Decimal(0)) for j in range(len(level.universe[inner]))]
    col_units = _margin(env, level, inner, units, col_totals)
    try:
        names = (level.universe[outer], level.universe[inner])
        fitted = fit(seed, [Decimal(u) for u in row_units], [Decimal(u) for u in col_units], names)
        cells = controlled_round(fitted, row_units, col_units)
    except IpfFailed as exc:
        raise SplitProblem(
            [
                env.diag(
                    codes.IPF_FAILED,
                    level.path(env, "margins" if level.spec.margins else "method"),
                    _(
                        "iterative proportional fitting of {outer} × {inner} failed: {reason}",
                        outer=dimension(outer),
                        inner=dimension(inner),
                        reason=exc.reason,
                    ),
                    hint=_("a part with a margin above 0 needs some history in its row or column"),
                )
            ]
        ) from None
    return row_units, col_units, fitted, cells


def split_ipf(builder: Attacher, level: Level, frontier: Frontier, last: bool) -> Frontier:
    env = builder.env
    outer, inner = level.dims
    rows, cols = tuple(level.universe[outer]), tuple(level.universe[inner])
    seed = _seed(env, level)
    cache: dict[int, Fitted] = {}
    g = env.granularity
    out: Frontier = []
    for node, ctx, units in frontier:
        if units not in cache:
            cache[units] = _fit(env, level, seed, units)
        row_units, _columns, fitted, cells = cache[units]
        row_bases = tuple(Basis("ipf", show(u * g), show(units * g), _MARGIN) for u in row_units)
        row_shares = Shares(rows, tuple(row_units), row_bases, fixed=True)
        builder.attach(level, node, ctx, row_shares, row_units, row_bases, out, True, dim=outer)
        for i, child in enumerate(node.children):
            child_ctx = with_part(ctx, outer, child.part or "", env)
            bases = tuple(Basis("ipf", show(x * g), show(row_units[i] * g)) for x in fitted[i])
            cell_shares = Shares(cols, tuple(cells[i]), bases, fixed=True)
            builder.attach(level, child, child_ctx, cell_shares, cells[i], bases, out, last, dim=inner)
    return out
