"""Roll-up across files: the example adds up exactly; the broken variant has every problem located in one run."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from repo_files import EXAMPLES
from salesplan.cli.app import app
from salesplan.lint import LintConfig, discover, lint_files
from salesplan.rendering import RenderOptions
from salesplan.rollup.render import RENDERERS
from salesplan.rollup.tree import Node, rollup_tree
from salesplan.rollup.units import compatible, convert

EXAMPLE = EXAMPLES / "rollup"
BROKEN = Path(__file__).parent / "broken"


def _lint(folder: Path, require_children: bool = False) -> list[tuple[str, str, int, int]]:
    result = lint_files(discover([str(folder)], ()), LintConfig(), require_children=require_children)
    return [(d.code, Path(d.file).name, d.line, d.col) for d in result.diagnostics]


def test_example_lints_clean_with_children_required() -> None:
    assert _lint(EXAMPLE, require_children=True) == []


def _adds_up(node: Node) -> None:
    if node.children:
        assert sum(convert(c.value, c.unit, node.unit) for c in node.children) == node.value, node.label
    if node.expected is not None:
        assert node.gap == 0
    for child in node.children:
        _adds_up(child)


def test_example_rolls_up_exactly() -> None:
    rollup = rollup_tree(EXAMPLE)
    assert rollup.report.diagnostics == []
    [root] = rollup.roots
    assert (root.value, root.unit) == (Decimal(9000), "万元")
    assert [(c.value, c.unit) for c in root.children] == [
        (Decimal(40000000), "元"),
        (Decimal(30000000), "元"),
        (Decimal(20000000), "元"),
    ]
    assert [len(c.children) for c in root.children] == [2, 2, 2]  # each region's reps
    _adds_up(root)
    assert rollup_tree(EXAMPLE / "national.yaml").roots[0].value == Decimal(9000)


def test_broken_variant_every_problem_located_in_one_run() -> None:
    found = sorted((f for f in _lint(BROKEN) if f[0].startswith("SP09")), key=lambda f: (f[1], f[2]))
    assert found == [
        ("SP090", "east.yaml", 19, 12),
        ("SP091", "north.yaml", 25, 24),
        ("SP090", "south.yaml", 19, 12),  # south claims east's part: 30,000,000 against 40,000,000
        ("SP094", "south.yaml", 25, 17),
    ]


def test_broken_variant_names_the_gap_and_both_files() -> None:
    result = lint_files(discover([str(BROKEN)], ()), LintConfig())
    mismatch = next(d for d in result.diagnostics if d.code == "SP090")
    assert "10 元 short" in mismatch.message
    assert "national.yaml:13:9" in mismatch.message
    assert "少 10 元" in (mismatch.message_zh or "")


def test_part_without_child_only_when_asked() -> None:
    assert "SP096" not in {f[0] for f in _lint(BROKEN)}
    missing = [f for f in _lint(BROKEN, require_children=True) if f[0] == "SP096"]
    assert missing == [("SP096", "national.yaml", 13, 9)] * 2  # south and north: south claimed east instead


def test_json_renderer_and_cli(tmp_path: Path) -> None:
    data = json.loads(RENDERERS.text("json", rollup_tree(EXAMPLE), RenderOptions(lang="en")))
    assert data["roots"][0]["value"] == "9000"
    assert all(Decimal(c["expected"]) == Decimal(c["value"]) for c in data["roots"][0]["children"])
    assert [c["expected"] for c in data["roots"][0]["children"]] == ["40000000", "30000000", "20000000"]  # 万元 in 元
    out = tmp_path / "r.md"
    run = CliRunner().invoke(app, ["rollup", str(EXAMPLE), "-f", "md", "-o", str(out), "--lang", "en"])
    assert run.exit_code == 0, run.output
    assert "| T1 |" in out.read_text(encoding="utf-8")
    again = CliRunner().invoke(app, ["rollup", str(EXAMPLE), "-o", str(out)])
    assert again.exit_code == 2
    broken = CliRunner().invoke(app, ["rollup", str(BROKEN), "--lang", "en"])
    assert broken.exit_code == 1


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["元", "万元", "亿元"]),
    st.sampled_from(["元", "万元", "亿元"]),
)
def test_conversion_is_exact_both_ways(value: int, unit: str, into: str) -> None:
    amount = Decimal(value)
    assert compatible(unit, into)
    assert convert(convert(amount, unit, into), into, unit) == amount


def test_units_that_do_not_convert() -> None:
    assert not compatible("%", "万元")
    assert not compatible("家", "元")
    assert compatible("万人", "人")


def test_a_parent_that_does_not_load_is_an_error_and_nothing_is_written(tmp_path: Path) -> None:
    broken = tmp_path / "national.yaml"
    broken.write_text("salesplan: 1\nplan: [\n", encoding="utf-8")
    out = tmp_path / "tree.md"
    run = CliRunner().invoke(app, ["rollup", str(broken), "-f", "md", "-o", str(out), "--lang", "en"])
    assert run.exit_code == 2
    assert f"{broken}:3:1: SP004" in run.output
    assert not out.exists()
    missing = CliRunner().invoke(app, ["rollup", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2 and "SP001" in missing.output


def test_the_rollup_as_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "rollup.xlsx"
    run = CliRunner().invoke(app, ["rollup", str(EXAMPLE), "-o", str(out)])  # the format from the suffix
    assert run.exit_code == 0, run.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["计划 / 部分", "文件", "目标值", "各部分合计", "差额"]
    assert rows[1][0] == "T1" and rows[1][2] == 9000 and rows[1][3] == 9000
    assert sheet.cell(2, 3).number_format.endswith('"万元"')
    children = [r for r in rows[2:] if r[1]]
    assert [r[2] for r in children] == [40000000, 30000000, 20000000]  # each child in its own unit, 元
    assert sum(r[2] for r in children) == 9000 * 10**4
    to_stdout = CliRunner().invoke(app, ["rollup", str(EXAMPLE), "-f", "xlsx"])
    assert to_stdout.exit_code == 2 and "-o" in to_stdout.output
