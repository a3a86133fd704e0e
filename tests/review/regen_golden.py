"""Regenerate the golden review outputs in tests/review/golden/ — never edit those files by hand.

    .venv/bin/python tests/review/regen_golden.py

test_output.py renders the same cases and compares them with these files; when an intended change
moves the output, run this script and review the diff.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.export.markdown import render_markdown
from salesplan.export.review_table import review_document
from salesplan.loader import load_plan
from salesplan.review.engine import Thresholds
from salesplan.review.render import render_json, render_table
from salesplan.review.run import review_file

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
REFERENCE = REPO_REFERENCE
ACTUALS = HERE / "fixtures" / "actuals.csv"
AS_OF = dt.date(2026, 8, 15)
# two months ended, and falling: every kind of re-planning alert fires somewhere
FALLING = HERE / "fixtures" / "falling.csv"
FALLING_AS_OF = dt.date(2026, 9, 5)


def outputs() -> dict[str, str]:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    result = review_file(loaded, ACTUALS, AS_OF, Thresholds())
    assert result.review is not None and not result.diagnostics
    review = result.review
    files = {"reference.json": render_json(review)}
    for lang in ("zh", "en"):
        files[f"reference.{lang}.md"] = render_markdown(review_document(loaded.plan, review, lang))
        files[f"reference.{lang}.txt"] = render_table(review, lang, width=160)
    falling = review_file(loaded, FALLING, FALLING_AS_OF, Thresholds())
    assert falling.review is not None and not falling.diagnostics
    files["alerts.json"] = render_json(falling.review)
    for lang in ("zh", "en"):
        files[f"alerts.{lang}.md"] = render_markdown(review_document(loaded.plan, falling.review, lang))
        files[f"alerts.{lang}.txt"] = render_table(falling.review, lang, width=160)
    return files


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, text in outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/review/golden/{name}")


if __name__ == "__main__":
    main()
