"""`salesplan split --commitments FILE`: a file's commitments compared as `commit:` values are.

Hand-computed on a plan split by region (explicit 300/200), product (weights 3:2) and month (weights
1:1:2): east-a/device 180, east-a/consumable 120, east-b/device 120, east-b/consumable 80; each of
them 1/4, 1/4, 1/2 over Jul–Sep (east-a/device: 45, 45, 90); July in all: 45 + 30 + 30 + 20 = 125.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.loader import load_text
from salesplan.review.commit_read import filed_commitments
from salesplan.split.commit import allocations, commitments
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
  products: [{id: device, name: 医疗器械}, {id: consumable, name: 耗材}]
targets:
  - id: T1
    name: 第三季度销售额
    metric: revenue
    value: 500
    split:
      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}
      - {by: product, method: weights, weights: {device: 3, consumable: 2}}
      - {by: month, method: weights, weights: {2026-07: 1, 2026-08: 1, 2026-09: 2}}
"""
# (key, allocation, commitment, gap) of the hand-computed table
EXPECTED = [
    ("east-a", "300", "280", "-20"),
    ("device", "300", "310", "10"),
    ("east-b / consumable", "80", "90", "10"),
    ("east-a / device / 2026-07", "45", "40", "-5"),
    ("2026-08", "125", "130", "5"),
]
ZH_CSV = """\
目标,区域,产品,月份,承诺
第三季度销售额,A区,,,280
T1,,医疗器械,,"3,100,000元"
T1,B区,耗材,,90
T1,east-a,device,7月,40
T1,,,2026-08,130万元
"""
EN_CSV = """\
target,region,product,month,commitment (元)
T1,east-a,,,2800000
T1,,device,,310万
T1,east-b,consumable,,900000
T1,east-a,device,2026-07,400000
T1,,,2026-8,1300000
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["split", *args])
    return result.exit_code, result.stdout, result.stderr


def _plan(tmp_path: Path, text: str = PLAN) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _table(tmp_path: Path, file: Path, text: str = PLAN) -> list[tuple[str, str, str, str]]:
    code, out, err = run(str(_plan(tmp_path, text)), "--commitments", str(file), "-f", "json")
    assert code == 0, err
    rows = [row for target in json.loads(out)["targets"] for row in target.get("commitments", [])]
    return [(r["part"], r["allocation"], r["commitment"], r["gap"]) for r in rows]


@pytest.mark.parametrize("text", [ZH_CSV, EN_CSV], ids=["zh", "en"])
def test_csv_table_hand_computed(tmp_path: Path, text: str) -> None:
    file = tmp_path / "commit.csv"
    file.write_text(text, encoding="utf-8")
    assert _table(tmp_path, file) == EXPECTED


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_table_hand_computed_with_chinese_headers(tmp_path: Path) -> None:
    file = _xlsx(
        tmp_path / "commit.xlsx",
        [
            ["指标名称", "区域", "产品", "月份", "承诺金额（万元）"],
            ["T1", "A区", None, None, 280],
            ["T1", None, "device", None, 310.0],
            ["T1", "east-b", "耗材", None, "90"],
            ["T1", "east-a", "device", "2026-07", 40],
            ["T1", None, None, "8月", 130],
        ],
    )
    assert _table(tmp_path, file) == EXPECTED


def test_xlsx_with_english_headers_and_a_month_cell(tmp_path: Path) -> None:
    import datetime as dt

    file = _xlsx(
        tmp_path / "commit.xlsx",
        [
            ["target", "region", "month", "commit"],
            ["T1", "east-b", None, 210],
            ["T1", None, dt.datetime(2026, 9, 1), 250],  # Excel makes 2026-09 a date cell
        ],
    )
    # east-b: 200 allocated; September: 90 + 60 + 60 + 40 = 250
    assert _table(tmp_path, file) == [("east-b", "200", "210", "10"), ("2026-09", "250", "250", "0")]


def _all_formats(plan: Path, *extra: str) -> dict[str, str]:
    out = {}
    for fmt in ("table", "json", "csv", "yaml"):
        code, text, err = run(str(plan), "-f", fmt, "--lang", "en", *extra)
        assert code == 0, err
        out[fmt] = text
    return out


def test_a_file_giving_the_commit_values_gives_byte_identical_output(tmp_path: Path) -> None:
    reference = REFERENCE.read_text(encoding="utf-8")
    anchor = "    split:                            # levels"
    with_commit = tmp_path / "with" / "plan.yaml"
    with_commit.parent.mkdir()
    with_commit.write_text(reference.replace(anchor, f"    commit: {{east-a: 280, 李雷: 90}}\n{anchor}", 1), "utf-8")
    without = tmp_path / "without" / "plan.yaml"
    without.parent.mkdir()
    shutil.copy(REFERENCE, without)
    file = tmp_path / "commit.csv"
    # 李雷 is a rep of east-a only: the row's region adds nothing, its key is 李雷 as in `commit:`
    file.write_text("目标,区域,销售,承诺\nT1,A区,,280\nT1,east-a,李雷,90\n", encoding="utf-8")
    assert _all_formats(with_commit) == _all_formats(without, "--commitments", str(file))


def test_the_file_wins_over_commit_and_the_other_commit_parts_stay(tmp_path: Path) -> None:
    text = PLAN + "    commit: {east-a: 250, east-b: 190}\n"
    file = tmp_path / "commit.csv"
    file.write_text("region,commitment\neast-a,280\n", encoding="utf-8")
    assert _table(tmp_path, file, text) == [("east-a", "300", "280", "-20"), ("east-b", "200", "190", "-10")]


BAD = """\
目标,区域,产品,月份,承诺
T9,A区,,,10
T1,east-c,,,10
T1,A区,,,lots
T1,A区,,,-3
T1,A区,,13月,5
T1,east-a,,,280
T1,A区,,,270
,,,,20
T1,,,2026-07,125
T1,,,7月,120
"""


def test_bad_file_every_problem_located_at_once_nothing_written(tmp_path: Path) -> None:
    plan = _plan(tmp_path, PLAN.replace("  - id: T1\n", "  - id: T0\n    value: 1\n  - id: T1\n", 1))
    file = tmp_path / "commit.csv"
    file.write_text(BAD, encoding="utf-8")
    out = tmp_path / "out.json"
    code, stdout, err = run(str(plan), "--commitments", str(file), "-o", str(out), "-f", "json", "--lang", "en")
    assert code == 2 and stdout == "" and not out.exists()
    found = [line.split(" ", 2)[:2] for line in err.splitlines() if line.startswith(str(file))]
    assert found == [
        [f"{file}:2:1:", "SP063"],  # unknown target T9
        [f"{file}:3:2:", "SP063"],  # unknown region east-c
        [f"{file}:4:5:", "SP062"],  # not an amount
        [f"{file}:5:5:", "SP062"],  # negative
        [f"{file}:6:4:", "SP042"],  # 13月 is no month of the split
        [f"{file}:8:1:", "SP070"],  # east-a again (as A区)
        [f"{file}:9:1:", "SP042"],  # names no part
        [f"{file}:11:1:", "SP070"],  # 7月 is 2026-07 again
    ]
    assert "unknown region 'east-c'; did you mean 'east-b'?" in err
    assert "'east-a' is committed twice (first at line 7)" in err
    code, _out, zh = run(str(plan), "--commitments", str(file))
    assert code == 2 and "未知" in zh and "承诺" in zh


def test_a_level_or_time_part_the_split_lacks_is_located(tmp_path: Path) -> None:
    rep = "  people: [{id: 李雷, role: rep, region: east-a}]\n  products:"
    plan = _plan(tmp_path, PLAN.replace("  products:", rep))
    file = tmp_path / "commit.csv"
    file.write_text("target,region,rep,month,commitment\nT1,east-a,李雷,,5\nT1,east-a,,2026-Q3,5\n", "utf-8")
    code, _out, err = run(str(plan), "--commitments", str(file), "--lang", "en")
    assert code == 2
    assert f"{file}:2:3: SP042 '李雷': target T1 is not split by rep" in err
    assert f"{file}:3:4: SP042 '2026-Q3' is not a time part of target T1's breakdown" in err


def test_unreadable_and_headerless_files_exit_2(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    code, _out, err = run(str(plan), "--commitments", str(tmp_path / "missing.csv"), "--lang", "en")
    assert code == 2 and "SP060" in err
    file = tmp_path / "commit.csv"
    file.write_text("region,date,amount\neast-a,2026-07-01,5\n", encoding="utf-8")
    code, _out, err = run(str(plan), "--commitments", str(file), "--lang", "en")
    assert code == 2 and f"{file}:1:2: SP061 column 'date' has no place in a commitments file" in err
    file.write_text("region,owner\neast-a,x\n", encoding="utf-8")
    code, _out, err = run(str(plan), "--commitments", str(file), "--lang", "en")
    assert code == 2 and "no commitment column" in err


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=4, max_size=4), st.data())
def test_any_path_allocation_is_the_sum_of_its_leaves(tmp_path: Path, amounts: list[int], data: st.DataObject) -> None:
    """Whatever parts a row names, its allocation is the sum of the leaves under all of them, and the
    gap is the commitment less it, exactly."""
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.plan is not None
    split = split_plan(loaded).splits[0]
    paths = [
        {
            "region": data.draw(st.sampled_from(["", "east-a", "east-b"])),
            "product": data.draw(st.sampled_from(["", "device", "consumable"])),
            "month": data.draw(st.sampled_from(["", "2026-07", "2026-08", "2026-09"])),
        }
        for _ in amounts
    ]
    paths = [p for p in paths if any(p.values())]
    unique = list({tuple(p.values()): p for p in paths}.values())
    rows = "".join(f"T1,{p['region']},{p['product']},{p['month']},{a}\n" for p, a in zip(unique, amounts, strict=False))
    file = tmp_path / "commit.csv"
    file.write_text("target,region,product,month,commitment\n" + rows, encoding="utf-8")
    assert filed_commitments(file, loaded.plan, [split]) == []
    found, unknown = commitments(split, split.commit)
    assert unknown == []
    for p, a, c in zip(unique, amounts, found, strict=False):
        named = {k: v for k, v in p.items() if v}
        leaves = sum((n.value for coords, n in split.leaves() if named.items() <= coords.items()), Decimal(0))
        assert (c.allocation, c.commitment, c.gap) == (leaves, Decimal(a), Decimal(a) - leaves)
    assert allocations(split)["east-a"] == 300  # the split itself is untouched


def test_template_rows_of_the_commit_level_read_back_once_filled(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(REFERENCE, plan)
    template = tmp_path / "commit.csv"
    code, out, err = run(str(plan), "--commitments-template", str(template))
    assert (code, out) == (0, "") and str(template) in err
    text = template.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    # the reps of each region and product (T1), and of each region (T2), with their allocations
    assert lines[:3] == ["目标,区域,产品,销售代表,分配,承诺", "T1,east-a,device,李雷,96,", "T1,east-a,device,韩梅,84,"]
    assert lines[-1] == "T2,east-b,,吴敏,6,"
    assert len(lines) == 1 + 8 + 4
    code, _out, err = run(str(plan), "--commitments-template", str(template))
    assert code == 2 and template.read_text(encoding="utf-8-sig") == text  # not overwritten without --force
    filled = text.replace("T1,east-a,device,李雷,96,", "T1,east-a,device,李雷,96,100")
    template.write_text(filled.replace("T2,east-b,,吴敏,6,", "T2,east-b,,吴敏,6,5"), encoding="utf-8-sig")
    assert _table(tmp_path, template, plan.read_text(encoding="utf-8")) == [
        ("east-a / device / 李雷", "96", "100", "4"),  # 李雷 also sells consumables: the path stays
        ("吴敏", "6", "5", "-1"),  # 吴敏 is only under east-b: the rep's id
    ]


def test_template_in_english_and_a_time_only_split(tmp_path: Path) -> None:
    text = PLAN.replace(
        "      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}\n"
        "      - {by: product, method: weights, weights: {device: 3, consumable: 2}}\n",
        "",
    )
    template = tmp_path / "commit.csv"
    code, _out, _err = run(str(_plan(tmp_path, text)), "--commitments-template", str(template), "--lang", "en")
    assert code == 0
    assert template.read_text(encoding="utf-8-sig").splitlines() == [
        "target,month,allocation,commitment",
        "T1,2026-07,125,",
        "T1,2026-08,125,",
        "T1,2026-09,250,",
    ]


PARTS = ["east-a", "east-b", "device", "consumable", "2026-07", "2026-08", "2026-09"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(PARTS), st.integers(min_value=0, max_value=100_000), min_size=1))
def test_a_file_equals_commit_whatever_the_parts(tmp_path: Path, commit: dict[str, int]) -> None:
    """A file naming the parts of a `commit:` by one column each gives the same commitments, in the same order."""
    written = ", ".join(f"{part}: {amount}" for part, amount in commit.items())
    in_plan = load_text(PLAN + f"    commit: {{{written}}}\n", "plan.yaml")
    expected = split_plan(in_plan).splits[0]
    column = {"east-a": 1, "east-b": 1, "device": 2, "consumable": 2}
    rows = []
    for part, amount in commit.items():
        cells = ["T1", "", "", "", str(amount)]
        cells[column.get(part, 3)] = part
        rows.append(",".join(cells))
    file = tmp_path / "commit.csv"
    file.write_text("target,region,product,month,commitment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.plan is not None
    split = split_plan(loaded).splits[0]
    assert filed_commitments(file, loaded.plan, [split]) == []
    assert split.commit == expected.commit and split.commit_paths == {}
    assert commitments(split, split.commit) == commitments(expected, expected.commit)


def test_a_part_outside_the_target_scope_is_named_with_a_guess(tmp_path: Path) -> None:
    text = PLAN.replace("    metric: revenue\n", "    metric: revenue\n    scope: {regions: [east-a]}\n", 1)
    text = text.replace("{east-a: 300, east-b: 200}", "{east-a: 500}")
    file = tmp_path / "commit.csv"
    file.write_text("region,product,commitment\neast-b,,5\n,devise,5\n", encoding="utf-8")
    code, _out, err = run(str(_plan(tmp_path, text)), "--commitments", str(file), "--lang", "en")
    assert code == 2
    assert f"{file}:2:1: SP042 region 'east-b' is not a part of target T1's breakdown" in err
    assert f"{file}:3:2: SP063 unknown product 'devise'; did you mean 'device'?" in err
    code, _out, err = run(str(_plan(tmp_path, text)), "--commitments", str(file))
    assert "区域 'east-b' 不是目标 T1 拆解中的拆解项" in err
