"""SP067: a part an actuals row names that is outside its target's scope or breakdown."""

from __future__ import annotations

from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.review import codes
from salesplan.review.rows import ActualRow


def not_in_breakdown(row: ActualRow, key: str, part: str, target_id: str, under: str = "") -> Diagnostic:
    """SP067: the row's `key` names `part`, which is outside the target's scope or its breakdown
    (`under`: the parts above, when the row stops above `key`'s level). A sentence per column: the
    Chinese text does not name the column. A tier is the row's account's: located at its cell."""
    fields = {"part": part, "target": target_id, "under": _(" under {parts}", parts=under) if under else ""}
    message = {
        "region": _("region '{part}' is not a part of target {target}'s scope or breakdown{under}", **fields),
        "product": _("product '{part}' is not a part of target {target}'s scope or breakdown{under}", **fields),
        "rep": _("rep '{part}' is not a part of target {target}'s scope or breakdown{under}", **fields),
        "account": _("account '{part}' is not a part of target {target}'s scope or breakdown{under}", **fields),
        "channel": _("channel '{part}' is not a part of target {target}'s scope or breakdown{under}", **fields),
        "tier": _("tier '{part}' (the row's account's) is not a part of target {target}'s breakdown{under}", **fields),
    }[key]
    return diagnostic(codes.ACTUALS_NOT_IN_BREAKDOWN, row.where("account" if key == "tier" else key), message)
