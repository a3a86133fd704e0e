"""Writing results: never over an existing file without force, always atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(Exception):
    """The target exists and overwriting was not asked for."""


def write_atomic(path: Path | str, data: str | bytes, force: bool = False) -> None:
    """Write to a temp file beside `path`, then rename over it: readers never see half a file.

    Raises OutputExists when `path` exists and `force` is false; OSError passes through and the
    temp file is removed, so a failure leaves nothing behind.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputExists(str(target))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if not force and target.exists():
            raise OutputExists(str(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
