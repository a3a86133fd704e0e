"""One cell read as its column's kind: a number in a unit, a day, a text, a person, a word of a list.

Numbers, days and words are read as Excel, WPS and LibreOffice write them (`salesplan.review.cells`,
`salesplan.review.amounts`): numbers stored as text, thousands separators, full-width digits, 万/亿
amounts, percent formats, serial days and `2026年7月1日`. A formula in an input cell is refused: a
formula's result is derived, and salesplan does not compute it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from salesplan import codes
from salesplan.i18n import Message, _
from salesplan.numbers import narrow, plain
from salesplan.review.amounts import Refusal, read_value
from salesplan.review.cells import EXCEL_EPOCH, FIRST_SERIAL, LAST_SERIAL, read_day

__all__ = ["Bad", "Formula", "amount", "choice", "day", "is_formula", "narrow", "number", "person", "shown", "text"]


# the days a plan names: those of Excel's five-digit serials (1927-05-18 .. 2173-10-14); a small number in a
# date-formatted cell (12.5 shows as 1900-01-12) is no plan's day
EARLIEST = EXCEL_EPOCH + dt.timedelta(days=FIRST_SERIAL)
LATEST = EXCEL_EPOCH + dt.timedelta(days=LAST_SERIAL)


class Bad(Exception):
    """A cell that does not read as its column's kind; `code` and `message` say why."""

    def __init__(self, code: str, message: Message) -> None:
        super().__init__(message.render("en"))
        self.code = code
        self.message = message


class Formula(str):
    """A formula cell's text (`=SUM(C3:C9)`), apart from a text cell that starts with `=`."""

    __slots__ = ()


def is_formula(value: Any) -> bool:
    return isinstance(value, Formula)


def _no_formula(value: Any) -> None:
    if is_formula(value):
        raise Bad(codes.IMPORT_TOTAL, _("a formula ({formula}) in an input cell: type the value", formula=value[:40]))


def shown(value: Any) -> str:
    """A cell's value as the sheet shows it: a day as YYYY-MM-DD, a number without exponent or trailing
    zeros, anything else as its text (a formula's included); "" when empty."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain(value)
    return "" if value is None else str(value)


def text(value: Any) -> str | None:
    """A text cell (a number as Excel shows it); None when empty."""
    _no_formula(value)
    return shown(value).strip() or None


def number(value: Any, unit: str | None) -> Decimal | None:
    """A number in `unit` (万/亿 amounts converted to it exactly); None when empty."""
    _no_formula(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise Bad(codes.IMPORT_BAD_VALUE, _("'{value}' is not a number", value=value))
    read = read_value(narrow(value.strip()) if isinstance(value, str) else value, unit or None)
    if isinstance(read, Refusal):
        raise Bad(codes.IMPORT_BAD_VALUE, read.reason)
    return read


def amount(value: Any, unit: str | None) -> Decimal | None:
    """A number that cannot be below zero (a part of a breakdown, a budget); None when empty."""
    read = number(value, unit)
    if read is not None and read < 0:
        raise Bad(codes.IMPORT_BAD_VALUE, _("{value} is negative: this value cannot be below 0", value=plain(read)))
    return read


def day(value: Any) -> dt.date | None:
    """A day (a date cell, a serial, or text such as 2026/7/1 or 2026年7月1日); None when empty."""
    _no_formula(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    found = read_day(value)
    if found is None or not EARLIEST <= found <= LATEST:
        raise Bad(codes.IMPORT_BAD_VALUE, _("'{value}' is not a day (write it as 2026-07-01)", value=str(value)[:40]))
    return found


def choice(value: Any, table: Mapping[str, str], what: Message) -> str | None:
    """The id whose word (or id) the cell holds, from `table` (id -> word); None when empty."""
    shown = text(value)
    if shown is None:
        return None
    for key, word in table.items():
        if shown in (word, key):
            return key
    allowed = ", ".join(table.values()) if table else ""
    raise Bad(
        codes.IMPORT_UNKNOWN, _("'{value}' is not a known {what} ({allowed})", value=shown, what=what, allowed=allowed)
    )


def person(value: Any, people: Mapping[str, str]) -> str | None:
    """The id of the person the cell names (by name or id, `people`: id -> name); None when empty."""
    shown = text(value)
    if shown is None:
        return None
    if shown in people:
        return shown
    for key, name in people.items():
        if name == shown:
            return key
    raise Bad(codes.IMPORT_UNKNOWN, _("'{name}' is not a person of the plan's team", name=shown))
