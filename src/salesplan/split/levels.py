"""A target's `split:` levels, checked once before anything is built.

Every problem found here is reported at once, located at the key or value that causes it.
"""

from __future__ import annotations

from decimal import Decimal

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Message, _
from salesplan.loader.yamltree import Path_
from salesplan.model.words import dimension
from salesplan.split.customers import (
    CUSTOMER_DIMS,
    IPF_PAIRS,
    IPF_PAIRS_TEXT,
    empty_hint,
    id_named,
    missing_history,
    negative_history,
    product_rows,
    universe,
)
from salesplan.split.env import TIERS, SplitProblem, TargetEnv, plain, to_fraction
from salesplan.split.held_nodes import read_held, same_part
from salesplan.split.level import Level as Level
from salesplan.split.seasonal import history_months
from salesplan.split.timeparts import TIME_KINDS, TIME_RANK, normalize_key, time_key_candidates

_PLACE = {"even", "weights", "explicit"}
SEASONAL_KINDS = ("quarter", "month", "week")  # matched to history.by_month by their number in the year
APPLICABLE: dict[str, set[str]] = {
    "region": _PLACE | {"history"},
    "product": _PLACE | {"history"},
    "rep": _PLACE | {"capacity"},
    **{dim: _PLACE | {"history"} for dim in CUSTOMER_DIMS},
    # capacity over time: under a rep level, each part by the rep's ramped capacity in it
    **{
        kind: _PLACE | {"workdays", "capacity"} | ({"history"} if kind in SEASONAL_KINDS else set())
        for kind in TIME_KINDS
    },
}


class _Checker:
    def __init__(self, env: TargetEnv) -> None:
        self.env = env
        self.found: list[Diagnostic] = []

    def add(self, code: str, path: Path_, message: Message, *, key: bool = False, hint: Message | None = None) -> None:
        self.found.append(self.env.diag(code, path, message, key=key, hint=hint))

    def dims(self, level: Level, seen: list[str]) -> None:
        env, dims = self.env, level.dims
        by = level.path(env, "by")
        if len(dims) > 1 or level.method == "ipf":
            if level.method != "ipf" or len(dims) != 2 or frozenset(dims) not in IPF_PAIRS:
                self.add(
                    codes.METHOD_NOT_APPLICABLE,
                    by,
                    _("a level splits by one dimension; only `method: ipf` takes two: {pairs}", pairs=IPF_PAIRS_TEXT),
                )
                return
            if "rep" in seen:
                self.add(codes.LEVEL_ORDER, by, _("an ipf level must come before the rep level"))
        elif level.method not in APPLICABLE[level.dim]:
            allowed = ", ".join(sorted(APPLICABLE[level.dim]))
            self.add(
                codes.METHOD_NOT_APPLICABLE,
                level.method_path(env),
                _(
                    "method '{method}' cannot split by {dim} (use one of: {allowed})",
                    method=level.method,
                    dim=dimension(level.dim),
                    allowed=allowed,
                ),
            )
        elif level.is_time and level.method == "capacity" and "rep" not in seen:
            self.add(
                codes.METHOD_NOT_APPLICABLE,
                level.method_path(env),
                _(
                    "method 'capacity' splits by {dim} only under a rep level: it follows the rep's ramped capacity",
                    dim=dimension(level.dim),
                ),
            )
        for dim in dims:
            if dim in seen:
                self.add(codes.LEVEL_ORDER, by, _("the target is split by {dim} twice", dim=dimension(dim)))
            coarser = [d for d in seen if d in TIME_RANK and dim in TIME_RANK and TIME_RANK[d] >= TIME_RANK[dim]]
            if coarser:
                self.add(
                    codes.LEVEL_ORDER,
                    by,
                    _(
                        "{dim} cannot be split inside {coarser}: time levels go from coarse to fine",
                        dim=dimension(dim),
                        coarser=dimension(coarser[0]),
                    ),
                )
            seen.append(dim)

    def universe(self, level: Level) -> None:
        env = self.env
        for dim in level.dims:
            before = len(self.found)
            parts = universe(env, dim)
            if level.spec.parts is not None and len(level.dims) == 1:
                chosen: list[str] = []
                for j, raw in enumerate(level.spec.parts):
                    part = normalize_key(dim, raw, parts) if dim in TIME_RANK else raw
                    if part not in parts:
                        self.unknown(level, dim, raw, level.path(env, "parts", j), parts)
                    elif part not in chosen:
                        chosen.append(part)
                parts = [p for p in parts if p in chosen] if dim in TIME_RANK else chosen
            level.universe[dim] = parts
            if parts or len(self.found) > before:
                continue
            if dim == "rep":
                self.add(
                    codes.NO_REPS,
                    level.path(env, "by"),
                    _("no people with role rep in the target's scope: the rep level cannot apply"),
                )
            else:
                self.add(
                    codes.EMPTY_LEVEL,
                    level.path(env, "parts" if level.spec.parts is not None else "by"),
                    _("the {dim} level has no parts", dim=dimension(dim)),
                    hint=empty_hint(dim),
                )

    def unknown(self, level: Level, dim: str, key: str, path: Path_, known: list[str], *, as_key: bool = False) -> None:
        from salesplan.loader.validate import did_you_mean

        candidates = time_key_candidates(dim, key, known) if dim in TIME_RANK else []
        if len(candidates) > 1:
            either = " / ".join(candidates)
            self.add(
                codes.UNKNOWN_PART,
                path,
                _("'{key}' is ambiguous in this period: it can mean {either}; write the year", key=key, either=either),
                key=as_key,
                hint=_("e.g. '{example}'", example=candidates[0]),
            )
            return
        if dim == "tier" and key in TIERS:
            self.add(
                codes.EMPTY_LEVEL,
                path,
                _("no account of the target has tier '{key}'", key=key),
                key=as_key,
                hint=empty_hint("tier"),
            )
            return
        guess = id_named(self.env, dim, key, known) or did_you_mean(key, known)
        listed = f"{', '.join(known[:12])}{' ...' if len(known) > 12 else ''}"
        suffix = _("; did you mean '{guess}'?", guess=guess) if guess else ""
        self.add(
            codes.UNKNOWN_PART,
            path,
            _("'{key}' is not a part of the {dim} level{suffix}", key=key, dim=dimension(dim), suffix=suffix),
            key=as_key,
            hint=_("parts here: {parts}", parts=listed) if known else None,
        )

    def mapping(self, level: Level, table: str, raw: dict[str, Decimal], dim: str | None = None) -> dict[str, Decimal]:
        """Keys normalized to part ids; unknown keys and negative numbers reported."""
        env = self.env
        dim = dim or level.dim
        known = level.universe.get(dim, [])
        out: dict[str, Decimal] = {}
        first: dict[str, str] = {}
        for key, number in raw.items():
            part = normalize_key(dim, key, known) if dim in TIME_RANK else key
            base = (table, dim, key) if table == "margins" else (table, key)
            if part not in known:
                self.unknown(level, dim, key, level.path(env, *base), known, as_key=True)
                continue
            if part in first:
                self.add(codes.DUPLICATE_KEY, level.path(env, *base), same_part(key, first[part], part), key=True)
                continue
            first[part] = key
            if number < 0:
                self.add(
                    codes.NEGATIVE_WEIGHT,
                    level.path(env, *base),
                    _("{table} of '{key}' is negative ({number})", table=table, key=key, number=plain(number)),
                )
                continue
            level.keys[part] = key
            out[part] = number
        return out

    def lacking(self, level: Level, method: str, needed: Message) -> None:
        """A level without the mapping `method` reads (`weights:`, `values:`): `needed`, at its `method:`, when
        that is its method (another method has no use for the mapping)."""
        if level.method == method:
            self.add(codes.MISSING_WEIGHT, level.method_path(self.env), needed)

    def weights(self, level: Level) -> None:
        env, spec = self.env, level.spec
        if spec.weights is None:
            self.lacking(
                level,
                "weights",
                _("{key}: weights needs a `weights:` mapping of part -> weight", key=level.method_key),
            )
            return
        level.weights = {k: to_fraction(v) for k, v in self.mapping(level, "weights", spec.weights).items()}
        if level.method != "weights":
            return
        known = level.universe[level.dim]
        # a part given a negative weight is not missing; an unknown key may be the missing part misspelled: said once
        given = {normalize_key(level.dim, key, known) if level.dim in TIME_RANK else key for key in spec.weights}
        missing = [p for p in known if p not in given and p not in level.values]
        if missing and given <= set(known):
            self.add(
                codes.MISSING_WEIGHT,
                level.path(env, "weights"),
                _("no weight for {parts}", parts=", ".join(missing)),
                hint=_("give every part a weight (0 gives it nothing)"),
            )
        elif level.weights and not any(level.weights.values()):
            self.add(codes.ZERO_WEIGHTS, level.path(env, "weights"), _("all weights are zero"))

    def values(self, level: Level) -> None:
        env, spec = self.env, level.spec
        if spec.values is None:
            self.lacking(
                level,
                "explicit",
                _("{key}: explicit needs a `values:` mapping of part -> amount", key=level.method_key),
            )
            return
        for part, number in self.mapping(level, "values", spec.values).items():
            units = env.to_units(number)
            if units is None:
                self.not_whole(level.key_path(env, "values", part), number)
            else:
                level.values[part] = units

    def not_whole(self, path: Path_, number: Decimal) -> None:
        g = plain(self.env.granularity)
        message = _(
            "{number} is not a whole multiple of the granularity {granularity}", number=plain(number), granularity=g
        )
        self.add(codes.NOT_WHOLE, path, message)

    def method_data(self, level: Level) -> None:
        env = self.env
        if level.method == "capacity":
            held = level.values if level.spec.rest is not None else {}  # a held rep keeps its value: no capacity
            for rep in level.universe.get("rep", []):
                person = env.people[rep]
                if person.capacity is None and rep not in held:
                    self.add(
                        codes.NO_CAPACITY,
                        ("team", "people", env.person_index[rep]),
                        _(
                            "rep '{rep}' has no capacity, which split level {number} (method: capacity) needs",
                            rep=rep,
                            number=level.index + 1,
                        ),
                    )
        if level.method == "history" and level.is_time:
            if not history_months(env):
                self.add(
                    codes.NO_HISTORY,
                    level.method_path(env),
                    _("method: history by {dim} needs `history.by_month` (month -> amount)", dim=dimension(level.dim)),
                )
        elif level.method == "history" and level.dim in CUSTOMER_DIMS:
            if (why := missing_history(env, level.dim)) is not None:
                self.add(codes.NO_HISTORY, level.method_path(env), why)
        elif level.method == "history" and env.history is None and not (level.dim == "product" and product_rows(env)):
            self.add(
                codes.NO_HISTORY,
                level.method_path(env),
                _("method: history needs `history.revenue` (or history.metrics for the target's metric)"),
            )
        if level.method == "history" and not level.is_time:
            self.found += negative_history(env, level.dim)
        if level.method == "ipf":
            self.margins(level)

    def margins(self, level: Level) -> None:
        env, spec = self.env, level.spec
        if spec.parts is not None:
            self.add(
                codes.METHOD_NOT_APPLICABLE,
                level.path(env, "parts"),
                _("an ipf level takes its parts from `margins:`, not `parts:`"),
            )
        raw = spec.margins or {}
        if not raw:
            self.add(
                codes.MISSING_WEIGHT,
                level.path(env, "method"),
                _(
                    "method: ipf needs `margins:` for {dims}",
                    dims=_("{first} and/or {second}", first=dimension(level.dims[0]), second=dimension(level.dims[-1])),
                ),
            )
        total = env.target.value
        for dim, table in raw.items():
            if dim not in level.dims:
                self.unknown(level, "ipf", dim, level.path(env, "margins", dim), list(level.dims), as_key=True)
                continue
            checked = self.mapping(level, "margins", table, dim)
            level.margins[dim] = {k: to_fraction(v) for k, v in checked.items()}
            if level.index != 0 or len(checked) != len(table):
                continue  # nested margins are proportions of each parent
            for part, number in checked.items():
                if env.to_units(number) is None:
                    self.not_whole(level.path(env, "margins", dim, level.keys.get(part, part)), number)
            given = sum(checked.values(), Decimal(0))
            if given != total:
                self.add(
                    codes.SUM_MISMATCH,
                    level.path(env, "margins", dim),
                    _(
                        "{dim} margins add up to {given}, not to the target's {total}",
                        dim=dimension(dim),
                        given=plain(given),
                        total=plain(total),
                    ),
                )


def compile_levels(env: TargetEnv) -> list[Level]:
    """The target's levels, checked; raises SplitProblem with every static problem found."""
    levels, found, _sound = check_levels(env)
    if found:
        raise SplitProblem(found)
    return levels


def check_levels(env: TargetEnv) -> tuple[list[Level], list[Diagnostic], int]:
    """The target's levels, every static problem found, and how many levels, from the first, have none
    (those can still be split, so that what they find is said with the rest)."""
    checker = _Checker(env)
    levels: list[Level] = []
    seen: list[str] = []
    sound: int | None = None
    for index, spec in enumerate(env.target.split):
        dims = tuple(spec.by) if isinstance(spec.by, list) else (spec.by,)
        level = Level(index, dims, spec.rest or spec.method, spec)
        before = len(checker.found)
        checker.dims(level, seen)
        if len(checker.found) == before:
            checker.universe(level)
            if spec.rest is not None:
                check_rest(checker, level)  # held values first: they need no weight
            checker.weights(level)
            if spec.rest is None:
                checker.values(level)
            checker.method_data(level)
            if spec.held is not None:
                checker.found += read_held(env, level)[1]
        if sound is None and len(checker.found) > before:
            sound = index
        levels.append(level)
    return levels, checker.found, len(levels) if sound is None else sound


_RESTS = ("even", "weights", "history", "capacity", "workdays")


def check_rest(checker: _Checker, level: Level) -> None:
    """The static checks of a level with `rest:`; fills the level's held values (in units)."""
    env, spec = checker.env, level.spec
    if "method" in spec.model_fields_set and spec.method != "explicit":
        checker.add(
            codes.METHOD_NOT_APPLICABLE,
            level.path(env, "method"),
            _("a level with `rest:` splits its remainder by the rest's method: leave `method:` out"),
        )
    if spec.rest not in _RESTS:
        checker.add(
            codes.METHOD_NOT_APPLICABLE,
            level.path(env, "rest"),
            _(
                "rest: {rest} cannot split a remainder (use one of: {allowed})",
                rest=spec.rest,
                allowed=", ".join(_RESTS),
            ),
        )
    if spec.values is None:
        checker.add(
            codes.MISSING_WEIGHT,
            level.path(env, "rest"),
            _("`rest:` needs `values:`, the parts held at given amounts"),
        )
        return
    checker.values(level)
