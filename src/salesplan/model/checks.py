"""Checks every loaded plan must pass: unique ids, resolvable references, sane numbers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.loader.yamltree import Path_, SourceMap
from salesplan.model.plan import Plan

_KINDS = {"regions": "region", "products": "product", "people": "person", "accounts": "account"}


def _diag(
    source: SourceMap, code: str, path: Path_, message: str, message_zh: str, hint: str | None = None
) -> Diagnostic:
    return codes.loader_error(code, source.ref(path), message, message_zh, path, hint)


def _duplicates(source: SourceMap, base: Path_, ids: Iterable[str], kind: str) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident in first:
            line = source.ref((*base, first[ident], "id")).line
            yield _diag(
                source,
                codes.DUPLICATE_ID,
                (*base, i, "id"),
                f"duplicate {kind} id '{ident}' (first defined at line {line})",
                f"{kind} id '{ident}' 重复（首次定义于第 {line} 行）",
            )
        else:
            first[ident] = i


def _unresolved(
    source: SourceMap, path: Path_, ref: str | None, known: set[str] | dict[str, object], kind: str
) -> Iterator[Diagnostic]:
    if ref is None or ref in known:
        return
    from salesplan.loader.validate import did_you_mean

    guess = did_you_mean(ref, sorted(known))
    suffix = f"; did you mean '{guess}'?" if guess else ""
    suffix_zh = f"；是否应为 '{guess}'？" if guess else ""
    yield _diag(
        source,
        codes.UNRESOLVED_REFERENCE,
        path,
        f"unknown {kind} '{ref}'{suffix}",
        f"引用了不存在的{_ZH_KIND.get(kind, kind)} '{ref}'{suffix_zh}",
    )


_ZH_KIND = {
    "person": "人员",
    "region": "区域",
    "product": "产品",
    "strategy": "策略",
    "task": "任务",
    "account": "客户",
}


def check_plan(plan: Plan, source: SourceMap) -> list[Diagnostic]:
    """Unique ids per kind and every reference resolved; returned sorted by position."""
    out: list[Diagnostic] = []
    team = plan.team
    for field, kind in _KINDS.items():
        out += _duplicates(source, ("team", field), (x.id for x in getattr(team, field)), kind)
    for field, kind in (("targets", "target"), ("strategies", "strategy"), ("risks", "risk"), ("tasks", "task")):
        out += _duplicates(source, (field,), (x.id for x in getattr(plan, field)), kind)

    people = {p.id for p in team.people}
    regions = {r.id for r in team.regions}
    products = {p.id for p in team.products}
    accounts = {a.id for a in team.accounts}
    strategies = {s.id for s in plan.strategies}
    tasks = {t.id for t in plan.tasks}

    out += _unresolved(source, ("plan", "owner"), plan.plan.owner, people, "person")
    for i, person in enumerate(team.people):
        out += _unresolved(source, ("team", "people", i, "region"), person.region, regions, "region")
        if person.start and person.end and person.end < person.start:
            out.append(
                _diag(
                    source,
                    codes.PERIOD_ORDER,
                    ("team", "people", i, "end"),
                    f"person '{person.id}' ends ({person.end}) before starting ({person.start})",
                    f"人员 '{person.id}' 的结束日期早于开始日期",
                )
            )
    for i, account in enumerate(team.accounts):
        out += _unresolved(source, ("team", "accounts", i, "region"), account.region, regions, "region")
        out += _unresolved(source, ("team", "accounts", i, "owner"), account.owner, people, "person")
    if plan.history is not None:
        for region, row in plan.history.revenue.items():
            out += _unresolved(source, ("history", "revenue", region), region, regions, "region")
            if isinstance(row, dict):
                for product in row:
                    out += _unresolved(source, ("history", "revenue", region, product), product, products, "product")
    for i, target in enumerate(plan.targets):
        base: Path_ = ("targets", i)
        out += _unresolved(source, (*base, "owner"), target.owner, people, "person")
        for j, sid in enumerate(target.strategies):
            out += _unresolved(source, (*base, "strategies", j), sid, strategies, "strategy")
        if target.scope is not None:
            for j, rid in enumerate(target.scope.regions):
                out += _unresolved(source, (*base, "scope", "regions", j), rid, regions, "region")
            for j, pid in enumerate(target.scope.products):
                out += _unresolved(source, (*base, "scope", "products", j), pid, products, "product")
            for j, aid in enumerate(target.scope.accounts):
                out += _unresolved(source, (*base, "scope", "accounts", j), aid, accounts, "account")
        for key in ("value", "baseline"):
            number = getattr(target, key)
            if number is not None and number < 0:
                out.append(
                    _diag(
                        source,
                        codes.NEGATIVE_VALUE,
                        (*base, key),
                        f"target '{target.id}' {key} is negative ({number})",
                        f"目标 '{target.id}' 的{'目标值' if key == 'value' else '基线'}为负数（{number}）",
                    )
                )
        if target.granularity is not None and target.granularity <= 0:
            out.append(
                _diag(
                    source,
                    codes.NEGATIVE_VALUE,
                    (*base, "granularity"),
                    f"target '{target.id}' granularity must be greater than 0",
                    f"目标 '{target.id}' 的拆解粒度必须大于 0",
                )
            )
    for i, strategy in enumerate(plan.strategies):
        out += _unresolved(source, ("strategies", i, "owner"), strategy.owner, people, "person")
    for i, risk in enumerate(plan.risks):
        out += _unresolved(source, ("risks", i, "owner"), risk.owner, people, "person")
    for i, task in enumerate(plan.tasks):
        out += _unresolved(source, ("tasks", i, "owner"), task.owner, people, "person")
        out += _unresolved(source, ("tasks", i, "strategy"), task.strategy, strategies, "strategy")
        for j, dep in enumerate(task.depends_on):
            out += _unresolved(source, ("tasks", i, "depends_on", j), dep, tasks, "task")
    period = plan.plan.period
    if period.end < period.start:
        out.append(
            _diag(
                source,
                codes.PERIOD_ORDER,
                ("plan", "period", "end"),
                f"plan period ends ({period.end}) before it starts ({period.start})",
                "计划周期的结束日期早于开始日期",
            )
        )
    return sorted(out, key=Diagnostic.sort_key)
