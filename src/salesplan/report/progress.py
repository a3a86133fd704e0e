"""A progress bar on stderr for long runs on a terminal; nothing otherwise (rich imported only then)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SHOW_FROM = 40  # files: below a few dozen a run is too short for a bar


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
