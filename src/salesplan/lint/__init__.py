"""`salesplan lint`: find plan files, load them, run every selected rule, apply suppressions.

The engine is pure: it returns a `LintResult`; renderers (`salesplan.report`) turn it into text.
Its settings come from `salesplan.settings` (`resolve(load_config(...)).lint`).
"""

from salesplan.lint.check import lint_text
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate, discover
from salesplan.lint.result import FileResult, LintResult
from salesplan.lint.run import lint_files

__all__ = [
    "Candidate",
    "FileResult",
    "LintConfig",
    "LintResult",
    "discover",
    "lint_files",
    "lint_text",
]
