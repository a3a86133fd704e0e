"""The blank actuals template (`salesplan review --blank`): the columns in the chosen language.

CSV: the header row only (UTF-8 with a BOM, so Excel opens the Chinese headers correctly).
xlsx: a first sheet with the header row, which is the sheet `review --actuals` reads, and a
second sheet explaining each column with an example row; the example is not read as data.
The header row is input vocabulary: each column's first word in the language (English or
Chinese) of `salesplan.review.headers.COLUMNS`, so the template always reads back.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from salesplan.i18n import Message, _
from salesplan.review.headers import COLUMNS
from salesplan.review.words import alternatives, listing

# what a user writes in each column: the guide sheet's example cell, and the forms a meaning names
_ACTUALS_EXAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "target": ("T1", ()),
    "region": ("east-a", ()),
    "product": ("device", ()),
    "rep": ("李雷", ()),
    "account": ("renji", ()),
    "channel": ("direct", ()),
    "date": ("2026-07-15", ("2026-07-15", "2026/7/15", "2026年7月15日")),
    "month": ("", ("2026-07", "2026年7月")),
    "value": ("12.5", ("12.5", "3万", "15%")),
}
_FORMS = {key: forms for key, (_example, forms) in _ACTUALS_EXAMPLES.items()}
MEANINGS: dict[str, Message] = {
    "target": _("target id; may be left out for the revenue target"),
    "region": _("region id or name"),
    "product": _("product id or name"),
    "rep": _("person id or name"),
    "account": _("account id or name"),
    "channel": _("channel id or name"),
    "date": _("day, year first: {forms}", forms=alternatives(_FORMS["date"])),
    "month": _("when there is no date: {forms}", forms=alternatives(_FORMS["month"])),
    "value": _("in the target's unit: {forms}", forms=listing(_FORMS["value"])),
}
# the template's columns: every column but the optional attribution to a strategy (ROI, `--spend`) and
# the customer and channel columns (a filled template has them when its target splits by them)
TEMPLATE_COLUMNS = tuple(key for key in COLUMNS if key not in ("strategy", "account", "channel"))
PART_COLUMNS = ("account", "channel")  # between the rep and the date
_GUIDE = (_("Column"), _("Meaning"), _("Example"))


def header(key: str, lang: str) -> str:
    """The template's header of column `key`: its first English word, or its first Chinese one."""
    english = lang == "en"
    return next(word for word in COLUMNS[key] if word.isascii() == english)


def headers(lang: str, columns: tuple[str, ...] = TEMPLATE_COLUMNS) -> list[str]:
    return [header(key, lang) for key in columns]


def blank_csv(lang: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(headers(lang))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def blank_xlsx(lang: str) -> bytes:
    return save(template_book(lang))


def save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_book(lang: str, columns: tuple[str, ...] = TEMPLATE_COLUMNS) -> Any:
    """The template's workbook: the actuals sheet (the header row) first, then the guide sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = _("actuals").render(lang)
    sheet.append(headers(lang, columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
    sheet.freeze_panes = "A2"
    for letter in "ABCDEFG":
        sheet.column_dimensions[letter].width = 14
    guide = book.create_sheet(_("How to fill in").render(lang))
    guide.append([word.render(lang) for word in _GUIDE])
    for key in columns:
        guide.append([header(key, lang), MEANINGS[key].render(lang), _ACTUALS_EXAMPLES[key][0]])
        guide.cell(guide.max_row, 3).data_type = "s"
    guide.column_dimensions["B"].width = 48
    return book
