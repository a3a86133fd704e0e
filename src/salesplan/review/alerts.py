"""Re-planning alerts: the triggers DOMAIN.md §1 names, read from the completed periods of a review.

    detect(figures, triggers, lower_is_better) -> list[(kind, figures involved, change)]

- streak: the latest `triggers.streak` (default 2) or more completed periods in a row each fell
  short of what the plan gave that period (a sum below the period's planned share; a level worse
  than the straight line from baseline to target at the period's end).
- drop: the latest completed period's actual fell more than `triggers.drop` percent (default 15)
  below the period before it (for a lower-is-better level: rose more than that). Periods cut short
  by the window's edges are not compared: half a month against a whole one is no drop.

A period is the finest time level of the target's split (week, month or quarter), or the month
where the split has none; it counts once its last day (inside the target's window) is on or before
the as-of date. Where some actuals cannot be placed in such periods (undated rows, a month-only
row against weeks) the coarser level is tried, and without one no period alert is raised: the
figures would be wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from salesplan.i18n import Message, _
from salesplan.numbers import TENTHS, plain, to_decimal
from salesplan.review.words import series

STREAK = "streak"
DROP = "drop"


@dataclass(frozen=True)
class Triggers:
    """When an alert fires: `streak` periods in a row below plan; a drop of more than `drop` percent."""

    streak: int = 2
    drop: Decimal = Decimal(15)

    def problem(self) -> Message | None:
        if self.streak < 1:
            return _("streak must be a whole number of periods, 1 or more")
        if not (0 <= self.drop <= 100):
            return _("drop must be a percent from 0 to 100")
        return None


@dataclass(frozen=True)
class PeriodFigure:
    """A completed period: what the plan gave it and what was achieved (None: a level nobody measured)."""

    part: str
    planned: Fraction
    actual: Fraction | None
    whole: bool  # the period lies wholly inside the target's window

    def short(self, lower_is_better: bool) -> bool:
        """Fell short of the plan's share (a sum) or of the planned level (a rate)."""
        if self.actual is None:
            return False
        if lower_is_better:
            return self.actual > self.planned
        return self.planned > 0 and self.actual < self.planned


@dataclass(frozen=True)
class Alert:
    """One fired trigger on one node (the target, or a part of its first breakdown level)."""

    kind: str
    label: str
    coords: dict[str, str]
    level: str  # the periods' time level
    periods: tuple[PeriodFigure, ...]  # oldest first; for a drop: the period before, then the latest
    change: Decimal | None = None  # a drop's period-on-period change in percent (negative: down)


def detect(
    figures: list[PeriodFigure], triggers: Triggers, lower_is_better: bool
) -> list[tuple[str, tuple[PeriodFigure, ...], Decimal | None]]:
    """The triggers `figures` (completed periods, oldest first) fire."""
    fired: list[tuple[str, tuple[PeriodFigure, ...], Decimal | None]] = []
    run: list[PeriodFigure] = []
    for figure in reversed(figures):
        if not figure.short(lower_is_better):
            break
        run.append(figure)
    if len(run) >= triggers.streak:
        fired.append((STREAK, tuple(reversed(run)), None))
    measured = [f for f in figures if f.actual is not None]
    if len(measured) >= 2 and measured[-1] is figures[-1]:
        before, latest = measured[-2], measured[-1]
        assert before.actual is not None and latest.actual is not None
        if before.whole and latest.whole and before.actual > 0:
            change = (latest.actual - before.actual) * 100 / before.actual
            worse = change > triggers.drop if lower_is_better else -change > triggers.drop
            if worse:
                fired.append((DROP, (before, latest), to_decimal(change, TENTHS)))
    return fired


def _periods(level: str, count: int, plural: bool) -> Message:
    """`2 months` (2 个月): a count of periods of `level`."""
    if plural:
        return {
            "week": _("{count} weeks", count=count),
            "month": _("{count} months", count=count),
            "quarter": _("{count} quarters", count=count),
        }[level]
    return {
        "week": _("{count} week", count=count),
        "month": _("{count} month", count=count),
        "quarter": _("{count} quarter", count=count),
    }[level]


def _change(level: str, rise: bool) -> Message:
    """`month-on-month drop` (月环比下降)."""
    return {
        ("week", True): _("week-on-week rise"),
        ("week", False): _("week-on-week drop"),
        ("month", True): _("month-on-month rise"),
        ("month", False): _("month-on-month drop"),
        ("quarter", True): _("quarter-on-quarter rise"),
        ("quarter", False): _("quarter-on-quarter drop"),
    }[level, rise]


def amount(value: Fraction, unit: str) -> str:
    """A period figure as shown in a message: at most two decimal places, with the target's unit."""

    return plain(to_decimal(value)) + unit


def kind_word(alert: Alert, lang: str) -> str:
    """The alert's kind in a few words (a table's 预警 column)."""
    if alert.kind == STREAK:
        periods = _periods(alert.level, len(alert.periods), plural=True)
        return _("{periods} below plan", periods=periods).render(lang)
    return _change(alert.level, (alert.change or 0) > 0).render(lang)


def whom(alert: Alert, lang: str) -> str:
    """The node an alert is on: a part's name, or the whole target."""
    if alert.coords:
        return alert.label
    return _("overall").render(lang)


def message(alert: Alert, unit: str, lang: str, triggers: Triggers) -> str:
    """The alert as a sentence, with the figures that fired it."""
    if alert.kind == STREAK:
        n = len(alert.periods)
        figures = series(
            [
                _(
                    "{part} {actual} of {planned} planned",
                    part=f.part,
                    actual=amount(f.actual or Fraction(0), unit),
                    planned=amount(f.planned, unit),
                )
                for f in alert.periods
            ]
        )
        periods = _periods(alert.level, n, plural=n != 1)
        return _(
            "below plan {periods} in a row ({figures}): consider re-planning", periods=periods, figures=figures
        ).render(lang)
    before, latest = alert.periods
    change = alert.change or Decimal(0)
    fields = {
        "latest": latest.part,
        "now": amount(latest.actual or Fraction(0), unit),
        "change": abs(change),
        "before": before.part,
        "was": amount(before.actual or Fraction(0), unit),
        "drop": triggers.drop,
    }
    if change > 0:
        sentence = _(
            "{latest} actual {now} is {change}% above {before}'s {was} (alert at {drop}%): consider re-planning",
            **fields,
        )
    else:
        sentence = _(
            "{latest} actual {now} is {change}% below {before}'s {was} (alert at {drop}%): consider re-planning",
            **fields,
        )
    return sentence.render(lang)
