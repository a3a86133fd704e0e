"""What splitting one target needs to know: the plan, its universes of parts, and located diagnostics.

A `Ctx` is the position of a node in the tree: (region, product, rep, window start, window end,
channel, account, tier), where the window is the plan period narrowed by the time parts outside
the node. An account brings its region and tier into the ctx of the nodes under it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.i18n import Message, Text, _
from salesplan.model.ramp import Ramp, ramp_of, ramp_share, ramped_days
from salesplan.numbers import plain as plain
from salesplan.split.timeparts import WorkdayCalendar, days_between, overlap, workday_calendar

if TYPE_CHECKING:
    from collections.abc import Hashable

    from salesplan.loader.yamltree import Path_, SourceMap
    from salesplan.model.plan import Account, Person, Plan, Target

Ctx = tuple[str | None, str | None, str | None, dt.date, dt.date, str | None, str | None, str | None]
REGION: Final = 0
PRODUCT: Final = 1
REP: Final = 2
START: Final = 3
END: Final = 4
CHANNEL: Final = 5
ACCOUNT: Final = 6
TIER: Final = 7
PLACE: Final = {"region": REGION, "product": PRODUCT, "rep": REP, "channel": CHANNEL, "account": ACCOUNT, "tier": TIER}
TIERS: Final = ("A", "B", "C")
HistoryTable = dict[str, Decimal | dict[str, Decimal]]


class SplitProblem(Exception):
    """Stops splitting one target; carries the diagnostics that say why (never leaves the engine)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics[0].message if diagnostics else "split problem")
        self.diagnostics = diagnostics


def to_fraction(value: Decimal) -> Fraction:
    return Fraction(value)


def show(value: Fraction | Decimal | int) -> Decimal:
    """A number as shown in 拆解逻辑: exact when it is whole, else two decimals."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return Decimal(value.numerator)
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
    if isinstance(value, int) or value == value.to_integral_value():
        return Decimal(int(value))
    return value.quantize(Decimal("0.01"))


@dataclass
class TargetEnv:
    """One target inside its plan: units, universes of parts, people's activity, diagnostics."""

    plan: Plan
    target: Target
    index: int
    source: SourceMap
    granularity: Decimal = Decimal(1)
    regions: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    reps: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    accounts: dict[str, Account] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    person_index: dict[str, int] = field(default_factory=dict)
    history: HistoryTable | None = None
    warnings: list[Diagnostic] = field(default_factory=list)
    deferred: list[Diagnostic] = field(default_factory=list)  # errors found node by node, reported together
    seasonal: dict[Hashable, tuple[list[Fraction], list[Diagnostic]]] = field(default_factory=dict)  # seasonal.py's
    seasonal_kinds: dict[str, str] | None = None  # seasonal.py's: growth.row_kinds of the plan
    seasonal_regions: bool = False  # seasonal.py's: whether a row of history.by_month is a region's
    seasonal_owners: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # seasonal.py's, per level
    ramp_keys: dict[str | None, str | None] = field(default_factory=dict)  # capacity_time.py's, per rep
    ramp_alike: dict[tuple[Ramp, tuple[dt.date, dt.date]], str] = field(default_factory=dict)  # capacity_time.py's
    _calendars: dict[str | None, WorkdayCalendar] = field(default_factory=dict)
    _active: dict[str | None, tuple[dt.date, dt.date]] = field(default_factory=dict)
    _ramps: dict[str | None, Ramp | None] = field(default_factory=dict)
    _ramped: dict[tuple[Ramp | None, dt.date, dt.date], Fraction] = field(default_factory=dict)
    _ramp_shares: dict[tuple[Ramp | None, dt.date, dt.date], Fraction] = field(default_factory=dict)
    _capacities: dict[tuple[str, dt.date, dt.date], Fraction] = field(default_factory=dict)

    @classmethod
    def build(cls, plan: Plan, index: int, source: SourceMap) -> TargetEnv:
        target = plan.targets[index]
        team = plan.team
        scope = target.scope
        scoped_regions = scope.regions if scope and scope.regions else [r.id for r in team.regions]
        scoped_products = scope.products if scope and scope.products else [p.id for p in team.products]
        region_set = set(scoped_regions) if scope and scope.regions else None
        reps = [p.id for p in team.people if p.role == "rep" and (region_set is None or p.region in region_set)]
        by_id: dict[str, Account] = {}
        for account in team.accounts:  # the first of a duplicated id (the loader reports the second)
            by_id.setdefault(account.id, account)
        scoped_accounts = scope.accounts if scope and scope.accounts else list(by_id)
        if scope and scope.regions and not scope.accounts:  # a target of some regions: their accounts
            scoped_accounts = [a for a in scoped_accounts if by_id[a].region in set(scoped_regions)]
        history: HistoryTable | None = None
        if plan.history is not None:
            metric = target.metric or ""
            if metric in plan.history.metrics:
                history = plan.history.metrics[metric]
            elif plan.history.revenue:
                history = plan.history.revenue
        env = cls(
            plan=plan,
            target=target,
            index=index,
            source=source,
            granularity=target.granularity if target.granularity else Decimal(1),
            regions=list(dict.fromkeys(scoped_regions)),
            products=list(dict.fromkeys(scoped_products)),
            reps=list(dict.fromkeys(reps)),
            channels=list(dict.fromkeys(c.id for c in team.channels)),
            accounts={a: by_id[a] for a in scoped_accounts if a in by_id},
            labels={
                "region": {r.id: r.name for r in team.regions if r.name and r.name != r.id},
                "product": {p.id: p.name for p in team.products if p.name and p.name != p.id},
                "rep": {p.id: p.name for p in team.people if p.name and p.name != p.id},
                "channel": {c.id: c.name for c in team.channels if c.name and c.name != c.id},
                "account": {a.id: a.name for a in team.accounts if a.name and a.name != a.id},
            },
            people={p.id: p for p in reversed(team.people)},
            person_index={p.id: i for i, p in reversed(list(enumerate(team.people)))},
            history=history,
        )
        return env

    # -- period and people -------------------------------------------------------------------
    @property
    def start(self) -> dt.date:
        return self.plan.plan.period.start

    @property
    def end(self) -> dt.date:
        return self.plan.plan.period.end

    @property
    def period_days(self) -> int:
        return days_between(self.start, self.end)

    @property
    def unit(self) -> str:
        return self.plan.target_unit(self.target)

    def root_ctx(self) -> Ctx:
        return (None, None, None, self.start, self.end, None, None, None)

    def accounts_in(self, ctx: Ctx, among: list[str] | None = None) -> list[str]:
        """The accounts (of `among`, else the target's) a node holds: its account, else those of its
        region, tier and rep (the accounts the rep owns)."""
        ids = among if among is not None else list(self.accounts)
        if ctx[ACCOUNT] is not None:
            return [a for a in ids if a == ctx[ACCOUNT]]
        region, tier, rep = ctx[REGION], ctx[TIER], ctx[REP]
        return [
            a
            for a in ids
            if (region is None or self.accounts[a].region == region)
            and (tier is None or self.accounts[a].tier == tier)
            and (rep is None or self.accounts[a].owner == rep)
        ]

    def tiers_of(self, accounts: list[str]) -> list[str]:
        """The tiers (A, B, C, in that order) that `accounts` have."""
        present = {self.accounts[a].tier for a in accounts}
        return [t for t in TIERS if t in present]

    def active(self, rep: str | None) -> tuple[dt.date, dt.date]:
        """The days a rep is active within the plan period (the whole period for no rep)."""
        cached = self._active.get(rep)
        if cached is not None:
            return cached
        start, end = self.start, self.end
        person = self.people.get(rep) if rep is not None else None
        if person is not None:
            start, end = overlap(start, end, person.start or start, person.end or end)
        self._active[rep] = (start, end)
        return start, end

    def active_days(self, rep: str | None, start: dt.date, end: dt.date) -> int:
        a_start, a_end = self.active(rep)
        return days_between(*overlap(a_start, a_end, start, end))

    def ramp(self, rep: str | None) -> Ramp | None:
        """The rep's ramp-up (people[].ramp, else team.ramp), None when not ramped (built once a rep:
        every node of the rep asks)."""
        if rep in self._ramps:
            return self._ramps[rep]
        person = self.people.get(rep) if rep is not None else None
        ramp = self._ramps[rep] = ramp_of(person, self.plan.team) if person is not None else None
        return ramp

    def ramped_days(self, rep: str | None, start: dt.date, end: dt.date) -> Fraction:
        """The rep's active days in [start, end], each at the share of its tenure month (`salesplan.model.ramp`);
        counted once a ramp and range of active days: reps hired alike, and reps without a ramp, share them."""
        a_start, a_end = self.active(rep)
        key = (self.ramp(rep), *overlap(a_start, a_end, start, end))
        cached = self._ramped.get(key)
        if cached is None:
            cached = self._ramped[key] = ramped_days(key[1], key[2], key[0])
        return cached

    def capacity_in(self, rep: str, start: dt.date, end: dt.date) -> Fraction:
        """The rep's capacity over [start, end]: their capacity a day of the plan period times their ramped
        active days there (a capacity rep level's weight; over the whole period, the rep's cap)."""
        cached = self._capacities.get((rep, start, end))
        if cached is None:  # capacity * days / period days, as one exact fraction
            numerator, denominator = (self.people[rep].capacity or Decimal(0)).as_integer_ratio()
            days = self.ramped_days(rep, start, end)
            cached = Fraction(numerator * days.numerator, denominator * days.denominator * self.period_days)
            self._capacities[(rep, start, end)] = cached
        return cached

    def ramp_share(self, rep: str, start: dt.date, end: dt.date) -> Fraction:
        """The ramped share of the rep's active days in [start, end] (`salesplan.model.ramp.ramp_share`)."""
        a_start, a_end = self.active(rep)
        key = (self.ramp(rep), *overlap(a_start, a_end, start, end))
        cached = self._ramp_shares.get(key)
        if cached is None:
            cached = self._ramp_shares[key] = ramp_share(key[1], key[2], key[0])
        return cached

    def rep_region(self, rep: str | None) -> str | None:
        person = self.people.get(rep) if rep is not None else None
        return person.region if person is not None else None

    def calendar(self, region: str | None = None) -> WorkdayCalendar:
        """The working days of a region's parts: its own calendar (team.regions[].calendar), else the plan's."""
        cached = self._calendars.get(region)
        if cached is None:
            code = self.plan.plan.calendar
            if region is not None:
                code = next((r.calendar for r in self.plan.team.regions if r.id == region and r.calendar), code)
            cached = self._calendars[region] = workday_calendar(self.start, self.end, code)
        return cached

    # -- units ----------------------------------------------------------------------------------
    def to_units(self, value: Decimal) -> int | None:
        """`value` in whole granularity units, or None when it is not a whole multiple."""
        quotient = Fraction(value) / Fraction(self.granularity)  # exact, whatever the digits
        return quotient.numerator if quotient.denominator == 1 else None

    def amount(self, units: int | Fraction) -> str:
        """Units back as an amount for messages: `500万元`."""
        value = show(Fraction(units) * to_fraction(self.granularity))
        return f"{plain(value)}{self.unit}"

    # -- diagnostics ----------------------------------------------------------------------------
    def path(self, *rest: str | int) -> Path_:
        return ("targets", self.index, *rest)

    def diag(
        self,
        code: str,
        path: Path_,
        message: Message,
        *,
        severity: Severity | None = None,
        key: bool = False,
        hint: Message | None = None,
    ) -> Diagnostic:
        return codes.diagnostic(
            code,
            self.source.ref(path, key=key),
            _("target '{target}': {message}", target=self.target.id, message=message),
            path=path,
            hint=hint,
            severity=severity,
        )

    def warn_once(self, diagnostic: Diagnostic) -> None:
        if all((d.code, d.path) != (diagnostic.code, diagnostic.path) for d in self.warnings):
            self.warnings.append(diagnostic)


def with_part(ctx: Ctx, dim: str, part: str, env: TargetEnv) -> Ctx:
    """The ctx of a child that is `part` of dimension `dim`; an account brings its region and tier."""
    place = PLACE[dim]
    out = list(ctx)
    out[place] = part
    if dim == "account" and (account := env.accounts.get(part)) is not None:
        out[REGION] = ctx[REGION] or account.region
        out[TIER] = ctx[TIER] or account.tier
    return tuple(out)  # type: ignore[return-value]


def with_window(ctx: Ctx, start: dt.date, end: dt.date) -> Ctx:
    """The ctx of a child that is a time part from `start` to `end`."""
    return (ctx[0], ctx[1], ctx[2], start, end, ctx[5], ctx[6], ctx[7])


def describe(ctx: Ctx, env: TargetEnv) -> Text:
    """Where a node sits, for messages: `east-b / 吴敏 / 2026-07-01..2026-07-31`, or the whole target."""
    bits = [bit for bit in (*ctx[:3], *ctx[5:]) if bit is not None]
    if (ctx[START], ctx[END]) != (env.start, env.end):
        bits.append(f"{ctx[START]}..{ctx[END]}")
    return " / ".join(bits) if bits else _WHOLE_TARGET


_WHOLE_TARGET = _("the whole target")
