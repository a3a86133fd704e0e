"""salesplan replan at its edges, on a key-account plan split by channel and by region → tier → account above
its months: an as-of outside the period is refused, one before any part ended or a target without a row
of an ended part leaves the target as it is (never holding 0 everywhere), negative actuals are held at 0.

Hand-computed (as of 2026-07-31):
- T5 300 by channel weights 4:3:2:1 = 120/90/60/30, then even by month. July actuals 直销 50, 代理商 20,
  电商 30, 直播 10: 直销 120 − 50 = 70 → 35, 35; 代理商 70 → 35, 35; 电商 30 → 15, 15; 直播 20 → 10, 10.
- T6 500: 华东一区 350 (A 219: 仁济 131, 瑞金 88; B 131: 中山), 华东二区 150 (B 90 华山, C 60 长征),
  months 3:3:4. July 仁济 60, 瑞金 10, 华山 27, 长征 5 (中山 none: 0): 仁济 71 → 30.43, 40.57 → 30, 41;
  瑞金 78 → 33, 45; 中山 131 → 56, 75; 华山 63 → 27, 36; 长征 55 → 23.57, 31.43 → 24, 31.
- T2 has no row at all: left as it is with a note.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.loader import load_text
from salesplan.review.actuals import parse_actuals
from salesplan.review.replan_plan import Replanned, replan
from salesplan.split.engine import split_plan
from salesplan.split.result import TargetSplit

PLAN = """\
salesplan: 1
plan:
  name: 华东 2026 Q3 渠道与大客户计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: 华东一区, name: 华东一区}
    - {id: 华东二区, name: 华东二区}
  people:
    - {id: 李雷, role: rep, region: 华东一区, capacity: 400}
    - {id: 周杰, role: rep, region: 华东二区, capacity: 300}
  channels:
    - {id: 直销, name: 直销, type: direct}
    - {id: 代理商, name: 代理商, type: agent}
    - {id: 电商, name: 电商, type: online}
    - {id: 直播, name: 直播, type: livestream}
  accounts:
    - {id: 仁济, name: 仁济医院, tier: A, region: 华东一区, owner: 李雷}
    - {id: 瑞金, name: 瑞金医院, tier: A, region: 华东一区, owner: 李雷}
    - {id: 中山, name: 中山医院, tier: B, region: 华东一区, owner: 李雷}
    - {id: 华山, name: 华山医院, tier: B, region: 华东二区, owner: 周杰}
    - {id: 长征, name: 长征医院, tier: C, region: 华东二区, owner: 周杰}
history:
  by_account: {仁济: 120, 瑞金: 80, 中山: 50, 华山: 70, 长征: 30}
targets:
  - id: T2
    metric: revenue
    value: 90
    split:
      - {by: channel, method: even}
      - {by: month, method: even}
  - id: T5
    metric: revenue
    value: 300
    split:
      - {by: channel, method: weights, weights: {直销: 4, 代理商: 3, 电商: 2, 直播: 1}}
      - {by: month, method: even}
  - id: T6
    metric: revenue
    value: 500
    split:
      - {by: region, method: explicit, values: {华东一区: 350, 华东二区: 150}}
      - {by: tier, method: weights, weights: {A: 5, B: 3, C: 2}}
      - {by: account, method: history}
      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}
"""

ACTUALS = """\
目标,区域,客户,渠道,日期,金额
T5,,,直销,2026-07-10,50
T5,,,代理商,2026-07-11,20
T5,,,电商,2026-07-12,30
T5,,,直播,2026-07-13,10
T5,,,直销,2026-08-02,10
T6,,仁济医院,,2026-07-05,60
T6,,瑞金,,2026-07-06,10
T6,华东二区,长征医院,,2026-07-07,5
T6,,华山医院,,2026-07-08,27
"""


def _replan(actuals: str, day: dt.date, tmp_path: Path) -> Replanned:
    loaded = load_text(PLAN, "plan.yaml")
    assert loaded.plan is not None and loaded.ok
    (tmp_path / "actuals.csv").write_text(actuals, encoding="utf-8")
    read = parse_actuals(tmp_path / "actuals.csv", loaded.plan)
    assert read.diagnostics == []
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    return replan(PLAN, loaded.plan, read.rows, day, splits)


def _splits(text: str) -> dict[str, TargetSplit]:
    loaded = load_text(text, "new.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded)
    assert not outcome.diagnostics, [d.format() for d in outcome.diagnostics]
    return {split.target_id: split for split in outcome.splits}


def _leaves(split: TargetSplit) -> dict[tuple[str, ...], int]:
    return {tuple(coords.values()): int(node.value) for coords, node in split.leaves()}


def _by_node(split: TargetSplit) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for path, value in _leaves(split).items():
        out.setdefault("/".join(path[:-1]), []).append(value)
    return out


def test_each_channel_and_account_node_holds_its_july_and_re_splits_its_own_rest(tmp_path: Path) -> None:
    made = _replan(ACTUALS, dt.date(2026, 7, 31), tmp_path)
    assert made.changed == ["T5", "T6"]
    new = _splits(made.text)
    assert _by_node(new["T5"]) == {
        "直销": [50, 35, 35],
        "代理商": [20, 35, 35],
        "电商": [30, 15, 15],
        "直播": [10, 10, 10],
    }
    assert _by_node(new["T6"]) == {
        "华东一区/A/仁济": [60, 30, 41],
        "华东一区/A/瑞金": [10, 33, 45],
        "华东一区/B/中山": [0, 56, 75],
        "华东二区/B/华山": [27, 27, 36],
        "华东二区/C/长征": [5, 24, 31],
    }
    old = _splits(PLAN)
    for target in ("T5", "T6"):  # every node keeps its allocation, the total never moves
        assert new[target].root.value == old[target].root.value
        before, after = _by_node(old[target]), _by_node(new[target])
        assert {node: sum(values) for node, values in after.items()} == {
            node: sum(values) for node, values in before.items()
        }


def test_a_target_without_a_row_of_an_ended_part_is_left_as_it_is(tmp_path: Path) -> None:
    made = _replan(ACTUALS, dt.date(2026, 7, 31), tmp_path)
    assert "T2" not in made.changed
    assert "held" not in made.text.split("- id: T5")[0]  # T2's months are written as before
    assert [note.render("en") for note in made.notes] == [
        "T2: the actuals have no row of a completed month part; it is left as it is (rather than holding 0 in "
        "every completed part)"
    ]
    assert (
        made.notes[0].render("zh") == "T2：实际数据中没有已结束月的行，保持不变（而不是把每个已结束的部分都保留为 0）"
    )


def test_before_any_part_ended_every_target_is_left_with_a_note(tmp_path: Path) -> None:
    made = _replan(ACTUALS, dt.date(2026, 7, 30), tmp_path)
    assert made.changed == [] and made.text == PLAN
    assert [note.render("en") for note in made.notes] == [
        f"{target}: no month part has ended by 2026-07-30: nothing is held, it is left as it is"
        for target in ("T2", "T5", "T6")
    ]


def test_negative_actuals_are_held_at_zero_and_said(tmp_path: Path) -> None:
    rows = "目标,渠道,日期,金额\nT5,直销,2026-07-10,-5\nT5,代理商,2026-07-10,5\n"
    made = _replan(rows, dt.date(2026, 7, 31), tmp_path)
    assert made.changed == ["T5"]
    assert _by_node(_splits(made.text)["T5"]) == {
        "直销": [0, 60, 60],
        "代理商": [5, 43, 42],
        "电商": [0, 30, 30],
        "直播": [0, 15, 15],
    }
    negative = [note for note in made.notes if "negative" in note.render("en")]
    assert [note.render("en") for note in negative] == [
        "T5 · 直销: its actuals in 2026-07 are negative (-5万元); a held part cannot be, it is held at 0"
    ]
    assert negative[0].render("zh") == "T5 · 直销：2026-07 的实际为负数（-5万元），保留值不能为负，按 0 保留"


@pytest.mark.parametrize(
    ("day", "en", "zh"),
    [
        (
            "2026-06-15",
            "--as-of 2026-06-15 is before the plan's period (2026-07-01 – 2026-09-30): no part has ended, "
            "nothing to re-plan",
            "--as-of 2026-06-15 早于计划周期",
        ),
        (
            "2026-09-30",
            "--as-of 2026-09-30 is on or after the last day of the plan's period (2026-07-01 – 2026-09-30): "
            "every part has ended, nothing is left to re-plan",
            "所有部分均已结束",
        ),
        ("2026-10-15", "--as-of 2026-10-15 is on or after the last day of the plan's period", "最后一天或之后"),
    ],
)
def test_an_as_of_outside_the_period_is_refused_and_nothing_written(tmp_path: Path, day: str, en: str, zh: str) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "actuals.csv").write_text(ACTUALS, encoding="utf-8")
    new = tmp_path / "new.yaml"
    args = ["replan", str(tmp_path / "plan.yaml"), "-a", str(tmp_path / "actuals.csv"), "--as-of", day, "-o", str(new)]
    english = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert english.exit_code == 2 and en in english.output and not new.exists()
    chinese = CliRunner().invoke(app, args)
    assert chinese.exit_code == 2 and zh in chinese.output and not new.exists()


def test_a_row_outside_its_targets_breakdown_is_refused_at_its_cell(tmp_path: Path) -> None:
    """仁济 is an account of 华东一区: a row putting it under 华东二区 is SP067 at its 客户 cell, as in review."""
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    rows = "目标,区域,客户,渠道,日期,金额\nT6,华东二区,仁济医院,,2026-07-05,6\nT5,,,直销,2026-07-10,5\n"
    (tmp_path / "actuals.csv").write_text(rows, encoding="utf-8")
    new = tmp_path / "new.yaml"
    args = ["replan", str(tmp_path / "plan.yaml"), "-a", str(tmp_path / "actuals.csv"), "--as-of", "2026-07-31"]
    english = CliRunner().invoke(app, [*args, "-o", str(new), "--lang", "en"])
    assert english.exit_code == 2 and not new.exists()
    assert "actuals.csv:2:3: SP067 account '仁济' is not a part of target T6's scope or breakdown" in english.output
    chinese = CliRunner().invoke(app, [*args, "-o", str(new)])
    assert chinese.exit_code == 2 and "actuals.csv:2:3: SP067 '仁济' 不在目标 T6 的范围或拆解之内" in chinese.output


OWNED = """\
salesplan: 1
plan:
  name: 代表客户计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions: [{id: 华东一区}, {id: 华东二区}]
  people:
    - {id: 李雷, role: rep, region: 华东一区}
    - {id: 韩梅, role: rep, region: 华东一区}
    - {id: 周杰, role: rep, region: 华东二区}
  channels: [{id: 直销, name: 直销}, {id: 电商, name: 电商}]
  accounts:
    - {id: 仁济, name: 仁济医院, tier: A, region: 华东一区, owner: 李雷}
    - {id: 瑞金, name: 瑞金医院, tier: B, region: 华东一区, owner: 韩梅}
    - {id: 华山, name: 华山医院, tier: B, region: 华东二区, owner: 周杰}
targets:
  - id: T7
    metric: revenue
    value: 300
    split:
      - {by: region, method: explicit, values: {华东一区: 200, 华东二区: 100}}
      - {by: rep, method: even}
      - {by: account, method: even}
      - {by: month, method: weights, weights: {2026-07: 1, 2026-08: 1, 2026-09: 2}}
  - id: T8
    metric: revenue
    value: 90
    split:
      - {by: channel, method: even}
      - {by: month, method: explicit, values: {2026-07: 10, 2026-08: 15, 2026-09: 20}}
"""


def test_a_row_naming_an_account_only_counts_in_its_owners_node(tmp_path: Path) -> None:
    """T7 (region → rep → account → month 1:1:2, 100 a rep): 仁济 (李雷's) 30 in July: 70 → 1:2 = 23.33,
    46.67 → 23, 47; 瑞金 40: 60 → 20, 40; 华山 10: 90 → 30, 60. T8's explicit months become the weights of the
    remaining ones: 直销 45 − 12 = 33 → 15:20 = 14.14, 18.86 → 14, 19; 电商 45 − 8 = 37 → 15.86, 21.14 → 16, 21."""
    (tmp_path / "plan.yaml").write_text(OWNED, encoding="utf-8")
    rows = "目标,客户,渠道,日期,金额\nT7,仁济医院,,2026-07-05,30\nT7,瑞金医院,,2026-07-05,40\n"
    rows += "T7,华山医院,,2026-07-05,10\nT8,,直销,2026-07-05,12\nT8,,电商,2026-07-05,8\n"
    (tmp_path / "actuals.csv").write_text(rows, encoding="utf-8")
    new = tmp_path / "new.yaml"
    args = ["replan", str(tmp_path / "plan.yaml"), "-a", str(tmp_path / "actuals.csv"), "--as-of", "2026-08-10"]
    result = CliRunner().invoke(app, [*args, "-o", str(new), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = new.read_text(encoding="utf-8")
    splits = _splits(text)
    assert _by_node(splits["T7"]) == {
        "华东一区/李雷/仁济": [30, 23, 47],
        "华东一区/韩梅/瑞金": [40, 20, 40],
        "华东二区/周杰/华山": [10, 30, 60],
    }
    assert _by_node(splits["T8"]) == {"直销": [12, 14, 19], "电商": [8, 16, 21]}
    # what replan does not change is written as it was: one-key mappings in a flow list keep their braces
    assert "  regions: [{id: 华东一区}, {id: 华东二区}]\n" in text
    assert "  channels: [{id: 直销, name: 直销}, {id: 电商, name: 电商}]\n" in text


def test_months_under_a_quarter_are_held_before_the_quarter_ends(tmp_path: Path) -> None:
    """channel → quarter → month, 100 even: 50 a channel, one quarter; as of 2026-07-31 no quarter has ended,
    July has: 直销 20 in July → 50 − 20 = 30 → 15, 15; 电商 no row (直销 has one) → 0, 25, 25."""
    text = """\
salesplan: 1
plan:
  name: 季度与月
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  channels: [{id: 直销, name: 直销}, {id: 电商, name: 电商}]
targets:
  - id: T2
    metric: revenue
    value: 100
    split:
      - {by: channel, method: even}
      - {by: quarter, method: even}
      - {by: month, method: even}
"""
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None
    (tmp_path / "actuals.csv").write_text("目标,渠道,日期,金额\nT2,直销,2026-07-15,20\n", encoding="utf-8")
    read = parse_actuals(tmp_path / "actuals.csv", loaded.plan)
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    made = replan(text, loaded.plan, read.rows, dt.date(2026, 7, 31), splits)
    assert made.changed == ["T2"] and made.notes == []
    assert "直销/2026-Q3: {2026-07: 20}" in made.text
    assert _by_node(_splits(made.text)["T2"]) == {"直销/2026-Q3": [20, 15, 15], "电商/2026-Q3": [0, 25, 25]}
