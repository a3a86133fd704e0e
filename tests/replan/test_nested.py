"""salesplan replan of the reference plan's T1 (region -> product -> rep -> month): every rep node holds its
completed months at its own actuals and re-splits what is left of its allocation by the months' weights.

Hand-computed from the reference split (each rep node's allocation and its months by weights 3:3:4; 吴敏
starts on 1 August, so her July weighs 0) and tests/replan/reference-actuals.csv.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.loader import load_plan, load_text
from salesplan.review.actuals import parse_actuals
from salesplan.review.replan_plan import Replanned, replan
from salesplan.review.rows import ActualRow
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode

HERE = Path(__file__).parent
ACTUALS = HERE / "reference-actuals.csv"
Months = dict[str, tuple[int, ...]]

# each rep node's allocation (unchanged by the re-plan) and its months before the re-plan
ALLOCATION = {
    "east-a/device/李雷": 96,
    "east-a/device/韩梅": 84,
    "east-a/consumable/李雷": 64,
    "east-a/consumable/韩梅": 56,
    "east-b/device/周杰": 72,
    "east-b/device/吴敏": 48,
    "east-b/consumable/周杰": 48,
    "east-b/consumable/吴敏": 32,
}
BEFORE: Months = {
    "east-a/device/李雷": (29, 29, 38),
    "east-a/device/韩梅": (25, 25, 34),
    "east-a/consumable/李雷": (19, 19, 26),
    "east-a/consumable/韩梅": (17, 17, 22),
    "east-b/device/周杰": (22, 21, 29),
    "east-b/device/吴敏": (0, 21, 27),
    "east-b/consumable/周杰": (15, 14, 19),
    "east-b/consumable/吴敏": (0, 14, 18),
}
# as of 2026-08-31: July and August held at each node's actuals; September = allocation - both
# (east-a/consumable/韩梅's July row names no region: 韩梅 is east-a's rep; 周杰's consumable actuals
# 40 + 15 = 55 exceed its 48: July 40, August cut to 8, September 0, the 7 reported, not moved)
AUGUST: Months = {
    "east-a/device/李雷": (20, 25, 51),
    "east-a/device/韩梅": (30, 28, 26),
    "east-a/consumable/李雷": (10, 5, 49),
    "east-a/consumable/韩梅": (17, 17, 22),
    "east-b/device/周杰": (22, 30, 20),
    "east-b/device/吴敏": (0, 10, 38),
    "east-b/consumable/周杰": (40, 8, 0),
    "east-b/consumable/吴敏": (0, 0, 32),
}
# as of 2026-07-31: July held; the rest of each node split 3:4 over August and September
# (largest remainder: 李雷 device 76 -> 32.57 : 43.43 -> 33, 43; 周杰 consumable 8 -> 3.43 : 4.57 -> 3, 5)
JULY: Months = {
    "east-a/device/李雷": (20, 33, 43),
    "east-a/device/韩梅": (30, 23, 31),
    "east-a/consumable/李雷": (10, 23, 31),
    "east-a/consumable/韩梅": (17, 17, 22),
    "east-b/device/周杰": (22, 21, 29),
    "east-b/device/吴敏": (0, 21, 27),
    "east-b/consumable/周杰": (40, 3, 5),
    "east-b/consumable/吴敏": (0, 14, 18),
}


def _replanned(day: dt.date) -> Replanned:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    rows = parse_actuals(ACTUALS, loaded.plan).rows
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    return replan(REFERENCE.read_text(encoding="utf-8"), loaded.plan, rows, day, splits)


def _rep_nodes(text: str) -> dict[str, SplitNode]:
    loaded = load_text(text, "new.yaml")
    outcome = split_plan(loaded, ["T1"])
    assert [d.format("en") for d in outcome.diagnostics] == []
    root = outcome.splits[0].root
    return {
        f"{region.part}/{product.part}/{rep.part}": rep
        for region in root.children
        for product in region.children
        for rep in product.children
    }


def _months(text: str) -> Months:
    return {path: tuple(int(child.value) for child in node.children) for path, node in _rep_nodes(text).items()}


def _adds_up(node: SplitNode) -> None:
    if node.children:
        assert sum((child.value for child in node.children), Decimal(0)) == node.value
        for child in node.children:
            _adds_up(child)


def test_the_reference_plan_splits_as_the_hand_computation_says() -> None:
    assert _months(REFERENCE.read_text(encoding="utf-8")) == BEFORE
    assert {path: sum(months) for path, months in BEFORE.items()} == ALLOCATION


@pytest.mark.parametrize(("day", "expected"), [(dt.date(2026, 8, 31), AUGUST), (dt.date(2026, 7, 31), JULY)])
def test_each_rep_holds_its_completed_months_and_re_splits_its_own_rest(day: dt.date, expected: Months) -> None:
    made = _replanned(day)
    assert made.changed == ["T1"]
    assert _months(made.text) == expected
    nodes = _rep_nodes(made.text)
    assert {path: int(node.value) for path, node in nodes.items()} == ALLOCATION  # every node keeps its allocation
    loaded = load_text(made.text, "new.yaml")
    root = split_plan(loaded, ["T1"]).splits[0].root
    assert root.value == 500
    _adds_up(root)


def test_the_remaining_months_follow_the_weights_of_the_remaining_months() -> None:
    """3:3:4 restricted to August and September is 3:4 of what July leaves, node by node."""
    for path, (july, august, september) in JULY.items():
        rest = ALLOCATION[path] - july
        quota = Decimal(rest * 3) / 7
        assert abs(Decimal(august) - quota) < 1 and august + september == rest


def test_held_months_are_written_under_each_node_path() -> None:
    text = _replanned(dt.date(2026, 8, 31)).text
    assert "        held:\n          east-a/device/李雷: {2026-07: 20, 2026-08: 25}\n" in text
    assert "          east-b/consumable/周杰: {2026-07: 40, 2026-08: 8}\n" in text
    assert "          east-b/consumable/吴敏: {2026-07: 0, 2026-08: 0}\n" in text
    assert "# agreed in the planning meeting" in text  # the rest of the file as it was
    old = REFERENCE.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.ndiff(old, text.splitlines()) if line[:1] in "+-"]
    removed, added = [line for line in changed if line[0] == "-"], [line for line in changed if line[0] == "+"]
    assert removed == ["-       - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}"]
    assert added[:4] == [
        "+       - by: month",
        "+         method: weights",
        "+         weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}",
        "+         held:",
    ]
    assert len(changed) == 5 + len(ALLOCATION)  # nothing else of the file moved


def test_an_excess_is_reported_and_rows_without_a_node_are_named() -> None:
    notes = [note.render("en") for note in _replanned(dt.date(2026, 8, 31)).notes]
    assert notes == [
        "T1 · east-b/consumable/周杰: actuals 55万元 exceed its allocation 48万元 by 7万元; its completed month parts "
        "are held up to the allocation, its remaining parts get 0, and the excess is not moved to other parts",
        "T1: 1 row (3万元) of a completed part names no node of the breakdown (a part of the levels above the month "
        "level is missing); it is held in no node",
    ]
    zh = [note.render("zh") for note in _replanned(dt.date(2026, 8, 31)).notes]
    assert zh[0].startswith("T1 · east-b/consumable/周杰：实际 55万元 超出其分配 48万元 7万元；已结束的各月")
    assert _replanned(dt.date(2026, 7, 31)).notes == []  # the row without a product is dated in August


def test_a_second_replan_updates_the_held_months(tmp_path: Path) -> None:
    first = tmp_path / "july.yaml"
    first.write_text(_replanned(dt.date(2026, 7, 31)).text, encoding="utf-8")
    loaded = load_plan(first)
    assert loaded.plan is not None
    rows = parse_actuals(ACTUALS, loaded.plan).rows
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    again = replan(first.read_text(encoding="utf-8"), loaded.plan, rows, dt.date(2026, 8, 31), splits)
    assert _months(again.text) == AUGUST
    assert again.text.count("east-a/device/李雷:") == 1


def test_cli_writes_the_new_plan_and_diff_shows_the_move(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    args = ["replan", str(REFERENCE), "-a", str(ACTUALS), "--as-of", "2026-08-31", "-o", str(new), "--lang", "en"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "exceed its allocation 48万元 by 7万元" in result.output
    assert _months(new.read_text(encoding="utf-8")) == AUGUST
    diff = CliRunner().invoke(app, ["diff", str(REFERENCE), str(new), "-f", "json"])
    assert diff.exit_code == 1, diff.output  # 1: the plans differ
    target = json.loads(diff.stdout)["targets"][0]
    assert target["old_value"] == target["new_value"] == "500"
    moved = {
        "/".join(step["part"] for step in part["path"]): (part["old"], part["new"])
        for part in target["parts"]
        if part["old"] != part["new"]
    }
    assert moved["east-a/device/李雷/2026-09"] == ("38", "51")
    assert moved["east-b/consumable/周杰/2026-07"] == ("15", "40")
    assert all(len(path.split("/")) == 4 for path in moved)  # regions, products and reps unchanged
    lint = CliRunner().invoke(app, ["lint", str(new), "--lang", "en"])
    assert "[error]" not in lint.output and "SP204" not in lint.output


def test_actuals_that_name_no_node_leave_the_target_as_it_is() -> None:
    """Rows with a date and an amount only cannot say whose they are: nothing is held at 0 instead."""
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    rows = [ActualRow("T1", Decimal(100), None, {}, dt.date(2026, 7, 10))]
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    text = REFERENCE.read_text(encoding="utf-8")
    made = replan(text, loaded.plan, rows, dt.date(2026, 8, 31), splits)
    assert made.changed == [] and made.text == text
    assert [note.render("en") for note in made.notes] == [
        "T1: no row of a completed month part names a node of the breakdown (its region, product, rep); "
        "it is left as it is"
    ]
