"""Dates, months and numbers in the forms Chinese Excel and WPS write them, read exactly.

- Full-width forms (`２０２６／７／１０`, `１，２３４`) read as their ASCII twins; nothing else is folded.
- A day is written year first: `2026-07-10`, `2026/7/10`, `2026.7.10`, `2026年7月10日`, each
  optionally followed by a time of day (`2026/7/10 0:00`, `2026-07-10 00:00:00`), or given as an
  Excel serial day number of five digits (`46213` is 2026-07-10). Day-first or month-first forms (`10/7/2026`,
  `7/10/2026`) and two-digit years are ambiguous and never guessed.
- A month is `2026-07`, `2026/7`, `2026.7` or `2026年7月`; a day or serial names its month.
- An xlsx number cell is read as Excel shows it: 15 significant digits, so a formula's float
  noise (`=20.2*3` stores 60.599999999999994) reads 60.6. No float arithmetic touches the value.

A text cell is read once per distinct text (a table of a million rows holds a few hundred days),
and an ISO day (`2026-07-10`), the form most files hold, without the full parser.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from typing import Any

from salesplan.numbers import narrow

_TIME = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d{1,6})?)?"
_DAY_RE = re.compile(
    rf"^(?P<y>\d{{4}})\s*(?P<sep>[-/.])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<d>\d{{1,2}})(?:(?:\s+|T){_TIME})?$"
)
_ZH_DAY_RE = re.compile(rf"^(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]?(?:\s*{_TIME})?$")
_MONTH_RE = re.compile(r"^(?P<y>\d{4})\s*(?:[-/.]\s*(?P<m>\d{1,2})|年\s*(?P<zm>\d{1,2})\s*(?:月份?)?)$")
_SERIAL_RE = re.compile(r"^\d{5}$")
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel, which counts a 1900-02-29 that never was
# five-digit serials only (1927-05-18 .. 2173-10-14): a year (2026) or a yyyymm (202607) is no serial
FIRST_SERIAL, LAST_SERIAL = 10_000, 99_999
EXCEL_DIGITS = Context(prec=15, rounding=ROUND_HALF_UP)

# examples of the forms a day and a month are read in (a diagnostic shows them)
DAY_FORMS = ("2026-07-10", "2026/7/10", "2026.7.10", "2026年7月10日")
MONTH_FORMS = ("2026-07", "2026/7", "2026年7月")


def excel_number(value: float) -> Decimal:
    """A float cell as Excel shows it: its shortest text rounded to 15 significant digits, normalised."""
    number = EXCEL_DIGITS.create_decimal(repr(value))
    if not number.is_finite():
        return number
    number = number.normalize()
    exponent = number.as_tuple().exponent
    return number.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else number


def read_day(value: Any) -> dt.date | None:
    """The day a cell names, or None when it names none (or could name several)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return _day_text(value)
    return _serial(value)


@functools.lru_cache(maxsize=4096)
def _day_text(value: str) -> dt.date | None:
    """`read_day` of a text cell."""
    if len(value) == 10 and value.isascii() and value[4] == "-" == value[7]:
        year, month, day = value[:4], value[5:7], value[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():  # ISO: what the full parser reads, read directly
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError:
                return None
    return parse_day_text(value)


def parse_day_text(value: str) -> dt.date | None:
    """The full reading of a text day (serials, separators, 年月日, full-width forms, a time after it)."""
    serial = _serial(value)
    if serial is not None:
        return serial
    text = narrow(value).strip()
    match = _DAY_RE.match(text) or _ZH_DAY_RE.match(text)
    if match is None or not _clock(match):
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def is_day_shaped(value: Any) -> bool:
    """Whether a text has the shape of a year-first day (so a refusal can say the day does not exist)."""
    if not isinstance(value, str):
        return False
    text = narrow(value).strip()
    return bool(_DAY_RE.match(text) or _ZH_DAY_RE.match(text))


def read_month(value: Any) -> str | None:
    """`YYYY-MM` of a month cell (a day or a serial names its month), or None."""
    if isinstance(value, str):
        match = _MONTH_RE.match(narrow(value).strip())
        if match is not None:
            month = int(match["m"] or match["zm"])
            year = int(match["y"])
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and year >= 1 else None
    day = read_day(value)
    return day.strftime("%Y-%m") if day is not None else None


def _serial(value: Any) -> dt.date | None:
    """An Excel serial day number (a number cell without a date format, or its text in a CSV)."""
    if isinstance(value, bool):
        return None
    number: Decimal | None = None
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = excel_number(value)
    elif isinstance(value, Decimal) and value.is_finite():
        number = value
    elif isinstance(value, str) and _SERIAL_RE.match(narrow(value).strip()):
        number = Decimal(narrow(value).strip())
    if number is None or not number.is_finite():
        return None
    whole = int(number.to_integral_value(rounding=ROUND_FLOOR))
    if not FIRST_SERIAL <= whole <= LAST_SERIAL:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=whole)


def _clock(match: re.Match[str]) -> bool:
    """A time of day after the date, when there is one, must be one (Excel writes midnight as 0:00)."""
    if match["h"] is None:
        return True
    return int(match["h"]) < 24 and int(match["mi"]) < 60 and int(match["s"] or 0) < 60
