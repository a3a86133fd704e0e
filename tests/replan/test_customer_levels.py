"""salesplan replan of a target split by channel (or account) above its months: each channel node holds its
ended months at its actuals and splits what is left by the month level's method; `held:` keys name channels
and accounts like regions. Hand-computed: 90 by two channels is 45 each; direct booked 10 in July, agent 20."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from salesplan import codes
from salesplan.loader import load_text
from salesplan.review.actuals import parse_actuals
from salesplan.review.replan_plan import replan
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan:
  name: 渠道计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  channels:
    - {id: direct, name: 直销}
    - {id: agent, name: 代理商}
  accounts:
    - {id: renji, name: 仁济医院, tier: A}
    - {id: ruijin, name: 瑞金医院, tier: B}
targets:
  - id: T
    metric: revenue
    value: 90
    split:
      - {by: channel, method: even}
      - {by: month, method: even}
"""


def _leaves(text: str) -> dict[tuple[str, ...], int]:
    loaded = load_text(text, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    [split] = split_plan(loaded).splits
    return {tuple(coords.values()): int(node.value) for coords, node in split.leaves()}


def test_channel_nodes_hold_their_ended_months(tmp_path: Path) -> None:
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.plan is not None
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("渠道,月份,金额\n直销,2026-07,10\n代理商,2026-07,20\n", encoding="utf-8")
    rows = parse_actuals(actuals, loaded.plan).rows
    splits = {s.target_id: s for s in split_plan(loaded).splits}
    out = replan(PLAN, loaded.plan, rows, dt.date(2026, 7, 31), splits)
    assert out.changed == ["T"] and out.notes == []
    assert "held:\n          direct: {2026-07: 10}\n          agent: {2026-07: 20}\n" in out.text
    # direct: 45 - 10 = 35 over August and September, 17.5 each (the tied unit to the earlier); agent 25
    assert _leaves(out.text) == {
        ("direct", "2026-07"): 10,
        ("direct", "2026-08"): 18,
        ("direct", "2026-09"): 17,
        ("agent", "2026-07"): 20,
        ("agent", "2026-08"): 13,
        ("agent", "2026-09"): 12,
    }


def test_held_keys_name_accounts_and_an_unknown_one_is_located() -> None:
    text = PLAN.replace("{by: channel, method: even}", "{by: account, method: even}").replace(
        "      - {by: month, method: even}\n",
        "      - by: month\n        method: even\n        held: {renji: {2026-07: 5}, xinhua: {2026-07: 5}}\n",
    )
    loaded = load_text(text, "plan.yaml")
    outcome = split_plan(loaded)
    [problem] = outcome.diagnostics
    assert (problem.code, problem.line) == (codes.UNKNOWN_PART, text[: text.index("xinhua")].count("\n") + 1)
    held = text.replace(", xinhua: {2026-07: 5}", "")
    # renji: 45 with July held at 5, 40 over August and September
    assert _leaves(held) == {
        ("renji", "2026-07"): 5,
        ("renji", "2026-08"): 20,
        ("renji", "2026-09"): 20,
        ("ruijin", "2026-07"): 15,
        ("ruijin", "2026-08"): 15,
        ("ruijin", "2026-09"): 15,
    }
