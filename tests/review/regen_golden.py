"""Regenerate the golden review outputs in tests/review/golden/ — never edit those files by hand.

    .venv/bin/python tests/review/regen_golden.py

test_output.py renders the same cases and compares them with these files; when an intended change
moves the output, run this script and review the diff.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from repo_files import REFERENCE as REPO_REFERENCE
from repo_files import REPO as ROOT
from salesplan import __version__
from salesplan.export.markdown import render_markdown
from salesplan.export.review_table import review_document
from salesplan.loader import LoadedPlan, load_plan, load_text
from salesplan.report.review_ci import render_ci
from salesplan.review.engine import Review, Thresholds
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
# derived KPIs: the reference plan with an orders and a collections target and three formula targets (D1-D3)
KPI_ACTUALS = HERE / "fixtures" / "kpi.csv"
KPI_AS_OF = dt.date(2026, 8, 31)
KPI_TARGETS = """\
  - id: T4
    name: 订单数
    kind: supporting
    dimension: results
    metric: orders
    value: 250
    unit: 单
    baseline: 220
    deadline: 2026-09-30
    owner: 王芳
    scope: {regions: [east-a, east-b]}
    strategies: [S1]
    split:
      - {by: region, method: explicit, values: {east-a: 150, east-b: 100}}
      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}

  - id: T5
    name: 回款额
    kind: supporting
    dimension: results
    metric: collected
    value: 450
    unit: 万元
    baseline: 400
    deadline: 2026-09-30
    owner: 孙丽
    scope: {regions: [east-a, east-b]}
    strategies: [S2]
    split:
      - {by: region, method: explicit, values: {east-a: 270, east-b: 180}}
      - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}

  - id: D1
    name: 客单价
    kind: supporting
    dimension: quality
    metric: average_order_value
    formula: revenue / orders
    value: 2
    baseline: 1.9
    deadline: 2026-09-30
    owner: 王芳
    scope: {regions: [east-a, east-b]}
    strategies: [S1]

  - id: D2
    name: 回款率
    kind: supporting
    dimension: quality
    metric: collection_rate
    formula: collected / revenue
    value: 90%
    baseline: 85%
    deadline: 2026-09-30
    owner: 孙丽
    scope: {regions: [east-a, east-b]}
    strategies: [S2]

  - id: D3
    name: 线索转化率
    kind: supporting
    dimension: efficiency
    metric: lead_conversion
    formula: deals / leads
    value: 18%
    baseline: 15%
    deadline: 2026-09-30
    owner: 王芳
    scope: {regions: [east-a, east-b]}
    strategies: [S3]

"""
KPI_FILE = "kpi-plan.yaml"


def kpi_plan_text() -> str:
    """The reference plan with the KPI targets after its own (the reference file itself is never edited)."""
    text = REFERENCE.read_text(encoding="utf-8")
    assert text.count("\nstrategies:\n") == 1
    return text.replace("\nstrategies:\n", "\n" + KPI_TARGETS + "strategies:\n")


def ci_outputs(loaded: LoadedPlan, review: Review, name: str) -> dict[str, str]:
    """github and sarif of a review, the plan named as given to the loader, SARIF relative to the repository."""
    files = {}
    for lang in ("zh", "en"):
        files[f"{name}.github.{lang}.txt"] = render_ci(review, loaded, "github", lang)
        sarif = render_ci(review, loaded, "sarif", lang, ROOT)
        files[f"{name}.sarif.{lang}.json"] = sarif.replace(ROOT.resolve().as_uri(), "file:///REPO").replace(
            f'"version": "{__version__}"', '"version": "VERSION"'
        )
    return files


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
    named = load_plan(REFERENCE, "examples/reference/reference-plan.yaml")
    files.update(ci_outputs(named, falling.review, "alerts"))
    files.update(ci_outputs(named, review, "reference"))
    kpi = load_text(kpi_plan_text(), KPI_FILE)
    assert kpi.plan is not None and not kpi.diagnostics, [d.format("en") for d in kpi.diagnostics]
    derived = review_file(kpi, KPI_ACTUALS, KPI_AS_OF, Thresholds())
    assert derived.review is not None and not derived.diagnostics, [d.format("en") for d in derived.diagnostics]
    files["kpi.json"] = render_json(derived.review)
    for lang in ("zh", "en"):
        files[f"kpi.{lang}.md"] = render_markdown(review_document(kpi.plan, derived.review, lang))
        files[f"kpi.{lang}.txt"] = render_table(derived.review, lang, width=160)
    files.update(ci_outputs(kpi, derived.review, "kpi"))
    return files


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, text in outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/review/golden/{name}")


if __name__ == "__main__":
    main()
