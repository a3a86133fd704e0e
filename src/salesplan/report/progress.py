"""Progress on stderr for long runs on a terminal; nothing in a pipe or a file (rich imported only then).

- `progress_bar(total, label)`: a bar over a known count (lint's files).
- `steps(lang)`: a spinner naming the step a long command is at (splitting, building, writing), with
  a running count where one is known (`counted` wraps the chunks being written).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from salesplan.i18n import _

SHOW_FROM = 40  # files: below a few dozen a run is too short for a bar
S = TypeVar("S", str, bytes)

# what each step is called on the spinner
STEPS = {
    "load": _("reading the plan"),
    "split": _("splitting targets"),
    "build": _("building tables"),
    "actuals": _("reading actuals"),
    "review": _("reviewing"),
    "write": _("writing"),
}


@contextmanager
def progress_bar(total: int, label: str = "lint") -> Iterator[Callable[[int, int], None] | None]:
    if total < SHOW_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)

        def advance(done: int, _total: int) -> None:
            progress.update(task, completed=done)

        yield advance


class Steps:
    """The step shown; does nothing when stderr is not a terminal."""

    def __init__(self, lang: str, update: Callable[[str], None] | None) -> None:
        self.lang, self._update = lang, update

    @property
    def shown(self) -> bool:
        return self._update is not None

    def __call__(self, step: str, detail: str = "") -> None:
        if self._update is not None:
            self._update(f"{STEPS[step].render(self.lang)}{' ' + detail if detail else ''}…")

    def counted(self, chunks: Iterable[S], step: str = "write") -> Iterator[S]:
        """`chunks` passed through, the size so far (MB) shown as they go."""
        if self._update is None:
            yield from chunks
            return
        size = 0
        for chunk in chunks:
            size += len(chunk)
            self(step, f"{size / 1e6:,.1f} MB")
            yield chunk


@contextmanager
def steps(lang: str = "zh") -> Iterator[Steps]:
    """A transient spinner on stderr, on a terminal only; the caller names each step as it begins."""
    if not sys.stderr.isatty():
        yield Steps(lang, None)
        return
    from rich.console import Console

    with Console(stderr=True).status("", spinner="dots") as status:
        yield Steps(lang, lambda text: status.update(text))
