"""The five planning scenarios of DOMAIN.md §1: titles, one-line summaries, default plan names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    id: str
    title_zh: str
    title_en: str
    stresses_zh: str
    stresses_en: str
    plan_zh: str  # default plan name after the period label: 2026 年第三季度 + 新产品上市推广计划
    plan_en: str  # default plan name before the period label: New product launch plan + — Q3 2026

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def default_name(self, period_label: str, lang: str) -> str:
        return f"{period_label}{self.plan_zh}" if lang == "zh" else f"{self.plan_en} — {period_label}"


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "new-product",
        "新产品上市推广",
        "New product launch",
        "目标客户、上市节奏、推广预算、渠道铺货",
        "target customers, launch rhythm, promotion budget, channel stocking",
        "新产品上市推广计划",
        "New product launch plan",
    ),
    Scenario(
        "regional-expansion",
        "区域市场扩张",
        "Regional expansion",
        "分区域目标、本地渠道、竞品应对",
        "per-region targets, local channels, competitor response",
        "区域市场扩张计划",
        "Regional expansion plan",
    ),
    Scenario(
        "sprint",
        "年度/季度目标冲刺",
        "Year-end or quarter-end sprint",
        "目标拆到每个人、每一周，紧盯进度",
        "targets split to every rep and every week, tracked tightly",
        "销售目标冲刺计划",
        "Sales sprint plan",
    ),
    Scenario(
        "competitive-response",
        "应对竞争变化",
        "Competitive response",
        "价格与服务对策、价格战风险预案",
        "price and service counter-measures, a risk plan for a price war",
        "竞争应对计划",
        "Competitive response plan",
    ),
    Scenario(
        "key-account",
        "重点客户深度开发",
        "Key account development",
        "分客户目标、A/B/C 分级、高层拜访",
        "per-account targets, A/B/C tiers, executive visits",
        "重点客户深度开发计划",
        "Key account development plan",
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
    sep = "：" if lang == "zh" else ": "
    lines = [
        f"{s.id:<{width}}{s.title(lang)}{sep}{s.stresses_zh if lang == 'zh' else s.stresses_en}" for s in SCENARIOS
    ]
    return "\n".join(lines) + "\n"
