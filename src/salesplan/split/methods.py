"""The parts of a level at one node, and their weights by the level's method.

Rules (documented for users in `salesplan.split.engine`):
- region parts: the target's scope (else the team's regions); under a rep, only the rep's region.
- rep parts: people with role rep in the node's region (else in the target's scope).
- time parts: the calendar parts that cover the node's window, clipped to it.
- a rep carries nothing outside the days they are active (`start`/`end`): at a rep level, a rep not
  active at all in the node's window gets weight 0; at a time level under a rep, each part's
  weight is multiplied by the share of its days the rep is active (so 3:3:4 over Jul–Sep becomes
  0:3:4 for a rep starting 1 August).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.i18n import Message, _
from salesplan.model.words import dimension
from salesplan.split.basis_text import percent_text
from salesplan.split.capacity_time import ramp_factors, ramp_key
from salesplan.split.customers import CUSTOMER_DIMS, customer_history, customer_parts, product_row
from salesplan.split.env import (
    ACCOUNT,
    CHANNEL,
    END,
    PRODUCT,
    REGION,
    REP,
    START,
    TIER,
    Ctx,
    SplitProblem,
    TargetEnv,
    describe,
    show,
)
from salesplan.split.held import hold
from salesplan.split.levels import Level
from salesplan.split.result import Basis
from salesplan.split.rounding import scaled_weights
from salesplan.split.seasonal import history_source, keep_rows, row_name, seasonal_weights, source_places
from salesplan.split.shares import Shares
from salesplan.split.timeparts import TimePart, days_between, overlap, time_parts


def shares_keys(env: TargetEnv, level: Level) -> Callable[[Ctx], Hashable]:
    """What a level's shares depend on, as a function of a node's ctx: nodes with the same key share
    them (and their cache entry). Built once a level, so that a node pays for a tuple, not for the
    level's case analysis."""
    dim = level.dim
    if dim == "region":
        return lambda ctx: (ctx[REP], ctx[PRODUCT], ctx[REGION])
    if dim == "product":
        return lambda ctx: (ctx[REGION] or env.rep_region(ctx[REP]), ctx[CHANNEL], ctx[ACCOUNT], ctx[TIER])
    if dim in CUSTOMER_DIMS:
        return lambda ctx: (ctx[REGION], ctx[PRODUCT], ctx[REP], ctx[CHANNEL], ctx[ACCOUNT], ctx[TIER])
    if dim == "rep":
        return lambda ctx: (ctx[REGION], ctx[START], ctx[END])
    return _time_keys(env, level)


def _time_keys(env: TargetEnv, level: Level) -> Callable[[Ctx], Hashable]:
    """A time level's key: the node's window, and what its rep (active days, ramp), region (a holiday
    calendar, a row of months) and, for `method: history`, the outer parts that may own a row of
    months bring; the latter found once for each such rep, region and parts."""
    index = level.index
    if level.method == "workdays":  # a region may count another holiday calendar's days

        def extra(ctx: Ctx) -> Hashable:
            return env.calendar(ctx[REGION] or env.rep_region(ctx[REP])).code

    elif level.method == "history":  # a region, product, channel or account may have its own row of months

        def extra(ctx: Ctx) -> Hashable:
            return history_source(env, index, ctx)

    else:

        def extra(ctx: Ctx) -> Hashable:
            return None

    places = source_places(env, index) if level.method == "history" else ()
    known: dict[Hashable, Hashable] = {}

    def key(ctx: Ctx) -> Hashable:
        rep = ctx[REP]
        who = (ctx[REGION], rep, *[ctx[place] for place in places]) if places else (ctx[REGION], rep)
        found = known.get(who)
        if found is None:
            found = known[who] = (env.active(rep) if rep is not None else None, ramp_key(env, rep), extra(ctx))
        return (ctx[START], ctx[END], found)

    return key


def compute_parts(env: TargetEnv, level: Level, ctx: Ctx) -> list[str]:
    universe = level.universe[level.dim]
    if level.dim in CUSTOMER_DIMS or (level.dim == "region" and ctx[ACCOUNT] is not None):
        return customer_parts(env, level, ctx)  # under an account, a region level has the account's region
    if level.dim == "region" and ctx[REP] is not None:
        home = env.rep_region(ctx[REP])
        if home is None:
            return universe
        return [home] if level.holds("region", home) else []
    if level.dim == "rep" and ctx[REGION] is not None:
        parts = level.reps_in(ctx[REGION], env)
        if not parts:
            raise SplitProblem(
                [
                    env.diag(
                        codes.NO_REPS,
                        level.path(env, "by"),
                        _(
                            "no people with role rep in region '{region}': the rep level cannot apply there",
                            region=ctx[REGION],
                        ),
                    )
                ]
            )
        return parts
    return universe


def compute_shares(env: TargetEnv, level: Level, ctx: Ctx, held: frozenset[str] = frozenset()) -> Shares:
    """The parts of the node at `ctx` and their weights; `held`: the time parts the node holds itself
    (`held:`), which are never weighed, so they need nothing the method reads (a month's history)."""
    shares = _time_shares(env, level, ctx, held) if level.is_time else _shares(env, level, ctx)
    return keep_rows(shares, hold(shares, level)) if level.spec.rest is not None else shares


def _shares(env: TargetEnv, level: Level, ctx: Ctx) -> Shares:
    parts = compute_parts(env, level, ctx)
    method = level.method
    if method == "explicit":
        return Shares(tuple(parts), tuple(level.values.get(p, 0) for p in parts), (_EXPLICIT,) * len(parts), fixed=True)
    start, end = ctx[START], ctx[END]
    window_days = (end - start).days + 1
    actives = [env.active_days(part, start, end) for part in parts] if level.dim == "rep" else None
    held = level.values if level.spec.rest is not None else {}  # held parts keep their values: never weighed
    exact: list[Fraction] = []
    for i, part in enumerate(parts):
        active = actives[i] if actives is not None else window_days
        if part in held:
            exact.append(Fraction(0))
        elif method == "even":
            exact.append(Fraction(1 if active else 0))
        elif method == "weights":
            exact.append(level.weights.get(part, Fraction(0)) if active else Fraction(0))
        elif method == "history":
            exact.append(_history(env, level, part, ctx))
        else:  # capacity, each active day at its ramp share
            exact.append(env.capacity_in(part, start, end))
    weights, total = scaled_weights(exact)
    shown = show(total)  # one total for every part's 拆解逻辑
    bases: list[Basis] = []
    for i, (part, weight) in enumerate(zip(parts, exact, strict=True)):
        active = actives[i] if actives is not None else window_days
        basis = _basis(method, weight, shown, active, window_days)
        if method == "capacity" and active and env.ramp(part) is not None:
            basis = _ramped(basis, env.ramp_share(part, start, end))
        bases.append(basis)
    return Shares(tuple(parts), tuple(weights), tuple(bases), tuple(exact))


_SAME_PERIOD = {"month": "same_month", "quarter": "same_quarter", "week": "same_week"}
_EXPLICIT = Basis("explicit")
_EVEN = Basis("even")
_INACTIVE = _("inactive")


def _inactive(basis: Basis) -> Basis:
    return replace(basis, note=_INACTIVE)


@lru_cache(maxsize=4096)
def _ramped(basis: Basis, share: Fraction) -> Basis:
    """The basis of a rep's part that their ramp lowers: `(ramp 60%)` (alike parts share one Basis,
    so a renderer words it once)."""
    if share == 1:
        return basis
    note: Message = _("ramp {percent}", percent=percent_text(share))
    if basis.note is not None:
        note = _("{first}; {second}", first=basis.note, second=note)
    return replace(basis, note=note)


@lru_cache(maxsize=1024)
def _active_days(active: int, days: int) -> Message:
    """The note of a part a rep is active in for `active` of its `days` (`在岗 20/31 天`)."""
    return _("active {active}/{days} days", active=active, days=days)


def _basis(method: str, weight: Fraction, total: Decimal, active: int, window_days: int) -> Basis:
    """A part's 拆解逻辑: its weight of the `total` shown (`show`) for the parts of its node."""
    if method == "even":
        basis = _EVEN
    elif method == "capacity" and 0 < active < window_days:
        return Basis(
            "capacity",
            show(weight),
            total,
            _active_days(active, window_days),
        )
    else:
        basis = Basis(method, show(weight), total)
    return _inactive(basis) if active == 0 else basis


def _history_row(env: TargetEnv, level: Level, region: str) -> dict[str, Decimal] | None:
    table = env.history or {}
    row = table.get(region)
    if row is None or isinstance(row, dict):
        return row
    raise SplitProblem(
        [
            env.diag(
                codes.NO_HISTORY,
                ("history", "revenue", region),
                _(
                    "history of region '{region}' has no per-product rows, which split level {number} needs",
                    region=region,
                    number=level.index + 1,
                ),
            )
        ]
    )


def _history(env: TargetEnv, level: Level, part: str, ctx: Ctx) -> Fraction:
    """The part's history in the context of the outer levels (see module docstring of engine)."""
    table = env.history or {}
    value: Decimal | None = None
    row = product_row(env, ctx) if level.dim == "product" else None
    if level.dim in CUSTOMER_DIMS:
        value = customer_history(env, level, part, ctx)
    elif row is not None:  # a product split under an account, channel or tier with per-product history
        value = row.get(part)
    elif level.dim == "region":
        raw = table.get(part)
        if isinstance(raw, dict):
            products = env.products if any(p in raw for p in env.products) else list(raw)
            picked = [raw[p] for p in ([ctx[PRODUCT]] if ctx[PRODUCT] else products) if p in raw]
            value = sum(picked, Decimal(0)) if picked else None
        elif raw is not None:
            if ctx[PRODUCT] is not None:
                _history_row(env, level, part)
            value = raw
    else:
        home = ctx[REGION] or env.rep_region(ctx[REP])
        rows = [(r, _history_row(env, level, r)) for r in ([home] if home else env.regions)]
        picked = [row[part] for _, row in rows if row is not None and part in row]
        value = sum(picked, Decimal(0)) if picked else None
    if value is None:
        env.warn_once(
            env.diag(
                codes.HISTORY_MISSING_PART,
                level.method_path(env),
                _(
                    "no history for {dim} '{part}' ({where}): it gets nothing by history",
                    dim=dimension(level.dim),
                    part=part,
                    where=describe(ctx, env),
                ),
                severity=Severity.WARNING,
            )
        )
        return Fraction(0)
    return Fraction(value)


def _time_shares(env: TargetEnv, level: Level, ctx: Ctx, held: frozenset[str]) -> Shares:
    chosen = set(level.universe[level.dim])
    parts: list[TimePart] = [p for p in time_parts(level.dim, ctx[START], ctx[END]) if p.id in chosen]
    if not parts:
        raise SplitProblem(
            [
                env.diag(
                    codes.EMPTY_LEVEL,
                    level.path(env, "parts" if level.spec.parts is not None else "by"),
                    _(
                        "no {dim} of the level's parts falls in {where}",
                        dim=dimension(level.dim),
                        where=describe(ctx, env),
                    ),
                )
            ]
        )
    rep = ctx[REP]
    a_start, a_end = env.active(rep)
    actives = [days_between(*overlap(a_start, a_end, p.start, p.end)) for p in parts]
    ids = tuple(p.id for p in parts)
    windows = tuple((p.start, p.end) for p in parts)
    method = level.method
    if method == "explicit":
        bases = tuple(_EXPLICIT for _ in parts)
        return Shares(ids, tuple(level.values.get(i, 0) for i in ids), bases, windows=windows, fixed=True)
    exact: list[Fraction] = []
    if method == "even":
        exact = [Fraction(a, p.full_days) for a, p in zip(actives, parts, strict=True)]
    elif method == "weights":
        exact = [
            level.weights.get(p.id, Fraction(0)) * Fraction(a, p.days) for a, p in zip(actives, parts, strict=True)
        ]
    elif method == "history":
        exact = seasonal_weights(env, level.index, level.dim, parts, actives, ctx, held)
    elif method == "capacity":  # under a rep: their active days, ramped below (capacity a day is constant)
        exact = [Fraction(a) for a in actives]
    else:  # workdays
        calendar = env.calendar(ctx[REGION] or env.rep_region(rep))
        exact = [Fraction(calendar.count(max(p.start, a_start), min(p.end, a_end))) for p in parts]
        kept = held | (level.values.keys() if level.spec.rest is not None else set())  # held parts count no day
        counted = [p for p in parts if p.id not in kept]
        years = sorted({y for p in counted for y in (p.start.year, p.end.year) if y in calendar.unpublished_years})
        for year in years:  # one finding per year, at the plan period: the same for every target and level
            if (fallback := _calendar_fallback(env, year)) not in env.warnings:
                env.warnings.append(fallback)
    factors = ramp_factors(env, level.index, rep, parts) or []
    ramped = [i for i, f in enumerate(factors) if f != 1]
    for i in ramped:  # under a capacity rep level, a ramping rep's parts count ramped days
        exact[i] *= factors[i]
    weights, exact_total = scaled_weights(exact)
    total = show(exact_total)  # one total for every part's 拆解逻辑
    notes: list[Message | None] = [None] * len(parts)
    if rep is not None:  # a part the rep is active in for some of its days weighs those days: say so
        notes = [
            _INACTIVE if active == 0 else _active_days(active, part.days) if active < part.days else None
            for active, part in zip(actives, parts, strict=True)
        ]
    bases_list: list[Basis]
    if method == "even":
        bases_list = [
            _EVEN
            if active == part.full_days
            else Basis("days", Decimal(active), Decimal(part.full_days), note if active == 0 else None)
            for active, part, note in zip(actives, parts, notes, strict=True)
        ]
    else:
        name, named = method, None
        if method == "history":
            name, named = _SAME_PERIOD[level.dim], row_name(env, history_source(env, level.index, ctx))
        bases_list = [Basis(name, show(weight), total, note, named) for weight, note in zip(exact, notes, strict=True)]
    for i in ramped:
        bases_list[i] = _ramped(bases_list[i], factors[i])
    return Shares(ids, tuple(weights), tuple(bases_list), tuple(exact), windows)


def _calendar_fallback(env: TargetEnv, year: int) -> Diagnostic:
    path = ("plan", "period")
    return codes.diagnostic(
        codes.CALENDAR_FALLBACK,
        env.source.ref(path),
        _(
            "China's official holiday schedule for {year} is not published yet: workdays of {year} count its "
            "statutory holidays, without make-up working days",
            year=year,
        ),
        path=path,
        hint=_("once the State Council publishes it, upgrade the holidays package to count the make-up days"),
    )
