"""The customer and channel dimensions of a breakdown: `by: channel`, `by: account`, `by: tier`.

- channel: the team's channels (`team.channels`), in declared order, or `parts:`.
- account: the target's accounts (`scope.accounts`, else `team.accounts`); at a node, those of the
  node's region, tier and rep (a rep's accounts are those they own), or the node's account itself.
- tier: the tiers A, B, C that the node's accounts have (an account without a tier is in none).
- An account brings its region and tier into the nodes under it (a rep level under an account takes
  the reps of the account's region).
- history: `history.by_channel`, `history.by_account`, `history.by_tier`, each part -> amount or
  part -> product -> amount (the shapes of `history.revenue` by region); a tier without
  `history.by_tier` sums the `history.by_account` rows of the node's accounts of that tier.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.i18n import Message, _
from salesplan.model.words import dimension
from salesplan.split.env import (
    ACCOUNT,
    CHANNEL,
    PRODUCT,
    REGION,
    REP,
    TIER,
    Ctx,
    HistoryTable,
    SplitProblem,
    TargetEnv,
    describe,
    plain,
)
from salesplan.split.timeparts import time_parts

if TYPE_CHECKING:
    from salesplan.loader.yamltree import Path_
    from salesplan.split.level import Level

CUSTOMER_DIMS = ("channel", "account", "tier")
HISTORY_TABLES = {"channel": "by_channel", "account": "by_account", "tier": "by_tier"}
# the two dimensions an ipf level may fit (an account has one region and one tier: nothing to fit there)
IPF_PAIRS = frozenset(
    frozenset(pair)
    for pair in (
        ("region", "product"),
        ("region", "channel"),
        ("product", "channel"),
        ("account", "product"),
        ("account", "channel"),
        ("tier", "product"),
        ("tier", "channel"),
    )
)
IPF_PAIRS_TEXT = ", ".join(sorted("×".join(sorted(pair)) for pair in IPF_PAIRS))
_HINTS: dict[str, Message] = {
    "channel": _("declare team.channels, or list the level's parts"),
    "account": _("declare team.accounts (or the target's scope.accounts)"),
    "tier": _("give the target's accounts a tier: A, B or C"),
}
_DEFAULT_HINT = _("declare team.regions / team.products, or list the level's parts")
_PLACED_HINT = _("an account belongs to its region, its tier and the rep who owns it (owner)")


def universe(env: TargetEnv, dim: str) -> list[str]:
    """Every part a level of `dim` may have in this target, in order."""
    if dim == "region":
        return list(env.regions)
    if dim == "product":
        return list(env.products)
    if dim == "rep":
        return list(env.reps)
    if dim == "channel":
        return list(env.channels)
    if dim == "account":
        return list(env.accounts)
    if dim == "tier":
        return env.tiers_of(list(env.accounts))
    return [part.id for part in time_parts(dim, env.start, env.end)]


def id_named(env: TargetEnv, dim: str, key: str, known: list[str]) -> str | None:
    """The one part of `known` whose name (`name:` in team) is `key`: a plan names parts by id, and the
    suggestion for a name written where an id belongs (`直销` for `direct`)."""
    names = env.labels.get(dim, {})
    found = [part for part in known if names.get(part) == key]
    return found[0] if len(found) == 1 else None


def empty_hint(dim: str) -> Message:
    """What to do about a level of `dim` with no parts."""
    return _HINTS.get(dim, _DEFAULT_HINT)


def customer_parts(env: TargetEnv, level: Level, ctx: Ctx) -> list[str]:
    """The parts of a channel, account or tier level at the node `ctx` (or of a region level under an
    account); a node with none is SP046."""
    chosen = level.universe[level.dim]
    if level.dim == "channel":
        return chosen
    accounts = env.accounts_in(ctx)
    if level.dim == "region":  # under an account: its region, if the level has it
        parts = [r for r in chosen if r == ctx[REGION]]
        message = _("account '{account}' is in no region of the level", account=ctx[ACCOUNT])
    elif level.dim == "account":
        held = set(accounts)
        parts = [a for a in chosen if a in held]
        _unplaced(env, level, ctx, chosen)
        message = _("no account of the level's parts belongs to {where}", where=describe(ctx, env))
    else:
        present = set(env.tiers_of(accounts))
        parts = [t for t in chosen if t in present]
        message = _("no account of a tier of the level belongs to {where}", where=describe(ctx, env))
    if not parts:
        path = level.path(env, "parts" if level.spec.parts is not None else "by")
        raise SplitProblem([env.diag(codes.EMPTY_LEVEL, path, message, hint=_PLACED_HINT)])
    return parts


# what a node above an account level holds its accounts by: the account's region, tier or owner
_HELD_BY = ((REGION, "region", "region"), (TIER, "tier", "tier"), (REP, "rep", "owner"))


def _unplaced(env: TargetEnv, level: Level, ctx: Ctx, chosen: list[str]) -> None:
    """SP046 (a warning, once per account, at it in team.accounts): an account of the target that no
    node of a region, tier or rep level above can hold, having no region, tier or owner, gets nothing."""
    if ctx[ACCOUNT] is not None:
        return
    index = {account.id: i for i, account in reversed(list(enumerate(env.plan.team.accounts)))}
    for place, dim, field in _HELD_BY:
        if ctx[place] is None:
            continue
        for account in chosen:
            if getattr(env.accounts[account], field) is None:
                env.warn_once(
                    env.diag(
                        codes.EMPTY_LEVEL,
                        ("team", "accounts", index[account]),
                        _(
                            "account '{account}' has no `{field}:` in team.accounts: no node of the {dim} level "
                            "above the account level holds it, so it gets nothing of the target",
                            account=account,
                            field=field,
                            dim=dimension(dim),
                        ),
                        severity=Severity.WARNING,
                        hint=_PLACED_HINT,
                    )
                )


def missing_history(env: TargetEnv, dim: str) -> Message | None:
    """Why `method: history` cannot split by `dim`, or None when the plan has its table."""
    history = env.plan.history
    if history is not None and (history_table(env, dim) or (dim == "tier" and history.by_account)):
        return None
    if dim == "tier":
        return _("method: history by tier needs `history.by_tier` or `history.by_account`")
    return _(
        "method: history by {dim} needs `history.{table}` ({dim} -> amount)",
        dim=dimension(dim),
        table=HISTORY_TABLES[dim],
    )


def negative_history(env: TargetEnv, dim: str) -> list[Diagnostic]:
    """SP044 at every negative amount of the history tables a `method: history` level of `dim` reads: a
    share of history cannot be below nothing (it would give a part a negative target)."""
    history = env.plan.history
    if history is None:
        return []
    tables: list[tuple[Path_, HistoryTable]] = []
    if dim in CUSTOMER_DIMS:
        name = HISTORY_TABLES[dim] if dim != "tier" or history.by_tier else "by_account"
        tables.append((("history", name), getattr(history, name)))
    else:
        metric = env.target.metric or ""
        if env.history is not None:
            base: Path_ = ("history", "metrics", metric) if metric in history.metrics else ("history", "revenue")
            tables.append((base, env.history))
        if dim == "product":  # a product split under a channel, account or tier reads its per-product row
            tables += [(("history", HISTORY_TABLES[d]), history_table(env, d)) for d in CUSTOMER_DIMS]
    found: list[Diagnostic] = []
    for base, table in tables:
        for key, raw in table.items():
            cells = raw.items() if isinstance(raw, dict) else [(None, raw)]
            for inner, number in cells:
                if number < 0:
                    path = (*base, key) if inner is None else (*base, key, inner)
                    text = key if inner is None else f"{key}/{inner}"
                    found.append(
                        env.diag(
                            codes.NEGATIVE_WEIGHT,
                            path,
                            _(
                                "{table} of '{key}' is negative ({number})",
                                table=".".join(str(bit) for bit in base),
                                key=text,
                                number=plain(number),
                            ),
                        )
                    )
    return found


def history_table(env: TargetEnv, dim: str) -> HistoryTable:
    """The plan's history table of a customer or channel dimension as written (empty when none)."""
    history = env.plan.history
    if history is None:
        return {}
    table: HistoryTable = getattr(history, HISTORY_TABLES[dim])
    return table


def tier_table(env: TargetEnv, ctx: Ctx) -> HistoryTable:
    """`history.by_tier`, else the sums of `history.by_account` over the node's accounts of each tier
    (per product where every row of the tier is)."""
    written = history_table(env, "tier")
    if written:
        return written
    by_account = history_table(env, "account")
    out: HistoryTable = {}
    for tier in env.tiers_of(list(env.accounts)):
        rows = [by_account[a] for a in env.accounts_in(ctx) if env.accounts[a].tier == tier and a in by_account]
        if not rows:
            continue
        if all(isinstance(row, dict) for row in rows):
            summed: dict[str, Decimal] = {}
            for row in rows:
                assert isinstance(row, dict)
                for product, value in row.items():
                    summed[product] = summed.get(product, Decimal(0)) + value
            out[tier] = summed
        else:
            out[tier] = sum((_total(row) for row in rows), Decimal(0))
    return out


def _total(row: Decimal | dict[str, Decimal]) -> Decimal:
    return sum(row.values(), Decimal(0)) if isinstance(row, dict) else row


def table_of(env: TargetEnv, dim: str, ctx: Ctx) -> HistoryTable:
    return tier_table(env, ctx) if dim == "tier" else history_table(env, dim)


def customer_history(env: TargetEnv, level: Level, part: str, ctx: Ctx) -> Decimal | None:
    """The part's history, in the node's product when it has one; None when the table lacks it."""
    raw = table_of(env, level.dim, ctx).get(part)
    if raw is None:
        return None
    product = ctx[PRODUCT]
    if not isinstance(raw, dict):
        if product is not None:
            raise SplitProblem([no_product_rows(env, level.dim, part, level.index + 1)])
        return raw
    if product is not None:
        return raw.get(product)
    products = env.products if any(p in raw for p in env.products) else list(raw)
    picked = [raw[p] for p in products if p in raw]
    return sum(picked, Decimal(0)) if picked else None


def no_product_rows(env: TargetEnv, dim: str, part: str, number: int) -> Diagnostic:
    """A history row of one amount where a level needs one per product (SP049 at the row)."""
    return env.diag(
        codes.NO_HISTORY,
        ("history", HISTORY_TABLES[dim], part),
        _(
            "history of {dim} '{part}' has no per-product rows, which split level {number} needs",
            dim=dimension(dim),
            part=part,
            number=number,
        ),
    )


def product_row(env: TargetEnv, ctx: Ctx) -> dict[str, Decimal] | None:
    """The per-product history row of the node's account, channel or tier (innermost first), if any."""
    for dim, part in (("account", ctx[ACCOUNT]), ("channel", ctx[CHANNEL]), ("tier", ctx[TIER])):
        if part is None:
            continue
        row = history_table(env, dim).get(part)
        if isinstance(row, dict):
            return row
    return None


def product_rows(env: TargetEnv) -> bool:
    """Whether a channel, account or tier has per-product history (a product split under it uses it)."""
    return any(isinstance(row, dict) for dim in CUSTOMER_DIMS for row in history_table(env, dim).values())
