"""Plan text as a workbook can hold it: cells, the page header, sheet titles, document properties.

Every text bound for the workbook passes `forbidden.xml_safe` here (characters XML 1.0 forbids
become U+FFFD) before the rules of the place it goes to:

- a cell holds at most 32,767 characters: a longer text is cut and ends in `CUT_MARK` ("…[truncated]");
- text like Excel's escape `_xHHHH_` (`编号_x0041_`) must read back as written. Excel decodes the
  escape in every string it reads, LibreOffice decodes `_x005F_` and control characters only, and
  openpyxl decodes nothing in cells. The usual fix, `_x005F_x0041_`, therefore reads back wrongly in
  openpyxl. Instead the cell is written as unformatted runs, split right after each `_x`: no run
  holds a whole escape, so every reader shows the text exactly as written;
- the page header is one line (runs of white space become one space), doubles `&` (its field
  marker) and escapes the `_` of `_xHHHH_` as `_x005F_` (openpyxl and Excel both decode header
  escapes); it stays within Excel's 255 characters;
- a sheet title has at most 31 characters, none of `[]:*?/\\`, no leading or trailing apostrophe,
  is not empty, not "History", and unique regardless of case.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.cell.rich_text import CellRichText

from salesplan.export.forbidden import xml_safe
from salesplan.i18n import _

MAX_CELL_TEXT = 32_767  # Excel's limit on a cell's text
MAX_SHEET_TITLE = 31
_MAX_HEADER = 255 - len("&C")  # Excel's limit on a header or footer, with its centre marker
CUT_MARK = _("…[truncated]")  # the end of a text cut at the cell's limit
# text starting like a formula (or a spreadsheet error code) is forced to stay text: formula injection
_INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE_START = re.compile(r"(?=_x[0-9A-Fa-f]{4}_)")
_ESCAPE_UNDERSCORE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True, slots=True)
class CellText:
    """A text as a cell holds it: a string (or runs, see the module doc), whether it must be forced to
    stay text, and the plan text's length when it had to be cut (None when whole)."""

    value: str | CellRichText
    risky: bool
    cut_from: int | None = None


def cell_text(text: str, lang: str) -> CellText:
    """The workbook form of a cell's text."""
    clean = xml_safe(text)
    cut_from = None
    if len(clean) > MAX_CELL_TEXT // 2 and _excel_length(clean) > MAX_CELL_TEXT:
        mark = CUT_MARK.render(lang)
        cut_from, clean = len(clean), _cut(clean, MAX_CELL_TEXT - _excel_length(mark)) + mark
    risky = clean.startswith(_INJECTION_STARTS) or clean in ERROR_CODES
    return CellText(escape_runs(clean), risky, cut_from)


def _excel_length(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units (a character beyond U+FFFF counts two)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _cut(text: str, limit: int) -> str:
    """The longest start of `text` whose Excel length is at most `limit`."""
    units = 0
    for index, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


def escape_runs(text: str) -> str | CellRichText:
    """`text`, or unformatted runs split after every `_x` that starts an `_xHHHH_` escape."""
    if "_x" not in text:
        return text
    cuts = [m.start() + 2 for m in _ESCAPE_START.finditer(text)]
    if not cuts:
        return text
    bounds = [0, *cuts, len(text)]
    return CellRichText([text[a:b] for a, b in itertools.pairwise(bounds) if b > a])


def header_text(text: str) -> str:
    """The centre of a page header showing `text` on one line: `&` doubled, escapes kept literal, within
    Excel's limit ('' for a text without any visible character)."""
    clean = " ".join(xml_safe(text).split())
    for length in range(min(len(clean), _MAX_HEADER), -1, -1):  # escaping only lengthens
        shown = clean if length == len(clean) else clean[:length] + "…"
        escaped = _ESCAPE_UNDERSCORE.sub("_x005F_", shown.replace("&", "&&"))
        if len(escaped) <= _MAX_HEADER:
            return escaped
    return ""


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid sheet title close to `text`, not in `taken` (compared without case); added to `taken`."""
    base = _BAD_SHEET_CHARS.sub("_", xml_safe(text)).strip("'")[:MAX_SHEET_TITLE].strip("'").strip() or "Sheet"
    if base.casefold() == "history":  # Excel reserves it
        base += "_"
    title, n = base, 1
    while title.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: MAX_SHEET_TITLE - len(suffix)] + suffix
    taken.add(title.casefold())
    return title
