"""Task execution as of a date (review/execution.py, review/progress.py): every state computed by hand."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.loader import load_text
from salesplan.model.plan import Plan
from salesplan.report.review_tasks import add_to_json, render_text, task_table
from salesplan.review.execution import STATES, ProgressRow, counts, latest, task_states
from salesplan.review.progress import execution_of, read_progress

PLAN = """\
salesplan: 1
plan:
  name: 执行测试
  period: {start: 2026-07-01, end: 2026-12-31}
tasks:
  - {id: K1, name: 代理商签约, owner: 赵强, start: 2026-07-01, end: 2026-07-31, status: in_progress}
  - {id: K2, name: 代理商培训, start: 2026-08-01, end: 2026-12-15, depends_on: [K1]}
  - {id: K3, name: 客户拜访, start: 2026-07-01, end: 2026-12-31, status: done}
  - {id: K4, name: 年终直播, start: 2026-12-01, end: 2026-12-20}
  - {id: K5, name: 渠道返利, start: 2026-07-01, end: 2026-12-31, status: blocked}
  - {id: K6, name: 展会, start: 2026-07-01, end: 2026-07-10, status: cancelled}
  - {id: K7, name: 培训考核, start: 2026-12-16, end: 2026-12-31, depends_on: [K2]}
"""


@pytest.fixture
def plan() -> Plan:
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.plan is not None, [d.format("en") for d in loaded.diagnostics]
    return loaded.plan


def _states(plan: Plan, day: dt.date, rows: list[ProgressRow] | None = None) -> dict[str, tuple[str, int]]:
    return {t.task_id: (t.state, t.late_days) for t in task_states(plan, day, rows or [])}


def test_states_from_the_plan_alone(plan: Plan) -> None:
    # 2026-11-30: K1 ended 07-31 and is still in progress: 122 days late (Aug 31 + Sep 30 + Oct 31 + Nov 30)
    assert _states(plan, dt.date(2026, 11, 30)) == {
        "K1": ("overdue", 122),
        "K2": ("at_risk", 0),  # waits on the overdue K1
        "K3": ("done", 0),
        "K4": ("not_started", 0),  # starts 12-01
        "K5": ("at_risk", 0),  # blocked
        "K6": ("cancelled", 0),
        "K7": ("at_risk", 0),  # waits on K2, which is at risk
    }


def test_before_anything_is_late(plan: Plan) -> None:
    assert _states(plan, dt.date(2026, 7, 15)) == {
        "K1": ("in_progress", 0),
        "K2": ("not_started", 0),
        "K3": ("done", 0),
        "K4": ("not_started", 0),
        "K5": ("at_risk", 0),
        "K6": ("cancelled", 0),
        "K7": ("not_started", 0),
    }


def test_the_end_day_itself_is_not_late(plan: Plan) -> None:
    assert _states(plan, dt.date(2026, 7, 31))["K1"] == ("in_progress", 0)
    assert _states(plan, dt.date(2026, 8, 1))["K1"] == ("overdue", 1)


def test_a_report_replaces_the_plan_status_and_clears_what_waited(plan: Plan) -> None:
    rows = [
        ProgressRow("K1", "in_progress", Decimal(60), dt.date(2026, 7, 20)),
        ProgressRow("K1", None, Decimal(100), dt.date(2026, 8, 3)),
    ]
    states = _states(plan, dt.date(2026, 11, 30), rows)
    assert states["K1"] == ("done", 0)
    assert states["K2"] == ("in_progress", 0)
    assert states["K7"] == ("not_started", 0)


def test_a_report_after_the_review_date_is_not_read(plan: Plan) -> None:
    rows = [ProgressRow("K1", "done", None, dt.date(2026, 12, 1))]
    assert _states(plan, dt.date(2026, 11, 30), rows)["K1"] == ("overdue", 122)


def test_latest_keeps_the_earlier_status_when_a_later_report_gives_only_a_percent() -> None:
    rows = [
        ProgressRow("K1", "delayed", None, dt.date(2026, 7, 2)),
        ProgressRow("K1", None, Decimal(40), dt.date(2026, 7, 9)),
    ]
    assert latest(rows, dt.date(2026, 7, 31))["K1"] == ProgressRow("K1", "delayed", Decimal(40), dt.date(2026, 7, 9))


def test_counts_have_every_state(plan: Plan) -> None:
    tasks = task_states(plan, dt.date(2026, 11, 30))
    assert counts(tasks) == {"done": 1, "in_progress": 0, "not_started": 1, "overdue": 1, "at_risk": 3, "cancelled": 1}


@given(st.dates(dt.date(2026, 6, 1), dt.date(2027, 2, 1)))
def test_every_task_has_one_state_and_only_overdue_ones_are_late(day: dt.date) -> None:
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.plan is not None
    tasks = task_states(loaded.plan, day)
    assert len(tasks) == 7 and all(t.state in STATES for t in tasks)
    for task in tasks:
        assert (task.late_days > 0) == (task.state == "overdue")
        if task.state == "overdue":
            assert task.late_days == (day - task.end).days


def _write(tmp_path: Path, text: str, name: str = "progress.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_progress_file_in_chinese(plan: Plan, tmp_path: Path) -> None:
    path = _write(tmp_path, "任务,状态,完成度,日期\nK1,已完成,100%,2026-08-02\nK5,进行中,,2026年8月3日\n\n")
    read = read_progress(path, plan)
    assert read.diagnostics == []
    assert read.rows == [
        ProgressRow("K1", "done", Decimal(100), dt.date(2026, 8, 2)),
        ProgressRow("K5", "in_progress", None, dt.date(2026, 8, 3)),
    ]


def test_progress_file_in_yaml(plan: Plan, tmp_path: Path) -> None:
    path = _write(tmp_path, "- {task: K2, status: in progress, percent: 35}\n", "progress.yaml")
    assert read_progress(path, plan).rows == [ProgressRow("K2", "in_progress", Decimal(35), None)]


def test_every_problem_located_at_once(plan: Plan, tmp_path: Path) -> None:
    path = _write(tmp_path, "task,status,percent,date\nK9,finished,120,2026-13-01\nK1,done,abc,\n")
    found = [(d.code, d.line, d.col) for d in read_progress(path, plan).diagnostics]
    assert found == [("SP063", 2, 1), ("SP063", 2, 2), ("SP062", 2, 3), ("SP064", 2, 4), ("SP062", 3, 3)]
    assert not read_progress(path, plan).rows


def test_header_problems(plan: Plan, tmp_path: Path) -> None:
    path = _write(tmp_path, "task,remark\nK1,x\n")
    diags = read_progress(path, plan).diagnostics
    assert [(d.code, d.line, d.col) for d in diags] == [("SP061", 1, 2), ("SP061", 1, 1)]
    assert "无法识别的进度列 'remark'" in diags[0].message_zh
    assert "unknown progress column 'remark'" in diags[0].message


def test_execution_of_without_a_file_reads_the_plan(plan: Plan) -> None:
    tasks, diags = execution_of(plan, None, dt.date(2026, 11, 30))
    assert diags == [] and tasks[0].state == "overdue"


def test_outputs(plan: Plan) -> None:
    tasks = task_states(plan, dt.date(2026, 11, 30))
    text = render_text(tasks, dt.date(2026, 11, 30), "zh")
    assert "任务进度 · 截至 2026-11-30" in text and "✖ 滞后" in text and "122" in text
    assert "已完成 1 · 未开始 1 · 滞后 1 · 有风险 3 · 已取消 1" in text
    assert "Task progress · as of 2026-11-30" in render_text(tasks, dt.date(2026, 11, 30), "en")
    doc = json.loads(add_to_json('{\n  "as_of": "2026-11-30"\n}\n', tasks))
    assert doc["as_of"] == "2026-11-30"
    assert doc["tasks"][0] == {
        "task": "K1",
        "name": "代理商签约",
        "owner": "赵强",
        "start": "2026-07-01",
        "end": "2026-07-31",
        "status": "in_progress",
        "percent": None,
        "state": "overdue",
        "late_days": 122,
        "blocked_by": [],
    }
    assert doc["tasks"][6]["blocked_by"] == ["K2"]
    table = task_table(tasks, "en")
    assert table.title == "Task progress"
    assert table.rows[0].cells[4:8] == ("in progress", "", "overdue", "122")
    assert table.rows[1].cells[6:] == ("at risk", "", "K1")
