"""The metrics of a plan's derived KPIs (`formula:` on a target): which target measures a metric, and the
names formulas use that no target measures (the actuals record those under their own name)."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import _
from salesplan.loader.validate import did_you_mean, suggestion
from salesplan.model.formula import Formula, parse
from salesplan.model.values import is_money_unit, unit_multiplier

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.model.plan import Plan
    from salesplan.review.rows import ActualRow


def formulas_of(plan: Plan) -> dict[str, Formula]:
    """Target id -> its parsed formula (a formula that does not parse has its loader finding, SP035)."""
    out: dict[str, Formula] = {}
    for target in plan.targets:
        if target.formula is not None:
            parsed = parse(target.formula)
            if isinstance(parsed, Formula):
                out[target.id] = parsed
    return out


def measured_by(plan: Plan) -> dict[str, str]:
    """Metric -> the id of the first target that measures it (`metric:`)."""
    out: dict[str, str] = {}
    for target in plan.targets:
        if target.metric:
            out.setdefault(target.metric, target.id)
    return out


def unmeasured_names(plan: Plan) -> list[str]:
    """The names formulas use that no target measures: only the actuals can record them (in order)."""
    metrics = measured_by(plan)
    found: dict[str, None] = {}
    for formula in formulas_of(plan).values():
        for name in formula.names():
            if name not in metrics:
                found.setdefault(name)
    return list(found)


def metric_index(plan: Plan) -> dict[str, str]:
    """What a row's target/指标 cell may name besides a target's id or name: a metric only one target
    measures (-> that target's id), and a metric a formula uses that no target measures (-> itself)."""
    measured: dict[str, list[str]] = {}
    for target in plan.targets:
        if target.metric:
            measured.setdefault(target.metric, []).append(target.id)
    out = {metric: ids[0] for metric, ids in measured.items() if len(ids) == 1}
    for name in unmeasured_names(plan):
        out.setdefault(name, name)
    return out


def with_bases(plan: Plan, target_ids: list[str] | None) -> list[str] | None:
    """`target_ids` (None: all) and, after them, the targets measuring a metric their formulas name."""
    if target_ids is None:
        return None
    formulas, metrics = formulas_of(plan), measured_by(plan)
    out = dict.fromkeys(target_ids)
    todo = [t for t in target_ids if t in formulas]
    while todo:
        for name in formulas[todo.pop()].names():
            base = metrics.get(name)
            if base is not None and base not in out:
                out[base] = None
                todo += [base] if base in formulas else []
    return list(out)


def money_unit(plan: Plan, derived_unit: str) -> str:
    """The unit a derived KPI's money metrics are taken in: its own when counted in money, else the plan's."""
    return derived_unit if derived_unit != "%" and is_money_unit(derived_unit) else plan.plan.unit


def scale(unit: str, into: str) -> Fraction:
    """What a value in `unit` is multiplied by to be counted in `into`: money converts (万元 into 元: 10000),
    anything else (单, 家, %) is taken as it is."""
    if unit == "%" or not is_money_unit(unit):
        return Fraction(1)
    return Fraction(unit_multiplier(unit), unit_multiplier(into))


def unknown_metrics(loaded: LoadedPlan, rows: Iterable[ActualRow]) -> list[Diagnostic]:
    """SP069 (a warning) at each formula naming a metric that no target measures and no row records."""
    plan = loaded.plan
    if plan is None:
        return []
    unmeasured = unmeasured_names(plan)
    if not unmeasured:
        return []
    recorded = {row.target for row in rows}
    known = sorted({*measured_by(plan), *(m for m in unmeasured if m in recorded)})
    index = {t.id: i for i, t in enumerate(plan.targets)}
    out: list[Diagnostic] = []
    for ident, formula in formulas_of(plan).items():
        for name in formula.names():
            if name in known or name in recorded:
                continue
            path = ("targets", index[ident], "formula")
            ref = loaded.source.ref(path)
            message = _(
                "the formula of target '{id}' names '{metric}', which no target measures and no actuals row "
                "records{suggestion}",
                id=ident,
                metric=name,
                suggestion=suggestion(did_you_mean(name, known)),
            )
            hint = _("record the metric in the actuals (its name in the target column), or correct the formula")
            where = SourceRef(loaded.file, ref.line, ref.col)
            out.append(codes.diagnostic(codes.FORMULA_UNKNOWN_METRIC, where, message, path=path, hint=hint))
    return out
