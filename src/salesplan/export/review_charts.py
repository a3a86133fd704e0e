"""The review's pictures: 达成率 by region and by rep against the 100% line, and each target's burn-up.

Only targets whose parts add up (not rates) are drawn. A part that appears under several parents
(a rep selling two products) is counted once, its targets and actuals summed, its achievement the
sum's ratio. The burn-up is the plan and the actuals summed over the time parts in order, each
point the total up to and including that part.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from salesplan.export import words
from salesplan.export.model import Chart, ChartSeries
from salesplan.i18n import _
from salesplan.model.words import level_word
from salesplan.periods import TIME_KINDS

if TYPE_CHECKING:
    from salesplan.review.engine import Review, TargetReview

_HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")
_CHART_LEVELS = ("region", "rep")


def _summed(target: TargetReview, level: str) -> dict[str, tuple[str, Decimal, Decimal]]:
    """Each part of `level`: its label, summed target and summed actual."""
    parts: dict[str, tuple[str, Decimal, Decimal]] = {}
    for row in target.rows:
        if row.level == level and row.part is not None:
            label, planned, actual = parts.get(row.part, (row.label, Decimal(0), Decimal(0)))
            parts[row.part] = (label, planned + row.target, actual + row.actual)
    return parts


def achievement_chart(target: TargetReview, level: str, lang: str) -> Chart | None:
    parts = [(label, p, a) for label, p, a in _summed(target, level).values() if p != 0]
    if not parts:
        return None
    rates = tuple((a * _HUNDRED / p).quantize(_TENTH, rounding=ROUND_HALF_UP) for _, p, a in parts)
    name = words.headers("review", lang)[4]
    title = _("{target} achievement by {level}", target=target.target_id, level=level_word(level, lang))
    return Chart(
        "bar",
        title.render(lang),
        tuple(label for label, _p, _a in parts),
        (ChartSeries(name, rates),),
        "%",
        line_at=_HUNDRED,
    )


def burnup_chart(target: TargetReview, lang: str) -> Chart | None:
    times = [level for level in TIME_KINDS if any(r.level == level for r in target.rows)]
    if not times:
        return None
    finest = min(times, key=lambda level: ("week", "month", "quarter").index(level))
    parts = _summed(target, finest)
    order = sorted(parts)
    planned = actual = Decimal(0)
    plan_points: list[Decimal] = []
    actual_points: list[Decimal] = []
    for part in order:
        _label, p, a = parts[part]
        planned, actual = planned + p, actual + a
        plan_points.append(planned)
        actual_points.append(actual)
    title = _("{target} burn-up (actual against plan)", target=target.target_id).render(lang)
    series = (
        ChartSeries(words.PLANNED.render(lang), tuple(plan_points)),
        ChartSeries(words.ACTUAL.render(lang), tuple(actual_points)),
    )
    return Chart("line", title, tuple(order), series, target.unit)


def review_charts(review: Review, lang: str) -> tuple[Chart, ...]:
    """Per target that sums: achievement by region and by rep, then its burn-up."""
    charts: list[Chart] = []
    for target in review.targets:
        if target.is_rate:
            continue
        made = [achievement_chart(target, level, lang) for level in _CHART_LEVELS]
        made.append(burnup_chart(target, lang))
        charts += [chart for chart in made if chart is not None]
    return tuple(charts)
