"""The one error `init` reports: a message rendered in either language, and the diagnostics behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesplan.diagnostics import Diagnostic
    from salesplan.i18n import Message


class ScaffoldError(Exception):
    """Why no file was written: `key` names the kind of refusal (`bad_period`, `plan_exists`, …)."""

    def __init__(self, key: str, reason: Message, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(reason.render("en"))
        self.key = key
        self.reason = reason
        self.diagnostics = list(diagnostics)

    def message(self, lang: str) -> str:
        return self.reason.render(lang)
