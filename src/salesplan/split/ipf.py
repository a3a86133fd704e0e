"""Iterative proportional fitting of a matrix to two margins, then controlled rounding.

`fit` scales rows, then columns, in turn (the classical IPF/RAS cycle) in `Decimal` arithmetic with
40 significant digits — never float. It stops when every row and every column sum is within
`TOLERANCE` (10^-12 granularity units) of its margin, after at most `MAX_CYCLES` cycles; otherwise,
and when a positive margin has only zeros in the seed, it raises `IpfFailed`.

`controlled_round` turns the fitted matrix into whole units whose rows and columns add up to the
(integer) margins exactly: every cell is the floor or the ceiling of its fitted value; cells are
rounded up in order of their fractional part (largest first), then augmenting paths fix any row or
column still short. Such a rounding always exists (Bacharach 1966); a fitted zero stays zero.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal, localcontext

from salesplan.i18n import Message, Text, _

PRECISION = 40
TOLERANCE = Decimal("1e-12")
MAX_CYCLES = 10_000

Matrix = list[list[Decimal]]


class IpfFailed(Exception):
    """The margins cannot be met from this seed; `reason` says why, in any language."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render("en"))
        self.reason = reason


def fit(
    seed: Sequence[Sequence[Decimal]],
    rows: Sequence[Decimal],
    cols: Sequence[Decimal],
    names: tuple[Sequence[str], Sequence[str]] | None = None,
) -> Matrix:
    """The matrix closest to `seed` (cell ratios kept) whose rows sum to `rows` and columns to `cols`."""
    row_names: Sequence[Text] = names[0] if names else [_("row {number}", number=i + 1) for i in range(len(rows))]
    col_names: Sequence[Text] = names[1] if names else [_("column {number}", number=j + 1) for j in range(len(cols))]
    with localcontext() as ctx:
        ctx.prec = PRECISION
        x = [[Decimal(v) for v in row] for row in seed]
        width = len(cols)
        for i, row in enumerate(x):
            if rows[i] > 0 and not any(row):
                raise IpfFailed(
                    _(
                        "{name} is all zero in the seed but its margin is {units} units",
                        name=row_names[i],
                        units=rows[i],
                    )
                )
        for j in range(width):
            if cols[j] > 0 and not any(row[j] for row in x):
                raise IpfFailed(
                    _(
                        "{name} is all zero in the seed but its margin is {units} units",
                        name=col_names[j],
                        units=cols[j],
                    )
                )
        if sum(rows, Decimal(0)) != sum(cols, Decimal(0)):
            raise IpfFailed(_("the two margins have different totals"))
        for _cycle in range(MAX_CYCLES):
            for i, row in enumerate(x):
                total = sum(row, Decimal(0))
                if total:
                    factor = rows[i] / total
                    x[i] = [v * factor for v in row]
            for j in range(width):
                total = sum((row[j] for row in x), Decimal(0))
                if total:
                    factor = cols[j] / total
                    for row in x:
                        row[j] = row[j] * factor
            off = max(abs(sum(row, Decimal(0)) - rows[i]) for i, row in enumerate(x))
            if off <= TOLERANCE:
                return x
    raise IpfFailed(
        _("did not converge within {cycles} cycles (zeros in the seed leave no exact fit)", cycles=MAX_CYCLES)
    )


def controlled_round(x: Matrix, rows: Sequence[int], cols: Sequence[int]) -> list[list[int]]:
    """Whole cells, each the floor or ceiling of `x`, with row sums `rows` and column sums `cols`."""
    floors = [[int(v.to_integral_value(rounding=ROUND_FLOOR)) for v in row] for row in x]
    fracs = [[v - f for v, f in zip(row, frow, strict=True)] for row, frow in zip(x, floors, strict=True)]
    row_need = [rows[i] - sum(frow) for i, frow in enumerate(floors)]
    col_need = [cols[j] - sum(frow[j] for frow in floors) for j in range(len(cols))]
    if min(row_need + col_need, default=0) < 0:
        raise IpfFailed(_("the fitted matrix does not meet its margins"))
    up = [[False] * len(cols) for _ in rows]
    cells = [(i, j) for i, row in enumerate(fracs) for j, f in enumerate(row) if f > 0]
    cells.sort(key=lambda c: (-fracs[c[0]][c[1]], -x[c[0]][c[1]], c[0], c[1]))
    for i, j in cells:
        if row_need[i] > 0 and col_need[j] > 0:
            up[i][j] = True
            row_need[i] -= 1
            col_need[j] -= 1
    for i in range(len(rows)):
        while row_need[i] > 0:
            if not _augment(i, fracs, up, col_need):
                raise IpfFailed(_("no rounding meets both margins"))
            row_need[i] -= 1
    return [[f + int(u) for f, u in zip(frow, urow, strict=True)] for frow, urow in zip(floors, up, strict=True)]


def _augment(start: int, fracs: Matrix, up: list[list[bool]], col_need: list[int]) -> bool:
    """Round one more cell up in row `start`, shifting other rows' choices along an alternating path."""
    came_from: dict[int, tuple[int, int | None]] = {}  # column -> (row it was reached from, previous column)
    queue: deque[tuple[int, int | None]] = deque([(start, None)])
    seen_rows = {start}
    while queue:
        i, via = queue.popleft()
        for j, f in enumerate(fracs[i]):
            if f <= 0 or up[i][j] or j in came_from:
                continue
            came_from[j] = (i, via)
            if col_need[j] > 0:
                col_need[j] -= 1
                column: int | None = j
                while column is not None:
                    row, previous = came_from[column]
                    up[row][column] = True
                    if previous is not None:
                        up[row][previous] = False
                    column = previous
                return True
            for k, urow in enumerate(up):
                if urow[j] and k not in seen_rows:
                    seen_rows.add(k)
                    queue.append((k, j))
    return False
