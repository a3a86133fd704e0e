"""拆解逻辑: the text of a Basis, one `Message` per method, rendered in the output's language."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from salesplan.i18n import Text, _

if TYPE_CHECKING:
    from salesplan.split.result import Basis

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
    elif method == "same_month":
        text = _("like the same month last year {percent}", percent=_percent(basis))
    elif method == "same_quarter":
        text = _("like the same quarter last year {percent}", percent=_percent(basis))
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
