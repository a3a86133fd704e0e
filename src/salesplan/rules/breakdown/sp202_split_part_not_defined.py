"""A split level may only name parts that exist: known regions, products, people, channels and
accounts, in scope.

The keys of `values`, `weights`, `parts` and `margins` name the parts of a level. A region,
product or account must be defined in `team` (and, when the target has a scope, be in it); a rep
must be a person of `team.people`, a channel one of `team.channels`, a tier A, B or C. Time parts
(months, quarters, weeks, which may be written several ways) are checked by the split engine itself
and reported as SP203.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 3, east-c: 2}}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 3, east-b: 2}}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from salesplan.i18n import Message, _
from salesplan.model.plan import Plan, SplitLevel, Target
from salesplan.rules.base import Context, Finding

CODE = "SP202"
NAME = "split-part-not-defined"
SEVERITY = "error"
SUMMARY = "Split levels may only name regions, products, people, channels and accounts of the team (in scope)."


def _known(plan: Plan, target: Target, by: str) -> tuple[set[str], set[str] | None] | None:
    """(known ids, ids in the target's scope or None when unrestricted) for a dimension."""
    scope = target.scope
    if by == "region":
        return {r.id for r in plan.team.regions}, set(scope.regions) if scope and scope.regions else None
    if by == "product":
        return {p.id for p in plan.team.products}, set(scope.products) if scope and scope.products else None
    if by == "rep":
        return {p.id for p in plan.team.people}, None
    if by == "channel":
        return {c.id for c in plan.team.channels}, None
    if by == "account":
        return {a.id for a in plan.team.accounts}, set(scope.accounts) if scope and scope.accounts else None
    if by == "tier":
        return {"A", "B", "C"}, None
    return None


def _keys(level: SplitLevel, by: str) -> Iterable[tuple[tuple[str | int, ...], str]]:
    for field in ("values", "weights"):
        for key in getattr(level, field) or {}:
            yield (field, key), key
    for j, part in enumerate(level.parts or []):
        yield ("parts", j), part
    for key in (level.margins or {}).get(by, {}):
        yield ("margins", by, key), key


def _unknown(by: str, key: str, target_id: str) -> Message:
    """A part that is not an id of its dimension."""
    if by == "region":
        return _("split part '{key}' of target '{id}' is not a known region", key=key, id=target_id)
    if by == "product":
        return _("split part '{key}' of target '{id}' is not a known product", key=key, id=target_id)
    if by == "channel":
        return _("split part '{key}' of target '{id}' is not a known channel", key=key, id=target_id)
    if by == "account":
        return _("split part '{key}' of target '{id}' is not a known account", key=key, id=target_id)
    if by == "tier":
        return _("split part '{key}' of target '{id}' is not a tier (A, B or C)", key=key, id=target_id)
    return _("split part '{key}' of target '{id}' is not a known rep", key=key, id=target_id)


def _check_level(plan: Plan, target: Target, level: SplitLevel, path: tuple[str | int, ...]) -> Iterator[Finding]:
    dims = level.by if isinstance(level.by, list) else [level.by]
    for by in dims:
        known = _known(plan, target, by)
        for sub, key in _keys(level, by):
            if isinstance(level.by, list) and sub[0] != "margins":
                continue  # several dimensions: only margins say which dimension a key belongs to
            problem: Message | None = None
            if known is not None:
                ids, scope = known
                if key not in ids:
                    problem = _unknown(by, key, target.id)
                elif scope is not None and key not in scope:
                    problem = _(
                        "split part '{key}' of target '{id}' is not in the scope of target '{id}'",
                        key=key,
                        id=target.id,
                    )
            if problem:
                yield Finding(
                    (*path, *sub),
                    problem,
                    _HINTS.get(by, _HINT),
                    key=sub[0] != "parts",
                )


_HINT = _("use an id defined in team (regions, products, people), or fix the target's scope")
_HINTS = {
    "channel": _("use an id defined in team.channels"),
    "account": _("use an id defined in team.accounts, or fix the target's scope"),
}


def check(ctx: Context) -> Iterator[Finding]:
    for i, target in enumerate(ctx.plan.targets):
        for j, level in enumerate(target.split):
            yield from _check_level(ctx.plan, target, level, ("targets", i, "split", j))
