"""Inline suppressions: `# salesplan: ignore[SP101,SP303] reason` on a finding's line or alone above it.

A suppression that suppresses nothing (or names an unknown code) becomes an SP900 finding. The
roll-up codes (SP090-SP099) are found across files after every file is linted: a selector that
may still match one is kept `Pending` with its file's result, applied to the cross-file findings
(`apply_pending`) and only then reported when it suppressed nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.i18n import _
from salesplan.rules import RULES, UNUSED_SUPPRESSION, expand

_COMMENT = re.compile(r"(?:^|\s)(#\s*salesplan:\s*ignore\[([^\]]*)\])", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    line: int
    col: int
    selectors: tuple[str, ...]
    lines: frozenset[int]  # the lines it covers


def _next_content_line(lines: list[str], index: int) -> int | None:
    for j in range(index + 1, len(lines)):
        stripped = lines[j].strip()
        if stripped and not stripped.startswith("#"):
            return j + 1
    return None


def parse_suppressions(text: str) -> list[Suppression]:
    """Every suppression comment of `text` (cheap when there is none)."""
    if "ignore[" not in text:
        return []
    out: list[Suppression] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _COMMENT.search(line)
        if not match:
            continue
        covered = {index + 1}
        if not line[: match.start(1)].strip():  # a comment alone on its line covers the next one
            following = _next_content_line(lines, index)
            if following is not None:
                covered.add(following)
        selectors = tuple(part.strip() for part in match[2].split(",") if part.strip())
        out.append(Suppression(index + 1, match.start(1) + 1, selectors, frozenset(covered)))
    return out


def _unused(file: str, sup: Suppression, selector: str, known: bool) -> Diagnostic:
    rule = RULES[UNUSED_SUPPRESSION]
    if known:
        message = _("suppression of {selector} suppresses nothing here; remove it", selector=selector)
    else:
        message = _("suppression names unknown code '{selector}'", selector=selector)
    return Diagnostic.of(
        rule.code,
        Severity.WARNING,
        message,
        SourceRef(file, sup.line, sup.col),
        hint=_("delete the stale `# salesplan: ignore[...]` comment"),
        name=rule.name,
    )


@dataclass(frozen=True)
class Pending:
    """A selector that suppressed nothing in its file's own findings but names codes found later,
    across files (`codes`); `used` says whether the file's own findings were hit by it already."""

    suppression: Suppression
    selector: str
    codes: frozenset[str]
    used: bool
    text: str  # the comment's line, for the report of an unused suppression


@dataclass
class Applied:
    """What applying a file's suppressions left: the findings kept (SP900 included), how many were
    suppressed, and the selectors still waiting for the cross-file findings."""

    kept: list[Diagnostic]
    suppressed: int = 0
    pending: list[Pending] = field(default_factory=list)


def apply_suppressions(
    file: str,
    text: str,
    diagnostics: list[Diagnostic],
    enabled: frozenset[str],
    later: frozenset[str] = frozenset(),
) -> Applied:
    """Apply `file`'s suppressions to its findings; a selector naming an enabled code of `later`
    (found after this file, across files) waits in `pending` instead of being reported unused."""
    suppressions = parse_suppressions(text)
    if not suppressions:
        return Applied(diagnostics)
    suppressed: set[int] = set()
    unused: list[Diagnostic] = []
    pending: list[Pending] = []
    lines = text.splitlines()
    for sup in suppressions:
        for selector in sup.selectors:
            codes = set(expand(selector))
            hits = [i for i, d in enumerate(diagnostics) if d.code in codes and d.line in sup.lines]
            suppressed.update(hits)
            waiting = frozenset(codes & later & enabled)
            if waiting:
                pending.append(Pending(sup, selector, waiting, bool(hits), lines[sup.line - 1]))
            elif not hits and (not codes or codes & enabled):
                unused.append(_unused(file, sup, selector, bool(codes)))
    kept = [d for i, d in enumerate(diagnostics) if i not in suppressed]
    if UNUSED_SUPPRESSION in enabled:
        kept += unused
    return Applied(kept, len(suppressed), pending)


def apply_pending(
    file: str, pending: list[Pending], diagnostics: list[Diagnostic], enabled: frozenset[str], *, report: bool = True
) -> Applied:
    """Apply the waiting selectors to the cross-file findings of `file`; with `report` (the file was
    linted in this run), each that suppressed nothing in either pass becomes SP900."""
    suppressed: set[int] = set()
    unused: list[Diagnostic] = []
    for wait in pending:
        sup = wait.suppression
        hits = [i for i, d in enumerate(diagnostics) if d.code in wait.codes and d.line in sup.lines]
        suppressed.update(hits)
        if not hits and not wait.used and report:
            unused.append(_unused(file, sup, wait.selector, True))
    kept = [d for i, d in enumerate(diagnostics) if i not in suppressed]
    if UNUSED_SUPPRESSION in enabled:
        kept += unused
    return Applied(kept, len(suppressed))
