"""拆解逻辑: how a part was derived (`Basis`) and its text, one `Message` per method, rendered in the
output's language."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from salesplan.i18n import Message, Text, _, render

_TENTH = Decimal("0.1")


def _num(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def percent_text(share: Fraction) -> str:
    """A share as a percent: `60%` when whole, else to a tenth: `44.8%`."""
    points = share * 100
    if points.denominator == 1:
        return f"{points.numerator}%"
    return f"{(Decimal(points.numerator) / Decimal(points.denominator)).quantize(_TENTH)}%"


def _fraction(basis: Basis) -> str:
    return f"{_num(basis.numerator)}/{_num(basis.denominator)}"


def _percent(basis: Basis) -> str:
    share = basis.share()
    return f"{(share * 100).quantize(_TENTH)}%" if share is not None else ""


def _same_period_of(method: str, row: str, percent: str) -> Message:
    """A time part phased by a product's, channel's or account's row: `按 device 去年同期 31.6%`."""
    if method == "same_month":
        return _("like {row}'s same month last year {percent}", row=row, percent=percent)
    if method == "same_quarter":
        return _("like {row}'s same quarter last year {percent}", row=row, percent=percent)
    return _("like {row}'s same week last year {percent}", row=row, percent=percent)


def basis_message(basis: Basis) -> Text:
    """How the part was derived, not yet rendered: `按权重 3/10` / `by weight 3/10`, with its note."""
    method = basis.method
    text: Text
    if method == "total":
        text = _("target total")
    elif method == "even":
        text = _("even")
    elif method == "explicit":
        text = _("explicit")
    elif method == "weights":
        text = _("by weight {fraction}", fraction=_fraction(basis))
    elif method == "history":
        text = _("by history share {percent}", percent=_percent(basis))
    elif method in ("same_month", "same_quarter", "same_week") and basis.row is not None:
        text = _same_period_of(method, basis.row, _percent(basis))
    elif method == "same_month":
        text = _("like the same month last year {percent}", percent=_percent(basis))
    elif method == "same_quarter":
        text = _("like the same quarter last year {percent}", percent=_percent(basis))
    elif method == "same_week":
        text = _("like the same week last year {percent}", percent=_percent(basis))
    elif method == "capacity":
        text = _("by capacity {fraction}", fraction=_fraction(basis))
    elif method == "workdays":
        text = _("by workdays {fraction}", fraction=_fraction(basis))
    elif method == "days":
        text = _("by days {fraction}", fraction=_fraction(basis))
    elif method == "ipf":
        text = _("IPF fit {percent}", percent=_percent(basis))
    else:
        text = method
    if basis.note is None:
        return text
    return _("{basis} ({note})", basis=text, note=basis.note)


@dataclass(frozen=True)
class Basis:
    """How a part was derived (拆解逻辑), rendered per language.

    method: even | weights | explicit | history | capacity | workdays | ipf | total
    numerator/denominator: the share's terms as shown to people (e.g. capacity 160/300,
    workdays 22/64, history 150/250); None where the method has none (even, explicit).
    days: an even time part that is only partly covered (numerator days of denominator).
    note: what else shaped the part (`active 46/92 days`, `at capacity`), a Message of any language.
    row: the product, channel or account whose row of `history.by_month` phased a time part (None:
    the region's or the team's row, not named).
    """

    method: str
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: Message | None = None
    row: str | None = None

    def share(self) -> Decimal | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator

    def message(self) -> Text:
        """The 拆解逻辑 text, not yet rendered (`salesplan.i18n`)."""
        return basis_message(self)

    def text(self, lang: str = "zh") -> str:
        """The 拆解逻辑 text in `lang`: `按权重 3/10`, `by weight 3/10`."""
        return render(self.message(), lang)
