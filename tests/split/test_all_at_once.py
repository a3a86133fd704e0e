"""Every problem of a target at once: the split goes on past a node or a level that fails.

A node that cannot be split (no rep to carry it, nothing to weigh it by) says so once and has no
children to check; its siblings and the levels below them are still split and checked. Values that do
not add up are said and kept, so the levels under them are checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from salesplan import codes
from salesplan.cli.app import app
from salesplan.loader import load_text
from salesplan.split.engine import split_plan

BASE = """\
salesplan: 1
plan:
  name: 测试计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: east-a, name: A区}
    - {id: east-b, name: B区}
    - {id: east-c, name: C区}
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 160}
    - {id: 韩梅, role: rep, region: east-a, capacity: 140}
    - {id: 周杰, role: rep, region: east-b, capacity: 120, end: 2026-06-30}
history:
  by_month: {2025-07: 30, 2025-09: 40}
targets:
"""
MISSING_AUGUST = (
    "history.by_month of the team has no month 8 of the comparable period, which month 2026-08 needs; "
    "a missing month is not taken as zero"
)
MISSING_AUGUST_ZH = "整个团队的 history.by_month 没有同期的 8 月，月 2026-08 需要它；缺少的月份不会按 0 计"
NO_REPS_C = "no people with role rep in region 'east-c': the rep level cannot apply there"
NO_REPS_C_ZH = "区域 'east-c' 没有角色为 rep 的人员：无法按销售代表拆解"


def _found(targets: str, base: str = BASE) -> list[tuple[str, int, str, str]]:
    loaded = load_text(base + targets, "plan.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    outcome = split_plan(loaded)
    assert not outcome.splits  # a target with an error is never half given
    prefix, prefix_zh = "target 'T': ", "目标 'T'："
    found = []
    for d in outcome.diagnostics:
        assert d.message.startswith(prefix) and d.message_zh.startswith(prefix_zh), d.message
        found.append((d.code, d.source.line, d.message[len(prefix) :], d.message_zh[len(prefix_zh) :]))
    return found


def test_a_wrong_sum_above_does_not_hide_a_missing_month_below() -> None:
    found = _found(
        """\
  - id: T
    value: 300
    split:
      - {by: region, method: explicit, values: {east-a: 200, east-b: 50, east-c: 40}}
      - {by: month, method: history}
"""
    )
    assert found == [
        (codes.NO_HISTORY, 16, MISSING_AUGUST, MISSING_AUGUST_ZH),
        (
            codes.SUM_MISMATCH,
            21,
            "values add up to 290万元, not to the 300万元 they split (the whole target)",
            "指定值合计 290万元，不等于被拆解的 300万元（整个目标）",
        ),
    ]


@pytest.mark.parametrize("cap", ["", ", cap: false"])
def test_sibling_regions_each_lacking_reps_and_a_month_missing_below_the_others(cap: str) -> None:
    # east-c has no rep at all, east-b's only rep left before the period: two SP047, one per region;
    # east-a's reps are split by month, where August has no history: SP049 as well
    found = _found(
        f"""\
  - id: T
    value: 300
    split:
      - {{by: region, method: even}}
      - {{by: rep, method: capacity{cap}}}
      - {{by: month, method: history}}
"""
    )
    assert found == [
        (codes.NO_HISTORY, 16, MISSING_AUGUST, MISSING_AUGUST_ZH),
        (codes.NO_REPS, 22, NO_REPS_C, NO_REPS_C_ZH),
        (
            codes.NO_REPS,
            22,
            "no active rep with capacity can carry 100万元 in east-b",
            "east-b 的 100万元 没有在岗（且有产能）的销售代表承担",
        ),
    ]


def test_two_regions_without_active_reps_are_both_said() -> None:
    base = BASE.replace("capacity: 140}", "capacity: 140, end: 2026-06-30}").replace(
        "capacity: 160}", "capacity: 160, end: 2026-06-30}"
    )
    found = _found(
        """\
  - id: T
    value: 200
    scope: {regions: [east-a, east-b]}
    split:
      - {by: region, method: even}
      - {by: rep, method: capacity}
""",
        base,
    )
    assert [(code, en) for code, _line, en, _zh in found] == [
        (codes.NO_REPS, "no active rep with capacity can carry 100万元 in east-a"),
        (codes.NO_REPS, "no active rep with capacity can carry 100万元 in east-b"),
    ]


def test_values_wrong_under_each_region_are_said_for_each_and_the_months_below_checked() -> None:
    found = _found(
        """\
  - id: T
    value: 200
    scope: {regions: [east-a, east-b]}
    split:
      - {by: region, method: even}
      - by: month
        method: explicit
        values: {2026-07: 30, 2026-08: 30, 2026-09: 30}
"""
    )
    assert [(code, en) for code, _line, en, _zh in found] == [
        (codes.SUM_MISMATCH, "values add up to 90万元, not to the 100万元 they split (east-a)"),
        (codes.SUM_MISMATCH, "values add up to 90万元, not to the 100万元 they split (east-b)"),
    ]


def test_over_capacity_does_not_hide_a_missing_month_below() -> None:
    found = _found(
        """\
  - id: T
    value: 400
    scope: {regions: [east-a]}
    split:
      - {by: rep, method: capacity}
      - {by: month, method: history}
"""
    )
    assert [(code, line) for code, line, _en, _zh in found] == [(codes.NO_HISTORY, 16), (codes.OVER_CAPACITY, 22)]


def test_a_node_that_cannot_be_split_is_said_once_and_its_children_are_not_checked() -> None:
    # east-c has no rep: it is said once, and its months are never reached; the month level's wrong
    # values are said for each of east-a's reps, each its own node
    found = _found(
        """\
  - id: T
    value: 300
    scope: {regions: [east-a, east-c]}
    split:
      - {by: region, method: explicit, values: {east-a: 300, east-c: 0}}
      - {by: rep, method: even}
      - by: month
        method: explicit
        values: {2026-07: 40, 2026-08: 40, 2026-09: 40}
"""
    )
    assert found == [
        (codes.NO_REPS, 23, NO_REPS_C, NO_REPS_C_ZH),
        (
            codes.SUM_MISMATCH,
            26,
            "values add up to 120万元, not to the 150万元 they split (east-a / 李雷)",
            "指定值合计 120万元，不等于被拆解的 150万元（east-a / 李雷）",
        ),
        (
            codes.SUM_MISMATCH,
            26,
            "values add up to 120万元, not to the 150万元 they split (east-a / 韩梅)",
            "指定值合计 120万元，不等于被拆解的 150万元（east-a / 韩梅）",
        ),
    ]


def test_a_level_with_a_static_problem_does_not_hide_what_the_levels_above_it_find() -> None:
    # the month level names a month that does not exist (SP042, found before anything is split); the
    # region and rep levels above it are still split, and find east-b and east-c without an active rep
    found = _found(
        """\
  - id: T
    value: 300
    split:
      - {by: region, method: even}
      - {by: rep, method: capacity}
      - {by: month, method: weights, weights: {2026-07: 1, 2026-13: 2}}
"""
    )
    assert [(code, line, en) for code, line, en, _zh in found] == [
        (codes.NO_REPS, 22, NO_REPS_C),
        (codes.NO_REPS, 22, "no active rep with capacity can carry 100万元 in east-b"),
        (codes.UNKNOWN_PART, 23, "'2026-13' is not a part of the month level; did you mean '2026-09'?"),
    ]


TWO_PROBLEMS = """\
  - id: T
    value: 300
    split:
      - {by: region, method: explicit, values: {east-a: 200, east-b: 50, east-c: 40}}
      - {by: rep, method: capacity}
      - {by: month, method: history}
"""


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "zh",
            [
                "指定值合计 290万元，不等于被拆解的 300万元（整个目标）",
                NO_REPS_C_ZH,
                "east-b 的 50万元 没有在岗（且有产能）的销售代表承担",
                MISSING_AUGUST_ZH,
            ],
        ),
        (
            "en",
            [
                "values add up to 290万元, not to the 300万元 they split",
                NO_REPS_C,
                "no active rep with capacity can carry 50万元 in east-b",
                MISSING_AUGUST,
            ],
        ),
    ],
)
def test_split_command_says_them_all_exits_2_and_writes_nothing(lang: str, texts: list[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE + TWO_PROBLEMS, encoding="utf-8")
    out = tmp_path / "out.json"
    args = ["split", str(plan), "-f", "json", "-o", str(out)]
    result = CliRunner().invoke(app, [*args, "--lang", lang] if lang == "en" else args, env={"SALESPLAN_LANG": "zh"})
    assert result.exit_code == 2
    assert not out.exists()
    for text in texts:
        assert text in result.stderr


def test_lint_says_them_all_too(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE + TWO_PROBLEMS, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(plan), "--lang", "en"])
    assert result.exit_code == 1
    for located in ("plan.yaml:16:13: SP049", "plan.yaml:22:14: SP047", "plan.yaml:22:27: SP047"):
        assert located in result.stdout, result.stdout
    # the wrong sum of the first level is SP201's, said once (not again as SP041)
    assert "SP201" in result.stdout and "SP041" not in result.stdout


REGIONS = ("east-a", "east-b", "east-c", "east-d")
MONTHS = ((7, 30), (8, 40), (9, 50))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.booleans(), min_size=4, max_size=4), st.lists(st.booleans(), min_size=3, max_size=3).filter(any))
def test_every_region_without_a_rep_and_every_missing_month_is_said(left: list[bool], kept: list[bool]) -> None:
    people = "".join(
        f"    - {{id: rep-{r}, role: rep, region: {r}, capacity: 100{', end: 2026-06-30' if gone else ''}}}\n"
        for r, gone in zip(REGIONS, left, strict=True)
    )
    months = ", ".join(f"2025-{m:02d}: {v}" for (m, v), keep in zip(MONTHS, kept, strict=True) if keep)
    text = (
        "salesplan: 1\nplan: {name: P, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}\nteam:\n"
        f"  regions: [{', '.join('{id: ' + r + '}' for r in REGIONS)}]\n  people:\n{people}"
        f"history:\n  by_month: {{{months}}}\ntargets:\n  - id: T\n    value: 400\n    split:\n"
        "      - {by: region, method: even}\n      - {by: rep, method: capacity}\n"
        "      - {by: month, method: history}\n"
    )
    # at least one month is kept: an empty history.by_month is a static error, said before any node is split
    outcome = split_plan(load_text(text, "plan.yaml"))
    no_reps = {d.message.rsplit(" in ", 1)[1] for d in outcome.diagnostics if d.code == codes.NO_REPS}
    assert no_reps == {r for r, gone in zip(REGIONS, left, strict=True) if gone}
    missing = {d.message.split("no month ")[1].split(" ")[0] for d in outcome.diagnostics if d.code == codes.NO_HISTORY}
    reached = not all(left)  # the months are reached under a region that has its rep
    assert missing == ({str(m) for (m, _v), keep in zip(MONTHS, kept, strict=True) if not keep} if reached else set())
    if not no_reps and not missing:
        [split] = outcome.splits
        assert sum(node.value for _coords, node in split.leaves()) == 400
    else:
        assert outcome.splits == []
