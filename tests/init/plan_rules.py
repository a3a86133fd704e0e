"""What the brief asks of a starting plan beyond loading: SMART targets, consistent tasks and budgets.

`lint` is being written alongside init; this is the list init's plans are held to until then,
returned as readable problems (an empty list means the plan passes).
"""

from __future__ import annotations

from decimal import Decimal

from salesplan.model.plan import Plan, SplitLevel, Target

GROWTH_LIMIT = Decimal("0.5")
VALID_BY = {"region", "product", "rep", "quarter", "month", "week"}
VALID_METHODS = {"even", "weights", "explicit", "history", "capacity", "workdays"}


def problems(plan: Plan) -> list[str]:
    return _targets(plan) + _strategies_and_tasks(plan) + _budget(plan) + _risks(plan)


def _targets(plan: Plan) -> list[str]:
    out: list[str] = []
    people = {p.id for p in plan.team.people}
    strategies = {s.id for s in plan.strategies}
    period = plan.plan.period
    capacity = sum((p.capacity or Decimal(0) for p in plan.team.people if p.role == "rep"), Decimal(0))
    revenue = Decimal(0)
    for t in plan.targets:
        where = f"target {t.id}"
        for field in ("name", "kind", "dimension", "metric", "deadline", "owner", "scope", "path"):
            if getattr(t, field) in (None, ""):
                out.append(f"{where}: no {field}")
        if not plan.target_unit(t):
            out.append(f"{where}: no unit")
        if t.baseline is None or t.baseline <= 0:
            out.append(f"{where}: no positive baseline")
        elif not Decimal(0) < (t.value - t.baseline) / t.baseline <= GROWTH_LIMIT:
            out.append(f"{where}: growth {t.value}/{t.baseline} outside (0, 50%]")
        if t.deadline is not None and not period.start <= t.deadline <= period.end:
            out.append(f"{where}: deadline {t.deadline} outside the period")
        if t.owner not in people:
            out.append(f"{where}: owner {t.owner} is not a person")
        if t.scope is not None and not (t.scope.regions or t.scope.products):
            out.append(f"{where}: scope names no region or product")
        if not t.strategies or not set(t.strategies) <= strategies:
            out.append(f"{where}: strategies {t.strategies} missing or unknown")
        out += _split(plan, t)
        if t.metric == "revenue":
            revenue += t.value
            out += _capacity(plan, t)
    if revenue > capacity:
        out.append(f"revenue targets {revenue} exceed the reps' capacity {capacity}")
    return out


def _capacity(plan: Plan, t: Target) -> list[str]:
    regions = set(t.scope.regions) if t.scope else set()
    reps = [p for p in plan.team.people if p.role == "rep" and (not regions or p.region in regions)]
    period = plan.plan.period
    total_days = Decimal((period.end - period.start).days + 1)
    available = Decimal(0)
    for rep in reps:
        start = max(rep.start or period.start, period.start)
        end = min(rep.end or period.end, period.end)
        available += (rep.capacity or Decimal(0)) * Decimal(max((end - start).days + 1, 0)) / total_days
    if t.value > available:
        return [f"target {t.id}: {t.value} over the prorated capacity {available:.1f} of its reps"]
    return []


def _split(plan: Plan, t: Target) -> list[str]:
    out: list[str] = []
    for i, level in enumerate(t.split):
        where = f"target {t.id} split[{i}]"
        by = level.by if isinstance(level.by, list) else [level.by]
        if not set(by) <= VALID_BY or level.method not in VALID_METHODS:
            out.append(f"{where}: invalid level {level.by}/{level.method}")
        if level.method == "explicit":
            out += _explicit(plan, t, level, i, where)
        if level.method == "weights" and not level.weights:
            out.append(f"{where}: weights missing")
        if level.method == "history" and (plan.history is None or not plan.history.revenue):
            out.append(f"{where}: history split without history")
        if "week" in by and level.method not in ("workdays", "even"):
            out.append(f"{where}: weeks split by {level.method}")
    return out


def _explicit(plan: Plan, t: Target, level: SplitLevel, index: int, where: str) -> list[str]:
    values = level.values or {}
    out = [] if index == 0 else [f"{where}: explicit below the first level"]
    if sum(values.values(), Decimal(0)) != t.value:
        out.append(f"{where}: explicit values add up to {sum(values.values())}, not {t.value}")
    return out


def _strategies_and_tasks(plan: Plan) -> list[str]:
    out: list[str] = []
    people = {p.id for p in plan.team.people}
    period = plan.plan.period
    tasks = {k.id: k for k in plan.tasks}
    for s in plan.strategies:
        own = [k for k in plan.tasks if k.strategy == s.id]
        if not own:
            out.append(f"strategy {s.id}: no task")
        if s.owner not in people or s.budget is None or s.module is None or not s.measures:
            out.append(f"strategy {s.id}: owner, budget, module or measures missing")
        spent = sum((k.budget or Decimal(0) for k in own), Decimal(0))
        if s.budget is not None and spent > s.budget:
            out.append(f"strategy {s.id}: tasks spend {spent} over its budget {s.budget}")
    for k in plan.tasks:
        where = f"task {k.id}"
        if k.strategy is None or k.owner not in people or not k.deliverable or k.budget is None:
            out.append(f"{where}: strategy, owner, deliverable or budget missing")
        if not period.start <= k.start <= k.end <= period.end:
            out.append(f"{where}: {k.start}..{k.end} not ordered inside the period")
        for dep in k.depends_on:
            if dep not in tasks:
                out.append(f"{where}: unknown dependency {dep}")
            elif k.start <= tasks[dep].end:
                out.append(f"{where}: starts {k.start}, not after {dep} ends {tasks[dep].end}")
    return out


def _budget(plan: Plan) -> list[str]:
    if plan.budget is None or plan.budget.total is None:
        return ["no budget total"]
    total, allocation = plan.budget.total, plan.budget.allocation
    out = [] if sum(allocation.values()) <= 100 else [f"allocation adds up to {sum(allocation.values())}%"]
    for module in {s.module for s in plan.strategies}:
        spent = sum((s.budget or Decimal(0) for s in plan.strategies if s.module == module), Decimal(0))
        cap = allocation.get(module or "", Decimal(0)) * total / 100
        if spent > cap:
            out.append(f"module {module}: strategies budget {spent} over its allocation {cap}")
    return out


def _risks(plan: Plan) -> list[str]:
    people = {p.id for p in plan.team.people}
    fields = ("category", "description", "response", "trigger")
    return [
        f"risk {r.id}: incomplete"
        for r in plan.risks
        if any(not getattr(r, f) for f in fields) or r.owner not in people
    ]
