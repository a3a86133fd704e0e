"""Regenerate tests/replan/golden/: the reference plan re-planned with tests/replan/reference-actuals.csv
as of each date of CASES, the new plan's text and the notes in zh and en.

    .venv/bin/python tests/replan/regen_golden.py

Golden files are never edited by hand: test_golden.py makes the same re-plans and compares; when an
intended change moves the output, run this script and read the diff before committing it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # repo_files, when run as a script

from repo_files import REFERENCE  # noqa: E402
from salesplan.loader import load_plan  # noqa: E402
from salesplan.review.actuals import parse_actuals  # noqa: E402
from salesplan.review.replan_plan import replan  # noqa: E402
from salesplan.split.engine import split_plan  # noqa: E402

GOLDEN = HERE / "golden"
ACTUALS = HERE / "reference-actuals.csv"
CASES = {"reference.2026-07-31": dt.date(2026, 7, 31), "reference.2026-08-31": dt.date(2026, 8, 31)}


def outputs() -> dict[str, str]:
    """File name -> content: the new plan and the notes in each language, for every case."""
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    rows = parse_actuals(ACTUALS, loaded.plan).rows
    splits = {split.target_id: split for split in split_plan(loaded).splits}
    text = REFERENCE.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for case, day in CASES.items():
        made = replan(text, loaded.plan, rows, day, splits)
        found[f"{case}.yaml"] = made.text
        for lang in ("zh", "en"):
            found[f"{case}.notes.{lang}.txt"] = "".join(note.render(lang) + "\n" for note in made.notes)
    return found


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for stale in GOLDEN.iterdir():
        stale.unlink()
    for name, content in outputs().items():
        (GOLDEN / name).write_text(content, encoding="utf-8")
        print(GOLDEN / name)
