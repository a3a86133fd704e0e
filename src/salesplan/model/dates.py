"""Why a date written as YYYY-MM-DD does not exist, in the catalog's words (Python's own reasons,
such as "month must be in 1..12", are English only)."""

from __future__ import annotations

import calendar
import re

from salesplan.i18n import Message, _

_DATE_RE = re.compile(r"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$")


def date_problem(text: str) -> Message:
    """What is wrong with the date `text`: its year, month or day out of range, or its form."""
    match = _DATE_RE.match(text)
    if match is None:
        return _("write it as YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= year <= 9999:
        return _("the year must be from 1 to 9999")
    if not 1 <= month <= 12:
        return _("the month must be from 1 to 12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        written = f"{year:04d}-{month:02d}"  # a field of the message, never its msgid
        return _("{month} has days 1 to {days}", month=written, days=days)
    return _("write it as YYYY-MM-DD")
