"""One checked level of a target's breakdown (`salesplan.split.levels` checks and builds them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from salesplan.loader.yamltree import Path_
from salesplan.model.plan import SplitLevel
from salesplan.split.env import TargetEnv
from salesplan.split.timeparts import TIME_RANK


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

    @property
    def method_key(self) -> str:
        """The key that names the method weighing the parts: `rest` beside held values, else `method`."""
        return "rest" if self.spec.rest is not None else "method"

    def method_path(self, env: TargetEnv) -> Path_:
        """Where the method that weighs the level's parts is written: `rest:` beside held values, else
        `method:`; a level that leaves its method to the default (even) is located at its `by:`."""
        if self.spec.rest is not None:
            return self.path(env, "rest")
        return self.path(env, "method" if "method" in self.spec.model_fields_set else "by")

    def key_path(self, env: TargetEnv, table: str, part: str) -> Path_:
        return self.path(env, table, self.keys.get(part, part))
