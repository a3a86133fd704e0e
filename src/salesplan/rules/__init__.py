"""The rule registry: a plain dict of every code salesplan emits, each with its documentation.

Codes of the loader, the split engine, review and export (SP0xx, the table `salesplan.codes.CODES`)
are documented here by one module each under `loader/`, `split/`, `review/` and `export/`; those
modules are imported only when their documentation is read (`salesplan rules`, SARIF). Rules with
a `check` (SP1xx and up) run on every plan the loader accepted, in the order of `MODULES`; a rule
that runs another engine lists the codes it reports for it in `EMITS` (SP203: the split engine's),
and a rule with settings declares them in `OPTIONS` (`salesplan.options.Option`), collected here.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from salesplan import codes
from salesplan.options import Option
from salesplan.rollup.options import OPTIONS as ROLLUP_OPTIONS
from salesplan.rules.base import Check, Context, Finding, RuleInfo
from salesplan.rules.settings import RuleSettings

MODULES = (
    "smart.sp101_target_not_specific",
    "smart.sp102_target_not_measurable",
    "smart.sp103_target_not_achievable",
    "smart.sp104_target_not_relevant",
    "smart.sp105_target_not_time_bound",
    "smart.sp106_formula_value_mismatch",
    "breakdown.sp201_split_does_not_add_up",
    "breakdown.sp202_split_part_not_defined",
    "breakdown.sp203_split_fails",
    "breakdown.sp204_split_option_ignored",
    "breakdown.sp205_commitment_gap",
    "risks.sp301_risk_without_response",
    "risks.sp302_risk_without_owner",
    "risks.sp303_risk_without_trigger",
    "tasks.sp401_task_without_owner",
    "tasks.sp402_task_dates",
    "tasks.sp403_task_dependency_cycle",
    "tasks.sp404_task_starts_before_dependency",
    "tasks.sp405_task_without_deliverable",
    "tasks.sp406_strategy_without_task",
    "tasks.sp407_task_without_strategy",
    "tasks.sp408_task_overdue",
    "budget.sp501_allocation_over_100",
    "budget.sp502_strategy_over_allocation",
    "budget.sp503_task_over_strategy_budget",
    "meta.sp900_unused_suppression",
    "meta.sp901_rule_failed",
)

RULES: dict[str, RuleInfo] = {
    **{code: RuleInfo.from_code(code) for code in codes.CODES},
    **{info.code: info for info in (RuleInfo.from_module(import_module(f"{__name__}.{m}")) for m in MODULES)},
}
BY_NAME: dict[str, RuleInfo] = {info.name: info for info in RULES.values()}
CHECKS: tuple[RuleInfo, ...] = tuple(info for info in RULES.values() if info.check is not None)
# every option a rule reads, by key (`smart.max-growth`): the settings model's rule tables are made of these
OPTIONS: dict[str, Option[Any]] = {
    option.key: option for options in (*(info.options for info in RULES.values()), ROLLUP_OPTIONS) for option in options
}

UNUSED_SUPPRESSION = "SP900"
RULE_FAILED = "SP901"


def lookup(code_or_name: str) -> RuleInfo | None:
    """A rule by code (`SP101`, any case) or name (`target-not-specific`)."""
    return RULES.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


def expand(selector: str) -> list[str]:
    """The codes a selector names: a code, a prefix (`SP1`, `SP10`), a name, or `ALL`."""
    key = selector.strip().upper()
    if key == "ALL":
        return list(RULES)
    rule = lookup(selector.strip())
    if rule is not None:
        return [rule.code]
    return [code for code in RULES if code.startswith(key)] if key.startswith("SP") else []


__all__ = [
    "BY_NAME",
    "CHECKS",
    "OPTIONS",
    "RULES",
    "Check",
    "Context",
    "Finding",
    "RuleInfo",
    "RuleSettings",
    "expand",
    "lookup",
]
