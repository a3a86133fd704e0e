"""Held values per node: under one node of the levels above, some parts of a time level at given amounts.

```yaml
- {by: rep, method: capacity}
- by: month
  method: weights
  weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}
  held:
    east-a/device/李雷: {2026-07: 98, 2026-08: 40}
```

A key of `held:` is the path of one node the time level splits: the part of every level above it,
outermost first, joined by `/` (time parts written as anywhere else: `2026-Q3`, `Q3`). In that node
the listed parts keep their amounts exactly, and what they leave of the node is split among its other
parts by the level's own method (even, weights, history or workdays), with the rest's shares of the
rest alone, so the node's parts still add up to it. Nodes not listed split as usual. This is how
`salesplan replan` holds each rep's completed months at that rep's actuals.

Errors, located at the key: a `held:` on a level that is not a time level, on the first level, under
an ipf level, or on one whose method cannot split a remainder (SP048); a path that is not one part of each
level above, names an unknown part, or names no node of the breakdown (SP042); a held part the level
does not have (SP042), negative (SP044) or not a whole multiple of the granularity (SP040); held
values adding up to more than their node (SP041).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Message, _
from salesplan.loader.validate import did_you_mean
from salesplan.loader.yamltree import Path_
from salesplan.model.plan import SplitLevel
from salesplan.model.words import dimension
from salesplan.numbers import plain
from salesplan.split.customers import id_named, universe
from salesplan.split.env import PLACE, START, Ctx, TargetEnv
from salesplan.split.timeparts import TIME_RANK, normalize_key, part_bounds

HELD_METHODS = ("even", "weights", "history", "workdays")
_PLACES = PLACE  # region, product, rep, channel, account, tier: where a node's part of each sits in its ctx
SEPARATOR = "/"


class LevelLike(Protocol):
    """What the held values read of a checked level (`salesplan.split.levels` builds them)."""

    @property
    def index(self) -> int: ...
    @property
    def dims(self) -> tuple[str, ...]: ...
    @property
    def method(self) -> str: ...
    @property
    def spec(self) -> SplitLevel: ...
    @property
    def universe(self) -> dict[str, list[str]]: ...


@dataclass
class HeldNodes:
    """A level's `held:`: node path -> part -> held units, and each path's key as written."""

    above: tuple[str, ...]
    by_path: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict)
    keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    part_keys: dict[tuple[tuple[str, ...], str], str] = field(default_factory=dict)

    def path_of(self, ctx: Ctx) -> tuple[str, ...]:
        """The path of the node at `ctx` (the parts of the levels above it)."""
        return tuple(
            str(ctx[_PLACES[dim]]) if dim in _PLACES else part_bounds(dim, ctx[START])[0] for dim in self.above
        )

    def located(self, env: TargetEnv, level: LevelLike, path: tuple[str, ...], part: str | None = None) -> Path_:
        base = env.path("split", level.index, "held", self.keys[path])
        return base if part is None else (*base, self.part_keys.get((path, part), part))


def node_key(parts: Sequence[str]) -> str:
    """The `held:` key of a node: its path of parts, joined by `/`."""
    return SEPARATOR.join(parts)


def read_held(env: TargetEnv, level: LevelLike) -> tuple[HeldNodes, list[Diagnostic]]:
    """The level's `held:` as units, and every problem of it (the levels above are checked on their own)."""
    above = [spec.by if isinstance(spec.by, list) else [spec.by] for spec in env.target.split[: level.index]]
    dims_above = tuple(dims[0] for dims in above)
    held = HeldNodes(dims_above)
    raw = level.spec.held or {}
    found: list[Diagnostic] = []

    def add(code: str, path: Path_, message: Message, key: bool = True, hint: Message | None = None) -> None:
        found.append(env.diag(code, path, message, key=key, hint=hint))

    base = env.path("split", level.index, "held")
    refused = _refused(level, above)
    if refused is not None:
        add(codes.METHOD_NOT_APPLICABLE, base, refused)
        return held, found
    dim = level.dims[0]
    own = level.universe.get(dim, [])
    for key, table in raw.items():
        path = _path(env, dims_above, str(key), (*base, key), add)
        mine: dict[str, int] = {}
        for written, number in table.items():
            where: Path_ = (*base, key, written)
            part = normalize_key(dim, str(written), own)
            if part not in own:
                add(codes.UNKNOWN_PART, where, _unknown(env, str(written), dim, own), hint=_parts_hint(own))
            elif path is not None and (path, part) in held.part_keys:
                add(codes.DUPLICATE_KEY, where, same_part(str(written), held.part_keys[(path, part)], part))
            elif number < 0:
                add(
                    codes.NEGATIVE_WEIGHT,
                    where,
                    _("{table} of '{key}' is negative ({number})", table="held", key=written, number=plain(number)),
                    key=False,
                )
            elif (units := env.to_units(number)) is None:
                message = _(
                    "{number} is not a whole multiple of the granularity {granularity}",
                    number=plain(number),
                    granularity=plain(env.granularity),
                )
                add(codes.NOT_WHOLE, where, message, key=False)
            elif path is not None:
                mine[part] = units
                held.part_keys[(path, part)] = str(written)
        if path is not None and path in held.keys:
            add(codes.DUPLICATE_KEY, (*base, key), same_part(str(key), held.keys[path], node_key(path)))
        elif path is not None:
            held.keys[path] = str(key)
            held.by_path[path] = mine
    return held, found


def same_part(key: str, first: str, part: str) -> Message:
    """Two keys of one mapping that name the same part (`7月` and `2026-07`): one number would be lost."""
    return _(
        "'{key}' names the same part as '{first}' ({part}): one of the two would be lost",
        key=key,
        first=first,
        part=part,
    )


def _refused(level: LevelLike, above: Sequence[Sequence[str]]) -> Message | None:
    """Why the level cannot take `held:`, or None."""
    spec = level.spec
    if level.dims[0] not in TIME_RANK:
        return _(
            "`held:` holds parts of a time level (quarter, month, week), and the {dim} level is not one; hold "
            "parts of it with `values:` and `rest:`",
            dim=dimension(level.dims[0]),
        )
    if not above:
        return _(
            "`held:` holds parts of a time level under another level; at the first level, hold parts with "
            "`values:` and `rest:`"
        )
    if any(len(dims) > 1 or (dims[0] not in _PLACES and dims[0] not in TIME_RANK) for dims in above):
        return _(
            "`held:` names a node by one part of each level above; a level above splits by two dimensions at once (ipf)"
        )
    if spec.values is not None or spec.rest is not None or level.method not in HELD_METHODS:
        return _(
            "`held:` leaves the rest of each node to the level's method, which must be one of {allowed} "
            "(without `values:` or `rest:`)",
            allowed=", ".join(HELD_METHODS),
        )
    return None


def _path(env: TargetEnv, above: tuple[str, ...], key: str, where: Path_, add: _Add) -> tuple[str, ...] | None:
    """The key as a tuple of part ids of the levels above, or None (reported) when it is not one."""
    bits = [bit.strip() for bit in key.split(SEPARATOR)]
    universes = [_universe(env, dim) for dim in above]
    if len(bits) != len(above):
        example = node_key([known[0] if known else dim for dim, known in zip(above, universes, strict=True)])
        add(
            codes.UNKNOWN_PART,
            where,
            _(
                "'{key}' is not a node path: it needs one part of each level above, {dims}",
                key=key,
                dims=SEPARATOR.join(above),
            ),
            hint=_("e.g. '{example}'", example=example),
        )
        return None
    path: list[str] = []
    for dim, known, bit in zip(above, universes, bits, strict=True):
        part = normalize_key(dim, bit, known) if dim in TIME_RANK else bit
        if part not in known:
            add(codes.UNKNOWN_PART, where, _unknown(env, bit, dim, known), hint=_parts_hint(known))
            return None
        path.append(part)
    coords = dict(zip(above, path, strict=True))
    if "rep" in coords and "region" in coords and env.rep_region(coords["rep"]) != coords["region"]:
        add(codes.UNKNOWN_PART, where, _no_node(key))
        return None
    return tuple(path)


def _no_node(key: str) -> Message:
    return _(
        "'{key}' names no node of the breakdown: its parts do not nest (a rep of another region, "
        "a part left out by `parts:`)",
        key=key,
    )


def _universe(env: TargetEnv, dim: str) -> list[str]:
    return universe(env, dim)


class _Add(Protocol):
    def __call__(
        self, code: str, path: Path_, message: Message, key: bool = True, hint: Message | None = None
    ) -> None: ...


def _unknown(env: TargetEnv, key: str, dim: str, known: list[str]) -> Message:
    guess = id_named(env, dim, key, known) or did_you_mean(key, known)
    suffix = _("; did you mean '{guess}'?", guess=guess) if guess else ""
    return _("'{key}' is not a part of the {dim} level{suffix}", key=key, dim=dimension(dim), suffix=suffix)


def _parts_hint(known: list[str]) -> Message | None:
    listed = f"{', '.join(known[:12])}{' ...' if len(known) > 12 else ''}"
    return _("parts here: {parts}", parts=listed) if known else None


def unmet(env: TargetEnv, level: LevelLike, held: HeldNodes, met: set[tuple[str, ...]]) -> list[Diagnostic]:
    """A path of known parts that is no node of the breakdown (a rep under another region)."""
    return [
        env.diag(
            codes.UNKNOWN_PART,
            held.located(env, level, path),
            _no_node(held.keys[path]),
            key=True,
        )
        for path in held.by_path
        if path not in met
    ]


def stray_parts(
    env: TargetEnv, level: LevelLike, held: HeldNodes, path: tuple[str, ...], parts: tuple[str, ...]
) -> list[Diagnostic]:
    """Held parts that the node does not have (a month outside the node's quarter)."""
    own = set(parts)
    return [
        env.diag(
            codes.UNKNOWN_PART,
            held.located(env, level, path, part),
            _(
                "'{key}' is not a part of node '{node}'",
                key=held.part_keys.get((path, part), part),
                node=held.keys[path],
            ),
            key=True,
        )
        for part in held.by_path[path]
        if part not in own
    ]
