"""A derived KPI's target should be what its formula gives over the other targets' values.

A target with `formula:` (客单价 = revenue / orders) states its own `value:`; when every metric the
formula names is measured by a target of the plan, the formula over those targets' values is what
the plan already implies. Revenue 500万 over 250 orders is 2万 an order: a 客单价 target of 3万 asks
for something the revenue and orders targets do not add up to, and one of the three is wrong.

The formula's value is compared at the precision the target is written with (18% against
18.18…%: equal; 2 against 2.4: not), money converted as review converts it (10万 of revenue over
5 orders is 2万元, or 20000 in a 元 target). A formula naming a metric no target measures, or
dividing by a target of 0, is not judged.

Failing example::

    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: T4, metric: orders, value: 250, unit: 单}
      - {id: K1, metric: average_order_value, value: 3, formula: revenue / orders}

Passing example::

    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: T4, metric: orders, value: 250, unit: 单}
      - {id: K1, metric: average_order_value, value: 2, formula: revenue / orders}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from salesplan.i18n import _
from salesplan.model.formula import Missing, ZeroBase
from salesplan.numbers import plain
from salesplan.review.metrics import formulas_of, measured_by, money_unit, scale
from salesplan.rules.base import Context, Finding

CODE = "SP106"
NAME = "formula-value-mismatch"
SEVERITY = "warning"
SUMMARY = "A derived KPI's value agrees with its formula over the other targets' values."


def check(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    metrics = measured_by(plan)
    targets = {t.id: t for t in plan.targets}
    formulas = formulas_of(plan)
    for i, target in enumerate(plan.targets):
        formula = formulas.get(target.id)
        if formula is None:
            continue
        unit = plan.target_unit(target)
        into = money_unit(plan, unit)
        values: dict[str, Fraction | None] = {}
        for name in formula.names():
            base = targets.get(metrics.get(name, ""))
            if base is None or base.id == target.id:
                values[name] = None
            else:
                values[name] = Fraction(base.value) * scale(plan.target_unit(base), into)
        found = formula.value(values)
        if isinstance(found, (Missing, ZeroBase)):
            continue
        implied = found * 100 if unit == "%" else found
        stated = Decimal(target.value)
        places = Decimal(1).scaleb(min(stated.as_tuple().exponent, 0))  # type: ignore[arg-type]
        shown = (Decimal(implied.numerator) / Decimal(implied.denominator)).quantize(places, ROUND_HALF_UP)
        if shown == stated:
            continue
        yield Finding(
            ("targets", i, "value"),
            _(
                "target '{id}' is {value}{unit}, but its formula {formula} over the targets' values gives {implied}{unit}",  # noqa: E501
                id=target.id,
                value=plain(stated),
                unit=unit,
                formula=formula.text,
                implied=plain(shown),
            ),
            _("change the value, or the targets the formula names, so that they agree"),
        )
