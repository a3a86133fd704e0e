"""Reading the rows of one mapped sheet: each cell by its column key, a bad cell a located diagnostic."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeVar

from salesplan.diagnostics import Severity
from salesplan.i18n import Message
from salesplan.importer.book import Book, Sheet
from salesplan.importer.cells import Bad

T = TypeVar("T")


class Missing(enum.Enum):
    """A cell that did not read (its diagnostic is already made)."""

    MISSING = "missing"


MISSING: Final = Missing.MISSING


@dataclass
class RowCells:
    """One row of a mapped sheet: its Excel row number and its cells by column key."""

    book: Book
    sheet: Sheet
    row: int
    columns: tuple[str, ...]

    def column(self, key: str) -> int:
        return self.columns.index(key) + 1

    def raw(self, key: str) -> Any:
        if key not in self.columns:
            return None
        self.book.inputs.add((self.sheet.title, self.row, self.column(key)))  # read, so not a derived cell
        return self.sheet.get(self.row, self.column(key))

    def read(self, key: str, reader: Callable[[Any], T]) -> T | Literal[Missing.MISSING]:
        """The cell read by `reader`; MISSING (and a located diagnostic) when it does not read."""
        try:
            return reader(self.raw(key))
        except Bad as exc:
            self.diag(exc.code, key, exc.message)
            return MISSING

    def diag(
        self, code: str, key: str, message: Message, hint: Message | None = None, *, severity: Severity | None = None
    ) -> None:
        column = self.column(key) if key in self.columns else 1
        self.book.diag(code, self.sheet.title, self.row, column, message, hint, severity=severity)
