"""`salesplan review PARENT --children`: one actuals file reviewed down the roll-up tree of examples/rollup
(national.yaml in 万元 -> east/south/north in 元), each row counted once at every level."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from repo_files import EXAMPLES
from salesplan.cli.app import app
from salesplan.loader import load_plan
from salesplan.review.engine import Thresholds
from salesplan.review.tree import TreeResult, convert_value, review_tree
from salesplan.rollup.facts import real_path
from salesplan.rollup.tree import rollup_tree

NATIONAL = EXAMPLES / "rollup" / "national.yaml"
AS_OF = dt.date(2026, 6, 30)
TREE = rollup_tree(NATIONAL)

# amounts in 元 (the header says so) against a parent counted in 万元
ACTUALS = """目标,区域,业务员,日期,金额（元）
T1,east,li-1,2026-03-10,1200000
T1,east,wang-1,2026-04-02,800000.50
T1,south,chen-1,2026-05-20,500000
T1,north,,2026-02-01,300000
"""


def _review(text: str) -> TreeResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actuals.csv"
        path.write_text(text, encoding="utf-8")
        return review_tree(
            load_plan(NATIONAL),
            path,
            AS_OF,
            Thresholds(),
            [link.claim for link in TREE.report.links],
            lambda real: TREE.plans.get(real).loaded,
            real_path(NATIONAL),
            found=TREE.report.diagnostics,
        )


def _totals(result: TreeResult) -> dict[str, dict[str, Decimal]]:
    """file name -> row label (target id or part) -> actual to date."""
    assert result.reviews is not None, [d.format("en") for d in result.diagnostics]
    out: dict[str, dict[str, Decimal]] = {}
    for reviewed in result.reviews:
        rows = reviewed.review.targets[0].rows
        out[Path(reviewed.file).name] = {r.part or reviewed.review.targets[0].target_id: r.actual for r in rows}
    return out


def test_parent_and_children_from_one_file() -> None:
    result = _review(ACTUALS)
    assert result.diagnostics == []
    totals = _totals(result)
    # the parent in 万元: every row once; 800000.50 元 = 80.00005 万元
    assert totals["national.yaml"] == {
        "T1": Decimal("280.00005"),
        "east": Decimal("200.00005"),
        "south": Decimal(50),
        "north": Decimal(30),
    }
    # each child in 元, its reps kept
    assert totals["east.yaml"] == {
        "EAST1": Decimal("2000000.5"),
        "li-1": Decimal(1200000),
        "wang-1": Decimal("800000.5"),
    }
    assert totals["south.yaml"] == {"SOUTH1": Decimal(500000), "chen-1": Decimal(500000), "liu-1": Decimal(0)}
    # north's row names no rep: it counts for the region's target, for no rep
    assert totals["north.yaml"] == {"NORTH1": Decimal(300000), "sun-1": Decimal(0), "zhou-1": Decimal(0)}
    # the children in the order of the parent's split, each naming the part it carries
    assert result.reviews is not None
    assert [(Path(r.file).name, [(c.target, c.parent_target, c.part) for c in r.claims]) for r in result.reviews] == [
        ("national.yaml", []),
        ("east.yaml", [("EAST1", "T1", (("region", "east"),))]),
        ("south.yaml", [("SOUTH1", "T1", (("region", "south"),))]),
        ("north.yaml", [("NORTH1", "T1", (("region", "north"),))]),
    ]


def test_children_add_up_to_the_parents_claimed_parts() -> None:
    totals = _totals(_review(ACTUALS))
    children = {"east": "east.yaml", "south": "south.yaml", "north": "north.yaml"}
    for region, file in children.items():
        top = next(iter(totals[file].values()))
        assert top == totals["national.yaml"][region] * 10000
    assert sum(next(iter(totals[f].values())) for f in children.values()) == totals["national.yaml"]["T1"] * 10000


def test_a_value_in_the_parents_unit_converts_exactly() -> None:
    totals = _totals(_review("目标,区域,业务员,日期,金额\nT1,east,li-1,2026-03-10,12.34567\n"))
    assert totals["national.yaml"]["east"] == Decimal("12.34567")
    assert totals["east.yaml"]["li-1"] == Decimal("123456.7")
    assert str(convert_value(Decimal(4000), "万元", "元")) == "40000000"  # plain digits, not 4.000E+7
    assert convert_value(Decimal("1.5"), "元", "万元") == Decimal("0.00015")
    assert convert_value(Decimal(3), "家", "家") == 3


def test_a_rep_the_child_does_not_know_is_located() -> None:
    # chen-1 is a rep of south; booked under east, the east plan cannot place the row
    result = _review("目标,区域,业务员,日期,金额（元）\nT1,east,li-1,2026-03-10,100\nT1,east,chen-1,2026-03-11,200\n")
    assert result.reviews is None
    found = [(d.code, d.source.line, d.source.col, d.message) for d in result.diagnostics]
    assert found == [("SP067", 3, 3, "rep 'chen-1' is not a part of target EAST1's scope or breakdown")]


def test_a_rep_nobody_knows_is_unknown() -> None:
    result = _review("目标,区域,业务员,日期,金额（元）\nT1,east,nobody,2026-03-10,100\n")
    assert result.reviews is None
    assert [(d.code, d.source.line, d.source.col) for d in result.diagnostics] == [("SP063", 2, 3)]


REGIONS = {"east": ("li-1", "wang-1"), "south": ("chen-1", "liu-1"), "north": ("sun-1", "zhou-1")}


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(REGIONS)),
            st.integers(0, 1),
            st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
            st.integers(1, 180),
        ),
        max_size=12,
    )
)
def test_each_row_once_at_every_level(rows: list[tuple[str, int, Decimal, int]]) -> None:
    lines = ["目标,区域,业务员,日期,金额（元）"]
    for region, rep, value, day in rows:
        when = dt.date(2026, 1, 1) + dt.timedelta(days=day - 1)
        lines.append(f"T1,{region},{REGIONS[region][rep]},{when.isoformat()},{value}")
    totals = _totals(_review("\n".join(lines) + "\n"))
    whole = sum((v for _, _, v, _ in rows), Decimal(0))
    assert totals["national.yaml"]["T1"] * 10000 == whole
    for region, reps in REGIONS.items():
        child = totals[f"{region}.yaml"]
        mine = sum((v for r, _, v, _ in rows if r == region), Decimal(0))
        assert next(iter(child.values())) == mine == totals["national.yaml"][region] * 10000
        assert sum(child[rep] for rep in reps) == mine


def test_cli_json_and_table(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text(ACTUALS, encoding="utf-8")
    args = ["review", str(NATIONAL), "-a", str(actuals), "--as-of", "2026-06-30", "--children"]
    run = CliRunner().invoke(app, [*args, "-f", "json"])
    assert run.exit_code == 0, run.output
    doc = json.loads(run.stdout)
    assert doc["plan"]["targets"][0]["rows"][0]["actual"] == "280.00005"
    assert [
        (Path(c["file"]).name, c["implements"], c["review"]["targets"][0]["rows"][0]["actual"]) for c in doc["children"]
    ] == [
        ("east.yaml", [{"target": "EAST1", "parent_target": "T1", "part": {"region": "east"}}], "2000000.5"),
        ("south.yaml", [{"target": "SOUTH1", "parent_target": "T1", "part": {"region": "south"}}], "500000"),
        ("north.yaml", [{"target": "NORTH1", "parent_target": "T1", "part": {"region": "north"}}], "300000"),
    ]
    table = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert table.exit_code == 0, table.output
    assert "── " + str(EXAMPLES / "rollup" / "regions" / "east.yaml") in table.stdout
    assert "EAST1 implements region east of T1" in table.stdout
    md = CliRunner().invoke(app, [*args, "-f", "md"])
    assert md.exit_code == 0 and "EAST1 承接 T1 的区域 east**" in md.stdout
    wrong = CliRunner().invoke(app, [*args, "-f", "xlsx", "-o", str(tmp_path / "r.xlsx")])
    assert wrong.exit_code == 2 and not (tmp_path / "r.xlsx").exists()
    gate = CliRunner().invoke(app, [*args, "--fail-under", "50"])
    assert gate.exit_code == 1
