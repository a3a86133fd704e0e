"""The roll-up check across the files of a lint run (`salesplan.rollup`), its findings filed with
the file they point at, under the run's selection, severities and inline suppressions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.lint.config import LintConfig
from salesplan.lint.result import FileResult, LintResult
from salesplan.lint.suppress import Pending, apply_pending, apply_suppressions

CROSS_FILE = frozenset(
    {
        codes.ROLLUP_VALUE_MISMATCH,
        codes.ROLLUP_PARENT_UNAVAILABLE,
        codes.ROLLUP_UNKNOWN_TARGET,
        codes.ROLLUP_UNKNOWN_PART,
        codes.ROLLUP_CLAIMED_TWICE,
        codes.ROLLUP_CYCLE,
        codes.ROLLUP_NO_CHILD,
        codes.ROLLUP_UNIT_MISMATCH,
        codes.ROLLUP_PERIOD_OUTSIDE,
    }
)  # found once every file is linted: their suppressions wait for them


def _restyle(diagnostics: Iterable[Diagnostic], config: LintConfig) -> list[Diagnostic]:
    out = []
    for diag in diagnostics:
        if diag.code not in config.enabled:
            continue
        severity = config.severity.get(diag.code)
        out.append(replace(diag, severity=severity) if severity is not None else diag)
    return out


def _outside(file: str, config: LintConfig) -> list[Pending]:
    """The roll-up suppressions of a parent plan outside the run (named as it is shown: a path)."""
    try:
        with open(file, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return []
    return apply_suppressions(file, text, [], config.enabled, CROSS_FILE).pending


def relate(result: LintResult, config: LintConfig, require_children: bool | None = None) -> None:
    """Add the roll-up findings to `result`; a run whose files implement nothing costs nothing
    beyond reporting its roll-up suppressions as unused."""
    facts = [f.facts for f in result.files if f.facts is not None]
    found: dict[str, list[Diagnostic]] = {}
    lines: dict[str, dict[int, str]] = {}
    if any(f.claims for f in facts):
        from salesplan.rollup.check import check_relations
        from salesplan.rollup.options import REQUIRE_CHILDREN

        if require_children is None:
            require_children = bool(config.settings.get(REQUIRE_CHILDREN))
        report = check_relations(facts, require_children=require_children)
        lines = report.lines
        for diag in _restyle(report.diagnostics, config):
            found.setdefault(diag.file, []).append(diag)
    by_file = {f.file: f for f in result.files}
    for file in [*found, *(f.file for f in result.files if f.pending and f.file not in found)]:
        target = by_file.get(file)
        pending = target.pending if target is not None else _outside(file, config)
        applied = apply_pending(file, pending, found.get(file, []), config.enabled, report=target is not None)
        kept = _restyle(applied.kept, config)
        if target is None:
            if not kept:
                continue
            target = by_file[file] = FileResult(file)  # a parent outside the run
            result.files.append(target)
        target.diagnostics += kept
        target.suppressed += applied.suppressed
        target.pending = []
        text = lines.get(file, {}) | {w.suppression.line: w.text for w in pending}
        target.lines |= {d.line: text[d.line] for d in kept if d.line in text}
        target.diagnostics.sort(key=Diagnostic.sort_key)
