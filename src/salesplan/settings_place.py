"""Where a setting is: the file, the line (when it can be found cheaply) and the key path, and the
errors that name them: `salesplan.toml:7: [review] ahead: must be a percentage such as 50 or "50%"`.

tomllib gives no positions, so the line comes from a plain scan of the text for table headers and
`key =` lines; a key it cannot find is shown at its table's line, or without a line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from salesplan.i18n import Message, _

_HEADER = re.compile(r"^\s*\[(?!\[)\s*(?P<path>[^\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(
    r"^\s*(?P<path>(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)
_PART = re.compile(r"[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'")

Key = tuple[str, ...]


class SettingsError(Exception):
    """Settings that cannot be used: every problem, each a located `Message` (`message` is the first;
    `str()` is their English text, one a line)."""

    def __init__(self, problems: Sequence[Message]) -> None:
        super().__init__("\n".join(problem.render("en") for problem in problems))
        self.problems = tuple(problems)
        self.message = self.problems[0]


class ConfigError(SettingsError):
    """A settings file (salesplan.toml, [tool.salesplan]) that cannot be used."""


class OptionError(SettingsError):
    """Command-line options that cannot be used, each problem naming its option."""


def _parts(path: str) -> Key:
    return tuple(part.strip("\"'") for part in _PART.findall(path))


@dataclass(frozen=True)
class Place:
    """A settings file: its name as shown, the key path of the salesplan table inside it (`tool.salesplan`
    in pyproject.toml), and the first line of every table and key, by full key path."""

    name: str
    prefix: Key = ()
    lines: dict[Key, int] = field(default_factory=dict)

    @classmethod
    def of(cls, name: str, text: str = "", prefix: Key = ()) -> Place:
        lines: dict[Key, int] = {}
        table: Key = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                table = _parts(header["path"])
                lines.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                lines.setdefault((*table, *_parts(key["path"])), number)
        return cls(name, prefix, lines)

    def line(self, key: Key) -> int | None:
        """The line of `key`, else of the nearest table or key above it that is written out."""
        full = (*self.prefix, *key)
        for end in range(len(full), 0, -1):
            found = self.lines.get(full[:end])
            if found is not None:
                return found
        return None

    def problem(self, key: Key, problem: Message) -> Message:
        """`problem` located at `key` (relative to the salesplan table)."""
        line = self.line(key)
        file = f"{self.name}:{line}" if line is not None else self.name
        full = (*self.prefix, *key)
        if len(full) > 1:
            return _(
                "{file}: [{table}] {key}: {problem}",
                file=file,
                table=".".join(full[:-1]),
                key=full[-1],
                problem=problem,
            )
        if full:
            return _("{file}: {key}: {problem}", file=file, key=full[0], problem=problem)
        return _("{file}: {problem}", file=file, problem=problem)


def unknown_key(key: str, allowed: Iterable[str]) -> Message:
    """An unknown key, with the allowed key it most looks like."""
    known = list(allowed)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return _(
            "unknown key; did you mean '{suggestion}'? (allowed: {allowed})",
            suggestion=close[0],
            allowed=", ".join(known),
        )
    return _("unknown key (allowed: {allowed})", allowed=", ".join(known))
