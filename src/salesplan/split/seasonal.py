"""`method: history` at a month or quarter level: seasonality (季节性) from `history.by_month`.

Each time part weighs the comparable period's same month (a quarter: its three months), matched by
month of the year within `history.period` (every key when there is no period). `history.by_month` is
either one row (`YYYY-MM -> amount`) or rows by part (`part -> YYYY-MM -> amount`, a part being a
region, product, channel or account: `row_kinds`). Which row a node uses, first found:
1. the row of its nearest enclosing part that has one (the outer levels from the time level out);
2. when the table has region rows: its region's row (a node under a rep: the rep's region's; a
   region without a row is an error), a node outside any region the sum of the target's regions' rows;
3. the team's row: the month keys written beside the rows (an error when there are none).
A month the shape needs and the history lacks is an error, never a zero. The 拆解逻辑 text of a part
phased by a product's, channel's or account's row names it (`按 device 去年同期 31.6%`).

Every missing row or month of every node is reported at once: a node whose history is incomplete
records its findings with the env (`TargetEnv.deferred`, one finding per row and missing month,
whichever nodes need it) and is weighed like `even` meanwhile, so that the level goes on to find the
others; the engine then stops the target with all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.model.words import dimension
from salesplan.split.env import PLACE, REGION, REP, Ctx, SplitProblem, TargetEnv
from salesplan.split.growth import ROW_KINDS, history_key, row_kinds
from salesplan.split.shares import Shares
from salesplan.split.spring import check_spring_shift, row_label
from salesplan.split.timeparts import TimePart, normalize_key

_NOTHING = Fraction(0)  # the weight of a part with no active day, whatever its history
Key = tuple[str, int]  # (kind, number in the year): ("month", 7), ("quarter", 3), ("week", 27)
Row = dict[Key, list[tuple[str, Fraction]]]  # the row's keys of each month/quarter/week of the year, with amounts
Source = tuple[str, str | None]  # whose rows a node uses: ("row", key) | ("region", home or None) | ("team", None)


def history_months(env: TargetEnv) -> Mapping[str, object]:
    """`history.by_month` as written (empty when the plan has none)."""
    history = env.plan.history
    return history.by_month if history is not None else {}


def _within(env: TargetEnv, start: dt.date, end: dt.date) -> bool:
    history = env.plan.history
    if history is None or history.period is None:
        return True
    return start <= history.period.end and end >= history.period.start


def _row(env: TargetEnv, raw: Mapping[str, object], path: tuple[str, ...]) -> Row:
    """One row's months, quarters and weeks within history.period, by their number in the year; a key
    that is none of them is located."""
    row: Row = {}
    bad: list[Diagnostic] = []
    for key, value in raw.items():
        found = history_key(key)
        if found is None or not isinstance(value, Decimal):
            bad.append(
                env.diag(
                    codes.UNKNOWN_PART,
                    ("history", "by_month", *path, key),
                    _(
                        "'{key}' is not a month, quarter or week of history.by_month (write 2025-07, 2025-Q3 or "
                        "2025-W27)",
                        key=key,
                    ),
                    key=True,
                )
            )
        elif _within(env, found[2], found[3]):
            row.setdefault((found[0], found[1]), []).append((key, Fraction(value)))
    if bad:
        raise SplitProblem(bad)
    return row


def _owners(env: TargetEnv, index: int) -> list[tuple[int, str]]:
    """(ctx place, kind) of the parts of the levels outside level `index` that may have a row, the
    nearest first; none when every row is a region's (then step 2 finds the same row). Computed once
    per level, so that a node's lookup stays O(levels)."""
    cache = env.seasonal_owners.get(index)
    if cache is None:
        kinds = _kinds(env)
        cache = env.seasonal_owners[index] = []
        if any(kind != "region" for kind in kinds.values()):
            for spec in reversed(env.target.split[:index]):
                dims = [spec.by] if isinstance(spec.by, str) else list(spec.by)
                cache.extend((PLACE[dim], dim) for dim in reversed(dims) if dim in ROW_KINDS)
    return cache


def source_places(env: TargetEnv, index: int) -> tuple[int, ...]:
    """The ctx places besides the region and the rep that `history_source` reads at level `index`."""
    owners = env.seasonal_owners.get(index)
    return tuple(place for place, _kind in (owners if owners is not None else _owners(env, index)))


def _kinds(env: TargetEnv) -> dict[str, str]:
    kinds = env.seasonal_kinds
    if kinds is None:
        kinds = env.seasonal_kinds = row_kinds(env.plan)
        env.seasonal_regions = "region" in kinds.values()
    return kinds


def history_source(env: TargetEnv, index: int, ctx: Ctx) -> Source:
    """Whose rows of `history.by_month` the node at `ctx` of level `index` uses (module docstring)."""
    owners = env.seasonal_owners.get(index)
    if owners is None:
        owners = _owners(env, index)
    if owners:
        kinds = _kinds(env)
        for place, kind in owners:
            part = ctx[place]
            if isinstance(part, str) and kinds.get(part) == kind:
                return ("row", part)
    if env.seasonal_regions:
        return ("region", ctx[REGION] or env.rep_region(ctx[REP]))
    return ("team", None)


def _rows(env: TargetEnv, source: Source) -> tuple[list[tuple[str | None, Row]], list[Diagnostic]]:
    """The rows a node's shape sums: (row key or None for the team's row, its months), and what is missing."""
    table = history_months(env)
    kind, name = source
    if kind == "row" and name is not None:
        raw = table[name]
        return [(name, _row(env, raw if isinstance(raw, dict) else {}, (name,)))], []
    if kind == "team":
        team = {key: value for key, value in table.items() if not isinstance(value, dict)}
        if not team and table:
            return [], [_no_team_row(env)]
        return [(None, _row(env, team, ()))], []
    regions = [name] if name is not None else env.regions
    rows: list[tuple[str | None, Row]] = []
    missing: list[Diagnostic] = []
    for region in regions:
        raw = table.get(region)
        if not isinstance(raw, dict):
            missing.append(_no_region(env, region))
        else:
            rows.append((region, _row(env, raw, (region,))))
    return rows, missing


def _no_team_row(env: TargetEnv) -> Diagnostic:
    return env.diag(
        codes.NO_HISTORY,
        ("history", "by_month"),
        _(
            "history.by_month has rows of products, channels or accounts but none for a part outside them, "
            "which a history split by month needs"
        ),
        hint=_("add the whole team's months beside the rows (YYYY-MM: amount), or split by the rows' parts first"),
    )


def _no_region(env: TargetEnv, region: str) -> Diagnostic:
    return env.diag(
        codes.NO_HISTORY,
        ("history", "by_month"),
        _("history.by_month has no row for region '{region}', which a history split by month needs", region=region),
        hint=_("give every region a row of months, or one row for the whole team"),
    )


def _keys_of(dim: str, part: TimePart, row: Row) -> list[Key]:
    """The row's keys a part weighs: its month, its week, or its quarter (else the quarter's three months)."""
    if dim == "month":
        return [("month", part.start.month)]
    if dim == "week":
        return [("week", int(part.id.rsplit("W", 1)[1]))]
    quarter = (part.start.month - 1) // 3 + 1
    if ("quarter", quarter) in row:
        return [("quarter", quarter)]
    return [("month", month) for month in range(quarter * 3 - 2, quarter * 3 + 1)]


def held_parts(env: TargetEnv, index: int, dim: str, parts: list[TimePart]) -> frozenset[str]:
    """The parts that a level's `values:` holds beside `rest: history`: they keep their amounts, so their
    history is never read (a month held for want of a comparable one needs none)."""
    spec = env.target.split[index]
    if spec.rest is None or not spec.values:
        return frozenset()
    ids = [p.id for p in parts]
    return frozenset(normalize_key(dim, str(key), ids) for key in spec.values)


def _totals(
    env: TargetEnv, dim: str, parts: list[TimePart], source: Source, held: frozenset[str]
) -> tuple[list[Fraction], list[Diagnostic]]:
    """Each part's history over the node's rows, and what is missing or matched twice (held parts: 0,
    neither looked up nor compared with last year's Spring Festival)."""
    rows, found = _rows(env, source)
    if dim == "month":
        check_spring_shift(env, [p for p in parts if p.id not in held], rows)
    totals: list[Fraction] = []
    for part in parts:
        total = Fraction(0)
        if part.id in held:
            totals.append(total)
            continue
        for region, row in rows:
            for key in _keys_of(dim, part, row):
                matches = row.get(key, [])
                if len(matches) == 1:
                    total += matches[0][1]
                else:
                    found.append(_unmatched(env, dim, part, key, region, sorted(k for k, _amount in matches)))
        totals.append(total)
    return totals, found


def seasonal_weights(
    env: TargetEnv,
    index: int,
    dim: str,
    parts: list[TimePart],
    actives: list[int],
    ctx: Ctx,
    held: frozenset[str] = frozenset(),
) -> list[Fraction]:
    """Each part's history: the same months of the comparable period, summed over the node's rows
    (`history_source`: the node at `ctx` of level `index`).

    An edge part cut by the plan period (or an outer level) weighs its share of the full part's days,
    like `even` (under a rep, of the days the rep is active). A row or month missing, or a month
    matched twice, is deferred (see the module docstring) and the node weighed like `even`. `held`: the
    parts the node holds itself (`held:`), like those of the level's `values:` never looked up."""
    source = history_source(env, index, ctx)
    key = (source, dim, tuple(p.id for p in parts), index, held)
    known = env.seasonal.get(key)
    if known is None:  # the same for every node using these rows with these parts (reps, products, ...)
        known = env.seasonal[key] = _totals(env, dim, parts, source, held_parts(env, index, dim, parts) | held)
    totals, found = known
    weights = [
        total if active == part.full_days else total * Fraction(active, part.full_days) if active else _NOTHING
        for total, part, active in zip(totals, parts, actives, strict=True)
    ]
    if found:
        for diagnostic in found:
            if all(
                (d.code, d.path, d.message) != (diagnostic.code, diagnostic.path, diagnostic.message)
                for d in env.deferred
            ):
                env.deferred.append(diagnostic)
        return [Fraction(active, part.full_days) for part, active in zip(parts, actives, strict=True)]
    return weights


def keep_rows(before: Shares, after: Shares) -> Shares:
    """`after` (`before` with parts held and the rest rebased) naming the rows `before`'s 拆解逻辑 named."""
    if all(basis.row is None for basis in before.bases):
        return after
    bases = tuple(
        replace(new, row=old.row) if new.method == old.method and new.row is None else new
        for old, new in zip(before.bases, after.bases, strict=True)
    )
    return replace(after, bases=bases)


def row_name(env: TargetEnv, source: Source) -> str | None:
    """The part named in the 拆解逻辑 text of a node phased by `source`: a product's, channel's or
    account's row (a region's row and the team's keep the plain text)."""
    kinds = env.seasonal_kinds or {}
    kind, name = source
    return name if kind == "row" and name is not None and kinds.get(name) != "region" else None


def _unmatched(
    env: TargetEnv, dim: str, part: TimePart, key: Key, region: str | None, matches: list[str]
) -> Diagnostic:
    path = ("history", "by_month", region) if region is not None else ("history", "by_month")
    row = row_label(env, region)
    if matches:
        either = " / ".join(matches)
        return env.diag(
            codes.NO_HISTORY,
            path,
            _(
                "history.by_month of {row} holds {either} for {dim} {part}: set history.period to the comparable "
                "period",
                row=row,
                either=either,
                dim=dimension(dim),
                part=part.id,
            ),
        )
    if key[0] == "week":
        return env.diag(
            codes.NO_HISTORY,
            path,
            _(
                "history.by_month of {row} has no week {number} of the comparable period, which {dim} {part} needs; "
                "a missing week is not taken as zero",
                row=row,
                number=key[1],
                dim=dimension(dim),
                part=part.id,
            ),
            hint=_("add the week to history.by_month as YYYY-Www (0 if nothing was sold)"),
        )
    return env.diag(
        codes.NO_HISTORY,
        path,
        _(
            "history.by_month of {row} has no month {number} of the comparable period, which {dim} {part} needs; "
            "a missing month is not taken as zero",
            row=row,
            number=key[1],
            dim=dimension(dim),
            part=part.id,
        ),
        hint=_("add the month to history.by_month (0 if nothing was sold)"),
    )
