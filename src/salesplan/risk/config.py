"""How risks are scored: the matrix size, where labels sit on it, and the score band of each level."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from salesplan.i18n import Message, _
from salesplan.options import Option, one_of, value_of, whole, whole_table

LEVELS = ("low", "medium", "high", "critical")
# the words of the matrix as salesplan prints them: levels, probability and impact labels (the labels
# a plan may be written in, 高/中/低 among them, are read by salesplan.model.values)
WORDS: Mapping[str, Message] = MappingProxyType(
    {
        "low": _("low"),
        "medium": _("medium"),
        "high": _("high"),
        "critical": _("critical"),
        "minor": _("minor"),
        "moderate": _("moderate"),
        "severe": _("severe"),
    }
)

_PROBABILITY = MappingProxyType({"low": 1, "medium": 3, "high": 5})
_IMPACT = MappingProxyType({"minor": 1, "moderate": 3, "severe": 5})
# upper bound (inclusive) of each level's score; anything above the last bound is critical
_BOUNDS = MappingProxyType({"low": 4, "medium": 9, "high": 15})


# the `[risk]` table of salesplan.toml: read by `salesplan risks` and by the rules that score risks
SIZE: Option[int] = Option("risk.size", 5, whole, "the matrix is size × size (default 5)")
PROBABILITY: Option[Mapping[str, int]] = Option(
    "risk.probability", _PROBABILITY, whole_table, "where low, medium, high sit"
)
IMPACT: Option[Mapping[str, int]] = Option("risk.impact", _IMPACT, whole_table, "where minor, moderate, severe sit")
BOUNDS: Option[Mapping[str, int]] = Option(
    "risk.levels", _BOUNDS, whole_table, "upper score of low, medium and high; above: critical"
)
RESPOND_AT: Option[str] = Option(
    "risk.respond-at", "high", one_of(*LEVELS), "lowest level that must be handled (default high)"
)
OPTIONS: tuple[Option[Any], ...] = (SIZE, PROBABILITY, IMPACT, BOUNDS, RESPOND_AT)


def word(value: int | str) -> Message | str:
    """A level or label as printed (translated); a number of the plan's scale as it is."""
    return WORDS.get(str(value), str(value))


class RiskConfigError(ValueError):
    """A risk configuration that cannot score anything sensibly; `key` is the `[risk]` key at fault
    (`probability.low`), `message` says why, in every language."""

    def __init__(self, key: str, message: Message) -> None:
        super().__init__(f"risk.{key}: {message.render('en')}")
        self.key = key
        self.message = message


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
            raise RiskConfigError("size", _("must be from 2 to 10, not {size}", size=self.size))
        for kind, table, labels in (
            ("probability", self.probability, _PROBABILITY),
            ("impact", self.impact, _IMPACT),
        ):
            if set(table) != set(labels):
                raise RiskConfigError(kind, _("must map exactly {labels}", labels=", ".join(labels)))
            for label, value in table.items():
                if not 1 <= value <= self.size:
                    raise RiskConfigError(
                        f"{kind}.{label}", _("must be from 1 to {size}, not {value}", size=self.size, value=value)
                    )
        if set(self.bounds) != set(_BOUNDS):
            raise RiskConfigError("levels", _("must give the upper score of low, medium and high"))
        ordered = [self.bounds[level] for level in LEVELS[:-1]]
        if ordered != sorted(ordered) or len(set(ordered)) != len(ordered) or ordered[0] < 1:
            raise RiskConfigError("levels", _("must rise: 1 ≤ low < medium < high"))
        if self.respond_at not in LEVELS:
            raise RiskConfigError("respond-at", _("must be one of {levels}", levels=", ".join(LEVELS)))

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> RiskConfig:
        """The matrix the `[risk]` settings describe (`values` by option key; a key not given keeps its default)."""
        return cls(
            size=value_of(values, SIZE),
            probability=value_of(values, PROBABILITY),
            impact=value_of(values, IMPACT),
            bounds=value_of(values, BOUNDS),
            respond_at=value_of(values, RESPOND_AT),
        )

    def level(self, score: int) -> str:
        for name in LEVELS[:-1]:
            if score <= self.bounds[name]:
                return name
        return LEVELS[-1]

    def at_least(self, level: str, floor: str) -> bool:
        return LEVELS.index(level) >= LEVELS.index(floor)
