"""export -> import -o gives the plan back: for the reference plan, every example and generated plans, every
visible cell is read and compared with the plan, nothing reads as changed, and the plan written is the plan
exported (so its split, lint and export are the original's)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from import_books import edited, exported
from repo_files import EXAMPLES, REFERENCE
from salesplan.export.run import export_plan
from salesplan.export.tables import TABLES
from salesplan.importer.run import import_workbook, write_text
from salesplan.lint.check import lint_file
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.loader import load_plan, load_text
from salesplan.split.engine import split_plan

PLANS = [REFERENCE, *sorted(EXAMPLES.glob("*.yaml"))]
JULY, AUGUST = (dt.date(2026, 7, 1), dt.date(2026, 7, 31)), (dt.date(2026, 8, 1), dt.date(2026, 8, 15))


def round_trip(plan: Path, folder: Path, resave: bool = True) -> str:
    """The plan file `salesplan import -o` writes from the plan's exported workbook (saved again by openpyxl)."""
    data = exported(plan)
    book = folder / "plan.xlsx"
    book.write_bytes(edited(data, []) if resave else data)
    result = import_workbook(book, book.name)
    assert not result.diagnostics, [d.format("en") for d in result.diagnostics]
    assert result.summary.changed == {} or not any(result.summary.changed.values()), result.summary.changed
    text = write_text(result)
    assert text is not None
    return text


def outputs(text: str, folder: Path) -> tuple[Any, ...]:
    """What split, lint and export make of a plan text."""
    plan = folder / "again.yaml"
    plan.write_text(text, encoding="utf-8")
    loaded = load_plan(plan, "plan.yaml")
    splits = [(s.target_id, [(d, n.part, n.value) for d, n in s.root.walk()]) for s in split_plan(loaded).splits]
    lint = lint_file(Candidate(str(plan), "plan.yaml", explicit=True), LintConfig(as_of=dt.date(2026, 7, 1)))
    assert lint is not None
    findings = sorted((d.code, d.line, d.col) for d in lint.diagnostics)
    markdown = export_plan(loaded, "md", TABLES, "zh").payload
    return splits, findings, markdown if isinstance(markdown, str) else "".join(markdown or [])


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_example_comes_back_as_it_was(plan: Path, tmp_path: Path) -> None:
    original = plan.read_text(encoding="utf-8")
    text = round_trip(plan, tmp_path)
    assert text == original
    assert outputs(text, tmp_path) == outputs(original, tmp_path)


def test_the_workbook_as_written_reads_the_same(tmp_path: Path) -> None:
    assert round_trip(REFERENCE, tmp_path, resave=False) == REFERENCE.read_text(encoding="utf-8")


# -- generated plans --------------------------------------------------------------------------------
@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A plan with regions, products and reps, a split target, a rate, strategies, tasks and risks."""
    regions = [f"r{i}" for i in range(draw(st.integers(1, 3)))]
    products = [f"p{i}" for i in range(draw(st.integers(1, 2)))]
    people = [{"id": f"{r}-{k}", "role": "rep", "region": r, "capacity": 500} for r in regions for k in range(2)]
    dims = draw(st.lists(st.sampled_from(["region", "product", "rep", "month"]), min_size=1, max_size=3, unique=True))
    split = [
        {"by": d, "method": draw(st.sampled_from(["even", "workdays"] if d == "month" else ["even"]))} for d in dims
    ]
    if draw(st.booleans()) and dims[0] in ("region", "product"):
        parts = regions if dims[0] == "region" else products
        values = {p: draw(st.integers(0, 500)) for p in parts}
        split[0] = {"by": dims[0], "method": "explicit", "values": values}
        total: Any = sum(values.values())
    else:
        total = draw(st.integers(0, 2000))
    name = draw(st.text(alphabet="销售额东区-=+@ _x0041", min_size=1, max_size=12)).strip() or "销售额"
    budget = draw(st.sampled_from([10, 12.5, 0, 300]))
    return {
        "salesplan": 1,
        "plan": {"name": "Q3", "period": {"start": dt.date(2026, 7, 1), "end": dt.date(2026, 9, 30)}, "unit": "万元"},
        "team": {
            "regions": [{"id": r, "name": f"{r}区"} for r in regions],
            "products": [{"id": p} for p in products],
            "people": [{"id": "lead", "role": "director"}, *people],
        },
        "targets": [
            {"id": "T1", "name": name, "metric": "revenue", "value": total, "owner": "lead", "split": split},
            {"id": "T2", "metric": "conversion_rate", "value": f"{draw(st.integers(1, 60))}%"},
        ],
        "strategies": [{"id": "S1", "module": "channel", "name": "渠道", "budget": budget, "measures": ["a", "b"]}],
        "tasks": [
            {"id": "K1", "name": "签约", "strategy": "S1", "start": JULY[0], "end": JULY[1], "budget": budget,
             "departments": ["法务部", "市场部"], "status": draw(st.sampled_from(["done", "delayed"]))},
            {"id": "K2", "name": "培训", "start": AUGUST[0], "end": AUGUST[1], "depends_on": ["K1"]},
        ],
        "risks": [
            {"id": "R1", "category": draw(st.sampled_from(["market", "其他"])), "description": "降价",
             "probability": draw(st.sampled_from(["high", "中", 2])), "impact": draw(st.sampled_from(["severe", 1])),
             "owner": "lead"},
        ],
    }  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_generated_plans_come_back_as_they_were(plan: dict[str, Any], tmp_path: Path) -> None:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    loaded = load_text(text)
    if loaded.plan is None or any(d.severity == "error" for d in loaded.diagnostics):
        return
    if any(d.severity == "error" for d in split_plan(loaded).diagnostics):
        return
    source = tmp_path / "plan.yaml"
    source.write_text(text, encoding="utf-8")
    assert round_trip(source, tmp_path) == text
