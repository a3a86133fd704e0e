"""Lint configuration: `salesplan.toml`, `.salesplan.toml` or `[tool.salesplan]` in pyproject.toml.

Found by searching upward from the linted path (or the working directory); the first directory
holding one of them wins. Every key is checked: an unknown key, code or a wrong type is a
`ConfigError` (the CLI exits 2 with its message).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from salesplan.diagnostics import Severity
from salesplan.i18n import _
from salesplan.lint.config_settings import ConfigError, _percent, _table, settings_from, unknown_key
from salesplan.review.headers import COLUMN_KEYS, ColumnSettings
from salesplan.rules import RULES, expand, lookup
from salesplan.rules.settings import Settings

CONFIG_FILES = ("salesplan.toml", ".salesplan.toml", "pyproject.toml")
_TOP_KEYS = ("select", "ignore", "exclude", "fail-on", "severity", "smart", "risk", "review")
# `[review]`: the defaults of `salesplan review` (percent; its command-line options override them)
# and of its re-planning alerts (`streak`: periods in a row below plan, a whole number; `drop`: percent);
# `[review.columns]`: the user's own header words of the actuals file, and headers to leave unread
REVIEW_KEYS = ("ahead", "on-track", "at-risk", "fail-under", "streak", "drop", "columns")

__all__ = ["CONFIG_FILES", "ConfigError", "LintConfig", "find_config", "load_config", "read_config_file"]


@dataclass(frozen=True)
class LintConfig:
    """What to check and how strictly. `enabled` holds codes; `severity` overrides defaults."""

    enabled: frozenset[str] = frozenset(RULES)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    settings: Settings = field(default_factory=Settings)
    review: Mapping[str, Decimal] = field(default_factory=dict)
    review_columns: ColumnSettings = field(default_factory=ColumnSettings)
    path: Path | None = None

    def with_cli(
        self, select: Sequence[str] = (), ignore: Sequence[str] = (), exclude: Sequence[str] = ()
    ) -> LintConfig:
        """Command-line options: `--select` replaces the configured selection, `--ignore` and
        `--exclude` add to it."""
        enabled = set(self.enabled)
        if select:
            enabled = set(_codes(_split(select), "--select"))
        enabled -= set(_codes(_split(ignore), "--ignore"))
        return replace(self, enabled=frozenset(enabled), exclude=(*self.exclude, *exclude))


def _split(values: Iterable[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _codes(selectors: Iterable[str], where: str) -> list[str]:
    out: list[str] = []
    for selector in selectors:
        codes = expand(selector)
        if not codes:
            raise ConfigError(
                _(
                    "{where}: unknown rule code or name '{selector}' (see `salesplan rules`)",
                    where=where,
                    selector=selector,
                )
            )
        out += codes
    return out


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(_("{where} must be a list of strings", where=where))
    return value


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(
            _("{where} must be one of error, warning, notice (got {value})", where=where, value=repr(value))
        ) from None


def config_from(raw: Mapping[str, Any], where: str, path: Path | None = None) -> LintConfig:
    """Validate a configuration table (the file's content or `[tool.salesplan]`)."""
    unknown = sorted(set(raw) - set(_TOP_KEYS))
    if unknown:
        raise ConfigError(unknown_key(where, unknown[0], _TOP_KEYS))
    enabled = set(_codes(_strings(raw.get("select", ["ALL"]), f"{where}: select"), f"{where}: select"))
    enabled -= set(_codes(_strings(raw.get("ignore", []), f"{where}: ignore"), f"{where}: ignore"))
    overrides = raw.get("severity", {})
    if not isinstance(overrides, dict):
        raise ConfigError(_('{where}: severity must be a table of CODE = "error" | "warning" | "notice"', where=where))
    severity: dict[str, Severity] = {}
    for key, value in overrides.items():
        rule = lookup(key)
        if rule is None:
            raise ConfigError(_("{where}: severity: unknown rule code or name '{key}'", where=where, key=key))
        severity[rule.code] = _severity(value, f"{where}: severity.{key}")
    return LintConfig(
        enabled=frozenset(enabled),
        severity=severity,
        exclude=tuple(_strings(raw.get("exclude", []), f"{where}: exclude")),
        fail_on=_severity(raw.get("fail-on", "error"), f"{where}: fail-on"),
        settings=settings_from(raw.get("smart", {}), raw.get("risk", {}), where),
        review=_review(raw.get("review", {}), f"{where}: review"),
        review_columns=_columns(raw.get("review", {}).get("columns", {}), f"{where}: review.columns"),
        path=path,
    )


def _review(raw: Any, where: str) -> dict[str, Decimal]:
    table = _table(raw, where, REVIEW_KEYS)
    streak = table.get("streak")
    if streak is not None and (isinstance(streak, bool) or not isinstance(streak, int) or streak < 1):
        raise ConfigError(
            _(
                "{where}.streak must be a whole number of periods, 1 or more (got {value})",
                where=where,
                value=repr(streak),
            )
        )
    out = {key: _percent(value, f"{where}.{key}") for key, value in table.items() if key not in ("streak", "columns")}
    if "drop" in out and out["drop"] > 100:
        raise ConfigError(
            _("{where}.drop must be a percent from 0 to 100 (got {value})", where=where, value=repr(table["drop"]))
        )
    return out | ({"streak": Decimal(streak)} if streak is not None else {})


def _columns(raw: Any, where: str) -> ColumnSettings:
    """`[review.columns]`: `rep = ["跟进人"]` reads a 跟进人 column as the rep; `ignore = [...]` skips headers."""
    table = _table(raw, where, (*COLUMN_KEYS, "ignore"))
    words: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for column, value in table.items():
        listed = _strings(value, f"{where}.{column}")
        if not all(word.strip() for word in listed):
            raise ConfigError(_("{where}.{column} must not hold an empty header", where=where, column=column))
        for word in listed:
            other = seen.setdefault(word.strip().lower(), column)
            if other != column:
                raise ConfigError(
                    _(
                        "{where}: '{word}' is listed under both {other} and {column}",
                        where=where,
                        word=word,
                        other=other,
                        column=column,
                    )
                )
        if column != "ignore":
            words[column] = tuple(listed)
    return ColumnSettings(words, tuple(table.get("ignore", ())))


def read_config_file(path: Path) -> LintConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(_("cannot read {path}: {error}", path=path, error=exc.strerror or exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(_("{path}: not valid TOML: {error}", path=path, error=exc)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("salesplan", {}) if isinstance(tool, dict) else {}
        return config_from(data, f"{path} [tool.salesplan]", path)
    return config_from(data, str(path), path)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a pyproject.toml counts only with
    a [tool.salesplan] table)."""
    here = start.resolve()
    for folder in (here, *here.parents) if here.is_dir() else here.parents:
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.salesplan" in text


def load_config(explicit: Path | None, start: Path) -> LintConfig:
    """`--config FILE` when given, else the nearest configuration file, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(_("config file {path} does not exist", path=explicit))
        return read_config_file(explicit)
    found = find_config(start)
    return read_config_file(found) if found is not None else LintConfig()
