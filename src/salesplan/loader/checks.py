"""Checks every loaded plan must pass: unique ids, resolvable references, sane numbers and periods.

They read the file's data as loaded, not the validated model, so they run (and report) together
with the model's own findings: an unknown key elsewhere in a target does not hide an unresolved
region. Values are read with the model's own value types; a value the model refuses is skipped
here (it has its finding already).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import Message, _
from salesplan.loader.validate import did_you_mean, suggestion
from salesplan.loader.yamltree import Path_, SourceMap
from salesplan.model.values import parse_amount, parse_percent
from salesplan.model.words import KIND

_TEAM_KINDS = {
    "regions": "region",
    "products": "product",
    "people": "person",
    "accounts": "account",
    "channels": "channel",
}
# the history tables of the customer and channel dimensions: part -> amount, or part -> product -> amount
_HISTORY_BY = {"by_channel": "channel", "by_account": "account", "by_tier": "tier"}
_TIERS = {"A", "B", "C"}
_ROW_KINDS = ("region", "product", "channel", "account")  # what a row of history.by_month may name


def _negative(key: str, name: str | None, shown: str) -> Message:
    """A target's `value` or `baseline` below zero."""
    if key == "value":
        return _("target '{name}' value is negative ({shown})", name=name, shown=shown)
    return _("target '{name}' baseline is negative ({shown})", name=name, shown=shown)


def _diag(source: SourceMap, code: str, path: Path_, message: Message) -> Diagnostic:
    return codes.diagnostic(code, source.ref(path), message, path=path)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) of every mapping in a list; anything else has its model finding."""
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, dict))


def ident(value: Any) -> str | None:
    """An id as the model reads it (numbers become their text), or None where it is not one."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        return None


def _number(value: Any, read: Any) -> Decimal | None:
    try:
        number = read(value)
    except ValueError:
        return None
    return number if isinstance(number, Decimal) else None


class _Checker:
    def __init__(self, data: dict[str, Any], source: SourceMap) -> None:
        self.data, self.source = data, source
        self.out: list[Diagnostic] = []

    def shown(self, path: Path_, value: Any) -> str:
        """The value as the file writes it."""
        written = self.source.written(path)
        return written if written is not None else str(value)

    def ids(self, base: Path_, items: Any, kind: str) -> set[str]:
        """The ids of a list of items; a second item with the same id is SP030."""
        first: dict[str, int] = {}
        for i, item in _items(items):
            name = ident(item.get("id"))
            if name is None:
                continue
            if name in first:
                line = self.source.ref((*base, first[name], "id")).line
                self.out.append(
                    _diag(
                        self.source,
                        codes.DUPLICATE_ID,
                        (*base, i, "id"),
                        _(
                            "duplicate {kind} id '{name}' (first defined at line {line})",
                            kind=KIND.get(kind, kind),
                            name=name,
                            line=line,
                        ),
                    )
                )
            else:
                first[name] = i
        # an item written as a bare id (`- east-a`) is refused where it is written (it needs a mapping), not
        # again at every reference to it, as an unknown id with a wrong guess
        bare = {ident(item) for item in (items if isinstance(items, list) else []) if not isinstance(item, dict)}
        return set(first) | {name for name in bare if name is not None}

    def ref(self, path: Path_, value: Any, known: set[str], kind: str) -> None:
        """A reference to an id of `kind` must name one that exists (SP031, with a did-you-mean)."""
        name = ident(value)
        if name is None or name in known:
            return
        from salesplan.loader.validate import did_you_mean, suggestion

        guess = suggestion(did_you_mean(name, sorted(known)))
        message = _("unknown {kind} '{name}'{suggestion}", kind=KIND.get(kind, kind), name=name, suggestion=guess)
        self.out.append(_diag(self.source, codes.UNRESOLVED_REFERENCE, path, message))

    def month_row(self, key: Any, known: dict[str, set[str]]) -> None:
        """A row of `history.by_month` names one region, product, channel or account (SP031: none, or
        more than one kind of part with that id)."""
        path = ("history", "by_month", key)
        name = ident(key)
        kinds = [kind for kind in _ROW_KINDS if name in known[kind]]
        if name is None or len(kinds) == 1:
            return
        if len(kinds) > 1:
            message = _(
                "'{name}' of history.by_month is both a {first} and a {second}: give them different ids so that "
                "the row names one part",
                name=name,
                first=KIND[kinds[0]],
                second=KIND[kinds[1]],
            )
            self.out.append(_diag(self.source, codes.UNRESOLVED_REFERENCE, path, message))
        elif not any(known[kind] for kind in _ROW_KINDS[1:]):
            self.ref(path, name, known["region"], "region")
        else:
            every = sorted(set().union(*(known[kind] for kind in _ROW_KINDS)))
            guess = suggestion(did_you_mean(name, every))
            message = _("unknown region, product, channel or account '{name}'{suggestion}", name=name, suggestion=guess)
            self.out.append(_diag(self.source, codes.UNRESOLVED_REFERENCE, path, message))

    def refs(self, base: Path_, values: Any, known: set[str], kind: str) -> None:
        if isinstance(values, list):
            for j, value in enumerate(values):
                self.ref((*base, j), value, known, kind)

    def order(self, base: Path_, item: dict[str, Any], what: Message) -> None:
        """`end` must not come before `start` (SP034)."""
        start, end = _date(item.get("start")), _date(item.get("end"))
        if start is None or end is None or end >= start:
            return
        shown_end, shown_start = self.shown((*base, "end"), end), self.shown((*base, "start"), start)
        self.out.append(
            _diag(
                self.source,
                codes.PERIOD_ORDER,
                (*base, "end"),
                _("{what} ends ({end}) before it starts ({start})", what=what, end=shown_end, start=shown_start),
            )
        )


def check_data(data: dict[str, Any], source: SourceMap) -> list[Diagnostic]:
    """Unique ids per kind, every reference resolved, no negative target, periods in order."""
    c = _Checker(data, source)
    team = _mapping(data.get("team"))
    known = {kind: c.ids(("team", key), team.get(key), kind) for key, kind in _TEAM_KINDS.items()}
    for key, kind in (("targets", "target"), ("strategies", "strategy"), ("risks", "risk"), ("tasks", "task")):
        known[kind] = c.ids((key,), data.get(key), kind)
    people, regions = known["person"], known["region"]

    header = _mapping(data.get("plan"))
    c.ref(("plan", "owner"), header.get("owner"), people, "person")
    period = header.get("period")
    if isinstance(period, dict):
        c.order(("plan", "period"), period, _("the plan period"))
    for i, person in _items(team.get("people")):
        c.ref(("team", "people", i, "region"), person.get("region"), regions, "region")
        c.order(("team", "people", i), person, _("person '{id}'", id=ident(person.get("id"))))
    for i, account in _items(team.get("accounts")):
        c.ref(("team", "accounts", i, "region"), account.get("region"), regions, "region")
        c.ref(("team", "accounts", i, "owner"), account.get("owner"), people, "person")
    for region, row in _mapping(_mapping(data.get("history")).get("revenue")).items():
        c.ref(("history", "revenue", region), region, regions, "region")
        for product in _mapping(row):
            c.ref(("history", "revenue", region, product), product, known["product"], "product")
    for i, channel in _items(team.get("channels")):
        c.ref(("team", "channels", i, "owner"), channel.get("owner"), people, "person")
    for table, kind in _HISTORY_BY.items():
        for part, row in _mapping(_mapping(data.get("history")).get(table)).items():
            c.ref(("history", table, part), part, _TIERS if kind == "tier" else known[kind], kind)
            for product in _mapping(row):
                c.ref(("history", table, part, product), product, known["product"], "product")
    for key, row in _mapping(_mapping(data.get("history")).get("by_month")).items():
        if isinstance(row, dict):  # a row of months: its key names one region, product, channel or account
            c.month_row(key, known)
    for i, target in _items(data.get("targets")):
        _check_target(c, ("targets", i), target, known)
    for key in ("strategies", "risks", "tasks"):
        for i, item in _items(data.get(key)):
            c.ref((key, i, "owner"), item.get("owner"), people, "person")
    for i, task in _items(data.get("tasks")):
        c.ref(("tasks", i, "strategy"), task.get("strategy"), known["strategy"], "strategy")
        c.refs(("tasks", i, "depends_on"), task.get("depends_on"), known["task"], "task")
    return sorted(c.out, key=Diagnostic.sort_key)


def _check_target(c: _Checker, base: Path_, target: dict[str, Any], known: dict[str, set[str]]) -> None:
    c.ref((*base, "owner"), target.get("owner"), known["person"], "person")
    c.refs((*base, "strategies"), target.get("strategies"), known["strategy"], "strategy")
    scope = _mapping(target.get("scope"))
    for key, kind in (("regions", "region"), ("products", "product"), ("accounts", "account")):
        c.refs((*base, "scope", key), scope.get(key), known[kind], kind)
    name = ident(target.get("id"))
    for key in ("value", "baseline"):
        number = _number(target.get(key), parse_percent)
        if number is not None and number < 0:
            shown = c.shown((*base, key), number)
            c.out.append(_diag(c.source, codes.NEGATIVE_VALUE, (*base, key), _negative(key, name, shown)))
    granularity = _number(target.get("granularity"), parse_amount)
    if granularity is not None and granularity <= 0:
        shown = c.shown((*base, "granularity"), granularity)
        c.out.append(
            _diag(
                c.source,
                codes.NEGATIVE_VALUE,
                (*base, "granularity"),
                _("target '{name}' granularity must be greater than 0 (got {shown})", name=name, shown=shown),
            )
        )
