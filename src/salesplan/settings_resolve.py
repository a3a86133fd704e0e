"""The command line over the settings file over the defaults, in one function every command calls.

`resolve(settings, **options)` takes the options as the command line gives them (text for a
percent, codes comma-separated) and reads them with the same readers as the file, so `--ahead 90%`
and `ahead = "90%"` are one thing. Problems of the options are an `OptionError` naming each option;
problems only the file can cause are a `ConfigError` located in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from salesplan.diagnostics import Severity
from salesplan.i18n import Message, _
from salesplan.lint.config import LintConfig
from salesplan.options import SettingError, comma_list, percent
from salesplan.review.alerts import Triggers
from salesplan.review.headers import COLUMN_KEYS, ColumnSettings
from salesplan.review.result import Thresholds
from salesplan.risk.config import RiskConfig
from salesplan.rules import RULES
from salesplan.rules.settings import RuleSettings
from salesplan.settings_model import Settings, read_drop, read_severity, read_streak, rule_codes
from salesplan.settings_place import ConfigError, OptionError

T = TypeVar("T")


@dataclass(frozen=True)
class ReviewSettings:
    """What `salesplan review` runs with."""

    thresholds: Thresholds = field(default_factory=Thresholds)
    triggers: Triggers = field(default_factory=Triggers)
    fail_under: Decimal | None = None
    columns: ColumnSettings = field(default_factory=ColumnSettings)


@dataclass(frozen=True)
class Resolved:
    """Every command's settings after the command line: lint's, review's and the risk matrix."""

    lint: LintConfig
    review: ReviewSettings
    risk: RiskConfig


class _Options:
    """Reads command-line options, keeping every problem."""

    def __init__(self) -> None:
        self.problems: list[Message] = []

    def read(self, option: str, value: Any, reader: Callable[[Any], T]) -> T | None:
        if value is None:
            return None
        try:
            return reader(value)
        except SettingError as exc:
            self.problems.append(_("{option}: {problem}", option=option, problem=exc.message))
            return None


def resolve(
    settings: Settings | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    exclude: Sequence[str] = (),
    fail_on: str | None = None,
    ahead: str | None = None,
    on_track: str | None = None,
    at_risk: str | None = None,
    fail_under: str | None = None,
    streak: int | None = None,
    drop: str | None = None,
    ignore_columns: Sequence[str] = (),
) -> Resolved:
    """The settings each command runs with: an option given on the command line wins over the file,
    the file over the defaults. `--select` replaces the file's selection (and its `ignore`);
    `--ignore`, `--exclude` and `--ignore-column` add to the file's lists."""
    settings = settings or Settings()
    cli = _Options()
    chosen = cli.read("--select", comma_list(select) or None, rule_codes)
    dropped = cli.read("--ignore", comma_list(ignore) or None, rule_codes) or ()
    severity = cli.read("--fail-on", fail_on, read_severity)
    given = tuple(
        cli.read(option, value, percent)
        for option, value in (("--ahead", ahead), ("--on-track", on_track), ("--at-risk", at_risk))
    )
    gate = cli.read("--fail-under", fail_under, percent)
    periods, fall = cli.read("--streak", streak, read_streak), cli.read("--drop", drop, read_drop)
    if cli.problems:
        raise OptionError(cli.problems)
    lint, review = settings.lint, settings.review
    enabled = set(lint.select if lint.select is not None else RULES) - set(lint.ignore or ())
    if chosen is not None:
        enabled = set(chosen)
    risk = RiskConfig.from_settings(settings.options)
    config = LintConfig(
        enabled=frozenset(enabled - set(dropped)),
        severity=dict(lint.severity or {}),
        exclude=(*(lint.exclude or ()), *exclude),
        fail_on=severity or lint.fail_on or Severity.ERROR,
        settings=RuleSettings(settings.options, risk),
    )
    filed = (review.ahead, review.on_track, review.at_risk)
    base = Thresholds()
    defaults = (base.ahead, base.on_track, base.at_risk)
    thresholds = Thresholds(*(_first(*values) for values in zip(given, filed, defaults, strict=True)))
    problem = thresholds.problem()
    if problem is not None:
        got = f"{thresholds.ahead}, {thresholds.on_track}, {thresholds.at_risk}"
        if any(value is not None for value in given):
            raise OptionError([_("{problem} (got {got})", problem=problem, got=got)])
        keys = [key for key, value in zip(("ahead", "on-track", "at-risk"), filed, strict=True) if value is not None]
        raise ConfigError([settings.located(("review", keys[0]), _("{problem} (got {got})", problem=problem, got=got))])
    columns = review.columns.model_dump(exclude_none=True)
    words = {key: tuple(columns[key]) for key in COLUMN_KEYS if key in columns}
    return Resolved(
        config,
        ReviewSettings(
            thresholds,
            Triggers(_first(periods, review.streak, Triggers().streak), _first(fall, review.drop, Triggers().drop)),
            _first(gate, review.fail_under, None),
            ColumnSettings(words, (*columns.get("ignore", ()), *ignore_columns)),
        ),
        risk,
    )


def _first(*values: T | None) -> T:
    """The first value given: the command line's, else the file's, else the default."""
    found = next((value for value in values if value is not None), values[-1])
    return found  # type: ignore[return-value]
