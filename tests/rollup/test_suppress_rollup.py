"""Inline suppressions of the roll-up codes (SP090-SP098), found across files after every file is linted."""

from __future__ import annotations

import shutil
from pathlib import Path

from repo_files import EXAMPLES
from salesplan.lint import LintConfig, discover, lint_files
from salesplan.lint.check import lint_text
from salesplan.lint.result import LintResult

BROKEN = Path(__file__).parent / "broken"


def _copy(source: Path, tmp_path: Path) -> Path:
    root = tmp_path / source.name
    shutil.copytree(source, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _lint(folder: Path, require_children: bool = False) -> LintResult:
    return lint_files(discover([str(folder)], ()), LintConfig(), require_children=require_children)


def _found(result: LintResult) -> list[tuple[str, str, int]]:
    return [(d.code, Path(d.file).name, d.line) for d in result.diagnostics if d.code.startswith("SP09")]


def test_suppression_on_the_finding_line_and_alone_above_it(tmp_path: Path) -> None:
    root = _copy(BROKEN, tmp_path)
    _edit(
        root / "regions" / "east.yaml",
        "    value: 39999990\n",
        "    value: 39999990  # salesplan: ignore[SP090] agreed\n",
    )
    _edit(
        root / "regions" / "south.yaml",
        "    implements: {plan: ../national.yaml, target: T1, part: {region: east}}\n",
        "    # salesplan: ignore[rollup-part-claimed-twice] east shared until March\n"
        "    implements: {plan: ../national.yaml, target: T1, part: {region: east}}\n",
    )
    result = _lint(root)
    assert sorted(_found(result)) == [("SP090", "south.yaml", 19), ("SP091", "north.yaml", 25)]
    assert "SP900" not in {d.code for d in result.diagnostics}
    assert {Path(f.file).name: f.suppressed for f in result.files if f.suppressed} == {"east.yaml": 1, "south.yaml": 1}
    assert result.summary()["suppressed"] == 2


def test_roll_up_suppression_that_suppresses_nothing_is_reported(tmp_path: Path) -> None:
    root = _copy(EXAMPLES / "rollup", tmp_path)
    _edit(root / "regions" / "east.yaml", "    value: 40000000\n", "    value: 40000000  # salesplan: ignore[SP090]\n")
    result = _lint(root)
    assert [(d.code, Path(d.file).name, d.line, d.col) for d in result.diagnostics] == [("SP900", "east.yaml", 19, 22)]
    assert result.line_text(result.diagnostics[0].file, 19).endswith("# salesplan: ignore[SP090]")
    alone = _copy(EXAMPLES / "rollup", tmp_path / "alone") / "national.yaml"  # a run without any claim
    _edit(alone, "  - id: T1\n", "  - id: T1  # salesplan: ignore[SP096]\n")
    assert [(d.code, d.line) for d in lint_files(discover([str(alone)], ()), LintConfig()).diagnostics] == [
        ("SP900", 13)
    ]
    text = (root / "regions" / "east.yaml").read_text(encoding="utf-8")  # no cross-file check on text alone
    assert [d.code for d in lint_text(text, "east.yaml").diagnostics] == ["SP900"]


def test_suppression_in_a_parent_outside_the_run(tmp_path: Path) -> None:
    root = _copy(BROKEN, tmp_path)
    assert _found(_lint(root / "regions", require_children=True)).count(("SP096", "national.yaml", 13)) == 2
    _edit(
        root / "national.yaml", "  - id: T1\n", "  # salesplan: ignore[SP096] north and south are hiring\n  - id: T1\n"
    )
    found = _found(_lint(root / "regions", require_children=True))
    assert "SP096" not in {code for code, _, _ in found}
    assert ("SP090", "east.yaml", 19) in found
