"""A replanned plan holds its completed months (`held:`) in every node: a held month is not phased, so it
draws no Spring Festival warning and needs no history; a month still phased beside them does."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salesplan import codes
from salesplan.cli.app import app
from salesplan.loader import load_plan, load_text
from salesplan.split.engine import SplitOutcome, split_plan

PLAN = """\
salesplan: 1
plan:
  name: 华东 2026 Q1
  period: {start: 2026-01-01, end: 2026-03-31}
  unit: 万元
  owner: 王芳
team:
  regions:
    - {id: east-a, name: A区}
  people:
    - {id: 王芳, role: director}
    - {id: 李雷, role: rep, region: east-a}
    - {id: 韩梅, role: rep, region: east-a}
history:
  by_month: {2025-01: 30, 2025-02: 20, 2025-03: 50}
targets:
  - id: T1
    name: 第一季度销售额
    metric: revenue
    value: 300
    unit: 万元
    split:
      - {by: rep, method: even}
      - {by: month, method: history}
"""
ACTUALS = """\
目标,销售代表,日期,金额
T1,李雷,2026-01-10,40
T1,韩梅,2026-01-20,30
T1,李雷,2026-02-05,20
T1,韩梅,2026-02-10,25
"""
FESTIVAL = (
    "target 'T1': the Spring Festival is on 2026-02-17 but on 2025-01-29 in the comparable year, so January and "
    "February of history.by_month of the team are not like this year's months"
)


def _replanned(tmp_path: Path, as_of: str, plan: str = PLAN) -> SplitOutcome:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "actuals.csv").write_text(ACTUALS, encoding="utf-8")
    new = tmp_path / "new.yaml"
    args = ["replan", str(tmp_path / "plan.yaml"), "-a", str(tmp_path / "actuals.csv"), "--as-of", as_of]
    result = CliRunner().invoke(app, [*args, "-o", str(new), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "held:" in new.read_text(encoding="utf-8")
    return split_plan(load_plan(new))


def _months(outcome: SplitOutcome) -> dict[tuple[str | None, str | None], Decimal]:
    [split] = outcome.splits
    return {(rep.part, month.part): month.value for rep in split.root.children for month in rep.children}


def test_the_plan_before_the_replan_draws_the_warning() -> None:
    outcome = split_plan(load_text(PLAN, "plan.yaml"))
    assert [(d.code, d.message) for d in outcome.diagnostics] == [(codes.NO_HISTORY, FESTIVAL)]


def test_january_and_february_held_in_every_node_draw_no_festival_warning(tmp_path: Path) -> None:
    outcome = _replanned(tmp_path, "2026-03-01")
    assert outcome.diagnostics == []
    # each rep's 150: January and February held at actuals, March takes the rest (150 - 60, 150 - 55)
    assert _months(outcome) == {
        ("李雷", "2026-01"): 40,
        ("李雷", "2026-02"): 20,
        ("李雷", "2026-03"): 90,
        ("韩梅", "2026-01"): 30,
        ("韩梅", "2026-02"): 25,
        ("韩梅", "2026-03"): 95,
    }


def test_held_months_need_no_history(tmp_path: Path) -> None:
    _replanned(tmp_path, "2026-03-01")
    text = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    short = text.replace("{2025-01: 30, 2025-02: 20, 2025-03: 50}", "{2025-03: 50}")
    assert short != text
    phased = split_plan(load_text(PLAN.replace("{2025-01: 30, 2025-02: 20, 2025-03: 50}", "{2025-03: 50}"), "p.yaml"))
    assert phased.splits == []  # phased, January and February need their history (SP049)
    outcome = split_plan(load_text(short, "new.yaml"))
    assert outcome.diagnostics == []  # held, they need none
    assert _months(outcome)[("李雷", "2026-03")] == 90


@pytest.mark.parametrize("as_of", ["2026-02-01", "2026-02-15"])
def test_january_held_alone_still_draws_it_february_is_phased(tmp_path: Path, as_of: str) -> None:
    outcome = _replanned(tmp_path, as_of)
    assert [(d.code, d.message) for d in outcome.diagnostics] == [(codes.NO_HISTORY, FESTIVAL)]
    # 李雷 110 left by February 20 : March 50: 31.43 and 78.57 -> 31 and 79; 韩梅 120: 34.29, 85.71 -> 34, 86
    assert _months(outcome) == {
        ("李雷", "2026-01"): 40,
        ("李雷", "2026-02"): 31,
        ("李雷", "2026-03"): 79,
        ("韩梅", "2026-01"): 30,
        ("韩梅", "2026-02"): 34,
        ("韩梅", "2026-03"): 86,
    }
