"""The whole review in one run: the reference plan (with derived KPIs added in a copy) against its actuals,
its tasks' progress and its spend, as of 2026-08-31; every table checked against figures computed by hand."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from salesplan.cli.app import app

HERE = Path(__file__).resolve().parent
SPEND = HERE / "fixtures" / "spend" / "spend.csv"  # docs/review.md's spend example: S1 12, K1 3, S3 50, K4 15
ACTUALS = """\
指标,区域,日期,金额,策略
T1,A区,2026-07-10,60,S1
T1,A区,2026-08-12,40,S3
T1,B区,2026-07-15,30,
T1,B区,2026-08-20,20,S1
orders,A区,2026-07-10,20,
orders,A区,2026-08-12,30,
orders,B区,2026-07-15,15,
orders,B区,2026-08-20,0,
collected,A区,2026-07-31,50,
collected,B区,2026-08-31,40,
leads,,2026-07-20,120,
leads,,2026-08-20,80,
deals,,2026-08-25,30,
"""
PROGRESS = "任务,状态,完成度,日期\nK1,进行中,60%,2026-07-20\nK1,,80,2026-07-28\nK3,,30%,2026-08-15\n"


def _regen() -> ModuleType:
    """tests/review/regen_golden.py: it holds the reference plan with the KPI targets (never the file itself)."""
    name = "review_regen_golden"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "regen_golden.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("e2e")
    out = {"plan": folder / "plan.yaml", "actuals": folder / "actuals.csv", "progress": folder / "progress.csv"}
    out["plan"].write_text(_regen().kpi_plan_text(), encoding="utf-8")
    out["actuals"].write_text(ACTUALS, encoding="utf-8")
    out["progress"].write_text(PROGRESS, encoding="utf-8")
    return out


def run(files: dict[str, Path], *more: str) -> tuple[int, str, str]:
    args = [str(files["plan"]), "-a", str(files["actuals"]), "--progress", str(files["progress"])]
    args += ["--spend", str(SPEND), "--as-of", "2026-08-31", *more]
    result = CliRunner().invoke(app, ["review", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def document(files: dict[str, Path]) -> dict[str, Any]:
    code, out, err = run(files, "-f", "json")
    assert (code, err) == (0, "")
    parsed: dict[str, Any] = json.loads(out)
    return parsed


def figures(target: dict[str, Any], *keys: str) -> dict[tuple[str, ...], tuple[Any, ...]]:
    return {tuple(r["coords"].values()): tuple(r[k] for k in keys) for r in target["rows"]}


def test_every_target_in_one_run(document: dict[str, Any]) -> None:
    targets = {t["id"]: t for t in document["targets"]}
    assert list(targets) == ["T1", "T2", "T3", "T4", "T5", "D1", "D2", "D3"]
    keys = ("target", "actual", "achievement", "expected", "pacing", "status")
    # T1: 60 + 40 + 30 + 20 = 150 of 500; expected by 08-31 is every leaf's July and August:
    # 500 less the September parts (38 + 34 + 26 + 22 in A区, 29 + 27 + 19 + 18 in B区 = 213) = 287
    t1 = figures(targets["T1"], *keys)
    assert t1[()] == ("500", "150", "30.0", "287", "52.3", "at_risk")  # 150 / 287 = 52.3%
    assert t1[("east-a",)][:2] == ("300", "100") and t1[("east-b",)][:2] == ("200", "50")
    # T2 (no actuals): 24 of the 30 家 over 62 of 92 days, 吴敏's 6 over 31 of her 61: 16.17 + 3.05 = 19.22
    assert figures(targets["T2"], *keys)[()] == ("30", "0", "0.0", "19.22", "0.0", "at_risk")
    # T3, a rate with no measurement: 12% + 6 points x 62/92 = 16.04% expected, no pacing
    assert figures(targets["T3"], *keys)[()] == ("18", "0", None, "16.04", None, "at_risk")
    # T4 orders 20 + 30 + 15 + 0 = 65 of 250; expected July and August: 45 + 45 + 30 + 30 = 150
    t4 = figures(targets["T4"], *keys)
    assert t4[()] == ("250", "65", "26.0", "150", "43.3", "at_risk")
    assert t4[("east-b", "2026-08")] == ("30", "0", "0.0", "30", "0.0", "at_risk")
    # T5 collected 50 + 40 = 90 of 450; expected 270 x 60% + 180 x 60% = 270
    assert figures(targets["T5"], *keys)[()] == ("450", "90", "20.0", "270", "33.3", "at_risk")


def test_the_derived_kpis_at_every_node(document: dict[str, Any]) -> None:
    targets = {t["id"]: t for t in document["targets"]}
    keys = ("actual", "achievement", "status", "state")
    d1 = figures(targets["D1"], *keys)
    assert targets["D1"]["compare"] == "formula" and targets["D1"]["formula"] == "revenue / orders"
    assert d1[()] == ("2.31", "115.4", "ahead", None)  # 150 / 65 = 2.3077 of 2
    assert d1[("east-a",)] == ("2", "100.0", "on_track", None)  # 100 / 50
    assert d1[("east-a", "2026-07")] == ("3", "150.0", "ahead", None)  # 60 / 20
    assert d1[("east-a", "2026-08")] == ("1.33", "66.7", "at_risk", None)  # 40 / 30
    assert d1[("east-b",)] == ("3.33", "166.7", "ahead", None)  # 50 / 15
    assert d1[("east-b", "2026-08")] == (None, None, "at_risk", {"kind": "zero_base", "divisor": "orders"})  # 20 / 0
    assert d1[("east-a", "2026-09")] == (None, None, "on_track", {"kind": "missing", "metrics": ["revenue", "orders"]})
    d2 = figures(targets["D2"], *keys)
    assert d2[()] == ("60", "66.7", "at_risk", None)  # 90 / 150 = 60% of 90%
    assert d2[("east-b",)] == ("80", "88.9", "behind", None)  # 40 / 50
    assert d2[("east-a", "2026-08")] == (None, None, "at_risk", {"kind": "missing", "metrics": ["collected"]})
    d3 = figures(targets["D3"], *keys)
    assert d3 == {(): ("15", "83.3", "behind", None)}  # 30 / (120 + 80), no targets to share levels with
    assert document["summary"] == {"ahead": 1, "on_track": 0, "behind": 1, "at_risk": 6}


def test_tasks_as_of_the_review_date(document: dict[str, Any]) -> None:
    tasks = {t["task"]: (t["state"], t["late_days"], t["percent"]) for t in document["tasks"]}
    # K1 ended 07-31 at 80%: 31 days late; K2 ended 08-15 without a report: 16 days; K3 30% and K4 in their dates
    assert tasks == {
        "K1": ("overdue", 31, "80"),
        "K2": ("overdue", 16, None),
        "K3": ("in_progress", 0, "30"),
        "K4": ("in_progress", 0, None),
    }
    assert document["task_counts"] == {
        "done": 0, "in_progress": 2, "not_started": 0, "overdue": 2, "at_risk": 0, "cancelled": 0
    }  # fmt: skip


def test_spend_and_roi(document: dict[str, Any]) -> None:
    spend = document["spend"]
    lines = {(x["kind"], x["id"]): (x["budget"], x["spent"], x["use_rate"], x["over_budget"]) for x in spend["budget"]}
    assert lines["strategy", "S1"] == ("45", "15", "33.3", False)  # 12 + K1's 30000元
    assert lines["strategy", "S3"] == ("60", "65", "108.3", True)  # 50万 + K4's 15
    assert lines["module", "promotion"] == ("60", "65", "108.3", True)  # 150 x 40%
    # revenue attributed by the actuals' 策略 column: S1 60 + 20 = 80 over 15; S3 40 over 65 = 0.615…
    roi = {x["strategy"]: (x["revenue"], x["spent"], x["roi"]) for x in spend["roi"]}
    assert roi == {"S1": ("80.00", "15.00", "5.33"), "S3": ("40.00", "65.00", "0.62")}


def test_the_markdown_holds_every_table(files: dict[str, Path]) -> None:
    code, out, err = run(files, "-f", "md")
    assert (code, err) == (0, "")
    heads = [line for line in out.splitlines() if line.startswith("## ")]
    assert heads == [
        "## 目标达成复盘表",
        "## 计划调整预警",
        "## 任务进度",
        "## 预算与费用 (万元)",
        "## 投入产出比（ROI） (万元)",
    ]
    assert "| **D1 客单价** |  | **2.00万元** | **2.31万元** | **115.4%** |" in out
    assert "| 　└ 2026-08 | 月份 | 2.00万元 | — 无法计算（orders 为 0） |  | 2.00万元 |  |  | 🟥 风险 |" in out
    code, en, _ = run(files, "-f", "md", "--lang", "en")
    assert code == 0 and "| — cannot compute (orders is 0) |" in en and "| no actuals for collected |" in en


def test_the_replanning_alerts(document: dict[str, Any]) -> None:
    alerts = {
        (t["id"], a["kind"], tuple(a["coords"].values())): (
            [(p["part"], p["planned"], p["actual"]) for p in a["periods"]],
            a["change"],
        )
        for t in document["targets"]
        for a in t["alerts"]
    }
    # T1 by month: July 60 + 30 = 90 against the July leaves' 127, August 40 + 20 = 60 against 160; 60/90 = -33.3%
    assert alerts["T1", "drop", ()] == ([("2026-07", "127", "90"), ("2026-08", "160", "60")], "-33.3")
    assert alerts["T1", "streak", ("east-b",)] == ([("2026-07", "37", "30"), ("2026-08", "70", "20")], None)
    # T4 B区: 15 orders in July, 0 in August (45 and 30 planned by 3/3/4 of 150 and 100)
    assert alerts["T4", "drop", ("east-b",)] == ([("2026-07", "30", "15"), ("2026-08", "30", "0")], "-100.0")
    assert not [key for key in alerts if key[0].startswith("D")]  # none on a derived KPI


def test_the_workbook_shows_the_states_as_text(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    code, _, err = run(files, "-f", "xlsx", "-o", str(out))
    assert (code, err) == (0, f"已写入 {out}\n")
    book = openpyxl.load_workbook(out)
    sheet = book["目标达成复盘表"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    d1 = next(i for i, row in enumerate(rows) if row[0] == "D1 客单价")
    assert rows[d1][2:8] == [2, 2.31, pytest.approx(1.154), 2, pytest.approx(1.154), 0.31]
    zero = next(row for row in rows[d1:] if row[3] == "— 无法计算（orders 为 0）")
    assert zero[1:] == ["月份", 2, "— 无法计算（orders 为 0）", None, 2, None, None, "风险"]
    titles = [ws.title for ws in book.worksheets]
    assert titles[:5] == ["目标达成复盘表", "计划调整预警", "任务进度", "预算与费用 (万元)", "投入产出比（ROI） (万元)"]
