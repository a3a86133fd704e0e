"""Writing results: never over an existing file without force, always atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO


class OutputExists(Exception):
    """The target exists and overwriting was not asked for."""


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no read-only query elsewhere: set and restore at once
    os.umask(mask)
    return mask


def _final_mode(target: Path) -> int:
    """The mode the written file gets: an existing file's own, else what open() would give (0666 & ~umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_atomic(path: Path | str, data: str | bytes, force: bool = False) -> None:
    """Write to a temp file beside `path`, then rename over it: readers never see half a file.

    The file gets the mode a plain write would give it (0666 & ~umask), or keeps the mode of the
    file it replaces, not the private 0600 of a temp file. A symlink is written through (the link
    stays, the file it names is replaced); a device, pipe or socket (`/dev/null`, `/dev/stdout`)
    is written to, never replaced by a file. Raises OutputExists when `path` exists and `force`
    is false; OSError passes through and the temp file is removed, so a failure leaves nothing
    behind.
    """
    write_atomic_stream(path, [data], force)


def write_atomic_stream(path: Path | str, chunks: Iterable[str | bytes], force: bool = False) -> None:
    """`write_atomic` of the concatenated `chunks`, written as they come: the whole text is never held.

    Whatever stops the writing (an error while a chunk is made, a failed write, Ctrl-C) removes the
    temp file and passes on: `path` is then as it was before.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputExists(str(target))
    try:
        special = not stat.S_ISREG(target.stat().st_mode)
    except FileNotFoundError:
        special = False
    if special:
        with open(target, "wb") as handle:
            _write_chunks(handle, chunks)
        return
    real = Path(os.path.realpath(target))
    directory = real.parent if str(real.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_chunks(handle, chunks)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _final_mode(real))
        if not force and real.exists():
            raise OutputExists(str(target))
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_chunks(handle: BinaryIO, chunks: Iterable[str | bytes]) -> None:
    for chunk in chunks:
        handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
