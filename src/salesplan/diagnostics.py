"""The one diagnostic type shared by the loader, every engine and every renderer."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesplan.i18n import Message


class Severity(StrEnum):
    """How serious a finding is; ordered notice < warning < error."""

    NOTICE = "notice"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.NOTICE: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a finding sits: 1-based line and column, end exclusive. In a workbook `sheet` names the
    sheet, `line` is the Excel row and `col` the column number: the place reads `book.xlsx:Sheet!C7`."""

    file: str
    line: int = 1
    col: int = 1
    end_line: int | None = None
    end_col: int | None = None
    sheet: str | None = None

    @property
    def where(self) -> str:
        """The place as people name it: `file:line:col`, or `book.xlsx:Sheet!C7` for a workbook's cell."""
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{column_letter(self.col)}{self.line}"
        return f"{self.file}:{self.line}:{self.col}"


def column_letter(column: int) -> str:
    """Excel's name of a 1-based column number: 1 -> A, 26 -> Z, 27 -> AA, 16384 -> XFD."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Diagnostic:
    """A located problem: a value, never an exception.

    `message`/`hint` hold the English text and `message_zh`/`hint_zh` the Chinese, both rendered
    from one `salesplan.i18n.Message` by `salesplan.codes.diagnostic` (or `Diagnostic.of`).
    """

    code: str
    severity: Severity
    message: str
    source: SourceRef
    path: tuple[str | int, ...] = ()
    hint: str | None = None
    name: str = ""
    message_zh: str | None = None
    hint_zh: str | None = None

    @classmethod
    def of(
        cls,
        code: str,
        severity: Severity,
        message: Message,
        source: SourceRef,
        path: tuple[str | int, ...] = (),
        hint: Message | None = None,
        name: str = "",
    ) -> Diagnostic:
        """A diagnostic whose message and hint come from the catalogs, rendered in every language."""
        return cls(
            code=code,
            severity=severity,
            message=message.render("en"),
            source=source,
            path=path,
            hint=hint.render("en") if hint is not None else None,
            name=name,
            message_zh=message.render("zh"),
            hint_zh=hint.render("zh") if hint is not None else None,
        )

    @property
    def file(self) -> str:
        return self.source.file

    @property
    def line(self) -> int:
        return self.source.line

    @property
    def col(self) -> int:
        return self.source.col

    @property
    def dotted_path(self) -> str:
        return dotted(self.path)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.source.file, self.source.line, self.source.col, self.code)

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (zh falls back to English where no translation exists)."""
        if lang == "zh" and self.message_zh:
            return self.message_zh
        return self.message

    def hint_in(self, lang: str = "en") -> str | None:
        """The hint in `lang` (zh falls back to English where no translation exists)."""
        if lang == "zh" and self.hint_zh:
            return self.hint_zh
        return self.hint

    def format(self, lang: str = "en") -> str:
        """`path:line:col: CODE message` (`book.xlsx:Sheet!C7: CODE message` in a workbook) — the form
        every command prints, always one inert line.

        Messages quote the plan, so a control character of the file (ESC, BEL, CR, LF, a bidi
        override) is shown as an escape instead of reaching the terminal or the CI log.
        """
        return f"{inert(self.source.where)}: {self.code} {inert(self.text(lang))}"


# bidirectional overrides and isolates reorder what a terminal shows; line and paragraph
# separators end a line in some viewers
_REORDERING = {0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _inert_char(ch: str) -> str:
    code = ord(ch)
    if code in _REORDERING or (unicodedata.category(ch) == "Cc" and ch != "\t"):
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    return ch


def inert(text: str) -> str:
    """`text` with every control character (C0, DEL, C1, bidi, line separators) written as an escape."""
    if text.isprintable():
        return text
    return "".join(_inert_char(ch) for ch in text)


def dotted(path: tuple[str | int, ...]) -> str:
    """`("targets", 0, "deadline")` -> `targets[0].deadline`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
