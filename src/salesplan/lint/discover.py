"""Which files to lint: named files as they are; folders walked for .yaml/.yml, hidden folders skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Candidate:
    """A file to check; `explicit` when named on the command line rather than found in a folder."""

    path: str
    display: str
    explicit: bool


def excluded(display: str, patterns: Sequence[str]) -> bool:
    """`display` (a relative path) matches a glob, as a whole, by name, or below any folder."""
    posix = display.replace(os.sep, "/")
    name = posix.rsplit("/", 1)[-1]
    return any(fnmatch(posix, p) or fnmatch(name, p) or fnmatch(posix, "*/" + p) for p in patterns)


def _display(path: str) -> str:
    return os.path.normpath(path)


def _walk(root: str, patterns: Sequence[str]) -> Iterator[Candidate]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not excluded(_display(os.path.join(folder, d)), patterns)
        )
        for name in sorted(files):
            if name.endswith(SUFFIXES):
                display = _display(os.path.join(folder, name))
                if not excluded(display, patterns):
                    yield Candidate(os.path.join(folder, name), display, explicit=False)


def discover(paths: Sequence[str | Path], exclude: Sequence[str] = ()) -> list[Candidate]:
    """Every file to check, in a stable order, each once. A missing path stays, to be reported."""
    seen: set[str] = set()
    out: list[Candidate] = []
    for raw in paths or ["."]:
        path = str(raw)
        found = _walk(path, exclude) if os.path.isdir(path) else iter([Candidate(path, _display(path), True)])
        for candidate in found:
            key = os.path.realpath(candidate.path)
            if key in seen or (candidate.explicit and excluded(candidate.display, exclude)):
                continue
            seen.add(key)
            out.append(candidate)
    return out
