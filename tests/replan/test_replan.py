"""salesplan replan: completed months held at their actuals, the rest re-split by the level's method."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.loader import load_plan, load_text
from salesplan.review.actuals import parse_actuals
from salesplan.review.replan_plan import Replanned, replan
from salesplan.split.engine import split_plan

HERE = Path(__file__).parent


def _months(path: Path) -> dict[str, Decimal]:
    outcome = split_plan(load_plan(path))
    return {str(child.part): Decimal(str(child.value)) for child in outcome.splits[0].root.children}


def test_july_held_at_actuals_and_the_rest_re_split(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    args = ["replan", str(HERE / "plan.yaml"), "--actuals", str(HERE / "actuals.csv"), "--as-of", "2026-08-15"]
    result = CliRunner().invoke(app, [*args, "-o", str(new), "--lang", "en"])
    assert result.exit_code == 0, result.output
    # July 60 + 50 = 110 held; 500 - 110 = 390 by weights 3:4 -> 167.14 and 222.86, rounded to 167 and 223
    assert _months(HERE / "plan.yaml") == {"2026-07": 150, "2026-08": 150, "2026-09": 200}
    assert _months(new) == {"2026-07": 110, "2026-08": 167, "2026-09": 223}
    assert "# agreed rhythm" in new.read_text(encoding="utf-8")  # comments survive
    lint = CliRunner().invoke(app, ["lint", str(new), "--lang", "en"])
    assert "[error]" not in lint.output
    # the same file again is refused without --force
    again = CliRunner().invoke(app, [*args, "-o", str(new), "--lang", "en"])
    assert again.exit_code == 2


def _replan(text: str, rows_csv: str | None, day: dt.date, tmp_path: Path) -> Replanned:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    loaded = load_plan(plan_file)
    assert loaded.plan is not None
    rows = []
    if rows_csv is not None:
        (tmp_path / "actuals.csv").write_text(rows_csv, encoding="utf-8")
        read = parse_actuals(tmp_path / "actuals.csv", loaded.plan)
        assert read.diagnostics == []
        rows = read.rows
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    return replan(text, loaded.plan, rows, day, splits)


def test_a_time_level_under_an_ipf_level_is_left_with_a_note(tmp_path: Path) -> None:
    text = (
        (HERE / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}   # agreed rhythm\n"
            "      - {by: region, method: even}\n",
            "      - {by: [region, product], method: ipf, margins: {region: {east-a: 300, east-b: 200}}}\n"
            "      - {by: month, method: even}\n",
        )
    )
    text = text.replace(
        "    - {id: east-b, name: B区}\n", "    - {id: east-b, name: B区}\n  products: [{id: device}]\n"
    )
    made = _replan(text, None, dt.date(2026, 8, 15), tmp_path)
    assert made.changed == [] and made.text == text
    assert [note.render("en").split(":")[0] for note in made.notes] == ["T1"]


def test_actuals_beyond_the_whole_target_are_held_up_to_it(tmp_path: Path) -> None:
    """The first level's node is the whole target: July takes 500 of 620, August and September get 0."""
    rows = "目标,区域,日期,金额\nT1,east-a,2026-07-10,600\nT1,east-b,2026-07-11,20\n"
    made = _replan((HERE / "plan.yaml").read_text(encoding="utf-8"), rows, dt.date(2026, 8, 15), tmp_path)
    new = tmp_path / "new.yaml"
    new.write_text(made.text, encoding="utf-8")
    assert _months(new) == {"2026-07": 500, "2026-08": 0, "2026-09": 0}
    assert [note.render("en") for note in made.notes] == [
        "T1 · the whole target: actuals 620万元 exceed its allocation 500万元 by 120万元; its completed month parts "
        "are held up to the allocation, its remaining parts get 0, and the excess is not moved to other parts"
    ]


def test_held_actuals_are_rounded_to_the_granularity(tmp_path: Path) -> None:
    """60.4 + 50.2 = 110.6 in July holds 111 (half up to the unit); the rest, 389, splits 3:4."""
    rows = "目标,区域,日期,金额\nT1,east-a,2026-07-10,60.4\nT1,east-b,2026-07-11,50.2\n"
    made = _replan((HERE / "plan.yaml").read_text(encoding="utf-8"), rows, dt.date(2026, 8, 15), tmp_path)
    new = tmp_path / "new.yaml"
    new.write_text(made.text, encoding="utf-8")
    assert _months(new) == {"2026-07": 111, "2026-08": 167, "2026-09": 222}
    assert [note.render("en") for note in made.notes] == ["T1: 1 held amount is rounded to the granularity 1"]


def test_before_any_month_ends_nothing_changes() -> None:
    loaded = load_plan(HERE / "plan.yaml")
    assert loaded.plan is not None
    rows = parse_actuals(HERE / "actuals.csv", loaded.plan).rows
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    made = replan((HERE / "plan.yaml").read_text(encoding="utf-8"), loaded.plan, rows, dt.date(2026, 7, 30), splits)
    assert made.changed == []


def test_after_the_last_month_nothing_is_left_to_re_split(tmp_path: Path) -> None:
    rows = "目标,区域,日期,金额\nT1,east-a,2026-07-10,60\n"
    text = (HERE / "plan.yaml").read_text(encoding="utf-8")
    made = _replan(text, rows, dt.date(2026, 9, 30), tmp_path)
    assert made.changed == [] and made.text == text
    assert [note.render("en") for note in made.notes] == [
        "T1: every month part has ended by 2026-09-30: nothing is left to re-split, it is left as it is"
    ]


NESTED = (
    (HERE / "plan.yaml")
    .read_text(encoding="utf-8")
    .replace(
        "      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}   # agreed rhythm\n"
        "      - {by: region, method: even}\n",
        "      - {by: region, method: even}   # half each\n"
        "      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}   # agreed rhythm\n",
    )
)


def test_a_month_level_under_regions_keeps_its_comment(tmp_path: Path) -> None:
    """250 a region; east-a held at 60 and 40, so September 150; east-b at 50 and 0: September 200."""
    made = _replan(NESTED, (HERE / "actuals.csv").read_text(encoding="utf-8"), dt.date(2026, 8, 31), tmp_path)
    assert made.notes == []
    assert "      - by: month  # agreed rhythm\n        method: weights\n" in made.text
    assert "          east-a: {2026-07: 60, 2026-08: 40}\n          east-b: {2026-07: 50, 2026-08: 0}\n" in made.text
    loaded = load_text(made.text, "new.yaml")
    root = split_plan(loaded).splits[0].root
    assert [[int(month.value) for month in region.children] for region in root.children] == [
        [60, 40, 150],
        [50, 0, 200],
    ]


def test_a_region_id_with_a_slash_is_left_with_a_note(tmp_path: Path) -> None:
    text = NESTED.replace("east-b", "east/b")
    made = _replan(text, "目标,区域,日期,金额\nT1,east-a,2026-07-10,60\n", dt.date(2026, 8, 31), tmp_path)
    assert made.changed == [] and made.text == text
    assert "'/'" in made.notes[0].render("en")


def test_a_plan_that_does_not_split_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        NESTED.replace("{2026-07: 3, 2026-08: 3, 2026-09: 4}", "{2026-07: 3, 2026-08: 3}"), encoding="utf-8"
    )
    new = tmp_path / "new.yaml"
    args = ["replan", str(plan), "-a", str(HERE / "actuals.csv"), "--as-of", "2026-08-31", "-o", str(new)]
    result = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 2 and not new.exists()
    assert "SP043" in result.output
