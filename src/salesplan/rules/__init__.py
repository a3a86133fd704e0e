"""The rule registry: a plain dict of every code, built once from one module per rule.

Loader codes (SP0xx) are documented here too; their findings come from the loader. Rules with a
`check` run on every plan the loader accepted, in the order of `MODULES`.
"""

from __future__ import annotations

from importlib import import_module

from salesplan.rules.base import Check, Context, Finding, RuleInfo
from salesplan.rules.settings import Settings

MODULES = (
    "loader.sp001_file_unreadable",
    "loader.sp002_file_too_large",
    "loader.sp003_file_encoding",
    "loader.sp004_yaml_syntax",
    "loader.sp005_duplicate_key",
    "loader.sp006_alias_limit",
    "loader.sp007_nesting_too_deep",
    "loader.sp008_invalid_number",
    "loader.sp009_invalid_date",
    "loader.sp010_not_a_plan",
    "loader.sp011_unsupported_version",
    "loader.sp020_unknown_key",
    "loader.sp021_invalid_value",
    "loader.sp022_missing_field",
    "loader.sp030_duplicate_id",
    "loader.sp031_unresolved_reference",
    "loader.sp032_invalid_id",
    "loader.sp033_negative_value",
    "loader.sp034_period_order",
    "smart.sp101_target_not_specific",
    "smart.sp102_target_not_measurable",
    "smart.sp103_target_not_achievable",
    "smart.sp104_target_not_relevant",
    "smart.sp105_target_not_time_bound",
    "breakdown.sp201_split_does_not_add_up",
    "breakdown.sp202_split_part_not_defined",
    "breakdown.sp203_split_fails",
    "breakdown.sp204_split_option_ignored",
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
    "budget.sp501_allocation_over_100",
    "budget.sp502_strategy_over_allocation",
    "budget.sp503_task_over_strategy_budget",
    "meta.sp900_unused_suppression",
    "meta.sp901_rule_failed",
)

RULES: dict[str, RuleInfo] = {
    info.code: info for info in (RuleInfo.from_module(import_module(f"{__name__}.{m}")) for m in MODULES)
}
BY_NAME: dict[str, RuleInfo] = {info.name: info for info in RULES.values()}
CHECKS: tuple[RuleInfo, ...] = tuple(info for info in RULES.values() if info.check is not None)

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


__all__ = ["BY_NAME", "CHECKS", "RULES", "Check", "Context", "Finding", "RuleInfo", "Settings", "expand", "lookup"]
