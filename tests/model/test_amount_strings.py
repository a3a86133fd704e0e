"""An amount means the same number in every field: `1200万` and its plain equivalent give identical output.

For every amount field a plan has (target value, baseline and granularity, explicit split values, weights, IPF
margins, capacity, history, budgets of plan, strategies and tasks, actuals) and every plan unit,
the plan is written twice: once with plain numbers in the field's unit, once with strings carrying
万/亿/元. `split`, `lint`, `export` and `review` must print the same bytes for both.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.loader import load_text
from salesplan.model.values import parse_amount

UNITS = {"元": 1, "万元": 10**4, "亿元": 10**8}

# each amount field, in 元 (whole multiples of 10,000 so that every unit writes it with few places)
FIELDS = {
    "value": 5_000_000,
    "baseline": 4_000_000,
    "east_a": 3_000_000,
    "east_b": 2_000_000,
    "margin_device": 2_600_000,
    "margin_consumable": 2_400_000,
    "cap_li": 3_200_000,
    "cap_han": 2_200_000,
    "hist_a_device": 1_500_000,
    "hist_a_consumable": 1_000_000,
    "hist_b_device": 1_000_000,
    "hist_b_consumable": 670_000,
    "w_jul": 30_000,
    "w_aug": 30_000,
    "w_sep": 40_000,
    "total": 1_500_000,
    "s1": 450_000,
    "k1": 200_000,
    "actual": 1_230_000,
    "granularity": 100,
    "t4_value": 800_000,
    "t4_baseline": 600_000,
}
# fields of a target with a unit of its own: their plain numbers are in that unit, not the plan's
OWN_UNIT = {"t4_value": "万元", "t4_baseline": "万元"}

TEMPLATE = """\
salesplan: 1
plan:
  name: 金额写法测试
  period: {{start: 2026-07-01, end: 2026-09-30}}
  unit: {unit}
team:
  regions:
    - {{id: east-a, name: A区}}
    - {{id: east-b, name: B区}}
  products:
    - {{id: device, name: 医疗器械}}
    - {{id: consumable, name: 耗材}}
  people:
    - id: 李雷
      region: east-a
      capacity: {cap_li}
    - id: 韩梅
      region: east-b
      capacity: {cap_han}
history:
  period: {{start: 2025-07-01, end: 2025-09-30}}
  revenue:
    east-a:
      device: {hist_a_device}
      consumable: {hist_a_consumable}
    east-b:
      device: {hist_b_device}
      consumable: {hist_b_consumable}
targets:
  - id: T1
    name: 销售额
    metric: revenue
    granularity: {granularity}
    value: {value}
    baseline: {baseline}
    deadline: 2026-09-30
    split:
      - by: region
        method: explicit
        values:
          east-a: {east_a}
          east-b: {east_b}
      - by: rep
        method: capacity
      - by: month
        method: weights
        weights:
          2026-07: {w_jul}
          2026-08: {w_aug}
          2026-09: {w_sep}
  - id: T2
    name: 销售额（产品）
    metric: revenue
    granularity: {granularity}
    value: {value}
    deadline: 2026-09-30
    split:
      - by: [region, product]
        method: ipf
        margins:
          region:
            east-a: {east_a}
            east-b: {east_b}
          product:
            device: {margin_device}
            consumable: {margin_consumable}
  - id: T3
    name: 销售额（历史）
    metric: revenue
    granularity: {granularity}
    value: {value}
    deadline: 2026-09-30
    split:
      - by: region
        method: history
  - id: T4
    name: 销售额（自有单位）
    metric: revenue
    unit: 万元
    value: {t4_value}
    baseline: {t4_baseline}
    deadline: 2026-09-30
strategies:
  - id: S1
    name: 渠道深耕
    budget: {s1}
budget:
  total: {total}
tasks:
  - id: K1
    name: 代理商签约
    strategy: S1
    start: 2026-07-01
    end: 2026-07-31
    budget: {k1}
"""


def plain(yuan: int, unit: str) -> str:
    """The amount as a plain number in `unit` (what a user writes without a suffix)."""
    return format((Decimal(yuan) / UNITS[unit]).normalize(), "f")


# ways to write an amount of `yuan` 元 as a string, whatever the plan's unit
WRITINGS = {
    "元": lambda y: f"{y}元",
    "万": lambda y: f"{format((Decimal(y) / 10**4).normalize(), 'f')}万",
    "万元": lambda y: f"{format((Decimal(y) / 10**4).normalize(), 'f')}万元",
    "亿": lambda y: f"{format((Decimal(y) / 10**8).normalize(), 'f')}亿",
    "千分位元": lambda y: f"{y:,}元",
}


def render(unit: str, forms: dict[str, str | None]) -> str:
    values = {
        name: (WRITINGS[form](yuan) if form else plain(yuan, OWN_UNIT.get(name, unit)))
        for name, (yuan, form) in _pairs(forms)
    }
    return TEMPLATE.format(unit=unit, **values)


def _pairs(forms: dict[str, str | None]) -> list[tuple[str, tuple[int, str | None]]]:
    return [(name, (yuan, forms.get(name))) for name, yuan in FIELDS.items()]


def outputs(tmp: Path, text: str, actual: str) -> list[str]:
    plan = tmp / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    actuals = tmp / "actuals.csv"
    with actuals.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["target", "region", "date", "value"], ["T1", "east-a", "2026-07-15", actual]])
    runner = CliRunner()
    commands = [
        ["split", str(plan), "-f", "json"],
        ["lint", str(plan), "--format", "json"],
        ["export", str(plan), "-o", "-", "-f", "md"],
        ["export", str(plan), "-o", str(tmp / "plan.xlsx"), "--force"],
        ["review", str(plan), "--actuals", str(actuals), "--as-of", "2026-08-15", "-f", "json"],
    ]
    results = []
    for args in commands:
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        # an end column moves with the length of what was written; the numbers may not
        output = re.sub(r'"end_column": \d+', '"end_column": _', result.output)
        results.append(f"{args[0]} exit {result.exit_code}\n{output}")
    results.append(_cells(tmp / "plan.xlsx"))
    return results


def _cells(path: Path) -> str:
    """Every cell people see in the workbook, value and number format (the file's bytes hold a timestamp;
    the very hidden sheet holds the plan's own text for `salesplan import`, as written)."""
    import openpyxl

    if not path.exists():
        return "no workbook"
    book = openpyxl.load_workbook(path)
    return "\n".join(
        f"{sheet.title}!{cell.coordinate} {cell.value!r} {cell.number_format}"
        for sheet in book.worksheets
        if sheet.sheet_state != "veryHidden"
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


@pytest.mark.parametrize("unit", list(UNITS))
@pytest.mark.parametrize("form", list(WRITINGS))
def test_every_field_written_as_a_string_means_the_same(tmp_path: Path, unit: str, form: str) -> None:
    plain_text = render(unit, {})
    string_text = render(unit, dict.fromkeys(FIELDS, form))
    assert load_text(plain_text, "plan.yaml").ok, load_text(plain_text, "plan.yaml").diagnostics
    # T1 has no unit of its own: its actuals are in the plan's unit
    first = outputs(tmp_path, plain_text, plain(FIELDS["actual"], unit))
    second = outputs(tmp_path, string_text, WRITINGS[form](FIELDS["actual"]))
    assert first == second
    assert all(" exit 2" not in out.splitlines()[0] for out in first), first


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    unit=st.sampled_from(list(UNITS)),
    forms=st.fixed_dictionaries({name: st.sampled_from([None, *WRITINGS]) for name in FIELDS}),
)
def test_any_mix_of_writings_means_the_same(
    tmp_path_factory: pytest.TempPathFactory, unit: str, forms: dict[str, str | None]
) -> None:
    tmp = tmp_path_factory.mktemp("mix")
    actual_form = forms["actual"]
    actual = WRITINGS[actual_form](FIELDS["actual"]) if actual_form else plain(FIELDS["actual"], unit)
    first = outputs(tmp, render(unit, {}), plain(FIELDS["actual"], unit))
    second = outputs(tmp, render(unit, forms), actual)
    assert first == second


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1200万", "万元", "1200"),
        ("1200万", "元", "12000000"),
        ("1200万", "亿元", "0.12"),
        ("1.2亿", "万元", "12000"),
        ("3,000元", "万元", "0.3"),
        ("500万元", "万元", "500"),
        ("1.2万", "家", "12000"),
        ("2万", "万人", "2"),
        ("500", "亿元", "500"),
    ],
)
def test_amount_strings_are_read_in_the_fields_unit(text: str, unit: str, expected: str) -> None:
    assert parse_amount(text, unit) == Decimal(expected)


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("{id: T1, name: 新客户, value: 3000元, unit: 家}", "以“家”计"),
        ("{id: T1, name: 转化率, value: 3万, unit: '%'}", "百分比"),
        ("{id: T1, name: 转化率, value: 18%, baseline: 12万}", "百分比"),
    ],
)
def test_an_amount_in_a_field_that_is_not_money_is_refused_where_it_stands(target: str, words: str) -> None:
    text = (
        "salesplan: 1\nplan: {name: t, period: {start: 2027-01-01, end: 2027-03-31}, unit: 万元}\n"
        f"targets:\n  - {target}\n"
    )
    loaded = load_text(text, "p.yaml")
    [diag] = loaded.diagnostics
    assert diag.code == "SP021" and diag.source.line == 4
    assert words in (diag.message_zh or "")
