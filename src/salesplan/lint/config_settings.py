"""The `[smart]` and `[risk]` tables of the configuration -> `Settings`, checked key by key."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from salesplan.i18n import Message, _
from salesplan.risk.config import RiskConfig, RiskConfigError
from salesplan.rules.settings import Settings


class ConfigError(Exception):
    """A configuration that cannot be used; `message` says which file and key, in every language
    (`str()` of the error is its English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


_SMART_KEYS = ("max-growth", "growth-metrics", "lower-is-better")
_RISK_KEYS = ("size", "probability", "impact", "levels", "respond-at")


def unknown_key(where: str, key: str, allowed: tuple[str, ...]) -> Message:
    return _("{where}: unknown key '{key}' (allowed: {allowed})", where=where, key=key, allowed=", ".join(allowed))


def _table(value: Any, where: str, allowed: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(_("{where} must be a table", where=where))
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ConfigError(unknown_key(where, unknown[0], allowed))
    return value


def _percent(value: Any, where: str) -> Decimal:
    text = value.strip().rstrip("%") if isinstance(value, str) else value
    if isinstance(text, bool) or not isinstance(text, (int, float, str)):
        raise ConfigError(_('{where} must be a percent such as 50 or "50%"', where=where))
    try:
        number = Decimal(str(text))
    except InvalidOperation:
        raise ConfigError(
            _('{where} must be a percent such as 50 or "50%" (got {value})', where=where, value=repr(value))
        ) from None
    if not number.is_finite() or number <= 0:
        raise ConfigError(_("{where} must be above 0 (got {value})", where=where, value=repr(value)))
    return number


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(_("{where} must be a list of strings", where=where))
    return tuple(v.lower() for v in value)


def _ints(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        raise ConfigError(_("{where} must be a table of whole numbers", where=where))
    return dict(value)


def settings_from(smart: Any, risk: Any, where: str) -> Settings:
    smart = _table(smart, f"{where}: smart", _SMART_KEYS)
    risk = _table(risk, f"{where}: risk", _RISK_KEYS)
    defaults = Settings()
    base = RiskConfig()
    size = risk.get("size", base.size)
    if not isinstance(size, int) or isinstance(size, bool):
        raise ConfigError(_("{where}: risk.size must be a whole number", where=where))
    respond_at = risk.get("respond-at", base.respond_at)
    if not isinstance(respond_at, str):
        raise ConfigError(_("{where}: risk.respond-at must be a string", where=where))
    try:
        risk_config = RiskConfig(
            size=size,
            probability=_ints(risk["probability"], f"{where}: risk.probability")
            if "probability" in risk
            else base.probability,
            impact=_ints(risk["impact"], f"{where}: risk.impact") if "impact" in risk else base.impact,
            bounds=_ints(risk["levels"], f"{where}: risk.levels") if "levels" in risk else base.bounds,
            respond_at=respond_at,
        )
    except RiskConfigError as exc:
        raise ConfigError(_("{where}: {error}", where=where, error=exc.message)) from None
    return Settings(
        max_growth=_percent(smart["max-growth"], f"{where}: smart.max-growth")
        if "max-growth" in smart
        else defaults.max_growth,
        growth_metrics=_words(smart["growth-metrics"], f"{where}: smart.growth-metrics")
        if "growth-metrics" in smart
        else defaults.growth_metrics,
        lower_is_better=_words(smart["lower-is-better"], f"{where}: smart.lower-is-better")
        if "lower-is-better" in smart
        else defaults.lower_is_better,
        risk=risk_config,
    )
