"""Actuals with customer and channel columns (客户/客户名称/渠道/渠道名称, account/customer/channel) placed on
the account, tier and channel levels of a breakdown; the expected figures are computed by hand."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from salesplan import codes
from salesplan.loader import LoadedPlan, load_text
from salesplan.model.plan import Plan
from salesplan.review.actuals import parse_actuals
from salesplan.review.engine import Thresholds, review_plan
from salesplan.review.template import fill, filled_csv, filled_xlsx
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan:
  name: 客户与渠道
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
  channels:
    - {id: direct, name: 直销, type: direct}
    - {id: agent, name: 代理商, type: agent}
  accounts:
    - {id: renji, name: 仁济医院, tier: A, region: east-a}
    - {id: zhongshan, name: 中山医院, tier: B, region: east-b}
targets:
  - id: T
    metric: revenue
    value: 100
    split:
      - {by: channel, method: explicit, values: {direct: 60, agent: 40}}
      - {by: tier, method: even}
      - {by: account, method: even}
"""


@pytest.fixture
def loaded() -> LoadedPlan:
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return loaded


def _plan(loaded: LoadedPlan) -> Plan:
    assert loaded.plan is not None
    return loaded.plan


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("account", "channel"),
    [
        ("客户", "渠道"),
        ("客户名称", "渠道名称"),
        ("客户编号", "销售渠道"),
        ("account", "channel"),
        ("Customer", "Channel"),
    ],
)
def test_customer_and_channel_headers_in_both_languages(
    loaded: LoadedPlan, tmp_path: Path, account: str, channel: str
) -> None:
    text = f"{channel},{account},金额,日期\n直销,仁济医院,20,2026-07-15\nagent,zhongshan,10,2026-08-01\n"
    read = parse_actuals(_write(tmp_path, text), _plan(loaded))
    assert read.diagnostics == []
    # names and ids both read back to ids; an account brings its region and tier
    assert [row.coords for row in read.rows] == [
        {"channel": "direct", "account": "renji", "region": "east-a", "tier": "A"},
        {"channel": "agent", "account": "zhongshan", "region": "east-b", "tier": "B"},
    ]


def test_actuals_land_on_channel_tier_and_account_nodes(loaded: LoadedPlan, tmp_path: Path) -> None:
    text = (
        "渠道名称,客户名称,金额,日期\n"
        "直销,仁济医院,20,2026-07-15\n"
        "代理商,zhongshan,10,2026-08-01\n"
        "direct,中山医院,5,2026-08-02\n"
    )
    read = parse_actuals(_write(tmp_path, text), _plan(loaded))
    outcome = split_plan(loaded)
    review = review_plan(_plan(loaded), outcome.splits, read.rows, dt.date(2026, 9, 30), Thresholds())
    [target] = review.targets
    actual = {tuple(row.coords.values()): row.actual for row in target.rows}
    # direct 20 + 5 = 25 of 60 (A: renji 20 of 30, B: zhongshan 5 of 30); agent 10 of 40, all in B
    assert actual == {
        (): Decimal(35),
        ("direct",): Decimal(25),
        ("direct", "A"): Decimal(20),
        ("direct", "A", "renji"): Decimal(20),
        ("direct", "B"): Decimal(5),
        ("direct", "B", "zhongshan"): Decimal(5),
        ("agent",): Decimal(10),
        ("agent", "A"): Decimal(0),
        ("agent", "A", "renji"): Decimal(0),
        ("agent", "B"): Decimal(10),
        ("agent", "B", "zhongshan"): Decimal(10),
    }
    achievement = {tuple(row.coords.values()): row.achievement for row in target.rows}
    assert achievement[("direct", "A", "renji")] == Decimal("66.7")  # 20 / 30
    assert [row.label for row in target.rows[1:4]] == ["直销", "A", "仁济医院"]


def test_an_unknown_customer_or_channel_is_located_at_its_cell(loaded: LoadedPlan, tmp_path: Path) -> None:
    text = "channel,customer,value\n直销,协和医院,1\n微商,renji,1\n"
    read = parse_actuals(_write(tmp_path, text), _plan(loaded))
    found = [(d.code, d.line, d.col, d.message, d.message_zh) for d in read.diagnostics]
    assert found == [
        (codes.ACTUALS_UNKNOWN, 2, 2, "unknown account '协和医院'", "未知的客户 '协和医院'"),
        (codes.ACTUALS_UNKNOWN, 3, 1, "unknown channel '微商'", "未知的渠道 '微商'"),
    ]
    assert read.rows == []


def test_a_repeated_customer_column(loaded: LoadedPlan, tmp_path: Path) -> None:
    read = parse_actuals(_write(tmp_path, "客户,customer,value\nrenji,renji,1\n"), _plan(loaded))
    [problem] = read.diagnostics
    assert (problem.code, problem.line, problem.col) == (codes.ACTUALS_BAD_HEADER, 1, 2)
    assert problem.message == "repeated column 'customer': column 1 is already the account"
    assert problem.message_zh == "重复的列 'customer'：第 1 列已是客户列"


def _review_diagnostics(plan_text: str, actuals: str, tmp_path: Path) -> list[tuple[str, int, int, str, str]]:
    loaded = load_text(plan_text, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    read = parse_actuals(_write(tmp_path, actuals), _plan(loaded))
    assert read.diagnostics == []
    review = review_plan(_plan(loaded), split_plan(loaded).splits, read.rows, dt.date(2026, 9, 30), Thresholds())
    return [(d.code, d.line, d.col, d.message, d.message_zh or "") for d in review.diagnostics]


SCOPED = PLAN.replace("    value: 100\n", "    value: 100\n    scope: {accounts: [renji]}\n")


def test_an_account_outside_the_breakdown_is_located_at_its_cell(tmp_path: Path) -> None:
    plan = SCOPED.replace("      - {by: tier, method: even}\n", "")
    found = _review_diagnostics(plan, "channel,customer,value\ndirect,zhongshan,5\ndirect,renji,5\n", tmp_path)
    assert found == [
        (
            codes.ACTUALS_NOT_IN_BREAKDOWN,
            2,
            2,
            "account 'zhongshan' is not a part of target T's scope or breakdown under direct",
            "'zhongshan' 不在目标 T 的范围或拆解之内（direct 之下）",
        )
    ]


def test_a_tier_outside_the_breakdown_names_the_accounts_tier(tmp_path: Path) -> None:
    plan = SCOPED.replace("      - {by: account, method: even}\n", "")
    found = _review_diagnostics(plan, "channel,customer,value\nagent,zhongshan,5\n", tmp_path)
    # zhongshan is outside the target's accounts, and its tier B is not a part of the tier level
    assert [(code, line, col, en) for code, line, col, en, _zh in found] == [
        (codes.ACTUALS_NOT_IN_BREAKDOWN, 2, 2, "account 'zhongshan' is not a part of target T's scope or breakdown"),
        (
            codes.ACTUALS_NOT_IN_BREAKDOWN,
            2,
            2,
            "tier 'B' (the row's account's) is not a part of target T's breakdown under agent",
        ),
    ]
    assert found[1][4] == "客户分级 'B'（该行客户所属）不在目标 T 的拆解之内（agent 之下）"


def test_an_account_outside_the_scope_without_an_account_level(tmp_path: Path) -> None:
    plan = SCOPED.replace("      - {by: tier, method: even}\n      - {by: account, method: even}\n", "")
    found = _review_diagnostics(plan, "channel,customer,value\ndirect,zhongshan,5\n", tmp_path)
    assert [(code, line, col) for code, line, col, _en, _zh in found] == [(codes.ACTUALS_NOT_IN_BREAKDOWN, 2, 2)]
    assert found[0][3] == "account 'zhongshan' is not a part of target T's scope or breakdown"


def test_the_filled_template_has_account_and_channel_columns_that_read_back(loaded: LoadedPlan, tmp_path: Path) -> None:
    [split] = split_plan(loaded).splits
    template = fill(_plan(loaded), split)
    assert template.columns == ("target", "region", "product", "rep", "account", "channel", "date", "month", "value")
    assert (
        filled_csv(template, "zh").decode("utf-8-sig").splitlines()[0]
        == "目标,区域,产品,销售代表,客户,渠道,日期,月份,金额"
    )
    assert filled_csv(template, "en").decode("utf-8-sig").splitlines()[0] == (
        "target,region,product,rep,account,channel,date,month,value"
    )
    # one row per leaf (channel x tier x account), each account by the name that reads back as it
    assert [row[4:6] for row in template.rows] == [
        ["仁济医院", "直销"],
        ["中山医院", "直销"],
        ["仁济医院", "代理商"],
        ["中山医院", "代理商"],
    ]
    assert template.choices["account"] == ["仁济医院", "中山医院"] and template.choices["channel"] == ["直销", "代理商"]
    # a manager types values into the rows: they land on the leaves they name
    filled = [
        [*row[:6], "2026-07-15", "", str(value)] for row, value in zip(template.rows, (20, 5, 0, 10), strict=True)
    ]
    text = "\n".join(
        ",".join(row) for row in [filled_csv(template, "zh").decode("utf-8-sig").splitlines()[0].split(","), *filled]
    )
    read = parse_actuals(_write(tmp_path, text + "\n"), _plan(loaded))
    assert read.diagnostics == []
    review = review_plan(_plan(loaded), [split], read.rows, dt.date(2026, 9, 30), Thresholds())
    actual = {tuple(row.coords.values()): row.actual for row in review.targets[0].rows}
    assert actual[("direct", "A", "renji")] == 20 and actual[("direct", "B", "zhongshan")] == 5
    assert actual[("agent", "B", "zhongshan")] == 10 and actual[()] == 35
    # in xlsx, the account and channel columns (E, F) get the plan's parts as drop-downs, the date is G
    sheet = openpyxl.load_workbook(io.BytesIO(filled_xlsx(template, "zh"))).worksheets[0]
    assert [cell.value for cell in sheet[1]] == [
        "目标",
        "区域",
        "产品",
        "销售代表",
        "客户",
        "渠道",
        "日期",
        "月份",
        "金额",
    ]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["E2"] == '"仁济医院,中山医院"' and lists["F2"] == '"直销,代理商"'
    assert sheet.column_dimensions["G"].number_format == "yyyy-mm-dd"


def test_a_template_without_customer_levels_keeps_its_columns(tmp_path: Path) -> None:
    loaded = load_text(
        PLAN.replace("      - {by: tier, method: even}\n      - {by: account, method: even}\n", "").replace(
            "      - {by: channel, method: explicit, values: {direct: 60, agent: 40}}\n",
            "      - {by: region, method: even}\n",
        ),
        "plan.yaml",
    )
    [split] = split_plan(loaded).splits
    assert fill(_plan(loaded), split).columns == ("target", "region", "product", "rep", "date", "month", "value")
    xlsx = filled_xlsx(fill(_plan(loaded), split), "en")
    assert xlsx[:2] == b"PK"
