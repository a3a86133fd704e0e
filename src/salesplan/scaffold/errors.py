"""The one error `init` reports: a message in both languages, and the diagnostics behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from salesplan.scaffold.messages import message

if TYPE_CHECKING:
    from salesplan.diagnostics import Diagnostic


class ScaffoldError(Exception):
    """Why no file was written; `key` names a message of `salesplan.scaffold.messages`."""

    def __init__(self, key: str, diagnostics: Sequence[Diagnostic] = (), **fields: object) -> None:
        super().__init__(message(key, "en", **fields))
        self.key = key
        self.fields = fields
        self.diagnostics = list(diagnostics)

    def message(self, lang: str) -> str:
        return message(self.key, lang, **self.fields)
