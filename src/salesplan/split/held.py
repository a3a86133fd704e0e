"""Held values: some parts of a level at given amounts, the remainder split among the others.

```yaml
- {by: region, values: {east-a: 300}, rest: history}
```

The held parts keep their value exactly; what they leave of each node is split among the other
parts by the `rest:` method (even, weights, history, capacity, workdays), with the same rounding
as that method alone, so the parts add up exactly. The 拆解逻辑 of a held part says `指定`
(explicit), and the rest's shares are of the rest alone (`按历史占比 62.5%` of what is left).
Held values larger than the node they split (SP041 at `values:`), and a rest with nothing to split
by (at `rest:`) are errors located in the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan import codes
from salesplan.i18n import _
from salesplan.split.env import Ctx, SplitProblem, TargetEnv, describe, show
from salesplan.split.result import Basis
from salesplan.split.shares import Shares

if TYPE_CHECKING:
    from salesplan.loader.yamltree import Path_
    from salesplan.split.levels import Level

_HELD = Basis("explicit")
_REBASED = {"weights", "history", "same_month", "same_quarter", "capacity", "workdays"}


def hold(shares: Shares, level: Level) -> Shares:
    """`shares` of every part, with the held parts taken out of the proportions."""
    return hold_with(shares, level.values)


def hold_with(shares: Shares, values: Mapping[str, int]) -> Shares:
    """`shares` with the parts of `values` held at those units (one node's `held:`, or a level's `values:`)."""
    held = tuple(values.get(part) for part in shares.parts)
    total = sum((e for e, h in zip(shares.exact, held, strict=True) if h is None), Fraction(0))
    bases = tuple(_HELD if h is not None else _rebased(b, total) for b, h in zip(shares.bases, held, strict=True))
    weights = tuple(0 if h is not None else w for w, h in zip(shares.weights, held, strict=True))
    return replace(shares, weights=weights, bases=bases, held=held)


def _rebased(basis: Basis, total: Fraction) -> Basis:
    """A share of the rest's total, not of every part's."""
    if basis.method not in _REBASED:
        return basis
    return Basis(basis.method, basis.numerator, show(total), basis.note)


def rest_of(env: TargetEnv, level: Level, ctx: Ctx, shares: Shares, units: int, at: Path_ | None = None) -> int:
    """What the held values leave of a node of `units`; raises when they hold more than it has (located
    at `at`, else at the level's `values:`)."""
    given = sum(h for h in shares.held if h is not None)
    if given > units:
        raise SplitProblem(
            [
                env.diag(
                    codes.SUM_MISMATCH,
                    at or level.path(env, "values"),
                    _(
                        "held values add up to {given}, more than the {units} they split ({where})",
                        given=env.amount(given),
                        units=env.amount(units),
                        where=describe(ctx, env),
                    ),
                )
            ]
        )
    return units - given


def rest_shares(shares: Shares) -> Shares:
    """The shares of the parts that are not held (for the capacity allocation)."""
    keep = [i for i, h in enumerate(shares.held) if h is None]
    return replace(
        shares,
        parts=tuple(shares.parts[i] for i in keep),
        weights=tuple(shares.weights[i] for i in keep),
        bases=tuple(shares.bases[i] for i in keep),
        exact=tuple(shares.exact[i] for i in keep) if shares.exact else (),
        windows=tuple(shares.windows[i] for i in keep) if shares.windows else (),
        held=(),
    )


def merge(held: tuple[int | None, ...], spread: list[int]) -> list[int]:
    """The held values in their places, the rest's parts in the others."""
    rest = iter(spread)
    return [h if h is not None else next(rest) for h in held]
