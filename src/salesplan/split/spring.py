"""The Spring Festival (春节) moves between late January and mid-February from year to year.

Phasing months like last year's same months (去年同期占比) then compares a January that held the
festival with one that did not. A month level phased by history among two or more months that
include January or February is therefore checked: when the festival of a plan month's year falls in
another month than that of the history month it is matched with, SP049 says so as a warning, at the
row of `history.by_month`, with the dates and the ways out (phase the quarter, hold January and
February with `values:` and `rest: history`, or give them weights). Months held (by `values:` beside
`rest: history`, or by a node's `held:`, as `salesplan replan` writes) are not phased, so they are not
checked. The split goes on: the warning is never silent, and never a guess either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import lru_cache

from salesplan import codes
from salesplan.diagnostics import Severity
from salesplan.i18n import Message, _
from salesplan.model.words import KIND
from salesplan.split.env import TargetEnv
from salesplan.split.growth import history_key
from salesplan.split.timeparts import TimePart

SPRING_MONTHS = (1, 2)
Rows = Sequence[tuple[str | None, Mapping[tuple[str, int], Sequence[tuple[str, Fraction]]]]]


@lru_cache(maxsize=64)
def spring_festival(year: int) -> dt.date | None:
    """The first day of the Spring Festival in `year` (China's calendar), None where it is not known.

    `holidays` is imported here, as by the other calendar users: a lint that phases no month by
    history never pays for loading it."""
    import holidays

    try:
        days = holidays.country_holidays("CN", years=year, language="en_US")
    except (NotImplementedError, KeyError, ValueError):
        return None
    festival = sorted(day for day, name in days.items() if name.startswith("Chinese New Year (Spring Festival)"))
    return festival[0] if festival else None


def row_label(env: TargetEnv, key: str | None) -> Message:
    """A row of `history.by_month` in messages: `region 'east-a'`, `product 'device'`, or the team's."""
    if key is None:
        return _("the team")
    kind = (env.seasonal_kinds or {}).get(key, "region")
    if kind == "region":
        return _("region '{region}'", region=key)
    return _("{kind} '{part}'", kind=KIND[kind], part=key)


def check_spring_shift(env: TargetEnv, parts: list[TimePart], rows: Rows) -> None:
    """Warn once per row when a January/February part is matched with a history month of a year
    whose Spring Festival falls in the other month (only when two or more months share the node)."""
    if len(parts) < 2:
        return
    for part in parts:
        if part.start.month not in SPRING_MONTHS:
            continue
        this = spring_festival(part.start.year)
        for region, row in rows:
            for label, _amount in row.get(("month", part.start.month), [])[:1]:
                found = history_key(label)
                last = spring_festival(found[2].year) if found is not None else None
                if this is None or last is None or this.month == last.month:
                    continue
                path = ("history", "by_month", region) if region is not None else ("history", "by_month")
                if any(d.code == codes.NO_HISTORY and d.path == path for d in env.warnings):
                    continue  # said once per row: a diagnostic is worded in both languages, not cheap
                where = row_label(env, region)
                env.warn_once(
                    env.diag(
                        codes.NO_HISTORY,
                        path,
                        _(
                            "the Spring Festival is on {this} but on {last} in the comparable year, so January and "
                            "February of history.by_month of {row} are not like this year's months",
                            this=this.isoformat(),
                            last=last.isoformat(),
                            row=where,
                        ),
                        severity=Severity.WARNING,
                        hint=_(
                            "phase the quarter (by: quarter, method: history), hold January and February with "
                            "values: and rest: history, or give them weights"
                        ),
                    )
                )
