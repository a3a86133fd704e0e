"""The basics of a new plan: from options, else from questions on a terminal, else defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from salesplan.i18n import Message, _
from salesplan.scaffold.errors import ScaffoldError
from salesplan.scaffold.period import Period, next_quarter, parse_period, resolve_period
from salesplan.scaffold.scenarios import SCENARIO_IDS, scenario
from salesplan.scaffold.timeline import UNIT_WORDS, WAN, YUAN
from salesplan.scaffold.yamltext import usable

DEFAULT_OWNER = _("Grace Chen")  # a sample name, in Chinese a Chinese one
T = TypeVar("T")


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
        choices = ", ".join(SCENARIO_IDS)
        raise ScaffoldError(
            "bad_scenario", _("unknown scenario '{text}'; choose one of {choices}", text=text, choices=choices)
        )
    return value


def check_unit(text: str) -> str:
    unit = UNIT_WORDS.get(text.strip()) or UNIT_WORDS.get(text.strip().lower())
    if unit is None:
        raise ScaffoldError(
            "bad_unit", _("unsupported unit '{text}': use {wan} or {yuan}", text=text, wan=WAN, yuan=YUAN)
        )
    return unit


def check_owner(text: str) -> str:
    value = " ".join(text.split())
    if not value or not usable(value):
        raise ScaffoldError(
            "bad_owner", _("the owner '{text}' must not be empty or contain control characters", text=text)
        )
    return value


def check_name(text: str) -> str:
    value = text.strip()
    if not value or not usable(value):
        raise ScaffoldError("bad_name", _("the plan name must not be empty and must be one line"))
    return value


def _ask(prompts: Prompts, lang: str, question: Message, default: str | None, check: Callable[[str], T]) -> T:
    """Ask until the answer passes `check`; a bad answer is explained and asked again."""
    while True:
        answer = prompts.ask(question.render(lang), default)
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
        scenario_id = _ask(prompts, lang, _("Scenario"), None, check_scenario)
    else:
        choices = ", ".join(SCENARIO_IDS)
        raise ScaffoldError(
            "scenario_required",
            _("choose a scenario with --scenario: {choices} (salesplan init --list describes them)", choices=choices),
        )

    period = resolve_period(options.period, options.start, options.end)
    if period is None:
        default = next_quarter(today)
        if prompts is None:
            period = default
        else:
            guess = f"{default.start.year}-Q{(default.start.month + 2) // 3}"
            question = _("Plan period (e.g. 2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30)")
            period = _ask(prompts, lang, question, guess, parse_period)

    default_name = scenario(scenario_id).default_name(period.name).render(lang)
    name = _given_or_asked(options.name, prompts, lang, _("Plan name"), default_name, check_name)
    owner = _given_or_asked(options.owner, prompts, lang, _("Plan owner"), DEFAULT_OWNER.render(lang), check_owner)
    question = _("Unit of money ({wan} = 10,000 yuan, or {yuan})", wan=WAN, yuan=YUAN)
    unit = _given_or_asked(options.unit, prompts, lang, question, WAN, check_unit)
    return Basics(scenario_id, lang, name, period, owner, unit)


def _given_or_asked(
    given: str | None,
    prompts: Prompts | None,
    lang: str,
    question: Message,
    default: str,
    check: Callable[[str], str],
) -> str:
    if given is not None:
        return check(given)
    if prompts is None:
        return default
    return _ask(prompts, lang, question, default, check)
