"""The blank actuals template (`salesplan review --blank`): the columns in the chosen language.

CSV: the header row only (UTF-8 with a BOM, so Excel opens the Chinese headers correctly).
xlsx: a first sheet with the header row, which is the sheet `review --actuals` reads, and a
second sheet explaining each column with an example row; the example is not read as data.
"""

from __future__ import annotations

import csv
import io

from salesplan.export.i18n import Pair, pick

COLUMNS: tuple[tuple[str, Pair, Pair, str], ...] = (
    # key, (zh header, en header), (zh meaning, en meaning), example
    (
        "target",
        ("目标", "target"),
        ("目标编号；销售额目标可省略", "target id; may be left out for the revenue target"),
        "T1",
    ),
    ("region", ("区域", "region"), ("区域编号或名称", "region id or name"), "east-a"),
    ("product", ("产品", "product"), ("产品编号或名称", "product id or name"), "device"),
    ("rep", ("销售代表", "rep"), ("人员编号或姓名", "person id or name"), "李雷"),
    (
        "date",
        ("日期", "date"),
        (
            "成交日期，年在前：2026-07-15、2026/7/15 或 2026年7月15日",
            "day, year first: 2026-07-15, 2026/7/15, 2026年7月15日",
        ),
        "2026-07-15",
    ),
    (
        "month",
        ("月份", "month"),
        ("无日期时填月份：2026-07 或 2026年7月", "when there is no date: 2026-07, 2026年7月"),
        "",
    ),
    ("value", ("金额", "value"), ("按目标单位填写：12.5、3万、15%", "in the target's unit: 12.5, 3万, 15%"), "12.5"),
)
_GUIDE = {"zh": ("列", "含义", "示例"), "en": ("Column", "Meaning", "Example")}
_GUIDE_TITLE = {"zh": "填写说明", "en": "How to fill in"}


def headers(lang: str) -> list[str]:
    return [pick(head, lang) for _, head, _, _ in COLUMNS]


def blank_csv(lang: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(headers(lang))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def blank_xlsx(lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "actuals" if lang == "en" else "实际数据"
    sheet.append(headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
    sheet.freeze_panes = "A2"
    for letter in "ABCDEFG":
        sheet.column_dimensions[letter].width = 14
    guide = book.create_sheet(_GUIDE_TITLE[lang if lang == "en" else "zh"])
    guide.append(list(_GUIDE[lang if lang == "en" else "zh"]))
    for _, head, meaning, example in COLUMNS:
        guide.append([pick(head, lang), pick(meaning, lang), example])
        guide.cell(guide.max_row, 3).data_type = "s"
    guide.column_dimensions["B"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
