"""Linting one file: load it, run every selected rule, apply severities and suppressions."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.lint.relate import CROSS_FILE
from salesplan.lint.result import FileResult
from salesplan.lint.smart import scorecard
from salesplan.lint.suppress import apply_suppressions
from salesplan.loader import LoadedPlan, load_plan, load_text
from salesplan.rollup.facts import facts_of
from salesplan.rules import CHECKS, RULE_FAILED, RULES, Context, Finding, RuleInfo

_PLAN_MARK = re.compile(r"^salesplan\s*:", re.MULTILINE)
# a YAML file found in a folder that fails to parse is skipped unless it looks like a plan
_PARSE_CODES = {codes.YAML_SYNTAX, codes.DUPLICATE_KEY, codes.ALIAS_LIMIT, codes.NESTING_TOO_DEEP}


def _locate(loaded: LoadedPlan, rule: RuleInfo, finding: Finding | Diagnostic) -> Diagnostic:
    if isinstance(finding, Diagnostic):  # another engine's finding, reported as it is under its own code
        return replace(finding, name=RULES[finding.code].name)
    return Diagnostic.of(
        rule.code,
        finding.severity or rule.severity,
        finding.message,
        loaded.source.ref(finding.path, key=finding.key),
        finding.path,
        finding.hint,
        rule.name,
    )


def _failed(loaded: LoadedPlan, rule: RuleInfo, exc: Exception) -> Diagnostic:
    meta = RULES[RULE_FAILED]
    error = f"{type(exc).__name__}: {exc}"
    return Diagnostic.of(
        meta.code,
        meta.severity,
        _("rule {code} ({name}) failed: {error}", code=rule.code, name=rule.name, error=error),
        loaded.source.ref(()),
        hint=_("this is a salesplan bug: please report it (SALESPLAN_DEBUG=1 shows the traceback)"),
        name=meta.name,
    )


def run_rules(loaded: LoadedPlan, config: LintConfig) -> list[Diagnostic]:
    """The findings of every selected rule on a loaded plan; a rule that raises becomes SP901.

    A rule runs when its code or any code it emits is enabled; `_restyle` then keeps only the
    enabled codes of what it found."""
    out: list[Diagnostic] = []
    if loaded.plan is None:
        return out
    ctx = Context(loaded, loaded.plan, config.settings, config.as_of, config.commitments)
    for rule in CHECKS:
        if rule.check is None or not (rule.code in config.enabled or config.enabled.intersection(rule.emits)):
            continue
        try:
            out += [_locate(loaded, rule, finding) for finding in rule.check(ctx)]
        except Exception as exc:
            if os.environ.get("SALESPLAN_DEBUG"):
                raise
            out.append(_failed(loaded, rule, exc))
    return out


def _skip(loaded: LoadedPlan, candidate: Candidate, skip_non_plans: bool) -> bool:
    if not loaded.is_plan:
        return skip_non_plans or not candidate.explicit
    if candidate.explicit and not skip_non_plans:
        return False
    parse_failed = loaded.data is None and any(d.code in _PARSE_CODES for d in loaded.diagnostics)
    return parse_failed and not _PLAN_MARK.search(loaded.source.text)


def _restyle(diagnostics: Iterable[Diagnostic], config: LintConfig) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for diag in diagnostics:
        if diag.code not in config.enabled:
            continue
        severity = config.severity.get(diag.code)
        if severity is not None and severity is not diag.severity:
            diag = replace(diag, severity=severity)
        out.append(diag)
    return out


def lint_file(candidate: Candidate, config: LintConfig, skip_non_plans: bool = False) -> FileResult | None:
    """The result for one file, or None when it is skipped (not a plan, found in a folder)."""
    loaded = load_plan(candidate.path, candidate.display)
    if _skip(loaded, candidate, skip_non_plans):
        return None
    result = check_loaded(loaded, config, CROSS_FILE)
    result.facts = facts_of(loaded, candidate.path)
    return result


def lint_text(text: str, file: str = "<string>", config: LintConfig | None = None) -> FileResult:
    """The result for plan text already in memory (what `salesplan init` writes, a test's plan)."""
    return check_loaded(load_text(text, file), config or LintConfig())


def check_loaded(loaded: LoadedPlan, config: LintConfig, later: frozenset[str] = frozenset()) -> FileResult:
    """Every selected rule on a loaded file, with severities, suppressions and the SMART scorecard;
    suppressions of the codes in `later` wait for the cross-file check (`FileResult.pending`)."""
    found = _restyle([*loaded.diagnostics, *run_rules(loaded, config)], config)
    applied = apply_suppressions(loaded.file, loaded.source.text, found, config.enabled, later)
    found = _restyle(applied.kept, config)  # the unused-suppression findings take their configured severity too
    found.sort(key=Diagnostic.sort_key)
    text_lines = loaded.source.text.splitlines() if found else []
    lines = {d.line: text_lines[d.line - 1] for d in found if 0 < d.line <= len(text_lines)}
    scores = []
    if loaded.plan is not None:
        targets = [(t.id, t.name) for t in loaded.plan.targets]
        scores = scorecard(loaded.file, targets, found, config.enabled)
    return FileResult(loaded.file, found, lines, scores, applied.suppressed, pending=applied.pending)
