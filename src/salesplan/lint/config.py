"""What a lint run checks and how strictly: the `[lint]` settings with the command line laid over
them (`salesplan.settings.resolve` makes it; the settings file is read by `salesplan.settings`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from salesplan.diagnostics import Severity
from salesplan.rules import RULES
from salesplan.rules.settings import RuleSettings

__all__ = ["LintConfig"]


@dataclass(frozen=True)
class LintConfig:
    """`enabled` holds codes; `severity` overrides defaults; `settings` is what the rules read."""

    enabled: frozenset[str] = frozenset(RULES)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    settings: RuleSettings = field(default_factory=RuleSettings)
    as_of: date | None = None  # `--as-of`: the day rules that look at dates judge on (None: today)
    commitments: Path | None = None  # `--commitments`: the commitments file SP205 compares too
