"""`salesplan review` as a user meets it: formats, -o safety, the CI gate, located errors, the blank template."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app

HERE = Path(__file__).resolve().parent
REFERENCE = REPO_REFERENCE
ACTUALS = HERE / "fixtures" / "actuals.csv"
AS_OF = ("--as-of", "2026-08-15")


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


def test_table_by_default_in_chinese_and_english() -> None:
    code, out, err = run(REFERENCE, "--actuals", ACTUALS, *AS_OF)
    assert (code, err) == (0, "")
    for text in ("T1 第三季度销售额 · 500万元 · 截至 2026-08-15", "达成率", "序时进度", "风险", "A区", "吴敏"):
        assert text in out
    code, out, _ = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--lang", "en")
    assert code == 0 and "Pacing" in out and "at risk" in out and "风险" not in out


def test_json_contract() -> None:
    code, out, _ = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["as_of"] == "2026-08-15"
    assert set(doc) == {"as_of", "period", "thresholds", "summary", "targets", "triggers"}
    assert doc["triggers"] == {"streak": 2, "drop": "15"}
    assert all(target["alerts"] == [] for target in doc["targets"])  # only July has ended by 08-15
    t1 = doc["targets"][0]
    assert (t1["id"], t1["unit"], t1["compare"]) == ("T1", "万元", "sum")
    assert doc["targets"][2]["compare"] == "level"
    row = t1["rows"][0]
    assert set(row) == {
        "depth", "level", "part", "label", "coords", "target",
        "actual", "achievement", "expected", "pacing", "gap", "status",
    }  # fmt: skip
    # no float anywhere: numbers are decimal strings
    for target in doc["targets"]:
        for r in target["rows"]:
            assert all(
                isinstance(r[k], (str, type(None))) for k in ("target", "actual", "achievement", "pacing", "gap")
            )
            assert r["status"] in ("ahead", "on_track", "behind", "at_risk")
    # T1 to 08-15: 20 + 15 + 30 + 25 (July, month only) + 5 = 95; the 09-02 row is later
    assert row["actual"] == "95"


def test_fail_under_is_a_ci_gate(tmp_path: Path) -> None:
    code, out, err = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--format", "json", "--fail-under", "90")
    assert code == 1 and json.loads(out)["targets"]  # the output is still written
    assert "T1" in err and "T2" in err and "T3" not in err  # T3's rate is on pace
    code, _, _ = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--fail-under", "10")
    assert code == 0
    assert run(REFERENCE, "--actuals", ACTUALS, "--fail-under", "lots")[0] == 2


def test_the_gate_fails_a_due_rate_target_nobody_measured(tmp_path: Path) -> None:
    sums_only = tmp_path / "sums.csv"
    sums_only.write_text("target,date,value\nT1,2026-08-10,500\nT2,2026-08-10,1000\n", encoding="utf-8")
    code, _, err = run(REFERENCE, "--actuals", sums_only, *AS_OF, "--fail-under", "10", "--lang", "en")
    assert code == 1 and err.strip() == "salesplan: pacing below 10%: T3 no actuals"
    code, _, err = run(REFERENCE, "--actuals", sums_only, *AS_OF, "--fail-under", "10")
    assert code == 1 and "T3 无实际值" in err
    # before the period begins nothing is due, so nothing fails for want of a measurement
    assert run(REFERENCE, "--actuals", sums_only, "--as-of", "2026-06-30", "--fail-under", "10")[0] == 0


def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "review.md"
    assert run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--format", "md", "-o", out)[0] == 0
    first = out.read_text(encoding="utf-8")
    out.write_text("mine", encoding="utf-8")
    code, _, err = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--format", "md", "-o", out)
    assert code == 2 and "--force" in err and out.read_text(encoding="utf-8") == "mine"
    assert run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--format", "md", "-o", out, "--force")[0] == 0
    assert out.read_text(encoding="utf-8") == first


def test_xlsx_needs_a_file() -> None:
    code, out, err = run(REFERENCE, "--actuals", ACTUALS, "--format", "xlsx")
    assert code == 2 and out == "" and "-o" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区域,金额\nmars,1\n", "bad.csv:2:1: SP063"),
        ("区域,金额\nA区,一百\n", "bad.csv:2:2: SP062"),
        ("区域,月份,金额\nA区,2026-12,1\n", "bad.csv:2:2: SP065"),
        ("地区,销量\nA区,1\n", "bad.csv:1:1: SP061"),
        ("", "bad.csv:1:1: SP061"),
    ],
)
def test_bad_actuals_exit_2_with_located_diagnostics(tmp_path: Path, text: str, expected: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    out_file = tmp_path / "out.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "salesplan",
            "review",
            str(REFERENCE),
            "--actuals",
            str(bad),
            "-f",
            "json",
            "-o",
            str(out_file),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert not out_file.exists()


def test_wrong_options_exit_2() -> None:
    assert run(REFERENCE)[0] == 2  # no --actuals
    assert run(REFERENCE, "--actuals", ACTUALS, "--as-of", "someday")[0] == 2
    assert run(REFERENCE, "--actuals", ACTUALS, "--ahead", "90", "--on-track", "95")[0] == 2
    assert run(REFERENCE, "--actuals", ACTUALS, "--format", "csv")[0] == 2
    assert run(HERE / "missing.yaml", "--actuals", ACTUALS)[0] == 2


def test_thresholds_from_flags() -> None:
    strict = json.loads(
        run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "-f", "json", "--at-risk", "0", "--on-track", "0")[1]
    )
    assert strict["thresholds"] == {"ahead": "110", "on_track": "0", "at_risk": "0"}
    assert {t["status"] for t in strict["targets"]} <= {"ahead", "on_track"}


def test_whole_period_at_its_end() -> None:
    doc = json.loads(run(REFERENCE, "--actuals", ACTUALS, "--as-of", "2026-12-31", "-f", "json")[1])
    t1 = doc["targets"][0]["rows"][0]
    # all of T1's rows now count: 95 + 40 = 135 of 500 = 27%; expected = the whole 500
    assert (t1["actual"], t1["expected"], t1["achievement"], t1["pacing"]) == ("135", "500", "27.0", "27.0")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_blank_templates_read_back_as_actuals(tmp_path: Path, lang: str) -> None:
    csv_path, xlsx_path = tmp_path / "a.csv", tmp_path / "a.xlsx"
    assert run("--blank", "--format", "csv", "-o", csv_path, "--lang", lang)[0] == 0
    assert run("--blank", "--format", "xlsx", "-o", xlsx_path, "--lang", lang)[0] == 0
    header = next(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert header == (["目标", "区域", "产品", "销售代表", "日期", "月份", "金额"] if lang == "zh" else
                      ["target", "region", "product", "rep", "date", "month", "value"])  # fmt: skip
    book = openpyxl.load_workbook(xlsx_path)
    assert [c.value for c in book.worksheets[0][1]] == header and len(book.worksheets) == 2
    with csv_path.open("a", encoding="utf-8") as handle:
        handle.write("T1,A区,医疗器械,李雷,2026-07-10,,20\n")
    code, out, err = run(REFERENCE, "--actuals", csv_path, *AS_OF, "-f", "json")
    assert (code, err) == (0, "") and json.loads(out)["targets"][0]["rows"][0]["actual"] == "20"
    code, _, err = run(REFERENCE, "--actuals", xlsx_path, *AS_OF, "-f", "json")
    assert (code, err) == (0, "")  # the guide sheet is never read as data


def test_blank_refuses_other_formats_and_stdout(tmp_path: Path) -> None:
    assert run("--blank", "--format", "md", "-o", tmp_path / "x.md")[0] == 2
    assert run("--blank", "--format", "csv")[0] == 2
    assert run(REFERENCE, "--blank", "-a", ACTUALS, "--format", "csv", "-o", tmp_path / "x.csv")[0] == 2


def test_help_lists_review_and_imports_nothing_heavy() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom salesplan.cli.app import app\n"
        "r = CliRunner().invoke(app, ['--help'])\nassert 'review' in r.output, r.output\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'openpyxl', 'jinja2'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    result = CliRunner().invoke(app, ["review", "--help"])
    assert result.exit_code == 0 and "--fail-under" in result.output and "--blank" in result.output


def test_one_run_reports_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("区域,销售代表,金额\nA区,周杰,1\nmars,李雷,1\n", encoding="utf-8")
    code, out, err = run(REFERENCE, "--actuals", bad, "--lang", "en")
    assert code == 2 and out == ""
    assert f"{bad}:2:2: SP067 rep '周杰' is not a part of target T1's scope or breakdown under east-a" in err
    assert f"{bad}:3:1: SP063 unknown region 'mars'" in err


def test_thresholds_and_gate_from_salesplan_toml(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(REFERENCE.read_bytes())
    _, out, _ = run(plan, "--actuals", ACTUALS, *AS_OF, "--format", "json")
    assert json.loads(out)["thresholds"] == {"ahead": "110", "on_track": "95", "at_risk": "80"}
    (tmp_path / "salesplan.toml").write_text(
        '[review]\nahead = "120%"\non-track = 90\nat-risk = "10"\nfail-under = 99\n', encoding="utf-8"
    )
    code, out, err = run(plan, "--actuals", ACTUALS, *AS_OF, "--format", "json")
    assert json.loads(out)["thresholds"] == {"ahead": "120", "on_track": "90", "at_risk": "10"}
    assert code == 1 and "99" in err  # the configured gate applies
    # the command line overrides the file
    code, out, _ = run(plan, "--actuals", ACTUALS, *AS_OF, "--format", "json", "--ahead", "130", "--fail-under", "1")
    assert code == 0 and json.loads(out)["thresholds"]["ahead"] == "130"
    # lint reads the same file and accepts the table
    lint = CliRunner().invoke(app, ["lint", str(plan)])
    assert lint.exit_code == 0, lint.output


def test_a_bad_review_table_is_a_configuration_error(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(REFERENCE.read_bytes())
    (tmp_path / "salesplan.toml").write_text("[review]\nbehind = 50\n", encoding="utf-8")
    code, out, err = run(plan, "--actuals", ACTUALS, *AS_OF)
    assert (code, out) == (2, "")
    assert "review" in err and "behind" in err and "Traceback" not in err


def test_target_option_reviews_only_those_targets() -> None:
    code, out, _ = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "--format", "json", "-t", "T3", "--target", "T1")
    doc = json.loads(out)
    assert code == 0 and [t["id"] for t in doc["targets"]] == ["T1", "T3"]  # the plan's order
    assert sum(doc["summary"].values()) == 2
    code, out, err = run(REFERENCE, "--actuals", ACTUALS, *AS_OF, "-t", "T9", "--lang", "en")
    assert code == 2 and out == "" and "SP057 no target 'T9' in this plan (targets: T1, T2, T3)" in err


def test_blank_takes_its_format_from_the_suffix_and_usage_errors_follow_lang(tmp_path: Path) -> None:
    assert run("--blank", "-o", tmp_path / "a.csv")[0] == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("目标,")
    assert run("--blank", "-o", tmp_path / "a.xlsx")[0] == 0
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").active is not None
    code, _, err = run("--blank", "-o", tmp_path / "a.txt")
    assert code == 2 and "--blank 生成实际数据模板" in err
    code, _, err = run(REFERENCE, "--actuals", ACTUALS, "--as-of", "soon")
    assert code == 2 and "--as-of 应为日期 YYYY-MM-DD" in err
    code, _, err = run(REFERENCE, "--actuals", ACTUALS, "--as-of", "soon", "--lang", "en")
    assert code == 2 and "--as-of must be a date YYYY-MM-DD" in err
    code, _, err = run(REFERENCE, "--actuals", ACTUALS, "--format", "xlsx")
    assert code == 2 and "xlsx 工作簿不能输出到标准输出" in err
