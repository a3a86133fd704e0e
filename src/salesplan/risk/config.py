"""How risks are scored: the matrix size, where labels sit on it, and the score band of each level."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

LEVELS = ("low", "medium", "high", "critical")
LEVEL_ZH = {"low": "低", "medium": "中", "high": "高", "critical": "极高"}

_PROBABILITY = MappingProxyType({"low": 1, "medium": 3, "high": 5})
_IMPACT = MappingProxyType({"minor": 1, "moderate": 3, "severe": 5})
# upper bound (inclusive) of each level's score; anything above the last bound is critical
_BOUNDS = MappingProxyType({"low": 4, "medium": 9, "high": 15})


class RiskConfigError(ValueError):
    """A risk configuration that cannot score anything sensibly."""


@dataclass(frozen=True)
class RiskConfig:
    """Default: a 5×5 matrix; low/minor=1, medium/moderate=3, high/severe=5; low ≤4, medium ≤9, high ≤15."""

    size: int = 5
    probability: Mapping[str, int] = field(default_factory=lambda: _PROBABILITY)
    impact: Mapping[str, int] = field(default_factory=lambda: _IMPACT)
    bounds: Mapping[str, int] = field(default_factory=lambda: _BOUNDS)
    respond_at: str = "high"

    def __post_init__(self) -> None:
        if not 2 <= self.size <= 10:
            raise RiskConfigError(f"risk.size must be from 2 to 10, not {self.size}")
        for kind, table, labels in (
            ("probability", self.probability, _PROBABILITY),
            ("impact", self.impact, _IMPACT),
        ):
            if set(table) != set(labels):
                raise RiskConfigError(f"risk.{kind} must map exactly {', '.join(labels)}")
            for label, value in table.items():
                if not 1 <= value <= self.size:
                    raise RiskConfigError(f"risk.{kind}.{label} must be from 1 to {self.size}, not {value}")
        if set(self.bounds) != set(_BOUNDS):
            raise RiskConfigError("risk.levels must give the upper score of low, medium and high")
        ordered = [self.bounds[level] for level in LEVELS[:-1]]
        if ordered != sorted(ordered) or len(set(ordered)) != len(ordered) or ordered[0] < 1:
            raise RiskConfigError("risk.levels must rise: 1 ≤ low < medium < high")
        if self.respond_at not in LEVELS:
            raise RiskConfigError(f"risk.respond-at must be one of {', '.join(LEVELS)}")

    def level(self, score: int) -> str:
        for name in LEVELS[:-1]:
            if score <= self.bounds[name]:
                return name
        return LEVELS[-1]

    def at_least(self, level: str, floor: str) -> bool:
        return LEVELS.index(level) >= LEVELS.index(floor)
