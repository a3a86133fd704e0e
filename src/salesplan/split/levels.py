"""A target's `split:` levels, checked once before anything is built.

Every problem found here is reported at once, located at the key or value that causes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.loader.yamltree import Path_
from salesplan.model.plan import SplitLevel
from salesplan.split.env import SplitProblem, TargetEnv, plain, to_fraction
from salesplan.split.timeparts import TIME_KINDS, TIME_RANK, normalize_key, time_key_candidates, time_parts

_PLACE = {"even", "weights", "explicit"}
APPLICABLE: dict[str, set[str]] = {
    "region": _PLACE | {"history"},
    "product": _PLACE | {"history"},
    "rep": _PLACE | {"capacity"},
    **{kind: _PLACE | {"workdays"} for kind in TIME_KINDS},
}
_ZH_DIM = {"region": "区域", "product": "产品", "rep": "销售代表", "quarter": "季度", "month": "月", "week": "周"}


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


def zh_dim(dim: str) -> str:
    return _ZH_DIM.get(dim, dim)


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

    def add(
        self,
        code: str,
        path: Path_,
        en: str,
        zh: str,
        *,
        key: bool = False,
        hint: str | None = None,
        hint_zh: str | None = None,
    ) -> None:
        self.found.append(self.env.diag(code, path, en, zh, key=key, hint=hint, hint_zh=hint_zh))

    def dims(self, level: Level, seen: list[str]) -> None:
        env, dims = self.env, level.dims
        by = level.path(env, "by")
        if len(dims) > 1 or level.method == "ipf":
            if level.method != "ipf" or sorted(dims) != ["product", "region"]:
                self.add(
                    codes.METHOD_NOT_APPLICABLE,
                    by,
                    "a level splits by one dimension; only `method: ipf` takes `by: [region, product]`",
                    "一个层级只按一个维度拆解；只有 `method: ipf` 使用 `by: [region, product]`",
                )
                return
            if "rep" in seen:
                self.add(
                    codes.LEVEL_ORDER,
                    by,
                    "an ipf level must come before the rep level",
                    "双向拟合（ipf）层级必须位于销售代表层级之前",
                )
        elif level.method not in APPLICABLE[level.dim]:
            allowed = ", ".join(sorted(APPLICABLE[level.dim]))
            self.add(
                codes.METHOD_NOT_APPLICABLE,
                level.path(env, "method"),
                f"method '{level.method}' cannot split by {level.dim} (use one of: {allowed})",
                f"拆解方法 '{level.method}' 不能用于按{zh_dim(level.dim)}拆解（可用：{allowed}）",
            )
        for dim in dims:
            if dim in seen:
                self.add(
                    codes.LEVEL_ORDER,
                    by,
                    f"the target is split by {dim} twice",
                    f"目标被重复按{zh_dim(dim)}拆解",
                )
            coarser = [d for d in seen if d in TIME_RANK and dim in TIME_RANK and TIME_RANK[d] >= TIME_RANK[dim]]
            if coarser:
                self.add(
                    codes.LEVEL_ORDER,
                    by,
                    f"{dim} cannot be split inside {coarser[0]}: time levels go from coarse to fine",
                    f"不能在{zh_dim(coarser[0])}之内再按{zh_dim(dim)}拆解：时间层级须由粗到细",
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
                    "no people with role rep in the target's scope: the rep level cannot apply",
                    "目标范围内没有角色为 rep 的人员：无法按销售代表拆解",
                )
            else:
                self.add(
                    codes.EMPTY_LEVEL,
                    level.path(env, "parts" if level.spec.parts is not None else "by"),
                    f"the {dim} level has no parts",
                    f"按{zh_dim(dim)}拆解的层级没有任何拆解项",
                    hint="declare team.regions / team.products, or list the level's parts",
                    hint_zh="在 team.regions / team.products 中声明，或在该层级列出 parts",
                )

    def unknown(self, level: Level, dim: str, key: str, path: Path_, known: list[str], *, as_key: bool = False) -> None:
        from salesplan.loader.validate import did_you_mean

        candidates = time_key_candidates(dim, key, known) if dim in TIME_RANK else []
        if len(candidates) > 1:
            either = " / ".join(candidates)
            self.add(
                codes.UNKNOWN_PART,
                path,
                f"'{key}' is ambiguous in this period: it can mean {either}; write the year",
                f"'{key}' 在本计划周期内有歧义：可能是 {either}；请写明年份",
                key=as_key,
                hint=f"e.g. '{candidates[0]}'",
                hint_zh=f"例如 '{candidates[0]}'",
            )
            return
        guess = did_you_mean(key, known)
        listed = f"{', '.join(known[:12])}{' ...' if len(known) > 12 else ''}"
        suffix, suffix_zh = (f"; did you mean '{guess}'?", f"；是否应为 '{guess}'？") if guess else ("", "")
        self.add(
            codes.UNKNOWN_PART,
            path,
            f"'{key}' is not a part of the {dim} level{suffix}",
            f"'{key}' 不是按{zh_dim(dim)}拆解的拆解项{suffix_zh}",
            key=as_key,
            hint=f"parts here: {listed}" if known else None,
            hint_zh=f"此处的拆解项：{listed}" if known else None,
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
                    f"{table} of '{key}' is negative ({plain(number)})",
                    f"'{key}' 的{table}为负数（{plain(number)}）",
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
                    "method: weights needs a `weights:` mapping of part -> weight",
                    "method: weights 需要 `weights:`（拆解项 -> 权重）",
                )
            return
        level.weights = {k: to_fraction(v) for k, v in self.mapping(level, "weights", spec.weights).items()}
        if level.method != "weights":
            return
        missing = [p for p in level.universe[level.dim] if p not in level.weights]
        if missing and len(level.weights) == len(spec.weights):
            self.add(
                codes.MISSING_WEIGHT,
                level.path(env, "weights"),
                f"no weight for {', '.join(missing)}",
                f"缺少权重：{', '.join(missing)}",
                hint="give every part a weight (0 gives it nothing)",
                hint_zh="给每个拆解项一个权重（权重 0 表示不分配）",
            )
        elif level.weights and not any(level.weights.values()):
            self.add(codes.ZERO_WEIGHTS, level.path(env, "weights"), "all weights are zero", "所有权重均为 0")

    def values(self, level: Level) -> None:
        env, spec = self.env, level.spec
        if spec.values is None:
            if level.method == "explicit":
                self.add(
                    codes.MISSING_WEIGHT,
                    level.path(env, "method"),
                    "method: explicit needs a `values:` mapping of part -> amount",
                    "method: explicit 需要 `values:`（拆解项 -> 数值）",
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
        self.add(
            codes.NOT_WHOLE,
            path,
            f"{plain(number)} is not a whole multiple of the granularity {g}",
            f"{plain(number)} 不是拆解粒度 {g} 的整数倍",
        )

    def method_data(self, level: Level) -> None:
        env = self.env
        if level.method == "capacity":
            for rep in level.universe.get("rep", []):
                person = env.people[rep]
                if person.capacity is None:
                    self.add(
                        codes.NO_CAPACITY,
                        ("team", "people", env.person_index[rep]),
                        f"rep '{rep}' has no capacity, which split level {level.index + 1} (method: capacity) needs",
                        f"销售代表 '{rep}' 没有 capacity（产能），第 {level.index + 1} 层按产能拆解需要它",
                    )
        if level.method in ("history",) and env.history is None:
            self.add(
                codes.NO_HISTORY,
                level.path(env, "method"),
                "method: history needs `history.revenue` (or history.metrics for the target's metric)",
                "method: history 需要 `history.revenue`（或与目标指标同名的 history.metrics）",
            )
        if level.method == "ipf":
            self.margins(level)

    def margins(self, level: Level) -> None:
        env, spec = self.env, level.spec
        if spec.parts is not None:
            self.add(
                codes.METHOD_NOT_APPLICABLE,
                level.path(env, "parts"),
                "an ipf level takes its parts from `margins:`, not `parts:`",
                "双向拟合（ipf）层级的拆解项由 `margins:` 给出，不使用 `parts:`",
            )
        raw = spec.margins or {}
        if not raw:
            self.add(
                codes.MISSING_WEIGHT,
                level.path(env, "method"),
                "method: ipf needs `margins:` for region and/or product",
                "method: ipf 需要 `margins:`（按区域和/或产品的边际合计）",
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
                    f"{dim} margins add up to {plain(given)}, not to the target's {plain(total)}",
                    f"按{zh_dim(dim)}的边际合计为 {plain(given)}，不等于目标值 {plain(total)}",
                )


def compile_levels(env: TargetEnv) -> list[Level]:
    """The target's levels, checked; raises SplitProblem with every static problem found."""
    checker = _Checker(env)
    levels: list[Level] = []
    seen: list[str] = []
    for index, spec in enumerate(env.target.split):
        dims = tuple(spec.by) if isinstance(spec.by, list) else (spec.by,)
        level = Level(index, dims, spec.method, spec)
        before = len(checker.found)
        checker.dims(level, seen)
        if len(checker.found) == before:
            checker.universe(level)
            checker.weights(level)
            checker.values(level)
            checker.method_data(level)
        levels.append(level)
    if checker.found:
        raise SplitProblem(checker.found)
    return levels
