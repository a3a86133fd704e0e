"""The five planning scenarios of DOMAIN.md §1: titles, one-line summaries, default plan names."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from salesplan.i18n import Message, _


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Message
    stresses: Message
    plan_name: Message  # the default plan name, with the period's name as `{period}`

    def default_name(self, period: Message) -> Message:
        """New product launch plan — Q3 2026 (in Chinese 2026 年第三季度新产品上市推广计划)."""
        return dataclasses.replace(self.plan_name, fields=(("period", period),))


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "new-product",
        _("New product launch"),
        _("target customers, launch rhythm, promotion budget, channel stocking"),
        _("New product launch plan — {period}"),
    ),
    Scenario(
        "regional-expansion",
        _("Regional expansion"),
        _("per-region targets, local channels, competitor response"),
        _("Regional expansion plan — {period}"),
    ),
    Scenario(
        "sprint",
        _("Year-end or quarter-end sprint"),
        _("targets split to every rep and every week, tracked tightly"),
        _("Sales sprint plan — {period}"),
    ),
    Scenario(
        "competitive-response",
        _("Competitive response"),
        _("price and service counter-measures, a risk plan for a price war"),
        _("Competitive response plan — {period}"),
    ),
    Scenario(
        "key-account",
        _("Key account development"),
        _("per-account targets, A/B/C tiers, executive visits"),
        _("Key account development plan — {period}"),
    ),
)

SCENARIO_IDS: tuple[str, ...] = tuple(s.id for s in SCENARIOS)
_BY_ID = {s.id: s for s in SCENARIOS}


def scenario(scenario_id: str) -> Scenario:
    """The scenario with this id; KeyError for an unknown one."""
    return _BY_ID[scenario_id]


def describe_scenarios(lang: str = "zh") -> str:
    """One line per scenario: id, title and what the starting plan stresses (for `init --list`)."""
    width = max(len(s.id) for s in SCENARIOS) + 2
    lines = [
        f"{s.id:<{width}}" + _("{title}: {stresses}", title=s.title, stresses=s.stresses).render(lang)
        for s in SCENARIOS
    ]
    return "\n".join(lines) + "\n"
