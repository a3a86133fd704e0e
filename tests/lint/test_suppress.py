"""Inline suppressions: which lines they cover, and unused ones reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.lint.check import lint_file, lint_text
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.lint.suppress import apply_suppressions, parse_suppressions

TEXT = """\
a: 1  # salesplan: ignore[SP101, SP105] reason
# salesplan: ignore[target-not-relevant] the next content line

b: 2
c: "# salesplan: ignore[SP101] inside a quoted string is not a comment"
"""


def _diag(code: str, line: int) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, "m", SourceRef("f", line, 1))


def test_parse() -> None:
    sups = parse_suppressions(TEXT)
    assert [(s.line, s.selectors, sorted(s.lines)) for s in sups] == [
        (1, ("SP101", "SP105"), [1]),
        (2, ("target-not-relevant",), [2, 4]),
    ]
    assert parse_suppressions("a: 1\n") == []


def test_apply_and_unused() -> None:
    enabled = frozenset({"SP101", "SP104", "SP105", "SP900"})
    applied = apply_suppressions("f", TEXT, [_diag("SP101", 1), _diag("SP104", 4), _diag("SP104", 5)], enabled)
    assert applied.suppressed == 2
    assert sorted((d.code, d.line) for d in applied.kept) == [
        ("SP104", 5),
        ("SP900", 1),
    ]  # SP105 on line 1 suppressed nothing


def test_suppression_of_unselected_code_is_not_reported() -> None:
    applied = apply_suppressions("f", "a: 1  # salesplan: ignore[SP303]\n", [], frozenset({"SP900"}))
    assert applied.kept == []


def test_suppressed_in_a_real_plan(tmp_path: Path, reference_text: str) -> None:
    text = reference_text.replace("  - id: R2", "  - id: R2  # salesplan: ignore[SP303] reviewed weekly")
    file = tmp_path / "plan.yaml"
    file.write_text(text, encoding="utf-8")
    result = lint_file(Candidate(str(file), "plan.yaml", True), LintConfig())
    assert result is not None
    assert result.diagnostics == []
    assert result.suppressed == 1


def test_unused_suppression_reported_by_the_cli_with_its_configured_severity(
    run: Callable[..., Result], tmp_path: Path, reference_text: str
) -> None:
    old, new = (
        "    owner: 赵强\n    start: 2026-07-01",
        "    owner: 赵强  # salesplan: ignore[SP401] old\n    start: 2026-07-01",
    )
    stale = reference_text.replace(old, new, 1)  # K1 has an owner: the suppression suppresses nothing
    (tmp_path / "plan.yaml").write_text(stale, encoding="utf-8")
    found = json.loads(run("lint", "--format", "json", "--ignore", "SP303").stdout)["diagnostics"]
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in found] == [("SP900", "warning", 140, 16)]
    (tmp_path / "salesplan.toml").write_text('[severity]\nSP900 = "error"\n', encoding="utf-8")
    result = run("lint", "--format", "json", "--ignore", "SP303")
    assert [(d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]] == [("SP900", "error")]
    assert result.exit_code == 1


def test_suppression_on_the_line_above_with_a_reason(tmp_path: Path, reference_text: str) -> None:
    text = reference_text.replace(
        "  - id: R2\n", "  # salesplan: ignore[risk-without-trigger] reviewed weekly\n  - id: R2\n"
    )
    result = lint_text(text, "plan.yaml")
    assert result.diagnostics == []
    assert result.suppressed == 1
    moved = text.replace("    probability: 高\n", "    probability: 高\n\n")  # the finding's line is unchanged
    assert lint_text(moved, "plan.yaml").diagnostics == []
    elsewhere = reference_text.replace("  - id: R3\n", "  # salesplan: ignore[SP303]\n  - id: R3\n")
    assert [d.code for d in lint_text(elsewhere, "plan.yaml").diagnostics] == ["SP303", "SP900"]
