"""salesplan replan: completed months held at their actuals, the rest re-split by the level's method."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.loader import load_plan
from salesplan.review.actuals import parse_actuals
from salesplan.review.replan_plan import replan
from salesplan.split.engine import split_plan

HERE = Path(__file__).parent
REFERENCE = HERE.parents[1] / "examples" / "reference" / "reference-plan.yaml"


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


def test_nested_time_level_is_left_with_a_note() -> None:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    text = REFERENCE.read_text(encoding="utf-8")
    made = replan(text, loaded.plan, [], dt.date(2026, 8, 15))
    assert made.changed == [] and made.text == text
    assert [note.render("en").split(":")[0] for note in made.notes] == ["T1"]


def test_before_any_month_ends_nothing_changes() -> None:
    loaded = load_plan(HERE / "plan.yaml")
    assert loaded.plan is not None
    rows = parse_actuals(HERE / "actuals.csv", loaded.plan).rows
    made = replan((HERE / "plan.yaml").read_text(encoding="utf-8"), loaded.plan, rows, dt.date(2026, 7, 30))
    assert made.changed == []
