"""The roll-up check across the files of a lint run (`salesplan.rollup`), its findings filed with
the file they point at, under the run's selection and severities."""

from __future__ import annotations

from dataclasses import replace

from salesplan.diagnostics import Diagnostic
from salesplan.lint.config import LintConfig
from salesplan.lint.result import FileResult, LintResult


def relate(result: LintResult, config: LintConfig, require_children: bool | None = None) -> None:
    """Add the roll-up findings to `result`; a run whose files implement nothing costs nothing."""
    facts = [f.facts for f in result.files if f.facts is not None]
    if not any(f.claims for f in facts):
        return
    from salesplan.rollup.check import check_relations
    from salesplan.rollup.options import REQUIRE_CHILDREN

    if require_children is None:
        require_children = bool(config.settings.get(REQUIRE_CHILDREN))
    report = check_relations(facts, require_children=require_children)
    by_file = {f.file: f for f in result.files}
    for diag in report.diagnostics:
        if diag.code not in config.enabled:
            continue
        severity = config.severity.get(diag.code)
        if severity is not None:
            diag = replace(diag, severity=severity)
        target = by_file.get(diag.file)
        if target is None:  # a parent outside the run
            target = by_file[diag.file] = FileResult(diag.file)
            result.files.append(target)
        target.diagnostics.append(diag)
        lines = report.lines.get(diag.file, {})
        if diag.line in lines:
            target.lines[diag.line] = lines[diag.line]
    for file_result in by_file.values():
        file_result.diagnostics.sort(key=Diagnostic.sort_key)
