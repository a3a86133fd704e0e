"""Every word the exported tables show, in Chinese (default) and English. Headers follow DOMAIN.md §7."""

from __future__ import annotations

from typing import Final

Pair = tuple[str, str]  # (zh, en)

TITLES: Final[dict[str, Pair]] = {
    "breakdown": ("销售目标设定与拆解表", "Target setting and breakdown"),
    "execution": ("销售策略执行计划表", "Strategy execution plan"),
    "risks": ("风险评估与应对表", "Risk assessment and response"),
    "heatmap": ("风险热力图", "Risk heat map"),
    "timeline": ("时间计划（甘特图）", "Timeline (Gantt)"),
    "review": ("目标达成复盘表", "Target achievement review"),
    "alerts": ("计划调整预警", "Re-planning alerts"),
}

HEADERS: Final[dict[str, tuple[Pair, ...]]] = {
    "breakdown": (
        ("目标维度", "Dimension"),
        ("核心指标", "Key metric"),
        ("目标值", "Target value"),
        ("拆解逻辑(按区域/产品/客户)", "Breakdown logic (by region/product/customer)"),
        ("达成路径", "Path to achievement"),
        ("责任人", "Owner"),
        ("时间节点", "Deadline"),
    ),
    "execution": (
        ("策略模块", "Strategy module"),
        ("具体举措/任务", "Measure/task"),
        ("负责人", "Owner"),
        ("开始日期", "Start date"),
        ("完成日期", "End date"),
        ("交付标准", "Deliverable"),
        ("所需资源/预算", "Resources/budget"),
        ("协作部门", "Departments"),
        ("状态", "Status"),
        ("前置任务", "Depends on"),
    ),
    "risks": (
        ("风险类别", "Category"),
        ("风险描述", "Description"),
        ("发生概率", "Probability"),
        ("影响程度", "Impact"),
        ("风险等级", "Risk level"),
        ("应对措施", "Response"),
        ("负责人", "Owner"),
        ("预警信号", "Early-warning signal"),
    ),
    "timeline": (
        ("任务", "Task"),
        ("策略模块", "Strategy module"),
        ("负责人", "Owner"),
        ("开始日期", "Start date"),
        ("完成日期", "End date"),
        ("状态", "Status"),
        ("前置任务", "Depends on"),
    ),
    "review": (
        ("目标/拆解项", "Target / part"),
        ("层级", "Level"),
        ("目标值", "Target"),
        ("实际完成", "Actual to date"),
        ("达成率", "Achievement"),
        ("序时应完成", "Expected to date"),
        ("序时进度", "Pacing"),
        ("差额", "Gap"),
        ("状态", "Status"),
    ),
    "alerts": (
        ("目标", "Target"),
        ("对象", "Part"),
        ("预警", "Alert"),
        ("说明", "Details"),
    ),
}

WORDS: Final[dict[str, Pair]] = {
    # target dimension and kind
    "results": ("业绩", "results"),
    "efficiency": ("效率", "efficiency"),
    "quality": ("质量", "quality"),
    "core": ("核心目标", "core"),
    "supporting": ("支撑目标", "supporting"),
    # strategy modules
    "product": ("产品", "product"),
    "price": ("价格", "price"),
    "channel": ("渠道", "channel"),
    "promotion": ("推广", "promotion"),
    "customer": ("客户", "customer"),
    "incentive": ("激励", "incentive"),
    # split levels
    "region": ("区域", "region"),
    "rep": ("销售代表", "rep"),
    "quarter": ("季度", "quarter"),
    "month": ("月份", "month"),
    "week": ("周", "week"),
    "account": ("客户", "account"),
    # task status
    "not_started": ("未开始", "not started"),
    "in_progress": ("进行中", "in progress"),
    "done": ("已完成", "done"),
    "delayed": ("已延期", "delayed"),
    "blocked": ("受阻", "blocked"),
    "cancelled": ("已取消", "cancelled"),
    # risk probability, impact and level
    "p:high": ("高", "high"),
    "p:medium": ("中", "medium"),
    "p:low": ("低", "low"),
    "i:severe": ("严重", "severe"),
    "i:moderate": ("一般", "moderate"),
    "i:minor": ("轻微", "minor"),
    "level:low": ("低", "low"),
    "level:medium": ("中", "medium"),
    "level:high": ("高", "high"),
    "level:critical": ("极高", "critical"),
    # risk categories (free text in the plan: known ones are translated, others shown as written)
    "market": ("市场", "market"),
    "competitor": ("竞争", "competitor"),
    "execution": ("执行", "execution"),
    "team": ("团队", "team"),
    "resource": ("资源", "resource"),
    "policy": ("政策", "policy"),
    # table words
    "total": ("合计", "Total"),
    "no_strategy": ("未归属策略", "No strategy"),
    "not_split": ("不拆解", "not split"),
    "by": ("按", "by "),
    "budget_of": ("策略预算", "strategy budget"),
    "heat_corner": ("发生概率 \\ 影响程度", "Probability \\ Impact"),
    "legend": ("图例", "Legend"),
    "period": ("计划周期", "Plan period"),
    "owner": ("负责人", "Owner"),
    "example": ("示例", "Example"),
    "allowed": ("可选值", "Allowed values"),
    "scheduled": ("计划进行", "scheduled"),
    # review statuses and words
    "review:ahead": ("超前", "ahead"),
    "review:on_track": ("正常", "on track"),
    "review:behind": ("落后", "behind"),
    "review:at_risk": ("风险", "at risk"),
    "as_of": ("截至", "As of"),
}

STATUSES: Final = ("not_started", "in_progress", "done", "delayed", "blocked", "cancelled")
MODULES: Final = ("product", "price", "channel", "promotion", "customer", "incentive")
PROBABILITIES: Final = ("p:high", "p:medium", "p:low")
IMPACTS: Final = ("i:severe", "i:moderate", "i:minor")


def pick(pair: Pair, lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def word(key: str, lang: str) -> str:
    """The word for `key`; an unknown key (free text from the plan) is returned as written."""
    pair = WORDS.get(key)
    return pick(pair, lang) if pair else key


def title(table: str, lang: str) -> str:
    return pick(TITLES[table], lang)


def headers(table: str, lang: str) -> list[str]:
    return [pick(pair, lang) for pair in HEADERS[table]]
