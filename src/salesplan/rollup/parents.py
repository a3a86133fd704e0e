"""Parent plans, each loaded once and each of its targets split once per run (a national plan is
the parent of every regional file: its split is made once, not once per child)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from salesplan.diagnostics import Diagnostic, Severity
from salesplan.loader import LoadedPlan, load_plan
from salesplan.rollup.facts import Claim, Part, claims_of
from salesplan.split.result import SplitNode, TargetSplit


@dataclass
class PartIndex:
    """A parent target's split, its leaves indexed by (dimension, part) for fast part lookup."""

    split: TargetSplit
    leaves: list[tuple[dict[str, str], SplitNode]]
    by_part: dict[tuple[str, str], set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, split: TargetSplit) -> PartIndex:
        leaves = list(split.leaves())
        by_part: dict[tuple[str, str], set[int]] = defaultdict(set)
        for i, (coords, _) in enumerate(leaves):
            for item in coords.items():
                by_part[item].add(i)
        return cls(split, leaves, dict(by_part))

    @property
    def dims(self) -> set[str]:
        return {dim for dim, _ in self.by_part}

    def parts(self, dim: str) -> list[str]:
        """The parts of dimension `dim`, in the split's order."""
        seen: dict[str, None] = {}
        for coords, _ in self.leaves:
            if dim in coords:
                seen.setdefault(coords[dim], None)
        return list(seen)

    def select(self, part: Part) -> set[int]:
        """The leaves inside `part` (every leaf for the empty part)."""
        chosen = set(range(len(self.leaves)))
        for item in part:
            chosen &= self.by_part.get(item, set())
        return chosen

    def value(self, leaves: Iterable[int]) -> Decimal:
        return sum((self.leaves[i][1].value for i in leaves), Decimal(0))


@dataclass
class Parent:
    """A parent plan as loaded; `problem` holds its first error when it does not load."""

    path: str
    loaded: LoadedPlan
    claims: list[Claim]
    splits: dict[str, PartIndex | None] = field(default_factory=dict)
    split_problems: dict[str, list[Diagnostic]] = field(default_factory=dict)

    @property
    def problem(self) -> Diagnostic | None:
        if self.loaded.ok:
            return None
        errors = [d for d in self.loaded.diagnostics if d.severity is Severity.ERROR]
        return errors[0] if errors else None

    def has_target(self, target: str) -> bool:
        return self.loaded.plan is not None and any(t.id == target for t in self.loaded.plan.targets)

    def index(self, target: str) -> PartIndex | None:
        """The target's split, made on first use (None when it does not split)."""
        if target not in self.splits:
            from salesplan.split.engine import split_plan

            outcome = split_plan(self.loaded, [target])
            errors = [d for d in outcome.diagnostics if d.severity is Severity.ERROR]
            self.split_problems[target] = errors
            self.splits[target] = PartIndex.of(outcome.splits[0]) if outcome.splits and not errors else None
        return self.splits[target]


class ParentCache:
    """Every parent plan of a run, loaded on first use (a file linted in the same run is loaded again
    here only when it is a parent: its split is needed, not only its claims)."""

    def __init__(self, names: dict[str, str] | None = None) -> None:
        self._parents: dict[str, Parent] = {}
        self._names = names or {}  # real path -> the name the run shows the file by

    def get(self, path: str) -> Parent:
        if path not in self._parents:
            loaded = load_plan(path, self._names.get(path) or _display(path))
            self._parents[path] = Parent(path, loaded, claims_of(loaded, path, path))
        return self._parents[path]


def _display(path: str) -> str:
    """A parent outside the run is named relative to the working folder when it lies below it."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
