"""同比 of channel, account and tier parts: their own rows of `history.by_channel`, `by_account`, `by_tier`.

A node with a channel, an account or a tier among its coordinates (and no time part: those use
`history.by_month`, see `salesplan.split.growth`) is compared with the history of exactly that part:

- a channel: its row of `history.by_channel`, when the target is the whole team's (a target of some
  regions or accounts, or a channel under a region, a rep, an account or a tier, is only a piece of
  the channel's history: no growth);
- an account: its row of `history.by_account`, the account being one of the target's; the levels
  above it hold it whole (its region, tier and owner), and below it only a product level may follow
  (a rep under an account is a share of it that the history does not have);
- a tier: its row of `history.by_tier` when the node is the whole tier of the whole team; else, and
  without `history.by_tier`, the sum of the `history.by_account` rows of the node's accounts of that
  tier (those of its region, and of its rep when the rep level is above the tier), every one of
  them having a row;
- a product among the coordinates takes the row's column of that product (a row of one amount has
  none); without one, a row per product counts the target's products.

Anything missing (no row, no column, an account without a row) gives None: no growth, never a guess.
Amounts are in the plan's unit, as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesplan.model.plan import Account, Plan, Target

CUSTOMER_LEVELS = ("channel", "account", "tier")
Row = Decimal | Mapping[str, Decimal]


@dataclass(frozen=True)
class Placed:
    """Where an account sits: the parts of the levels that hold it whole."""

    region: str | None
    tier: str | None
    rep: str | None


@dataclass(frozen=True)
class PartHistory:
    """The rows of `history.by_channel`, `by_account` and `by_tier` that a target's parts compare with."""

    channels: Mapping[str, Row]
    accounts: Mapping[str, Row]
    tiers: Mapping[str, Row]
    placed: Mapping[str, Placed]  # the target's accounts, in declared order
    products: tuple[str, ...]  # the target's products
    all_products: bool  # whether the target covers every product of the team
    whole_team: bool  # whether the target covers every region and account of the team

    def history(self, coords: Mapping[str, str]) -> Fraction | None:
        """The history of the node at `coords` (no time part; a channel, account or tier among them)."""
        levels = list(coords)
        product = coords.get("product")
        if "channel" in coords:
            if not self.whole_team or any(level not in ("channel", "product") for level in levels):
                return None
            return self._amount(self.channels.get(coords["channel"]), product)
        if "account" in coords:
            account = coords["account"]
            place = self.placed.get(account)
            below = levels[levels.index("account") + 1 :]
            if place is None or any(level != "product" for level in below):
                return None
            if any(coords[level] != getattr(place, level) for level in ("region", "tier", "rep") if level in coords):
                return None
            return self._amount(self.accounts.get(account), product)
        if "tier" not in coords:
            return None
        return self._tier(coords, levels, product)

    def _tier(self, coords: Mapping[str, str], levels: list[str], product: str | None) -> Fraction | None:
        tier = coords["tier"]
        if "rep" in coords and levels.index("rep") > levels.index("tier"):
            return None  # a rep under a tier is a share of it, not the accounts the rep owns
        if any(level not in ("tier", "product", "region", "rep") for level in levels):
            return None
        partial = "region" in coords or "rep" in coords or not self.whole_team
        if self.tiers:
            return None if partial else self._amount(self.tiers.get(tier), product)
        held = [
            account
            for account, place in self.placed.items()
            if place.tier == tier
            and ("region" not in coords or place.region == coords["region"])
            and ("rep" not in coords or place.rep == coords["rep"])
        ]
        total = Fraction(0)
        for account in held:
            amount = self._amount(self.accounts.get(account), product)
            if amount is None:
                return None
            total += amount
        return total if held else None

    def _amount(self, row: Row | None, product: str | None) -> Fraction | None:
        """The row's amount for `product` (None: the target's products), None where it has none."""
        if row is None:
            return None
        if isinstance(row, Decimal):
            return Fraction(row) if product is None and self.all_products else None
        if product is not None:
            return Fraction(row[product]) if product in row else None
        if self.all_products:
            return sum((Fraction(value) for value in row.values()), Fraction(0))
        if any(name not in row for name in self.products):
            return None
        return sum((Fraction(row[name]) for name in self.products), Fraction(0))


def part_history(plan: Plan, target: Target) -> PartHistory | None:
    """The target's channel, account and tier history, None when the plan has none of those tables."""
    history = plan.history
    if history is None or not (history.by_channel or history.by_account or history.by_tier):
        return None
    team, scope = plan.team, target.scope
    accounts: dict[str, Account] = {}
    for account in team.accounts:  # the first of a duplicated id (the loader reports the second)
        accounts.setdefault(account.id, account)
    regions = set(scope.regions) if scope and scope.regions else None
    if scope and scope.accounts:
        chosen = [a for a in dict.fromkeys(scope.accounts) if a in accounts]
    else:
        chosen = [a for a in accounts if regions is None or accounts[a].region in regions]
    team_products = [p.id for p in team.products]
    products = tuple(scope.products) if scope and scope.products else tuple(team_products)
    all_regions = regions is None or regions >= {r.id for r in team.regions}
    return PartHistory(
        channels=history.by_channel,
        accounts=history.by_account,
        tiers=history.by_tier,
        placed={a: Placed(accounts[a].region, accounts[a].tier, accounts[a].owner) for a in chosen},
        products=products,
        all_products=set(products) >= set(team_products),
        whole_team=all_regions and not (scope and scope.accounts),
    )
