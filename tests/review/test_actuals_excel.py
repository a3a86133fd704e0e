"""Actuals as Chinese Excel and WPS write them: dates, numbers, units, headers, encodings, inactive reps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from salesplan.diagnostics import Severity
from salesplan.loader import LoadedPlan
from salesplan.model.plan import Account, Channel, Plan
from salesplan.review.actuals import parse_actuals
from salesplan.review.headers import COLUMNS, ColumnSettings

Write = Callable[[str, str], Path]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
JULY_10 = dt.date(2026, 7, 10)


def codes_at(path: Path, plan: Plan, columns: ColumnSettings | None = None) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.col) for d in parse_actuals(path, plan, columns).diagnostics)


@pytest.mark.parametrize(
    "written",
    [
        "2026/7/10",  # Chinese Excel's CSV date
        "2026/07/10",
        "2026-7-10",
        "2026-07-10",
        "2026.7.10",
        "2026年7月10日",
        "2026 年 7 月 10 日",
        "2026年07月10号",
        "２０２６/７/１０",  # full-width digits
        "２０２６年７月１０日",
        "2026/7/10 0:00",  # Excel and WPS export a midnight time
        "2026-07-10 00:00:00",
        "2026-07-10T00:00:00",
        "2026/7/10 14:30",
        "46213",  # the serial number of an unformatted date cell, as a CSV holds it
    ],
)
def test_every_year_first_day_form_reads_as_the_day(plan: Plan, write: Write, written: str) -> None:
    actuals = parse_actuals(write("a.csv", f"日期,金额\n{written},1\n"), plan)
    assert actuals.diagnostics == []
    assert [row.day for row in actuals.rows] == [JULY_10]


@pytest.mark.parametrize(
    "written", ["2026/7", "2026年7月", "2026-07", "2026.7", "２０２６年７月", "2026/7/10", "46204"]
)
def test_every_month_form_reads_as_the_month(plan: Plan, write: Write, written: str) -> None:
    actuals = parse_actuals(write("a.csv", f"月份,金额\n{written},1\n"), plan)
    assert actuals.diagnostics == []
    assert [(row.month, row.day) for row in actuals.rows] == [("2026-07", None)]


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("7/10/2026", "is not a date"),  # month first (US) or day first (UK)? never guessed
        ("10/7/2026", "is not a date"),
        ("26/7/10", "is not a date"),  # a two-digit year
        ("2026/7-10", "is not a date"),  # mixed separators
        ("2026/7/10 25:00", "is not a day of the calendar"),
        ("2026/2/30", "is not a day of the calendar"),
        ("2026-7", "is not a date"),  # a month in the date column
        ("20260710", "is not a date"),
        ("2026", "is not a date"),
    ],
)
def test_ambiguous_or_impossible_days_are_refused_with_the_accepted_forms(
    plan: Plan, write: Write, written: str, why: str
) -> None:
    [diagnostic] = parse_actuals(write("a.csv", f"区域,日期,金额\nA区,{written},1\n"), plan).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("SP064", 2, 2)
    assert f"'{written}' {why}: write the year first, as 2026-07-10, 2026/7/10, 2026.7.10, 2026年7月10日" in (
        diagnostic.message
    )
    assert "请按年、月、日的顺序填写，如 2026-07-10、2026/7/10、2026.7.10、2026年7月10日" in str(diagnostic.message_zh)


@pytest.mark.parametrize("written", ["7/2026", "2026/13", "202607", "26年7月"])
def test_unreadable_months_are_refused_with_the_accepted_forms(plan: Plan, write: Write, written: str) -> None:
    [diagnostic] = parse_actuals(write("a.csv", f"月份,金额\n{written},1\n"), plan).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("SP064", 2, 1)
    assert "2026-07, 2026/7, 2026年7月" in diagnostic.message


def test_chinese_excel_csv_fixture(plan: Plan) -> None:
    actuals = parse_actuals(FIXTURES / "excel-zh.csv", plan)
    assert actuals.diagnostics == []
    # 3万 in the 万元 target T1 is 3; 1,234.5 has a thousands separator; 30000元 is 3 万元
    assert [(r.day, r.value) for r in actuals.rows] == [
        (JULY_10, Decimal(3)),
        (dt.date(2026, 7, 11), Decimal("1234.5")),
        (dt.date(2026, 7, 12), Decimal(3)),
    ]


def _xlsx(path: Path, header: list[str], rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


def test_xlsx_dates_serials_and_float_noise(plan: Plan, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "a.xlsx",
        ["日期", "金额"],
        [
            [dt.datetime(2026, 7, 10), 60.599999999999994],  # =20.2*3 as Excel stores it
            [46213, 0.30000000000000004],  # a date cell without a date format; =0.1+0.2
            [46213.0, 1234.5600000000001],
            [dt.datetime(2026, 7, 10, 0, 0), 100.00000000000001],
        ],
    )
    actuals = parse_actuals(path, plan)
    assert actuals.diagnostics == []
    assert [(r.day, r.value) for r in actuals.rows] == [
        (JULY_10, Decimal("60.6")),
        (JULY_10, Decimal("0.3")),
        (JULY_10, Decimal("1234.56")),
        (JULY_10, Decimal(100)),
    ]


def test_xlsx_percent_with_float_noise_and_a_month_serial(plan: Plan, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "r.xlsx",
        ["目标", "月份", "数值"],
        [["T3", 46204, 0.15500000000000003], ["T3", dt.datetime(2026, 8, 1), 0.16]],
        {"C2": "0.0%", "C3": "0%"},
    )
    actuals = parse_actuals(path, plan)
    assert actuals.diagnostics == []
    assert [(r.month, r.value) for r in actuals.rows] == [("2026-07", Decimal("15.5")), ("2026-08", Decimal(16))]


ONE_OF_EACH = """
- {id: W, name: 万元目标, metric: revenue, value: 100}
- {id: Y, name: 元目标, metric: gmv, value: 100000, unit: 元}
- {id: B, name: 亿元目标, metric: profit, value: 1, unit: 亿元}
- {id: N, name: 新客户, metric: new_customers, value: 10, unit: 家}
- {id: R, name: 转化率, metric: conversion_rate, value: 18%}
"""


@pytest.mark.parametrize(
    ("target", "written", "expected"),
    [
        ("W", "3万", "3"),
        ("W", "30000元", "3"),
        ("W", "1.2亿", "12000"),
        ("W", "¥30,000", "3"),
        ("W", "３万", "3"),
        ("W", "1,234.5", "1234.5"),
        ("W", "１２３４", "1234"),
        ("W", "１，２３４", "1234"),
        ("W", "-2万", "-2"),
        ("W", "12.5", "12.5"),
        ("Y", "3万", "30000"),
        ("Y", "1.2亿", "120000000"),
        ("Y", "30000元", "30000"),
        ("Y", "0.00001万", "0.1"),
        ("B", "3000万", "0.3"),
        ("N", "12", "12"),
        ("N", "1,200", "1200"),
        ("N", "3万", "30000"),  # a bare magnitude counts, as `value: 3万` does in the plan file
        ("N", "1.5k", "1500"),
        ("R", "15%", "15"),
        ("R", "１５．５％", "15.5"),
    ],
)
def test_amounts_convert_exactly_into_the_targets_unit(
    small: Callable[[str], LoadedPlan], write: Write, target: str, written: str, expected: str
) -> None:
    plan = small(ONE_OF_EACH).plan
    assert plan is not None
    actuals = parse_actuals(write("a.csv", f'目标,金额\n{target},"{written}"\n'), plan)
    assert actuals.diagnostics == []
    assert [str(r.value) for r in actuals.rows] == [expected]


@pytest.mark.parametrize(
    ("target", "written", "says"),
    [
        ("N", "30000元", "'30000元' is an amount of money, but the target is counted in 家"),
        ("N", "¥3万", "'¥3万' is an amount of money, but the target is counted in 家"),
        ("R", "3万", "'3万' is an amount of money, but the target is counted in %"),
        ("W", "15%", "'15%' is a percent, but the target is counted in 万元"),
        ("N", "15%", "'15%' is a percent, but the target is counted in 家"),
        ("W", "1,23", "'1,23' is not a number in 万元"),
        ("W", "0.0000001元", "more than 10 decimal places"),  # 0.00000000001 万元
    ],
)
def test_a_value_in_the_wrong_unit_is_an_error_not_a_guess(
    small: Callable[[str], LoadedPlan], write: Write, target: str, written: str, says: str
) -> None:
    plan = small(ONE_OF_EACH).plan
    assert plan is not None
    actuals = parse_actuals(write("a.csv", f'目标,金额\n{target},"{written}"\n'), plan)
    assert [(d.code, d.line, d.col) for d in actuals.diagnostics] == [("SP062", 2, 2)]
    assert says in actuals.diagnostics[0].message and actuals.rows == []


@pytest.mark.parametrize(
    ("header", "target", "written", "expected"),
    [
        ("金额（元）", "W", "30000", "3"),
        ("金额(元)", "W", "30000", "3"),
        ("销售额（万元）", "W", "3", "3"),
        ("销售额（万元）", "Y", "3", "30000"),
        ("实际(亿元)", "W", "1.2", "12000"),
        ("value (万元)", "Y", "2.5", "25000"),
        ("VALUE（万元）", "Y", "2.5", "25000"),
        ("业绩【万元】", "Y", "1", "10000"),
        ("金额(万)", "Y", "1", "10000"),  # a bare 万 in a header is 万元
        ("金额（元）", "W", "3万", "3"),  # the cell's own unit wins over the header's
        ("实际(家)", "N", "12", "12"),
        ("实际(%)", "R", "15", "15"),
    ],
)
def test_a_unit_in_the_value_header_converts_the_whole_column(
    small: Callable[[str], LoadedPlan], write: Write, header: str, target: str, written: str, expected: str
) -> None:
    plan = small(ONE_OF_EACH).plan
    assert plan is not None
    actuals = parse_actuals(write("a.csv", f"目标,{header}\n{target},{written}\n"), plan)
    assert actuals.diagnostics == []
    assert [str(r.value) for r in actuals.rows] == [expected]


def test_a_header_unit_that_cannot_hold_the_target_is_an_error(
    small: Callable[[str], LoadedPlan], write: Write
) -> None:
    plan = small(ONE_OF_EACH).plan
    assert plan is not None
    actuals = parse_actuals(write("a.csv", "目标,金额（万元）\nN,3\nW,3\n"), plan)
    assert [(d.code, d.line, d.col) for d in actuals.diagnostics] == [("SP062", 2, 2)]
    assert (
        "column '金额（万元）' holds money in 万元, but the target is counted in 家" in actuals.diagnostics[0].message
    )
    assert [(r.target, r.value) for r in actuals.rows] == [("W", Decimal(3))]
    refused = parse_actuals(write("b.csv", "目标,金额(含税)\nW,3\n"), plan).diagnostics
    assert [(d.code, d.line, d.col) for d in refused] == [("SP061", 1, 2), ("SP061", 1, 1)]
    assert "names a unit salesplan does not know: '含税'" in refused[0].message
    assert refused[1].message.startswith("no value column")


@pytest.mark.parametrize(("column", "word"), [(c, w) for c, words in COLUMNS.items() for w in words])
def test_every_documented_header_word_is_its_column(plan: Plan, write: Write, column: str, word: str) -> None:
    cells = {"target": "T1", "region": "A区", "product": "医疗器械", "rep": "李雷", "date": "2026/7/10"}
    cells |= {"month": "2026年7月", "value": "7", "strategy": "渠道深耕"}
    if column in ("account", "channel"):  # the reference plan with an account and a channel
        plan = plan.model_copy(deep=True)
        plan.team.channels = [Channel(id="direct", name="直销")]
        plan.team.accounts = [Account(id="renji", name="仁济医院", tier="A", region="east-a")]
        cells |= {"account": "仁济医院", "channel": "直销"}
    value_header = "金额" if column != "value" else word
    header, row = ([word, value_header], [cells[column], "7"]) if column != "value" else ([word], ["7"])
    actuals = parse_actuals(write("a.csv", f"{','.join(header)}\n{','.join(row)}\n"), plan)
    assert actuals.diagnostics == []
    [read] = actuals.rows
    assert read.value == 7
    expected = {"region": {"region": "east-a"}, "product": {"product": "device"}}
    expected["rep"] = {"rep": "李雷", "region": "east-a"}  # a rep is in the team's region for them
    if column in expected:
        assert read.coords == expected[column]
    elif column == "date":
        assert read.day == JULY_10
    elif column == "month":
        assert read.month == "2026-07"
    elif column == "target":
        assert read.target == "T1"
    elif column == "strategy":
        assert read.strategy == "S1"
    elif column == "channel":
        assert read.coords == {"channel": "direct"}
    elif column == "account":  # an account is in its region and tier
        assert read.coords == {"account": "renji", "region": "east-a", "tier": "A"} | _owner(plan, "renji")


def test_target_names_are_read_like_ids(plan: Plan, write: Write) -> None:
    [row] = parse_actuals(write("a.csv", "指标名称,金额\n新增客户数,3\n"), plan).rows
    assert (row.target, row.value) == ("T2", Decimal(3))


def test_an_unknown_column_is_an_error_with_a_did_you_mean(plan: Plan) -> None:
    actuals = parse_actuals(FIXTURES / "unknown-column.csv", plan)
    [diagnostic] = actuals.diagnostics
    assert (diagnostic.code, diagnostic.severity, diagnostic.line, diagnostic.col) == ("SP061", Severity.ERROR, 1, 3)
    assert diagnostic.message == "unknown column '跟进人': salesplan cannot place it"
    assert diagnostic.message_zh == "无法识别的列 '跟进人'"
    hint = str(diagnostic.hint)
    assert "rep: rep / salesperson / 销售代表" in hint and "value: value / amount" in hint
    assert "[review.columns]" in hint and "--ignore-column '跟进人'" in hint
    assert "[review.columns]" in str(diagnostic.hint_zh)


def test_did_you_mean_names_the_nearest_known_word(plan: Plan, write: Write) -> None:
    [diagnostic] = parse_actuals(write("a.csv", "销售人员,金额\n李雷,1\n"), plan).diagnostics
    assert diagnostic.message == "unknown column '销售人员' (did you mean '销售员'?): salesplan cannot place it"
    assert diagnostic.message_zh == "无法识别的列 '销售人员'（是否应为 '销售员'？）"
    [english] = parse_actuals(write("b.csv", "regoin,value\neast-a,1\n"), plan).diagnostics
    assert "(did you mean 'region'?)" in english.message


def test_user_words_and_ignored_columns(plan: Plan, write: Write) -> None:
    path = write("a.csv", "跟进人,备注,回款(万元),日期\n李雷,老客户,2,2026/7/10\n")
    assert codes_at(path, plan) == [("SP061", 1, 1), ("SP061", 1, 1), ("SP061", 1, 2), ("SP061", 1, 3)]
    mine = ColumnSettings({"rep": ("跟进人",), "value": ("回款",)}, ("备注",))
    actuals = parse_actuals(path, plan, mine)
    assert actuals.diagnostics == []
    [row] = actuals.rows
    assert (row.coords, row.value, row.day) == ({"rep": "李雷", "region": "east-a"}, Decimal(2), JULY_10)
    # --ignore-column adds to the configured list
    assert codes_at(path, plan, ColumnSettings({"rep": ("跟进人",), "value": ("回款",)}).with_ignored(["备注"])) == []


def test_values_under_no_header_are_an_error(plan: Plan, write: Write) -> None:
    text = "区域,,金额\nA区,,1\nA区,李雷,2\nB区,,3,周杰,\n"
    found = parse_actuals(write("a.csv", text), plan).diagnostics
    assert [(d.code, d.line, d.col) for d in found] == [("SP061", 3, 2), ("SP061", 4, 4)]
    assert found[0].message == "column 2 holds '李雷' but has no header: salesplan cannot place it"
    # empty trailing cells (a formatted but empty Excel column) are no column at all
    assert parse_actuals(write("b.csv", "区域,金额,,\nA区,1,,\n"), plan).diagnostics == []


def test_a_repeated_column_stays_an_error(plan: Plan, write: Write) -> None:
    [diagnostic] = parse_actuals(write("a.csv", "区域,地区,金额\nA区,B区,1\n"), plan).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("SP061", 1, 2)
    assert diagnostic.message == "repeated column '地区': column 1 is already the region"


def test_excel_unicode_text_utf16_with_tabs(plan: Plan) -> None:
    actuals = parse_actuals(FIXTURES / "unicode-text.txt", plan)
    assert actuals.diagnostics == []
    # 金额（元）: 30,000 元 is 3 万元 and １２００００ 元 is 12 万元
    assert [(r.coords, r.day, r.value) for r in actuals.rows] == [
        ({"region": "east-a"}, JULY_10, Decimal(3)),
        ({"region": "east-b"}, dt.date(2026, 7, 11), Decimal(12)),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("be.txt", "区域\t金额\nA区\t5\n".encode("utf-16-be").join([b"\xfe\xff", b""])),
        ("wps.tsv", "区域\t金额\nA区\t5\n".encode()),
        ("tabs.csv", "区域\t金额\nA区\t5\n".encode("gb18030")),  # tabs sniffed from the header row
        ("bom8.txt", "\ufeff区域\t金额\nA区\t5\n".encode()),
    ],
)
def test_tab_separated_text_in_every_encoding(plan: Plan, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    actuals = parse_actuals(path, plan)
    assert actuals.diagnostics == []
    assert [(r.coords, r.value) for r in actuals.rows] == [({"region": "east-a"}, Decimal(5))]


def test_utf16_without_a_byte_order_mark_is_named(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("region\tvalue\neast-a\t5\n".encode("utf-16-le"))
    [diagnostic] = parse_actuals(path, plan).diagnostics
    assert diagnostic.code == "SP060" and "UTF-16" in diagnostic.message and "UTF-16" in str(diagnostic.message_zh)


def test_a_result_booked_to_a_rep_before_the_start_is_a_located_warning(plan: Plan) -> None:
    actuals = parse_actuals(FIXTURES / "rep-inactive.csv", plan)
    [diagnostic] = actuals.diagnostics
    assert (diagnostic.code, diagnostic.name, diagnostic.severity) == (
        "SP068",
        "actuals-rep-inactive",
        Severity.WARNING,
    )
    assert (diagnostic.line, diagnostic.col) == (2, 4)  # the date cell of the 2026/7/20 row
    assert diagnostic.message.startswith("2026-07-20 is before 吴敏's time on the team (吴敏 starts 2026-08-01)")
    assert diagnostic.message_zh is not None and "吴敏 2026-08-01 入职" in diagnostic.message_zh
    # the row still counts (the user decides), the one after the start raises nothing
    assert [(r.day, r.value) for r in actuals.rows] == [
        (dt.date(2026, 7, 20), Decimal(10)),
        (dt.date(2026, 8, 5), Decimal(5)),
    ]


def test_a_rep_who_left_and_month_only_rows(small: Callable[[str], LoadedPlan], write: Write) -> None:
    loaded = small("- {id: T1, metric: revenue, value: 100}")
    assert loaded.plan is not None
    plan = loaded.plan.model_copy(deep=True)
    plan.team.people[0].end = dt.date(2026, 8, 15)
    plan.team.people[1].start = dt.date(2026, 8, 10)
    text = (
        "销售代表,月份,日期,金额\n李雷,,2026/8/16,1\n李雷,2026年8月,,1\n李雷,2026年9月,,1\n"
        "韩梅,2026年8月,,1\n韩梅,2026年7月,,1\n"
    )
    found = [(d.code, d.line, d.col, d.severity) for d in parse_actuals(write("a.csv", text), plan).diagnostics]
    # a month only warns when no day of it is an active day
    assert found == [
        ("SP068", 2, 3, Severity.WARNING),
        ("SP068", 4, 2, Severity.WARNING),
        ("SP068", 6, 2, Severity.WARNING),
    ]


def _owner(plan: Plan, account: str) -> dict[str, str]:
    """An account's owner, as the rep a row naming the account implies."""
    owner = next(a.owner for a in plan.team.accounts if a.id == account)
    return {} if owner is None else {"rep": owner}
