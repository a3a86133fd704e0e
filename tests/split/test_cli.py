"""`salesplan split` as a user meets it: every format, -o safety, located errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app

REFERENCE = REPO_REFERENCE


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan.yaml"
    shutil.copy(REFERENCE, target)
    return target


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["split", *args])
    return result.exit_code, result.stdout, result.stderr


def test_table_is_the_default_with_chinese_headers(plan: Path) -> None:
    before = plan.read_bytes()
    code, out, err = run(str(plan))
    assert (code, err) == (0, "")
    for text in (
        "T1 第三季度销售额 · 500万元",
        "拆解项",
        "目标值（万元）",
        "拆解逻辑",
        "合计",
        "按产能 160/300",
        "A区 (east-a)",
    ):
        assert text in out
    assert plan.read_bytes() == before  # split never modifies the plan


def test_table_in_english_and_depth(plan: Path) -> None:
    code, out, _ = run(str(plan), "--lang", "en", "--depth", "1", "--target", "T1")
    assert code == 0
    assert "Basis" in out and "Total" in out and "explicit" in out
    assert "医疗器械" not in out and "T2" not in out


def test_json_contract(plan: Path) -> None:
    code, out, _ = run(str(plan), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    t1, t2, t3 = doc["targets"]
    # T1 has a comparable history (history.revenue, 416.7): a growth key after value, 500 / 416.7 - 1
    assert list(t1) == ["id", "unit", "value", "growth", "levels", "rows"]
    assert {k: t1[k] for k in ("id", "unit", "value", "growth", "levels")} == {
        "id": "T1",
        "unit": "万元",
        "value": "500",
        "growth": "+20.0%",
        "levels": ["region", "product", "rep", "month"],
    }
    assert t1["rows"][0] == {
        "region": "east-a",
        "product": "device",
        "rep": "李雷",
        "month": "2026-07",
        "value": "29",
        "basis": "按权重 3/10",
        "growth": None,  # a rep has no history of their own
    }
    assert list(t2) == ["id", "unit", "value", "levels", "rows"]  # new customers: no comparable history
    assert sum(int(r["value"]) for r in t1["rows"]) == 500 and len(t1["rows"]) == 24
    assert t2["rows"][-1] == {"region": "east-b", "rep": "吴敏", "value": "6", "basis": "平均"}
    assert t3["levels"] == [] and t3["rows"] == [{"value": "18", "basis": "目标总额"}]


def test_json_depth_gives_subtotals(plan: Path) -> None:
    _, out, _ = run(str(plan), "-f", "json", "-t", "T1", "--depth", "1", "--lang", "en")
    (t1,) = json.loads(out)["targets"]
    assert t1["levels"] == ["region"]
    # 300 / 250 - 1 = +20.0%; 200 / 166.7 - 1 = +19.976% -> +20.0%
    assert t1["rows"] == [
        {"region": "east-a", "value": "300", "basis": "explicit", "growth": "+20.0%"},
        {"region": "east-b", "value": "200", "basis": "explicit", "growth": "+20.0%"},
    ]
    _, out, _ = run(str(plan), "-f", "json", "-t", "T1", "--depth", "2")
    # east-b consumable 80 / 66.7 - 1 = +19.94% -> +19.9%
    assert [r["growth"] for r in json.loads(out)["targets"][0]["rows"]] == ["+20.0%", "+20.0%", "+20.0%", "+19.9%"]


def test_yaml_carries_the_same_document(plan: Path) -> None:
    _, as_json, _ = run(str(plan), "-f", "json")
    code, as_yaml, _ = run(str(plan), "-f", "yaml")
    assert code == 0
    assert yaml.safe_load(as_yaml) == json.loads(as_json)


def test_csv_carries_the_leaves(plan: Path) -> None:
    code, out, _ = run(str(plan), "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["target", "unit", "region", "product", "rep", "month", "value", "basis", "growth"]
    assert {r["growth"] for r in rows} == {""}  # T1's leaves are reps' parts, T2 and T3 have no history
    assert rows[0]["value"] == "29" and rows[0]["month"] == "2026-07"
    assert sum(int(r["value"]) for r in rows if r["target"] == "T1") == 500
    assert [r["month"] for r in rows if r["target"] == "T2"] == [""] * 4
    assert len(rows) == 24 + 4 + 1


def test_output_file_refuses_to_overwrite_without_force(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "split.json"
    assert run(str(plan), "-f", "json", "-o", str(out))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["targets"][0]["id"] == "T1"
    out.write_text("keep me", encoding="utf-8")
    code, stdout, err = run(str(plan), "-f", "json", "-o", str(out))
    assert code == 2 and stdout == ""
    assert "--force" in err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run(str(plan), "-f", "json", "-o", str(out), "--force")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("{")


def test_plan_that_does_not_load_gives_its_diagnostics(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("salesplan: 1\nplan:\n  name: x\n  period: {start: 2026-07-01, end: 2026-09-31}\n", encoding="utf-8")
    code, out, err = run(str(bad))
    assert code == 2 and out == ""
    assert f"{bad}:4:" in err and "SP009" in err
    assert "Traceback" not in err


def test_split_error_is_located_and_exits_2(make_plan: Callable[[str], str], tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    text = make_plan(
        "- {id: T, value: 500, split: [{by: region, method: explicit, values: {east-a: 300, east-b: 150}}]}"
    )
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    code, out, err = run(str(path), "--lang", "en")
    assert code == 2 and out == ""
    assert f"{path}:{line}:" in err and "SP041" in err and "450万元" in err and "500万元" in err
    _, _, err_zh = run(str(path))
    assert "指定值合计 450万元，不等于被拆解的 500万元" in err_zh


def test_unknown_target_and_over_capacity(plan: Path) -> None:
    code, _, err = run(str(plan), "-t", "T9")
    assert code == 2 and "SP057" in err
    text = plan.read_text(encoding="utf-8").replace("value: 500\n", "value: 600\n", 1)
    text = text.replace("{east-a: 300, east-b: 200}", "{east-a: 330, east-b: 270}")
    plan.write_text(text, encoding="utf-8")
    code, out, err = run(str(plan), "-t", "T1")
    assert code == 2 and out == "" and "SP051" in err
    code, out, err = run(str(plan), "-t", "T1", "--allow-over-capacity", "-f", "json")
    assert code == 0 and "SP051" in err
    assert sum(int(r["value"]) for r in json.loads(out)["targets"][0]["rows"]) == 600


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    proc = subprocess.run(
        [sys.executable, "-m", "salesplan", "split", str(missing)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "SP001" in proc.stderr and "Traceback" not in proc.stderr


def test_split_module_imports_only_typer_and_stdlib() -> None:
    code = (
        "import sys\nimport salesplan.cli.split_cmd\n"
        "print(sorted(m for m in ('rich', 'pydantic', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_table_indents_the_hierarchy_with_subtotals_and_a_total_row(plan: Path) -> None:
    code, out, _ = run(str(plan), "-t", "T1")
    assert code == 0
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines() if line.startswith("│")]
    names = [line.split("│")[1].rstrip() for line in out.splitlines() if line.startswith("│")]
    # region, product, rep and month rows, each level two spaces further in
    assert names[:4] == [" A区 (east-a)", "   医疗器械 (device)", "     李雷", "       2026-07"]
    by_name = {c[0]: c for c in cells[:6]}
    # a subtotal row: the sum of what is below it; 同比 against history.revenue (300 / 250, 180 / 150)
    assert by_name["A区 (east-a)"][1:] == ["区域", "300", "指定", "+20.0%"]
    assert by_name["医疗器械 (device)"][1:] == ["产品", "180", "按历史占比 60.0%", "+20.0%"]
    assert by_name["李雷"][1:] == ["销售代表", "96", "按产能 160/300", ""]  # a rep has no history of their own
    assert cells[-1] == ["合计", "", "500", "目标总额", "+20.0%"]  # 500 / 416.7 - 1
    assert "同比" in out.splitlines()[2]
    leaves = [int(c[2]) for c in cells if c[1] == "月"]
    assert len(leaves) == 24 and sum(leaves) == 500
    code, out, _ = run(str(plan), "-t", "T2")
    assert code == 0 and "同比" not in out  # a target without comparable history: the table as before


def test_force_replaces_the_file_by_renaming_a_complete_one(plan: Path, tmp_path: Path) -> None:
    import os

    out = tmp_path / "split.csv"
    out.write_text("old", encoding="utf-8")
    inode = out.stat().st_ino
    assert run(str(plan), "-f", "csv", "-o", str(out), "--force")[0] == 0
    assert out.stat().st_ino != inode  # a new file renamed over the old one, not the old one rewritten
    assert out.read_text(encoding="utf-8").startswith("\ufefftarget,unit,")  # a CSV file for Excel: BOM
    assert sorted(os.listdir(tmp_path)) == ["plan.yaml", "split.csv"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import salesplan.output

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(salesplan.output.os, "replace", refuse)
    out = tmp_path / "split.json"
    out.write_text("keep me", encoding="utf-8")
    code, stdout, err = run(str(plan), "-f", "json", "-o", str(out), "--force", "--lang", "en")
    assert code == 2 and stdout == ""
    assert "cannot write" in err and "no space left on the disk" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert sorted(os.listdir(tmp_path)) == ["plan.yaml", "split.json"]


def test_output_naming_the_plan_is_refused_even_with_force(plan: Path) -> None:
    before = plan.read_bytes()
    for extra in ([], ["--force"]):
        code, out, err = run(str(plan), "-f", "yaml", "-o", str(plan), *extra, "--lang", "en")
        assert code == 2 and out == ""
        assert "is the input file" in err
    assert plan.read_bytes() == before


def test_every_format_leaves_the_plan_untouched(plan: Path, tmp_path: Path) -> None:
    before, mtime = plan.read_bytes(), plan.stat().st_mtime_ns
    for fmt in ("table", "json", "csv", "yaml"):
        assert run(str(plan), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))[0] == 0
    assert plan.read_bytes() == before and plan.stat().st_mtime_ns == mtime


NOTICE_PLAN = """\
salesplan: 1
plan:
  name: Q1
  period: {start: 2027-01-01, end: 2027-03-31}PERIOD_COMMENT
  unit: 万元
targets:
  - id: T
    value: 300
    split:
      - {by: month, method: workdays}
"""


def test_a_notice_the_plan_suppresses_inline_is_not_said_on_every_run(tmp_path: Path) -> None:
    """SP054 (a year whose make-up working days are not published) is a notice on every split, export
    and capacity run until the plan says `# salesplan: ignore[SP054]` where it points, as lint does."""
    from salesplan.cli.app import app as salesplan

    said, quiet = tmp_path / "said.yaml", tmp_path / "quiet.yaml"
    said.write_text(NOTICE_PLAN.replace("PERIOD_COMMENT", ""), encoding="utf-8")
    quiet.write_text(NOTICE_PLAN.replace("PERIOD_COMMENT", "  # salesplan: ignore[SP054] known"), encoding="utf-8")
    code, out, err = run(str(said), "-f", "csv", "--lang", "en")
    assert code == 0 and "said.yaml:4:11: SP054" in err
    code, quiet_out, err = run(str(quiet), "-f", "csv", "--lang", "en")
    assert (code, err) == (0, "") and quiet_out == out.replace("said", "quiet")
    for args in (["export", str(quiet), "-o", str(tmp_path / "q.md")], ["capacity", str(quiet), "-t", "T"]):
        result = CliRunner().invoke(salesplan, args)
        assert "SP054" not in result.stderr, args
    for args in (["export", str(said), "-o", str(tmp_path / "s.md")], ["capacity", str(said), "-t", "T"]):
        result = CliRunner().invoke(salesplan, args)
        assert "SP054" in result.stderr, args


def test_an_inline_suppression_never_hides_an_error(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    level = "      - {by: month, method: weights, weights: {1月: 1}}  # salesplan: ignore[SP043]"
    text = NOTICE_PLAN.replace("PERIOD_COMMENT", "").replace("      - {by: month, method: workdays}", level)
    plan.write_text(text, encoding="utf-8")
    code, out, err = run(str(plan), "--lang", "en")
    assert (code, out) == (2, "")
    assert "plan.yaml:10:47: SP043 target 'T': no weight for 2027-02, 2027-03" in err
