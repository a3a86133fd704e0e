"""Plan format 1 as pydantic v2 models (`extra="forbid"`); see shared/reference-plan.yaml."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from salesplan.model.values import (
    DEFAULT_UNIT,
    Amount,
    AmountOrPercent,
    Calendar,
    Id,
    Impact,
    NonNegativeAmount,
    Percent,
    PlanDate,
    PlanValueError,
    Probability,
    Ramp,
    RefusedAmount,
    Weight,
    is_percent_text,
    parse_amount,
)

FORMAT_VERSION = 1
# what plan writers write in some fields, and what the Chinese planning templates call others: the
# JSON Schema's field descriptions (English, for editors) quote them as they are
SCHEMA_TERMS = {
    "name": "华东大区 2026 年第三季度销售计划",
    "yuan": "元",
    "yi_yuan": "亿元",
    "segment": "中小医院",
    "path": "达成路径",
    "response": "应对措施",
    "trigger": "预警信号",
    "deliverable": "交付标准",
}

Scenario = Literal["new-product", "regional-expansion", "sprint", "competitive-response", "key-account"]
Module = Literal["product", "price", "channel", "promotion", "customer", "incentive"]
SplitBy = Literal["region", "product", "rep", "channel", "account", "tier", "quarter", "month", "week"]
SplitMethod = Literal["even", "weights", "explicit", "history", "capacity", "workdays", "ipf"]
TaskStatus = Literal["not_started", "in_progress", "done", "delayed", "blocked", "cancelled"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=False)


class Period(Strict):
    """A closed date range."""

    start: PlanDate
    end: PlanDate


class PlanInfo(Strict):
    """The plan's header: what, when, who, in which unit."""

    name: str = Field(description=f"Plan title, e.g. {SCHEMA_TERMS['name']}")
    scenario: Scenario | None = Field(None, description="Which of the five planning scenarios this plan serves")
    period: Period
    currency: str = Field("CNY", description="ISO currency code of money amounts")
    unit: str = Field(
        DEFAULT_UNIT,
        description=f"Default unit of money in this file: {SCHEMA_TERMS['yuan']}, {DEFAULT_UNIT} or "
        f"{SCHEMA_TERMS['yi_yuan']}",
    )
    owner: Id | None = Field(None, description="Person id (team.people) who owns the plan")
    lang: Literal["zh", "en"] | None = Field(None, description="Language of the plan's text")
    description: str | None = None
    version: str | None = Field(None, description="The plan's own revision label")
    calendar: Calendar = Field(
        "CN", description="Holiday calendar of method: workdays (a country or territory code: CN, HK, TW, SG, US)"
    )


class Region(Strict):
    id: Id
    name: str | None = None
    calendar: Calendar | None = Field(None, description="This region's holiday calendar, when not the plan's")


class Product(Strict):
    id: Id
    name: str | None = None


class Account(Strict):
    """A key account (重点客户), tiered A/B/C by value."""

    id: Id
    name: str | None = None
    tier: Literal["A", "B", "C"] | None = None
    region: Id | None = None
    owner: Id | None = None


ChannelType = Literal["direct", "agent", "distributor", "online", "livestream", "exhibition", "other"]


class Channel(Strict):
    """A sales channel (渠道): direct sales, agents, e-commerce, live streams ..."""

    id: Id
    name: str | None = None
    type: ChannelType | None = Field(None, description="What kind of channel this is")
    owner: Id | None = None


class Person(Strict):
    """A member of the team; reps carry capacity (in the plan's unit) for the plan period."""

    id: Id
    name: str | None = None
    role: Literal["director", "manager", "rep", "ops", "marketing", "support", "other"] = "rep"
    region: Id | None = None
    capacity: NonNegativeAmount | None = Field(None, description="What this person can sell in the period")
    start: PlanDate | None = Field(None, description="First active day, for people joining mid-period")
    end: PlanDate | None = Field(None, description="Last active day, for people leaving mid-period")
    ramp: Ramp | None = Field(
        None, description="Share of capacity in each month of tenure from start, e.g. [30%, 60%]; later months 100%"
    )


class Team(Strict):
    regions: list[Region] = Field(default_factory=list)
    products: list[Product] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    ramp: Ramp | None = Field(None, description="The ramp of every rep with a start and no ramp of their own")


class History(Strict):
    """Last comparable period's results: the basis of `method: history`."""

    period: Period | None = None
    revenue: dict[str, Amount | dict[str, Amount]] = Field(
        default_factory=dict, description="region -> amount, or region -> product -> amount"
    )
    metrics: dict[str, dict[str, Amount | dict[str, Amount]]] = Field(
        default_factory=dict, description="Other metrics by name, shaped like revenue (used by history splits)"
    )
    by_month: dict[str, Amount | dict[str, Amount]] = Field(
        default_factory=dict,
        description="The comparable period by month: YYYY-MM -> amount, or part -> YYYY-MM -> amount, a part "
        "being a region, product, channel or account (the shape of method: history at a month, quarter or week "
        "level: the nearest enclosing part's row, else the region's, else the team's months)",
    )
    by_channel: dict[str, Amount | dict[str, Amount]] = Field(
        default_factory=dict, description="channel -> amount, or channel -> product -> amount (by: channel)"
    )
    by_account: dict[str, Amount | dict[str, Amount]] = Field(
        default_factory=dict, description="account -> amount, or account -> product -> amount (by: account)"
    )
    by_tier: dict[str, Amount | dict[str, Amount]] = Field(
        default_factory=dict,
        description="tier (A/B/C) -> amount, or tier -> product -> amount (by: tier; else by_account's sums)",
    )


class Scope(Strict):
    regions: list[Id] = Field(default_factory=list)
    products: list[Id] = Field(default_factory=list)
    accounts: list[Id] = Field(default_factory=list)
    segment: str | None = Field(None, description=f"Customer type or channel, e.g. {SCHEMA_TERMS['segment']}")


class SplitLevel(Strict):
    """One level of a target's breakdown; each part is split again by the next level."""

    by: SplitBy | list[SplitBy]
    method: SplitMethod = "even"
    weights: dict[str, Weight] | None = Field(None, description="part -> weight, for method: weights")
    values: dict[str, Amount] | None = Field(
        None, description="part -> amount, for method: explicit, or the parts held at these amounts with rest:"
    )
    rest: SplitMethod | None = Field(
        None, description="With values: the method that splits what the held values leave among the other parts"
    )
    held: dict[str, dict[str, Amount]] | None = Field(
        None,
        description="On a time level under other levels: node path (the parts above, joined by /, e.g. "
        "east-a/device/rep-1) -> time part -> amount held in that node; the method splits the rest of the node",
    )
    parts: list[str] | None = Field(None, description="Restrict the level to these parts")
    margins: dict[str, dict[str, Amount]] | None = Field(
        None, description="For method: ipf, the target margin of each dimension: dimension -> part -> amount"
    )
    cap: bool = Field(True, description="For method: capacity, keep each rep within capacity")


RollupDimension = Literal["region", "product", "rep", "channel", "account", "tier"]


class Implements(Strict):
    """The part of a target in another plan file that this target carries (a regional plan's share of
    the national one); `salesplan lint` checks that the values agree, `salesplan rollup` shows the tree."""

    plan: str = Field(description="The parent plan file, relative to this file (../national.yaml)")
    target: Id = Field(description="The id of the parent plan's target")
    part: dict[RollupDimension, Id] = Field(
        default_factory=dict,
        description="The part of the parent target's split: dimension -> part id ({region: east, product: "
        "device}); empty for the whole target",
    )


class Target(Strict):
    """A SMART target and how it breaks down."""

    id: Id
    name: str | None = None
    kind: Literal["core", "supporting"] | None = None
    dimension: Literal["results", "efficiency", "quality"] | None = None
    metric: str | None = Field(None, description="revenue, new_customers, conversion_rate, ...")
    value: AmountOrPercent
    unit: str | None = Field(None, description="Unit of value; defaults to the plan's unit, % for percents")
    baseline: AmountOrPercent | None = None
    deadline: PlanDate | None = None
    owner: Id | None = None
    scope: Scope | None = None
    path: str | None = Field(None, description=f"{SCHEMA_TERMS['path']}: how the target will be reached")
    strategies: list[Id] = Field(default_factory=list)
    granularity: Amount | None = Field(None, description="Parts are whole multiples of this (default 1)")
    split: list[SplitLevel] = Field(default_factory=list)
    implements: Implements | None = Field(None, description="The part of a parent plan's target this target carries")
    commit: dict[str, NonNegativeAmount] | None = Field(
        None,
        description="Bottom-up commitments: part id of any level of the split -> the amount that part "
        "commits to, in the target's unit; lint (SP205) and split compare them with the allocation",
    )
    formula: str | None = Field(
        None,
        description="A derived KPI: an expression over other metrics (revenue / orders), computed by review "
        "at every node from the actuals of its parts",
    )

    @model_validator(mode="before")
    @classmethod
    def _read_in_own_unit(cls, data: Any, info: ValidationInfo) -> Any:
        """Amount strings in a target are scaled into the target's unit (its own `unit:`, else the
        plan's, passed as validation context); `18%` sets unit %."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if is_percent_text(data.get("value")) and not data.get("unit"):
            data["unit"] = "%"
        own = data.get("unit") if isinstance(data.get("unit"), str) else None
        unit = own or (info.context or {}).get("unit")
        for key in ("value", "baseline", "granularity"):
            data[key] = _try_scale(data.get(key), unit)
        split = data.get("split")
        if isinstance(split, list):
            data["split"] = [_scale_split_values(level, unit) for level in split]
        if isinstance(data.get("commit"), dict):
            data["commit"] = _scale_tree(data["commit"], unit)
        return data


def _try_scale(value: Any, unit: str | None, kind: str = "amount") -> Any:
    if isinstance(value, str) and not is_percent_text(value):
        try:
            return parse_amount(value, unit, kind=kind)
        except PlanValueError as exc:
            return RefusedAmount(value, exc)
    return value


def _scale_tree(values: Any, unit: str | None, kind: str = "amount") -> Any:
    """Amount strings of a part -> amount (or part -> part -> amount) mapping, read in `unit`."""
    if isinstance(values, dict):
        return {k: _scale_tree(v, unit, kind) for k, v in values.items()}
    return _try_scale(values, unit, kind)


def _scale_split_values(level: Any, unit: str | None) -> Any:
    """Explicit values, weights and IPF margins of a level are amounts of the target: read in its unit
    (weights given as amounts keep their ratio whatever the unit; `40%` stays a percent)."""
    if not isinstance(level, dict):
        return level
    level = dict(level)
    for key in ("values", "weights", "margins", "held"):
        if isinstance(level.get(key), dict):
            level[key] = _scale_tree(level[key], unit, "weight" if key == "weights" else "amount")
    return level


class Strategy(Strict):
    """A strategy module's measures (举措), with owner and budget."""

    id: Id
    module: Module | None = None
    name: str
    owner: Id | None = None
    budget: NonNegativeAmount | None = None
    measures: list[str] = Field(default_factory=list)
    description: str | None = None


class Budget(Strict):
    total: NonNegativeAmount | None = None
    allocation: dict[str, Percent] = Field(default_factory=dict, description="module -> percent of total")


class Risk(Strict):
    id: Id
    category: str | None = Field(None, description="market, competitor, execution, team, resource, policy, ...")
    description: str
    probability: Probability
    impact: Impact
    response: str | None = Field(None, description=f"{SCHEMA_TERMS['response']}: what happens when the risk fires")
    owner: Id | None = None
    trigger: str | None = Field(None, description=f"{SCHEMA_TERMS['trigger']}: the early-warning signal")
    status: Literal["open", "watching", "closed", "fired"] | None = None


class Task(Strict):
    id: Id
    name: str
    strategy: Id | None = None
    owner: Id | None = None
    start: PlanDate
    end: PlanDate
    deliverable: str | None = Field(None, description=f"{SCHEMA_TERMS['deliverable']}: what done looks like")
    budget: NonNegativeAmount | None = None
    departments: list[str] = Field(default_factory=list)
    depends_on: list[Id] = Field(default_factory=list)
    status: TaskStatus | None = None


class Plan(Strict):
    """A sales plan, format 1."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        json_schema_extra={"title": "salesplan plan, format 1"},
    )

    salesplan: Literal[1] = Field(description="Format version; marks this file as a plan")
    plan: PlanInfo
    team: Team = Field(default_factory=Team)
    history: History | None = None
    targets: list[Target] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    budget: Budget | None = None
    risks: list[Risk] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _history_metrics_in_target_units(cls, data: Any, info: ValidationInfo) -> Any:
        """`history.metrics[m]` is counted in the unit of the target whose metric is m (a count of
        customers is not 万元): its amount strings are read in that unit, else in the plan's."""
        if not isinstance(data, dict) or not isinstance(data.get("history"), dict):
            return data
        metrics = data["history"].get("metrics")
        targets = data.get("targets")
        if not isinstance(metrics, dict) or not isinstance(targets, list):
            return data
        units = {
            t.get("metric"): t["unit"]
            for t in targets
            if isinstance(t, dict) and isinstance(t.get("unit"), str) and isinstance(t.get("metric"), str)
        }
        plan_unit = (info.context or {}).get("unit")
        scaled = {
            name: _scale_tree(values, units.get(name, plan_unit)) if isinstance(name, str) else values
            for name, values in metrics.items()
        }
        return {**data, "history": {**data["history"], "metrics": scaled}}

    def target_unit(self, target: Target) -> str:
        return target.unit or self.plan.unit

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.team.people if p.id == person_id), None)
