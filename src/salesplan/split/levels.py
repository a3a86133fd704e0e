"""A target's `split:` levels, checked once before anything is built.

Every problem found here is reported at once, located at the key or value that causes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Message, _
from salesplan.loader.yamltree import Path_
from salesplan.model.plan import SplitLevel
from salesplan.model.words import dimension
from salesplan.split.env import SplitProblem, TargetEnv, plain, to_fraction
from salesplan.split.seasonal import history_months
from salesplan.split.timeparts import TIME_KINDS, TIME_RANK, normalize_key, time_key_candidates, time_parts

_PLACE = {"even", "weights", "explicit"}
SEASONAL_KINDS = ("quarter", "month")  # matched to history.by_month by month of the year
APPLICABLE: dict[str, set[str]] = {
    "region": _PLACE | {"history"},
    "product": _PLACE | {"history"},
    "rep": _PLACE | {"capacity"},
    **{kind: _PLACE | {"workdays"} | ({"history"} if kind in SEASONAL_KINDS else set()) for kind in TIME_KINDS},
}


@dataclass
class Level:
    """One checked level: its dimension(s), method and the parts it may have."""

    index: int
    dims: tuple[str, ...]
    method: str
    spec: SplitLevel
    universe: dict[str, list[str]] = field(default_factory=dict)
    weights: dict[str, Fraction] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)
    margins: dict[str, dict[str, Fraction]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    _reps_by_region: dict[str | None, list[str]] | None = field(default=None, repr=False)
    _sets: dict[str, set[str]] | None = field(default=None, repr=False)

    def reps_in(self, region: str, env: TargetEnv) -> list[str]:
        """The level's reps whose region is `region`, in order (grouped once: a scan per node was quadratic)."""
        if self._reps_by_region is None:
            self._reps_by_region = {}
            for rep in self.universe.get("rep", []):
                self._reps_by_region.setdefault(env.people[rep].region, []).append(rep)
        return self._reps_by_region.get(region, [])

    def holds(self, dim: str, part: str) -> bool:
        """Whether `part` is one of the level's parts of `dim` (a set, built once)."""
        if self._sets is None:
            self._sets = {d: set(parts) for d, parts in self.universe.items()}
        return part in self._sets.get(dim, ())

    @property
    def dim(self) -> str:
        return self.dims[0]

    @property
    def is_time(self) -> bool:
        return self.dim in TIME_RANK

    def path(self, env: TargetEnv, *rest: str | int) -> Path_:
        return env.path("split", self.index, *rest)

    def key_path(self, env: TargetEnv, table: str, part: str) -> Path_:
        return self.path(env, table, self.keys.get(part, part))


def _universe(env: TargetEnv, dim: str) -> list[str]:
    if dim == "region":
        return list(env.regions)
    if dim == "product":
        return list(env.products)
    if dim == "rep":
        return list(env.reps)
    return [part.id for part in time_parts(dim, env.start, env.end)]


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
            if level.method != "ipf" or sorted(dims) != ["product", "region"]:
                self.add(
                    codes.METHOD_NOT_APPLICABLE,
                    by,
                    _("a level splits by one dimension; only `method: ipf` takes `by: [region, product]`"),
                )
                return
            if "rep" in seen:
                self.add(codes.LEVEL_ORDER, by, _("an ipf level must come before the rep level"))
        elif level.method not in APPLICABLE[level.dim]:
            allowed = ", ".join(sorted(APPLICABLE[level.dim]))
            self.add(
                codes.METHOD_NOT_APPLICABLE,
                level.path(env, "method"),
                _(
                    "method '{method}' cannot split by {dim} (use one of: {allowed})",
                    method=level.method,
                    dim=dimension(level.dim),
                    allowed=allowed,
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
            parts = _universe(env, dim)
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
                    hint=_("declare team.regions / team.products, or list the level's parts"),
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
        guess = did_you_mean(key, known)
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
        for key, number in raw.items():
            part = normalize_key(dim, key, known) if dim in TIME_RANK else key
            base = (table, dim, key) if table == "margins" else (table, key)
            if part not in known:
                self.unknown(level, dim, key, level.path(env, *base), known, as_key=True)
                continue
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

    def weights(self, level: Level) -> None:
        env, spec = self.env, level.spec
        if spec.weights is None:
            if level.method == "weights":
                self.add(
                    codes.MISSING_WEIGHT,
                    level.path(env, "method"),
                    _("method: weights needs a `weights:` mapping of part -> weight"),
                )
            return
        level.weights = {k: to_fraction(v) for k, v in self.mapping(level, "weights", spec.weights).items()}
        if level.method != "weights":
            return
        missing = [p for p in level.universe[level.dim] if p not in level.weights and p not in level.values]
        if missing and len(level.weights) == len(spec.weights):
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
            if level.method == "explicit":
                self.add(
                    codes.MISSING_WEIGHT,
                    level.path(env, "method"),
                    _("method: explicit needs a `values:` mapping of part -> amount"),
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
            for rep in level.universe.get("rep", []):
                person = env.people[rep]
                if person.capacity is None:
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
                    level.path(env, "rest" if level.spec.rest is not None else "method"),
                    _("method: history by {dim} needs `history.by_month` (month -> amount)", dim=dimension(level.dim)),
                )
        elif level.method in ("history",) and env.history is None:
            self.add(
                codes.NO_HISTORY,
                level.path(env, "method"),
                _("method: history needs `history.revenue` (or history.metrics for the target's metric)"),
            )
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
                _("method: ipf needs `margins:` for region and/or product"),
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
    checker = _Checker(env)
    levels: list[Level] = []
    seen: list[str] = []
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
        levels.append(level)
    if checker.found:
        raise SplitProblem(checker.found)
    return levels


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
