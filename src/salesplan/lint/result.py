"""What lint produces: per-file findings plus the source lines they point at; exit status rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.lint.smart import TargetScore

if TYPE_CHECKING:
    from salesplan.lint.suppress import Pending
    from salesplan.rollup.facts import FileFacts

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass
class FileResult:
    """One checked file: findings, the text of the lines they point at, SMART scores of its targets."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)
    scores: list[TargetScore] = field(default_factory=list)
    suppressed: int = 0
    facts: FileFacts | None = None  # its roll-up claims, checked across files once all are linted
    pending: list[Pending] = field(default_factory=list)  # its suppressions of cross-file codes


@dataclass
class LintResult:
    """Every checked file (skipped files are not in it)."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All findings, sorted by file, line, column and code."""
        return sorted((d for f in self.files for d in f.diagnostics), key=Diagnostic.sort_key)

    def line_text(self, file: str, line: int) -> str:
        for result in self.files:
            if result.file == file:
                return result.lines.get(line, "")
        return ""

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for diag in self.iter_diagnostics():
            out[diag.severity.value] += 1
        return out

    def iter_diagnostics(self) -> Iterator[Diagnostic]:
        for result in self.files:
            yield from result.diagnostics

    def summary(self) -> dict[str, int]:
        counts = self.counts()
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for f in self.files if f.diagnostics),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "notices": counts["notice"],
            "suppressed": sum(f.suppressed for f in self.files),
        }

    def exit_code(self, fail_on: Severity = Severity.ERROR, exit_zero: bool = False) -> int:
        """2 when a file could not be read; 1 for a finding at or above `fail_on`; else 0."""
        if any(d.code == codes.FILE_UNREADABLE for d in self.iter_diagnostics()):
            return EXIT_ERROR
        if not exit_zero and any(d.severity.rank >= fail_on.rank for d in self.iter_diagnostics()):
            return EXIT_FINDINGS
        return EXIT_OK
