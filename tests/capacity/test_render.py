"""The capacity renderers on a plan built by hand, and `salesplan capacity` as a user meets it."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from typer.testing import CliRunner

from salesplan.capacity import CapacityPlan, Cell, Hiring
from salesplan.capacity.render import RENDERERS
from salesplan.cli.app import app
from salesplan.rendering import RenderOptions

PLAN = CapacityPlan(
    target_id="T1",
    unit="万元",
    by="quarter",
    parts=("2026-Q3",),
    regions=("east-a", "east-b"),
    cells=(
        Cell("east-a", "2026-Q3", Fraction(300), Fraction(300)),
        Cell("east-b", "2026-Q3", Fraction(200), Fraction(4590, 23)),
    ),
    hiring=(
        Hiring("east-a", Fraction(0), Fraction(0), Fraction(150), 0, None, None),
        Hiring("east-b", Fraction(10, 23), Fraction(10, 23), Fraction(120), 1, "2026-09", Fraction(900, 23)),
    ),
)


def test_json_is_exact_to_the_cent() -> None:
    data = json.loads(RENDERERS.text("json", PLAN, RenderOptions(lang="en")))
    assert data["cells"][1] == {
        "region": "east-b",
        "part": "2026-Q3",
        "target": "200",
        "capacity": "199.57",
        "gap": "0.43",
    }
    assert data["hiring"][1] == {
        "region": "east-b",
        "gap": "0.43",
        "shortfall": "0.43",
        "average_capacity": "120",
        "hires": 1,
        "latest_start": "2026-09",
        "one_hire_carries": "39.13",
    }
    assert data["hiring"][0]["latest_start"] is None


def test_markdown_in_both_languages() -> None:
    zh = RENDERERS.text("md", PLAN, RenderOptions(lang="zh"))
    assert "## 目标 T1 的产能（万元）" in zh
    assert "| 区域 | 拆解项 | 目标值 | 产能 | 差额 |" in zh
    assert "| 区域 | 期内差额 | 各期缺口合计 | 人均产能 | 需招人数 | 最晚到岗月份 | 每人可承担 |" in zh
    assert "| east-b | 0.43 | 0.43 | 120 | 1 | 2026-09 | 39.13 |" in zh
    en = RENDERERS.text("md", PLAN, RenderOptions(lang="en"))
    head = "| Region | Gap in the period | Parts' shortfall | Average rep capacity | Hires | Latest start |"
    assert head in en
    assert "| east-a | 2026-Q3 | 300 | 300 | 0 |" in en


def test_table_names_the_target_and_the_hiring_plan() -> None:
    text = RENDERERS.text("table", PLAN, RenderOptions(lang="en"))
    assert "Capacity of target T1 (万元)" in text
    assert "Hiring plan (reps of average capacity, at the team's ramp)" in text
    assert "199.57" in text and "39.13" in text


def test_cli_on_the_reference_plan(tmp_path: Path) -> None:
    from repo_files import REFERENCE

    out = tmp_path / "cap.json"
    result = CliRunner().invoke(app, ["capacity", str(REFERENCE), "--by", "quarter", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["cells"][1]["capacity"] == "199.57"  # 吴敏 from 08-01: 120 x 61/92 + 周杰 120
    again = CliRunner().invoke(app, ["capacity", str(REFERENCE), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = CliRunner().invoke(app, ["capacity", str(REFERENCE), "-o", str(out), "--force", "--lang", "en"])
    assert forced.exit_code == 0 and "Hiring plan" in out.read_text(encoding="utf-8")


def test_cli_refuses_a_count_target() -> None:
    from repo_files import REFERENCE

    result = CliRunner().invoke(app, ["capacity", str(REFERENCE), "-t", "T2", "--lang", "en"])
    assert result.exit_code == 2
    assert "target 'T2' is not in money (家): capacity is money" in result.stderr


SHORT = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  ramp: [30%, 60%]
  regions: [{id: east-a}]
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 120}
    - {id: 韩梅, role: rep, region: east-a, capacity: 120, start: 2026-08-01}
    - {id: 周杰, role: rep, region: east-a, capacity: 120, end: 2026-08-15}
targets:
  - id: T1
    metric: revenue
    value: 400
    split:
      - {by: rep, method: capacity}
"""


def test_cli_plans_the_hires_of_a_team_too_short_for_its_capacity_split(tmp_path: Path) -> None:
    """A target the reps cannot carry is what capacity planning is for: the capacity split's SP051 is
    then a warning, not a refusal, and the gap and the hires are shown (hand-computed, 92-day Q3)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(SHORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["capacity", str(plan), "-f", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert "SP051" in result.stderr and "error" not in result.stderr
    data = json.loads(result.stdout)
    # target 400 over the period's days: 400 x 31/92, 31/92, 30/92
    assert [c["target"] for c in data["cells"]] == ["134.78", "134.78", "130.43"]
    # July: 李雷 and 周杰 120 x 31/92 each; August: 李雷 40.43 + 韩梅 120 x 31 x 30%/92 + 周杰 120 x 15/92;
    # September: 李雷 120 x 30/92 + 韩梅 120 x 30 x 60%/92
    assert [c["capacity"] for c in data["cells"]] == ["80.87", "72.13", "62.61"]
    [hiring] = data["hiring"]
    # gaps (x 1/92): July 12400 - 7440 = 4960, August 12400 - 6636 = 5764, September 12000 - 5760 = 6240,
    # all short. A July hire carries (x 1/92) 120 x 9.3 = 1116 in July, 120 x 18.6 = 2232 in August and
    # 3600 in September: July needs 5 (4960 / 1116 = 4.44), August 3, September 2; an August hire carries
    # nothing in July. 5 hires from July, each carrying 120/92 x (9.3 + 18.6 + 30) = 75.52 in the period
    assert (hiring["gap"], hiring["shortfall"], hiring["hires"], hiring["latest_start"]) == (
        "184.39",
        "184.39",
        5,
        "2026-07",
    )
    assert hiring["one_hire_carries"] == "75.52"
