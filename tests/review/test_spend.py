"""`review --spend`: budget use per strategy, task and module, and ROI per strategy (docs/review.md's example)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.loader import load_plan
from salesplan.review.spend import BudgetLine, RoiLine, review_spend
from salesplan.review.spend_read import SpendRow, read_spend

HERE = Path(__file__).resolve().parent / "fixtures" / "spend"
ARGS = (str(REFERENCE), "-a", str(HERE / "actuals.csv"), "--spend", str(HERE / "spend.csv"), "--as-of", "2026-08-31")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_documented_example_in_json() -> None:
    code, out, err = _run(*ARGS, "-f", "json")
    assert code == 0, err
    spend = json.loads(out)["spend"]
    lines = {(line["kind"], line["id"]): line for line in spend["budget"]}
    assert spend["unit"] == "万元"
    # S1: 12 + K1's 30000元 (3 万元) = 15 of 45; S2's September spend is after the review date
    assert [lines["strategy", "S1"][k] for k in ("budget", "spent", "use_rate", "remaining", "over_budget")] == [
        "45", "15", "33.3", "30", False
    ]  # fmt: skip
    assert [lines["strategy", "S2"][k] for k in ("spent", "use_rate")] == ["0", "0.0"]
    # S3: 50万 + K4's 15 = 65 of 60: over budget
    assert [lines["strategy", "S3"][k] for k in ("spent", "use_rate", "remaining", "over_budget")] == [
        "65", "108.3", "-5", True
    ]  # fmt: skip
    assert [lines["task", "K1"][k] for k in ("budget", "spent", "use_rate")] == ["20", "3", "15.0"]
    # modules: 150 × 40% promotion = 60 (S3's 65: over), 150 × 30% channel = 45, reserve 30 unspent
    assert [lines["module", "promotion"][k] for k in ("budget", "spent", "over_budget")] == ["60", "65", True]
    assert [lines["module", "channel"][k] for k in ("budget", "spent")] == ["45", "15"]
    assert [lines["module", "reserve"][k] for k in ("budget", "spent")] == ["30", "0"]
    roi = {item["strategy"]: item for item in spend["roi"]}
    # S1: 40 + 5万 = 45 attributed (the September row is after the review date), ÷ 15 spent = 3
    assert [roi["S1"][k] for k in ("revenue", "spent", "roi", "state")] == ["45.00", "15.00", "3.00", "measured"]
    assert [roi["S3"][k] for k in ("revenue", "spent", "roi")] == ["100.00", "65.00", "1.54"]  # 100/65 = 1.538…
    assert [roi["S2"][k] for k in ("revenue", "spent", "roi", "state")] == ["10.00", "0.00", None, "no_spend"]


def test_every_format_shows_the_tables() -> None:
    code, out, _err = _run(*ARGS)
    assert code == 0
    assert "预算与费用" in out and "✖ 超支" in out and "1.54" in out and "— 无投入" in out
    code, out, _err = _run(*ARGS, "--lang", "en")
    assert "Budget and spend" in out and "over budget" in out and "— no spend" in out
    code, out, _err = _run(*ARGS, "-f", "md")
    assert code == 0 and "预算与费用" in out and "投入产出比（ROI）" in out and "| 3.00 |" in out.replace("  ", " ")


def test_xlsx_has_the_tables(tmp_path: Path) -> None:
    import openpyxl

    book = tmp_path / "r.xlsx"
    code, _out, err = _run(*ARGS, "-o", str(book))
    assert code == 0, err
    texts = {str(c.value) for ws in openpyxl.load_workbook(book) for row in ws.iter_rows() for c in row if c.value}
    assert "超支" in texts and "— 无投入" in texts and "1.54" in texts


def test_without_spend_the_json_has_no_spend_key() -> None:
    code, out, _err = _run(*ARGS[:3], "--as-of", "2026-08-31", "-f", "json")
    assert code == 0 and "spend" not in json.loads(out)


def test_unknown_strategies_and_tasks_are_located_errors() -> None:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    read = read_spend(HERE / "unknown.csv", loaded.plan)
    assert read.rows == []
    assert [(d.code, d.line, d.col) for d in read.diagnostics] == [
        ("SP063", 2, 1), ("SP063", 3, 2), ("SP063", 4, 2), ("SP062", 5, 4)
    ]  # fmt: skip
    assert read.diagnostics[0].message_zh == "未知的策略 'S9'"
    code, out, err = _run(str(REFERENCE), "-a", str(HERE / "actuals.csv"), "--spend", str(HERE / "unknown.csv"))
    assert code == 2 and out == "" and "unknown.csv:3:2: SP063" in err


def test_an_unknown_attributed_strategy_in_the_actuals_is_sp063(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("目标,金额,策略\nT1,5,S9\n", encoding="utf-8")
    code, _out, err = _run(str(REFERENCE), "-a", str(actuals), "--as-of", "2026-08-31")
    assert code == 2 and "a.csv:2:3: SP063" in err


def test_header_units_and_bad_headers(tmp_path: Path) -> None:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    good = tmp_path / "s.csv"
    good.write_text("task,amount (元)\nK2,25000\nK2,1万\n", encoding="utf-8")
    assert [(r.task, r.strategy, r.amount) for r in read_spend(good, loaded.plan).rows] == [
        ("K2", "S1", Decimal("2.5")), ("K2", "S1", Decimal(1))
    ]  # fmt: skip
    bad = tmp_path / "b.csv"
    bad.write_text("策略,金额（家）,备注\nS1,1,x\n", encoding="utf-8")
    assert [(d.code, d.col) for d in read_spend(bad, loaded.plan).diagnostics] == [("SP061", 2), ("SP061", 3)]


def test_no_spend_is_a_state_not_zero() -> None:
    line = RoiLine("S1", "x", Fraction(10), Fraction(0))
    assert line.roi is None
    assert BudgetLine("task", "K1", "x", None, Decimal(3)).use_rate is None
    assert BudgetLine("task", "K1", "x", Decimal(0), Decimal(3)).over


@given(st.lists(st.tuples(st.sampled_from(["K1", "K2", "K3", "K4"]), st.integers(0, 10**6)), max_size=20))
def test_a_strategy_spends_what_its_tasks_spend(spends: list[tuple[str, int]]) -> None:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    owner = {t.id: t.strategy for t in loaded.plan.tasks}
    rows = [SpendRow(Decimal(n), owner[task], task, dt.date(2026, 7, 1)) for task, n in spends]
    out = review_spend(loaded.plan, rows, {}, dt.date(2026, 9, 30))
    spent = {(line.kind, line.ident): line.spent for line in out.lines}
    for strategy in loaded.plan.strategies:
        tasks = [t.id for t in loaded.plan.tasks if t.strategy == strategy.id]
        assert spent["strategy", strategy.id] == sum((spent["task", t] for t in tasks), Decimal(0))
    assert sum(spent["module", m] for m in ("promotion", "channel", "customer")) == sum(n for _t, n in spends)
