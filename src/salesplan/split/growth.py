"""同比 (year-on-year growth): a target, or a part of its breakdown, against the comparable history.

growth = value / history - 1, an exact Fraction, shown as a signed percent to a tenth (`+20.0%`).

Which history is comparable: `history.metrics[<metric>]` for a target whose metric has one, else
`history.revenue` (and `history.by_month`) for a revenue target (metric revenue, sales or gmv) in a
money unit; revenue history is in the plan's unit and is converted to the target's. Other targets
have no comparable history, and no growth is shown for them.

A node's history is looked up by its coordinates ({level: part} from the outermost level in):
- regions: the node's region, else every region of the target's scope;
- products: the node's product, else every product of the scope (a region's row without products
  counts only when no product is asked for);
- a time part (month, quarter, week): the same month, quarter (else its three months) or ISO week
  of `history.by_month` within `history.period`, of the row of the nearest enclosing region,
  product, channel or account that has one (`row_kinds`) when the node lies in that part alone (a
  product's row is the whole product's: under a region too it is not the node's history, no
  growth), else of the region's row (or the team's one row, which is the whole team's: a node of
  some regions only, or a target scoped to some, has none); a part cut by the plan period counts
  its share of the part's days, like `method: history`. Without a time part the history is the
  whole of `history.revenue` (or, without it, of `history.by_month`);
- a channel, account or tier without a time part: its own row of `history.by_channel`,
  `by_account` or `by_tier` (a tier without `by_tier`: its accounts' rows), for a revenue target
  (`salesplan.split.growth_parts` says when the row is the node's whole history);
- a rep (or any other level) has no history of its own: no growth.
Anything missing (a region without a row, a month the history lacks, a history of 0) gives no
growth, never a guess, and so does a `history.period` that is not the plan period whole years earlier
(shorter, longer or shifted: `same_span`); the split's own diagnostics say what is missing where a split needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan.model.values import REVENUE_METRICS, is_money_unit, unit_multiplier
from salesplan.periods import part_of_id
from salesplan.split.growth_parts import CUSTOMER_LEVELS, PartHistory, part_history

if TYPE_CHECKING:
    from salesplan.model.plan import Plan, Target

_TENTH = Decimal("0.1")
_TIME = ("quarter", "month", "week")
ROW_KINDS = ("region", "product", "channel", "account")  # the parts a row of `history.by_month` may name
Table = Mapping[str, Decimal | Mapping[str, Decimal]]


def history_key(key: str) -> tuple[str, int, dt.date, dt.date] | None:
    """A key of `history.by_month`: (kind, number in the year, first day, last day) of a month
    (`2025-07`), quarter (`2025-Q3`) or ISO week (`2025-W27`); None for any other key."""
    found = part_of_id(key)
    if found is None:
        return None
    kind, start, end = found
    if kind == "week":
        return kind, start.isocalendar().week, start, end
    return kind, (start.month - 1) // 3 + 1 if kind == "quarter" else start.month, start, end


def row_kinds(plan: Plan) -> dict[str, str]:
    """The rows of `history.by_month`: row key -> the kind of part it names (region, product, channel
    or account; the loader refuses a key that names none or more than one, SP031). Empty for one row."""
    history = plan.history
    if history is None:
        return {}
    team = plan.team
    ids = {
        "region": {r.id for r in team.regions},
        "product": {p.id for p in team.products},
        "channel": {c.id for c in team.channels},
        "account": {a.id for a in team.accounts},
    }
    return {
        key: next((kind for kind in ROW_KINDS if key in ids[kind]), "region")
        for key, value in history.by_month.items()
        if isinstance(value, dict)
    }


def growth_text(growth: Fraction) -> str:
    """A growth as a signed percent to a tenth, half up: `+20.0%`, `-4.5%`, `0.0%`."""
    points = growth * 100
    shown = (Decimal(points.numerator) / Decimal(points.denominator)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    if shown == 0:
        return "0.0%"
    return f"+{shown}%" if shown > 0 else f"{shown}%"


def growth_of(value: Decimal | Fraction | int, history: Fraction | None) -> Fraction | None:
    """value / history - 1, exactly; None without a positive history."""
    if history is None or history <= 0:
        return None
    return Fraction(value) / history - 1


def _is_revenue(metric: str | None) -> bool:
    return metric is not None and any(word in metric.lower() for word in REVENUE_METRICS)


@dataclass
class Comparable:
    """The comparable history of one target, in the target's unit, by a node's coordinates."""

    table: Table
    months: Mapping[str, object]
    scale: Fraction
    regions: list[str]
    products: list[str]
    period: tuple[dt.date, dt.date]
    history_period: tuple[dt.date, dt.date] | None
    rows: Mapping[str, str] = field(default_factory=dict)  # row_kinds
    team_regions: frozenset[str] = frozenset()  # whose months the team's one row of `history.by_month` is
    parts: PartHistory | None = None  # the channel, account and tier rows (a revenue target's)
    _cache: dict[tuple[tuple[str, str], ...], Fraction | None] = field(default_factory=dict, repr=False)

    def history(self, coords: Mapping[str, str]) -> Fraction | None:
        """The comparable history of the node at `coords`, or None when there is none."""
        key = tuple(coords.items())
        if key in self._cache:
            return self._cache[key]
        found = self._cache[key] = self._lookup(coords)
        return found

    def growth(self, coords: Mapping[str, str], value: Decimal) -> Fraction | None:
        return growth_of(value, self.history(coords))

    def _lookup(self, coords: Mapping[str, str]) -> Fraction | None:
        time = next((level for level in _TIME if level in coords), None)
        if time is None and any(level in coords for level in CUSTOMER_LEVELS):
            found = self.parts.history(coords) if self.parts is not None else None
            return found * self.scale if found is not None else None
        if any(level not in (*ROW_KINDS, *_TIME) for level in coords):
            return None
        regions = [coords["region"]] if "region" in coords else self.regions
        if time is not None:
            owner = next(
                (level for level in reversed(list(coords)) if self.rows.get(coords[level]) == level),
                None,
            )
            if owner is not None:  # the part's own row, when the node lies in that part alone
                if any(level != owner and level not in _TIME for level in coords):
                    return None
                row = self.months[coords[owner]]
                return self._sum([row] if isinstance(row, dict) else [], coords[time])
            if any(level in coords for level in ROW_KINDS[1:]):
                return None
            return self._months(regions, coords[time])
        if self.table:
            return self._revenue(regions, coords.get("product"))
        if self.months and "product" not in coords:
            return self._months(regions, None)
        return None

    def _revenue(self, regions: list[str], product: str | None) -> Fraction | None:
        total = Fraction(0)
        for region in regions:
            row = self.table.get(region)
            if row is None:
                return None
            if isinstance(row, Decimal):
                if product is not None:
                    return None
                total += Fraction(row)
                continue
            for name in [product] if product is not None else self.products or list(row):
                if name not in row:
                    return None
                total += Fraction(row[name])
        return total * self.scale

    def _months(self, regions: list[str], part: str | None) -> Fraction | None:
        """The same month, quarter or week of the comparable period in `history.by_month` (a quarter
        without its own key: its three months; part None: every month, else quarter, else week), summed
        over the rows."""
        rows: list[Mapping[str, object]]
        if any(isinstance(v, dict) for v in self.months.values()):
            picked = [self.months.get(region) for region in regions]
            if not all(isinstance(row, dict) for row in picked):
                return None
            rows = [row for row in picked if isinstance(row, dict)]
        elif self.team_regions - set(regions):
            return None  # the team's one row is the whole team's months: never a region's, nor a scope's of some
        else:
            rows = [self.months]
        return self._sum(rows, part)

    def _sum(self, rows: list[Mapping[str, object]], part: str | None) -> Fraction | None:
        """`part` (None: the whole comparable period) summed over `rows`, None where a row lacks it."""
        if not rows:
            return None
        found = history_key(part) if part is not None else None
        if part is not None and found is None:
            return None
        share = Fraction(1)
        if found is not None:
            lo, hi = max(found[2], self.period[0]), min(found[3], self.period[1])
            if lo > hi:
                return None
            share = Fraction((hi - lo).days + 1, (found[3] - found[2]).days + 1)
        total = Fraction(0)
        for row in rows:
            parsed: dict[tuple[str, int], list[Fraction]] = {}
            for key, value in row.items():
                known = history_key(key)
                if known is None or not isinstance(value, Decimal):
                    return None
                if self._within(known[2], known[3]):
                    parsed.setdefault((known[0], known[1]), []).append(Fraction(value))
            if found is None:  # the whole comparable period
                kinds = [kind for kind in ("month", "quarter", "week") if any(k == kind for k, _n in parsed)]
                total += sum((v for (k, _n), vs in parsed.items() if kinds and k == kinds[0] for v in vs), Fraction(0))
                continue
            keys = [(found[0], found[1])]
            if found[0] == "quarter" and keys[0] not in parsed:
                keys = [("month", month) for month in range(found[1] * 3 - 2, found[1] * 3 + 1)]
            for wanted in keys:
                values = parsed.get(wanted, [])
                if len(values) != 1:
                    return None  # missing, or two years of it: not one comparable period
                total += values[0]
        return total * share * self.scale

    def _within(self, start: dt.date, end: dt.date) -> bool:
        if self.history_period is None:
            return True
        return start <= self.history_period[1] and end >= self.history_period[0]


def _years_between(earlier: dt.date, later: dt.date) -> int | None:
    """Whole years from `earlier` to `later` when they are the same day of the year (a month's last
    day matching a month's last day, for 29 February), else None."""
    if earlier.month != later.month:
        return None
    last = (earlier + dt.timedelta(days=1)).month != earlier.month and (
        later + dt.timedelta(days=1)
    ).month != later.month
    return later.year - earlier.year if earlier.day == later.day or last else None


def same_span(plan: Plan) -> bool:
    """Whether `history.period` is the plan period whole years earlier (or is not given: the history is
    then taken as the comparable period, as its section says). A shorter, longer or shifted history is
    not comparable: no 同比 is computed from it, and SP103 says so."""
    history = plan.history
    if history is None or history.period is None:
        return True
    period = plan.plan.period
    years = _years_between(history.period.start, period.start)
    return years is not None and years > 0 and years == _years_between(history.period.end, period.end)


def comparable(plan: Plan, target: Target, *, any_span: bool = False) -> Comparable | None:
    """The target's comparable history, None when it has none (see the module docstring); with
    `any_span`, also when `history.period` is not the plan's (`same_span`)."""
    history = plan.history
    if history is None or not (any_span or same_span(plan)):
        return None
    unit = plan.target_unit(target)
    metric = target.metric or ""
    table: Table
    months: Mapping[str, object] = {}
    parts = None
    if metric in history.metrics:
        table, scale = history.metrics[metric], Fraction(1)
    elif _is_revenue(target.metric) and is_money_unit(unit):
        table, months, parts = history.revenue, history.by_month, part_history(plan, target)
        if not (table or months or parts):
            return None
        scale = Fraction(unit_multiplier(plan.plan.unit), unit_multiplier(unit))
    else:
        return None
    scope = target.scope
    regions = list(scope.regions) if scope and scope.regions else [r.id for r in plan.team.regions]
    products = list(scope.products) if scope and scope.products else [p.id for p in plan.team.products]
    if not regions:
        regions = list(table) or [key for key, row in months.items() if isinstance(row, dict)]
    period = plan.plan.period
    return Comparable(
        table=table,
        months=months,
        scale=scale,
        regions=regions,
        products=products,
        period=(period.start, period.end),
        history_period=(history.period.start, history.period.end) if history.period else None,
        rows=row_kinds(plan) if months else {},
        parts=parts,
        team_regions=frozenset(r.id for r in plan.team.regions),
    )


def target_growth(plan: Plan, target: Target) -> tuple[Fraction, Fraction] | None:
    """(history, growth) of a whole target against its comparable history, None without one."""
    found = comparable(plan, target)
    history = found.history({}) if found is not None else None
    growth = growth_of(target.value, history)
    return (history, growth) if history is not None and growth is not None else None
