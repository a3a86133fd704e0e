"""The last line of the text report, in both languages, with English plurals chosen by count."""

from __future__ import annotations

import pytest

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.lint.result import FileResult, LintResult
from salesplan.report.text import summary_line


def _result(files: int, found: list[list[Severity]]) -> LintResult:
    """`files` files, the first ones with the findings of `found`."""
    results = [
        FileResult(f"f{i}.yaml", [Diagnostic("SP101", s, "m", SourceRef(f"f{i}.yaml")) for s in severities])
        for i, severities in enumerate(found)
    ]
    return LintResult(results + [FileResult(f"g{i}.yaml") for i in range(files - len(found))])


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTICE
CASES = [
    (_result(1, []), "Checked 1 file: no problems found.", "检查了 1 个文件，未发现问题。"),
    (_result(0, []), "Checked 0 files: no problems found.", "检查了 0 个文件，未发现问题。"),
    (_result(2, []), "Checked 2 files: no problems found.", "检查了 2 个文件，未发现问题。"),
    (
        _result(1, [[E]]),
        "Checked 1 file: 1 error, 0 warnings, 0 notices in 1 file.",
        "检查了 1 个文件：1 个错误，0 个警告，0 个提示（涉及 1 个文件）。",
    ),
    (
        _result(3, [[E, E, W], [N]]),
        "Checked 3 files: 2 errors, 1 warning, 1 notice in 2 files.",
        "检查了 3 个文件：2 个错误，1 个警告，1 个提示（涉及 2 个文件）。",
    ),
    (
        _result(5, [[W, W]]),
        "Checked 5 files: 0 errors, 2 warnings, 0 notices in 1 file.",
        "检查了 5 个文件：0 个错误，2 个警告，0 个提示（涉及 1 个文件）。",
    ),
    (
        _result(2, [[N, N], [N]]),
        "Checked 2 files: 0 errors, 0 warnings, 3 notices in 2 files.",
        "检查了 2 个文件：0 个错误，0 个警告，3 个提示（涉及 2 个文件）。",
    ),
]


@pytest.mark.parametrize(("result", "en", "zh"), CASES)
def test_summary_line(result: LintResult, en: str, zh: str) -> None:
    assert summary_line(result, "en") == en
    assert summary_line(result, "zh") == zh
    assert summary_line(result, "fr") == en  # a language without a catalog reads English
