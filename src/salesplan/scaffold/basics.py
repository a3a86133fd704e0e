"""The basics of a new plan: from options, else from questions on a terminal, else defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from salesplan.scaffold.errors import ScaffoldError
from salesplan.scaffold.messages import message
from salesplan.scaffold.period import Period, next_quarter, parse_period, resolve_period
from salesplan.scaffold.scenarios import SCENARIO_IDS, scenario
from salesplan.scaffold.yamltext import usable

DEFAULT_OWNER = {"zh": "陈静", "en": "Grace Chen"}
T = TypeVar("T")
UNITS = {"万元": "万元", "万": "万元", "wan": "万元", "元": "元", "yuan": "元"}


@dataclass(frozen=True)
class Options:
    """What the command line gave; None where an option was not given."""

    scenario: str | None = None
    lang: str = "zh"
    name: str | None = None
    period: str | None = None
    start: str | None = None
    end: str | None = None
    owner: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Prompts:
    """How to ask on a terminal: `ask(question, default)` returns the answer; `warn` explains a bad one."""

    ask: Callable[[str, str | None], str]
    warn: Callable[[str], None]


@dataclass(frozen=True)
class Basics:
    scenario: str
    lang: str
    name: str
    period: Period
    owner: str
    unit: str


def check_scenario(text: str) -> str:
    value = text.strip()
    if value not in SCENARIO_IDS:
        raise ScaffoldError("bad_scenario", text=text, choices=", ".join(SCENARIO_IDS))
    return value


def check_unit(text: str) -> str:
    unit = UNITS.get(text.strip()) or UNITS.get(text.strip().lower())
    if unit is None:
        raise ScaffoldError("bad_unit", text=text)
    return unit


def check_owner(text: str) -> str:
    value = " ".join(text.split())
    if not value or not usable(value):
        raise ScaffoldError("bad_owner", text=text)
    return value


def check_name(text: str) -> str:
    value = text.strip()
    if not value or not usable(value):
        raise ScaffoldError("bad_name")
    return value


def _ask(prompts: Prompts, lang: str, key: str, default: str | None, check: Callable[[str], T]) -> T:
    """Ask until the answer passes `check`; a bad answer is explained and asked again."""
    while True:
        answer = prompts.ask(message(key, lang), default)
        try:
            return check(answer)
        except ScaffoldError as exc:
            prompts.warn(exc.message(lang))


def resolve_basics(options: Options, prompts: Prompts | None, today: dt.date) -> Basics:
    """Options win; what they lack is asked when `prompts` is given, else defaulted.

    Option values are checked once: a bad option is an error, never a question.
    """
    lang = options.lang
    if options.scenario is not None:
        scenario_id = check_scenario(options.scenario)
    elif prompts is not None:
        scenario_id = _ask(prompts, lang, "ask_scenario", None, check_scenario)
    else:
        raise ScaffoldError("scenario_required", choices=", ".join(SCENARIO_IDS))

    period = resolve_period(options.period, options.start, options.end)
    if period is None:
        default = next_quarter(today)
        if prompts is None:
            period = default
        else:
            guess = f"{default.start.year}-Q{(default.start.month + 2) // 3}"
            period = _ask(prompts, lang, "ask_period", guess, parse_period)

    default_name = scenario(scenario_id).default_name(period.label(lang), lang)
    name = _given_or_asked(options.name, prompts, lang, "ask_name", default_name, check_name)
    owner = _given_or_asked(options.owner, prompts, lang, "ask_owner", DEFAULT_OWNER[lang], check_owner)
    unit = _given_or_asked(options.unit, prompts, lang, "ask_unit", "万元", check_unit)
    return Basics(scenario_id, lang, name, period, owner, unit)


def _given_or_asked(
    given: str | None, prompts: Prompts | None, lang: str, key: str, default: str, check: Callable[[str], str]
) -> str:
    if given is not None:
        return check(given)
    if prompts is None:
        return default
    return _ask(prompts, lang, key, default, check)
