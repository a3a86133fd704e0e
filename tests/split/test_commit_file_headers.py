"""A commitments file's header: an actuals column (实际, 销售额, 业绩, actual …) is never read as the commitment,
and a header problem's hint names what split and lint read (no [review.columns], no --ignore-column)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salesplan.cli.app import app

PLAN = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
targets:
  - id: T1
    name: 第三季度销售额
    metric: revenue
    value: 500
    split:
      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}
"""


def run(tmp_path: Path, csv: str, *args: str) -> tuple[int, str, str, Path]:
    plan, file = tmp_path / "plan.yaml", tmp_path / "commit.csv"
    plan.write_text(PLAN, encoding="utf-8")
    file.write_text(csv, encoding="utf-8")
    output = tmp_path / "split.json"
    result = CliRunner().invoke(app, ["split", str(plan), "--commitments", str(file), "-o", str(output), *args])
    assert not output.exists()  # nothing written
    return result.exit_code, result.stdout, result.stderr, file


@pytest.mark.parametrize("header", ["销售额", "实际", "业绩", "实际销售额", "actual", "实际销售额（万元）"])
def test_an_actuals_column_alone_is_no_commitment(tmp_path: Path, header: str) -> None:
    code, out, err, file = run(tmp_path, f"区域,{header}\nA区,280\n")
    assert (code, out) == (2, "")
    assert f"{file}:1:1: SP061 没有承诺列（commitment / 承诺 …）" in err
    hint = "提示: 承诺列的列名请写 承诺 / commitment，并删除这一列"
    assert f"{file}:1:2: SP061 列 '{header}' 是实际数据，不是承诺\n    {hint}" in err


def test_every_actuals_column_beside_the_commitments_at_once_in_english(tmp_path: Path) -> None:
    code, _out, err, file = run(tmp_path, "区域,实际,业绩,承诺\nA区,250,3,280\n", "--lang", "en")
    assert code == 2
    assert f"{file}:1:2: SP061 column '实际' holds actuals, not commitments" in err
    assert f"{file}:1:3: SP061 column '业绩' holds actuals, not commitments" in err
    assert "hint: head the commitments' column 承诺 / commitment, and delete this one" in err
    assert "repeated" not in err and ":1:4:" not in err


@pytest.mark.parametrize("header", ["承诺", "金额", "value", "amount", "数值", "承诺金额（万元）"])
def test_a_commitment_or_plain_amount_header_is_the_commitment(tmp_path: Path, header: str) -> None:
    plan, file = tmp_path / "plan.yaml", tmp_path / "commit.csv"
    plan.write_text(PLAN, encoding="utf-8")
    file.write_text(f"区域,{header}\nA区,280\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["split", str(plan), "--commitments", str(file), "-f", "json"])
    assert result.exit_code == 0
    [target] = json.loads(result.stdout)["targets"]
    assert target["commitments"] == [{"part": "east-a", "allocation": "300", "commitment": "280", "gap": "-20"}]


def test_hints_name_no_option_split_lacks(tmp_path: Path) -> None:
    code, _out, err, file = run(tmp_path, "区域,备注,承诺,承诺\nA区,x,1,2\n")
    assert code == 2
    assert f"{file}:1:2: SP061 无法识别的列 '备注'" in err
    assert f"{file}:1:4: SP061 重复的列 '承诺'：第 3 列已是数值列\n    提示: 删除其中一列\n" in err
    assert "--ignore-column" not in err and "review.columns" not in err
    listed = err.split("可识别的列名 — ", 1)[1].split("。", 1)[0]
    assert "value: commitment / commit / committed / 承诺" in listed
    assert "date" not in listed and "strategy" not in listed and "实际" not in listed
    _code, _out, err, _file = run(tmp_path, "区域,备注,承诺\nA区,x,1\n", "--lang", "en")
    assert "Rename the column to one of them, or delete it" in err and "--ignore-column" not in err


def test_review_hints_still_name_its_options(tmp_path: Path) -> None:
    from salesplan.review.headers import ColumnSettings, read_header

    header = read_header(["region", "备注", "value", "value"], ColumnSettings(), ["万元"])
    hints = [hint.render("en") for _index, _message, hint in header.problems if hint is not None]
    assert "--ignore-column '备注'" in hints[0] and "[review.columns]" in hints[0]
    assert hints[1] == "remove one of them, or skip this one with --ignore-column 'value'"
