"""The relation graph across files: which file implements which, and the cycles in it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from salesplan.rollup.facts import Claim


def reachable(start: str, parents_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Every file reached from `start` by following `implements:` upwards (`start` only if on a cycle)."""
    seen: set[str] = set()
    todo = list(parents_of(start))
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(parents_of(node))
    return seen


def cyclic(claims: Iterable[Claim], parents_of: Callable[[str], Iterable[str]]) -> set[Claim]:
    """The claims whose parent leads back to their own file (a file implementing itself included)."""
    reach: dict[str, set[str]] = {}
    out = set()
    for claim in claims:
        if claim.parent not in reach:
            reach[claim.parent] = reachable(claim.parent, parents_of) | {claim.parent}
        if claim.real in reach[claim.parent]:
            out.add(claim)
    return out
