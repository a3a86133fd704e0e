"""Building a breakdown level by level: every node of a level gets its children, exactly.

A frontier is the list of (node, ctx, units) still to split; each builder returns the next one.
Shares and roundings are cached by what they depend on, so nodes alike cost a dict lookup.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from decimal import Decimal, localcontext
from fractions import Fraction

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.i18n import Message, _
from salesplan.loader.yamltree import Path_
from salesplan.model.words import dimension
from salesplan.split.capacity import OverCapacity, allocate
from salesplan.split.env import END, PLACE, START, Ctx, SplitProblem, TargetEnv, describe, with_part, with_window
from salesplan.split.frontier import Frontier
from salesplan.split.held import hold_with, merge, rest_of, rest_shares
from salesplan.split.held_nodes import HeldNodes, read_held, stray_parts, unmet
from salesplan.split.ipf_level import split_ipf
from salesplan.split.levels import Level
from salesplan.split.methods import compute_shares, shares_keys
from salesplan.split.result import Basis, SplitNode
from salesplan.split.rounding import apportion
from salesplan.split.seasonal import keep_rows
from salesplan.split.shares import Shares

_ONE = Decimal(1)
_FAILED: list[int] = []  # the roundings of a node that cannot be split: it gets no children


class Builder:
    """Splits the frontier of one target, level after level."""

    def __init__(self, env: TargetEnv, allow_over_capacity: bool) -> None:
        self.env = env
        self.allow_over_capacity = allow_over_capacity
        self._values: dict[int, Decimal] = {}
        self._labels: dict[tuple[str, tuple[str, ...]], tuple[str | None, ...]] = {}

    def value(self, units: int) -> Decimal:
        cached = self._values.get(units)
        if cached is None:
            g = self.env.granularity
            with localcontext() as context:  # precision for every digit: the product is exact
                context.prec = max(28, len(str(abs(units))) + len(g.as_tuple().digits) + 2)
                cached = Decimal(units) if g == 1 else Decimal(units) * g
                # 2 rather than 2.0 when the granularity is 0.5; 2.5 rather than 2.50 for 0.01
                cached = cached.quantize(_ONE) if cached == cached.to_integral_value() else cached.normalize()
            self._values[units] = cached
        return cached

    def level(self, level: Level, frontier: Frontier, last: bool) -> Frontier:
        if level.method == "ipf":
            return split_ipf(self, level, frontier, last)
        if level.method == "capacity" and level.spec.cap and level.dim == "rep":
            return self._capacity(level, frontier, last)
        return self._plain(level, frontier, last)

    # -- one level, node by node ---------------------------------------------------------------
    def _plain(self, level: Level, frontier: Frontier, last: bool) -> Frontier:
        """Every node of the level, each checked: a node that cannot be split records why (with the env's
        findings, `TargetEnv.deferred`) and has no children to check; its siblings go on."""
        env = self.env
        key_of = shares_keys(env, level)
        cache: dict[Hashable, tuple[Shares, dict[int, list[int]]]] = {}  # a key's shares, and their roundings
        failed: set[Hashable] = set()  # keys whose shares cannot be made (said once)
        out: Frontier = []
        held = read_held(env, level)[0] if level.spec.held else None
        met: set[tuple[str, ...]] = set()
        own: dict[Hashable, Shares] = {}  # the shares of nodes that hold parts, by key and held parts
        for node, ctx, units in frontier:
            if held is not None and (path := held.path_of(ctx)) in held.by_path:
                met.add(path)  # this node holds its own parts: its shares and rounding are its own
                try:
                    shares, parts = self._held_node(level, ctx, key_of(ctx), units, held, path, own)
                except SplitProblem as problem:
                    env.deferred += problem.diagnostics
                    continue
                self.attach(level, node, ctx, shares, parts, shares.bases, out, last)
                continue
            key = key_of(ctx)
            known = cache.get(key)
            if known is None:
                if key in failed:
                    continue
                try:
                    known = cache[key] = (compute_shares(env, level, ctx), {})
                except SplitProblem as problem:
                    failed.add(key)
                    env.deferred += problem.diagnostics
                    continue
            shares, rounded = known
            cached = rounded.get(units)
            if cached is None:
                said = len(env.deferred)
                cached = self._allocate_or_defer(level, ctx, shares, units)
                if len(env.deferred) == said:  # a node with a problem is not a model: each says its own
                    rounded[units] = cached
            if cached is _FAILED:
                continue
            self.attach(level, node, ctx, shares, cached, shares.bases, out, last)
        if held is not None:
            env.deferred += unmet(self.env, level, held, met)
        return out

    def _allocate_or_defer(self, level: Level, ctx: Ctx, shares: Shares, units: int) -> list[int]:
        """The node's parts, or `_FAILED` when it cannot be split (why: with the env's findings)."""
        try:
            return self.allocate(level, ctx, shares, units)
        except SplitProblem as problem:
            self.env.deferred += problem.diagnostics
            return _FAILED

    def _held_node(
        self,
        level: Level,
        ctx: Ctx,
        key: Hashable,
        units: int,
        held: HeldNodes,
        path: tuple[str, ...],
        own: dict[Hashable, Shares],
    ) -> tuple[Shares, list[int]]:
        """The shares and parts of a node with its own `held:` parts (`salesplan.split.held_nodes`): the
        held parts are never weighed, so they need nothing the method reads (a month's history)."""
        values = held.by_path[path]
        mine_key = (key, frozenset(values))
        shares = own.get(mine_key)
        if shares is None:
            shares = own[mine_key] = compute_shares(self.env, level, ctx, frozenset(values))
        stray = stray_parts(self.env, level, held, path, shares.parts)
        if stray:
            raise SplitProblem(stray)
        mine = keep_rows(shares, hold_with(shares, values))
        return mine, self.allocate(level, ctx, mine, units, held.located(self.env, level, path))

    def allocate(self, level: Level, ctx: Ctx, shares: Shares, units: int, at: Path_ | None = None) -> list[int]:
        """The node's parts in units. Values that do not add up are recorded (`TargetEnv.deferred`) and the
        parts keep them, so that the levels below are still checked; a node with nothing to split by
        raises SplitProblem: it has no parts."""
        env = self.env
        if shares.held:
            try:
                left = rest_of(env, level, ctx, shares, units, at)
            except SplitProblem as problem:  # the held parts are known: they are checked below, the rest is 0
                env.deferred += problem.diagnostics
                return merge(shares.held, [0] * shares.held.count(None))
            rest = [w for w, h in zip(shares.weights, shares.held, strict=True) if h is None]
            if left and not rest:  # every part is held: what they leave has nowhere to go
                where = at or level.path(env, "rest")
                message = _(
                    "every part of {where} is held, and the {amount} the held values leave has no part to go to",
                    where=describe(ctx, env),
                    amount=env.amount(left),
                )
                env.deferred.append(env.diag(codes.ZERO_WEIGHTS, where, message))
                return merge(shares.held, [])
            if left and not any(rest):
                raise SplitProblem([self._nothing_to_split_by(level, ctx, left, shares)])
            return merge(shares.held, apportion(left, rest))
        if shares.fixed:
            given = sum(shares.weights)
            if given != units:
                message = _(
                    "values add up to {given}, not to the {units} they split ({where})",
                    given=env.amount(given),
                    units=env.amount(units),
                    where=describe(ctx, env),
                )
                env.deferred.append(env.diag(codes.SUM_MISMATCH, level.path(env, "values"), message))
            return list(shares.weights)
        if units and not any(shares.weights):
            raise SplitProblem([self._nothing_to_split_by(level, ctx, units, shares)])
        return apportion(units, shares.weights)

    def _nothing_to_split_by(self, level: Level, ctx: Ctx, units: int, shares: Shares) -> Diagnostic:
        env = self.env
        where, amount, dim = describe(ctx, env), env.amount(units), dimension(level.dim)
        path = level.method_path(env)
        if level.method == "history":
            return env.diag(
                codes.NO_HISTORY,
                path,
                _(
                    "history is zero for every {dim} of {where}, which has {amount} to split",
                    dim=dim,
                    where=where,
                    amount=amount,
                ),
            )
        active = any(env.active_days(rep, ctx[START], ctx[END]) for rep in shares.parts)
        if level.dim == "rep" and (level.method != "weights" or not active):
            if level.method == "capacity":
                message = _("no active rep with capacity can carry {amount} in {where}", amount=amount, where=where)
            else:
                message = _("no active rep can carry {amount} in {where}", amount=amount, where=where)
            return env.diag(codes.NO_REPS, path, message)
        return env.diag(
            codes.ZERO_WEIGHTS,
            path,
            _(
                "every {dim} weight is zero in {where}, which has {amount} to split",
                dim=dim,
                where=where,
                amount=amount,
            ),
        )

    def attach(
        self,
        level: Level,
        node: SplitNode,
        ctx: Ctx,
        shares: Shares,
        parts: list[int],
        bases: tuple[Basis, ...],
        out: Frontier,
        last: bool,
        dim: str | None = None,
    ) -> None:
        """Give `node` its children; queue them (with their ctx) unless this is the last level."""
        dim = dim or level.dim
        labels = self._labels.get((dim, shares.parts))
        if labels is None:
            names = self.env.labels.get(dim, {})
            labels = self._labels[(dim, shares.parts)] = tuple(names.get(part) for part in shares.parts)
        cached = self._values
        children = [
            SplitNode(dim, part, cached[units] if units in cached else self.value(units), basis, [], label)
            for part, units, basis, label in zip(shares.parts, parts, bases, labels, strict=True)
        ]
        node.children = children
        if last:
            return
        env = self.env
        if dim in PLACE:
            out.extend(
                (child, with_part(ctx, dim, child.part or "", env), units)
                for child, units in zip(children, parts, strict=True)
            )
        else:
            out.extend(
                ((child, with_window(ctx, w[0], w[1]), units))
                for child, units, w in zip(children, parts, shares.windows, strict=True)
            )

    # -- a capacity level: all nodes at once, so a rep's cap holds across the whole target ---------
    def _capacity(self, level: Level, frontier: Frontier, last: bool) -> Frontier:
        env = self.env
        key_of = shares_keys(env, level)
        cache: dict[Hashable, Shares] = {}
        jobs: list[tuple[int, Shares]] = []
        whole: list[Shares] = []
        rests: dict[int, Shares] = {}
        failed: set[Hashable] = set()
        kept: Frontier = []  # the nodes that can be split: a node that cannot records why and has no children
        for entry in frontier:
            _node, ctx, units = entry
            key = key_of(ctx)
            shares = cache.get(key)
            if shares is None:
                if key in failed:
                    continue
                try:
                    shares = cache[key] = compute_shares(env, level, ctx)
                except SplitProblem as problem:
                    failed.add(key)
                    env.deferred += problem.diagnostics
                    continue
            full = shares
            try:
                if shares.held:  # the held reps keep their value; the others share the rest within their caps
                    units = rest_of(env, level, ctx, shares, units)
                    shares = rests.get(id(shares)) or rests.setdefault(id(shares), rest_shares(shares))
                if units and not any(shares.weights):
                    raise SplitProblem([self._nothing_to_split_by(level, ctx, units, shares)])
            except SplitProblem as problem:
                env.deferred += problem.diagnostics
                continue
            kept.append(entry)
            whole.append(full)
            jobs.append((units, shares))
        granularity = Fraction(env.granularity)
        caps = {rep: _cap_units(env, rep, granularity) for rep in level.universe["rep"]}
        capped: set[str] = set()
        helped: set[str] = set()
        try:
            plan = allocate(jobs, caps)
            allocations, capped, helped = plan.allocations, plan.capped, plan.helped
        except OverCapacity as over:
            # an error unless allowed; either way the level is split by plain capacity shares, so the
            # levels below it are still checked
            (env.warnings if self.allow_over_capacity else env.deferred).append(self._over_capacity(level, over))
            allocations = [apportion(units, shares.weights) for units, shares in jobs]
        out: Frontier = []
        for (node, ctx, _units), (_job_units, shares), parts, full in zip(kept, jobs, allocations, whole, strict=True):
            bases = shares.bases
            if capped or helped:
                bases = tuple(
                    _capacity_note(b, rep, capped, helped) for b, rep in zip(bases, shares.parts, strict=True)
                )
            if full.held:
                parts = merge(full.held, parts)
                spread = iter(bases)
                bases = tuple(b if h is not None else next(spread) for b, h in zip(full.bases, full.held, strict=True))
            self.attach(level, node, ctx, full, parts, bases, out, last)
        return out

    def _over_capacity(self, level: Level, over: OverCapacity) -> Diagnostic:
        env = self.env
        reps = ", ".join(over.reps[:8]) + (" ..." if len(over.reps) > 8 else "")
        prorated = sum((_prorated(env, rep) for rep in over.reps), Fraction(0))
        can = env.amount(prorated / Fraction(env.granularity))
        severity = Severity.WARNING if self.allow_over_capacity else Severity.ERROR
        return env.diag(
            codes.OVER_CAPACITY,
            level.method_path(env),
            _(
                "reps {reps} are asked for {asked} but their capacity (prorated to the days they are active and their "
                "ramp-up) is {can}",
                reps=reps,
                asked=env.amount(over.asked),
                can=can,
            ),
            severity=severity,
            hint=None if self.allow_over_capacity else _OVER_CAPACITY_HINT,
        )


_OVER_CAPACITY_HINT = _("lower the target, add capacity, or use --allow-over-capacity to spread the excess by capacity")
_AT_CAPACITY = _("at capacity")
_TAKES_EXCESS = _("takes others' excess")


def _prorated(env: TargetEnv, rep: str) -> Fraction:
    return env.capacity_in(rep, env.start, env.end)


def _cap_units(env: TargetEnv, rep: str, granularity: Fraction) -> int:
    """A rep's cap in whole granularity units, rounded up (the ceiling of prorated / granularity)."""
    prorated = _prorated(env, rep)
    return -(-(prorated.numerator * granularity.denominator) // (prorated.denominator * granularity.numerator))


def _capacity_note(basis: Basis, rep: str, capped: set[str], helped: set[str]) -> Basis:
    note: Message
    if rep in capped:
        note = _AT_CAPACITY
    elif rep in helped:
        note = _TAKES_EXCESS
    else:
        return basis
    if basis.note is not None:
        note = _("{first}; {second}", first=basis.note, second=note)
    return replace(basis, note=note)
