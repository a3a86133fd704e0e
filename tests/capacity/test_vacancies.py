"""Regions with no active capacity (SP047 for `split`): capacity shows their target against 0 and the
hires; hand-computed on a 92-day Q3."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from salesplan.capacity import CapacityPlan, chosen_target, plan_capacity, split_for_capacity
from salesplan.capacity.vacancies import Vacancy, vacancies
from salesplan.cli.app import app
from salesplan.i18n import Message
from salesplan.loader import load_text

# 368 split evenly by region (92 each, spread over the days: 31, 31, 30); east-b has no rep, east-c's
# only rep starts after the period, east-d's only rep left before it
VACANT = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  ramp: [50%]
  regions: [{id: east-a}, {id: east-b}, {id: east-c}, {id: east-d}]
  people:
    - {id: A, role: rep, region: east-a, capacity: 92}
    - {id: C, role: rep, region: east-c, capacity: 184, start: 2026-10-01}
    - {id: D, role: rep, region: east-d, capacity: 46, end: 2026-06-30}
targets:
  - id: T1
    metric: revenue
    value: 368
    split:
      - {by: region}
      - {by: rep, method: capacity}
"""


def capacity(text: str, by: str = "month") -> CapacityPlan:
    loaded = load_text(text, "plan.yaml")
    assert loaded.ok and loaded.plan is not None, [d.format() for d in loaded.diagnostics]
    chosen = chosen_target(loaded.plan, None)
    assert not isinstance(chosen, Message)
    made = split_for_capacity(loaded, chosen)
    assert made.split is not None, [d.format() for d in made.diagnostics]
    assert all(d.severity.value != "error" for d in made.diagnostics)
    return plan_capacity(loaded.plan, chosen, made.split, by, made.vacancies)


def test_the_regions_without_an_active_rep_are_found() -> None:
    loaded = load_text(VACANT, "plan.yaml")
    assert loaded.plan is not None
    whole = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert vacancies(loaded.plan, loaded.plan.targets[0]) == [
        Vacancy(r, *whole) for r in ("east-b", "east-c", "east-d")
    ]


def test_a_region_without_active_reps_shows_its_target_against_no_capacity() -> None:
    plan = capacity(VACANT)
    assert plan.regions == ("east-a", "east-b", "east-c", "east-d")
    rows = {(c.region, c.part): (c.target, c.capacity, c.gap) for c in plan.cells}
    for region in ("east-b", "east-c", "east-d"):
        assert [rows[(region, m)] for m in plan.parts] == [(31, 0, 31), (31, 0, 31), (30, 0, 30)]
    assert [rows[("east-a", m)] for m in plan.parts] == [(31, 31, 0), (31, 31, 0), (30, 30, 0)]
    assert sum(c.target for c in plan.cells) == 368
    hires = {h.region: (h.gap, h.shortfall, h.average, h.reps, h.start) for h in plan.hiring}
    assert hires["east-a"] == (0, 0, 92, 0, None)
    # east-b hires at the team's average, (92 + 184 + 46) / 3 = 322/3, 7/6 a day; east-c at C's 184 (2 a
    # day), east-d at D's 46 (1/2 a day). A July hire at the 50% ramp works 15.5 days in July, 31 in
    # August, 30 in September; July lacks 31, so they must start in July: east-b 15.5 x 7/6 = 18.08
    # needs 2; east-c 31 needs 1; east-d 7.75 needs 4 (August's 31 needs 2 at 15.5, September's 30 2)
    assert hires["east-b"] == (92, 92, Fraction(322, 3), 2, "2026-07")
    assert hires["east-c"] == (92, 92, 184, 1, "2026-07")
    assert hires["east-d"] == (92, 92, 46, 4, "2026-07")


def test_no_rep_at_all_and_no_region_level_is_one_row_of_the_whole_target() -> None:
    text = VACANT.replace("      - {by: region}\n", "").replace("  people:\n", "  people:\n    - {id: Z, role: ops}\n")
    text = "\n".join(line for line in text.splitlines() if "role: rep" not in line) + "\n"
    plan = capacity(text, "quarter")
    assert [(c.region, c.target, c.capacity) for c in plan.cells] == [("", 368, 0)]
    (hiring,) = plan.hiring
    assert (hiring.gap, hiring.average, hiring.reps) == (368, None, 0)  # no rep to take an average from


def test_cli_shows_the_vacant_regions_in_every_format_and_language(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(VACANT, encoding="utf-8")
    result = CliRunner().invoke(app, ["capacity", str(plan), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "SP047" in result.stderr and "east-b" in result.stderr  # said, as a warning
    data = json.loads(result.stdout)
    east_b = [c for c in data["cells"] if c["region"] == "east-b"]
    assert [(c["target"], c["capacity"], c["gap"]) for c in east_b] == [
        ("31", "0", "31"),
        ("31", "0", "31"),
        ("30", "0", "30"),
    ]
    assert [h["region"] for h in data["hiring"]] == ["east-a", "east-b", "east-c", "east-d"]
    assert data["hiring"][1]["average_capacity"] == "107.33" and data["hiring"][1]["latest_start"] == "2026-07"
    zh = CliRunner().invoke(app, ["capacity", str(plan), "-f", "md", "--by", "quarter"])
    assert zh.exit_code == 0 and "| east-c | 2026-Q3 | 92 | 0 | 92 |" in zh.stdout and "招聘计划" in zh.stdout
    en = CliRunner().invoke(app, ["capacity", str(plan), "--by", "quarter", "--lang", "en"])
    assert en.exit_code == 0 and "Hiring plan" in en.stdout and "east-d" in en.stdout


def test_split_and_lint_still_refuse_it(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(VACANT, encoding="utf-8")
    split = CliRunner().invoke(app, ["split", str(plan), "--lang", "en"])
    assert split.exit_code == 2 and "SP047" in split.stderr
    lint = CliRunner().invoke(app, ["lint", str(plan), "--lang", "en"])
    assert lint.exit_code != 0 and "SP047" in lint.stdout + lint.stderr


@settings(max_examples=25, deadline=None)
@given(
    staffed=st.lists(st.booleans(), min_size=4, max_size=4),
    value=st.integers(min_value=0, max_value=5000),
    by=st.sampled_from(["quarter", "month", "week"]),
)
def test_the_rows_hold_the_whole_target_whichever_regions_lack_reps(staffed: list[bool], value: int, by: str) -> None:
    people = "".join(
        f"    - {{id: R{i}, role: rep, region: r{i}, capacity: 100}}\n" for i, here in enumerate(staffed) if here
    )
    text = (
        "salesplan: 1\nplan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}\n"
        "team:\n  regions: [{id: r0}, {id: r1}, {id: r2}, {id: r3}]\n  people:\n" + (people or "    []\n") + ""
        f"targets:\n  - {{id: T1, metric: revenue, value: {value}, split: [{{by: region}}, {{by: rep}}]}}\n"
    )
    plan = capacity(text.replace("  people:\n    []\n", "  people: []\n"), by)
    assert sum(c.target for c in plan.cells) == value
    assert sum(c.capacity for c in plan.cells) == 100 * sum(staffed)
    for region in plan.regions:
        if not staffed[int(region[1])]:
            assert all(c.capacity == 0 for c in plan.cells if c.region == region)


# a month level above the rep level: east-b's only rep starts in August, so July has no one there
PARTIAL = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  ramp: [50%]
  regions: [{id: east-a}, {id: east-b}]
  people:
    - {id: A, role: rep, region: east-a, capacity: 92}
    - {id: B, role: rep, region: east-b, capacity: 92, start: 2026-08-01}
targets:
  - id: T1
    metric: revenue
    value: 200
    split:
      - {by: region}
      - {by: month, method: explicit, values: {2026-07: 30, 2026-08: 30, 2026-09: 40}}
      - {by: rep, method: capacity}
"""


def test_a_month_without_an_active_rep_under_a_time_level_is_shown_too() -> None:
    loaded = load_text(PARTIAL, "plan.yaml")
    assert loaded.plan is not None
    assert vacancies(loaded.plan, loaded.plan.targets[0]) == [
        Vacancy("east-b", dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    ]
    plan = capacity(PARTIAL)
    rows = {(c.region, c.part): (c.target, c.capacity, c.gap) for c in plan.cells}
    # B from 08-01 at 50% in their first month: 31 x 50% = 15.5 in August, 30 in September (1 a day)
    assert [rows[("east-b", m)] for m in plan.parts] == [
        (30, 0, 30),
        (30, Fraction(31, 2), Fraction(29, 2)),
        (40, 30, 10),
    ]
    assert [rows[("east-a", m)] for m in plan.parts] == [(30, 31, -1), (30, 31, -1), (40, 30, 10)]
    hires = {h.region: (h.gap, h.shortfall, h.reps, h.start) for h in plan.hiring}
    # east-b: a July hire carries 15.5 in July (30 needs 2), 31 in August, 30 in September
    assert hires["east-b"] == (Fraction(109, 2), Fraction(109, 2), 2, "2026-07")
    # east-a: September lacks 10; a September hire carries 15 there
    assert hires["east-a"] == (8, 10, 1, "2026-09")


def test_cli_says_sp047_once_as_a_warning_and_the_split_shown_s_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PARTIAL, encoding="utf-8")
    result = CliRunner().invoke(app, ["capacity", str(plan), "-f", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert [line.split()[1] for line in lines if "SP0" in line] == ["SP047", "SP051"]
    assert "reps A are asked for 100万元" in result.stderr  # the split shown: A alone in east-a
