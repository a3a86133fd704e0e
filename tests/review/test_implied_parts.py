"""A row of actuals counts at every part it implies, not only those it names: a rep's row is in the rep's
region, an account's row under its owner (and its region and tier), at every level of the breakdown."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from salesplan.loader import load_text
from salesplan.review.engine import Thresholds
from salesplan.review.render import render_json
from salesplan.review.run import review_file

PLAN = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a}, {id: east-b}]
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 500}
    - {id: 周杰, role: rep, region: east-b, capacity: 500}
  accounts:
    - {id: 仁济, region: east-a, tier: A, owner: 李雷}
    - {id: 华山, region: east-b, tier: B, owner: 周杰}
targets:
  - id: T4
    value: 300
    split:
      - {by: region, method: even}
      - {by: rep, method: even}
      - {by: account, method: even}
"""


def _figures(tmp_path: Path, csv: str) -> dict[tuple[str, ...], str]:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(csv, encoding="utf-8")
    loaded = load_text(PLAN, tmp_path / "plan.yaml")
    result = review_file(loaded, actuals, dt.date(2026, 7, 31), Thresholds(Decimal(100), Decimal(95), Decimal(70)))
    assert result.review is not None, [d.message for d in result.diagnostics]
    (target,) = json.loads(render_json(result.review))["targets"]
    levels = ("region", "rep", "account")
    return {tuple(row["coords"][k] for k in levels if k in row["coords"]): row["actual"] for row in target["rows"]}


def test_a_rep_row_without_region_counts_in_the_reps_region(tmp_path: Path) -> None:
    found = _figures(tmp_path, "目标,区域,销售代表,客户,日期,金额\nT4,,周杰,,2026-07-20,70\n")
    assert found[()] == "70"
    assert found[("east-b",)] == "70" and found[("east-b", "周杰")] == "70"
    assert found[("east-a",)] == "0"


def test_an_account_row_counts_under_its_owner_and_region(tmp_path: Path) -> None:
    found = _figures(tmp_path, "目标,客户,日期,金额\nT4,仁济,2026-07-20,30\nT4,华山,2026-07-21,12\n")
    assert found[("east-a",)] == "30" and found[("east-a", "李雷")] == "30"
    assert found[("east-a", "李雷", "仁济")] == "30"
    assert found[("east-b", "周杰", "华山")] == "12" and found[()] == "42"
