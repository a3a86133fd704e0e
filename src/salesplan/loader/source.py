"""Reading a plan file's bytes into text, refusing what is not safe or not UTF-8."""

from __future__ import annotations

import codecs
import os
import select
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import Message, _
from salesplan.oserror import reason

MAX_BYTES = 10 * 1024 * 1024
PIPE_WAIT_MS = 1000  # how long a named pipe may take to get a writer before it counts as empty


@dataclass
class SourceText:
    file: str
    text: str | None
    diagnostics: list[Diagnostic]


def _diag(
    file: str, code: str, message: Message, line: int = 1, col: int = 1, hint: Message | None = None
) -> Diagnostic:
    return codes.diagnostic(code, SourceRef(file, line, col), message, hint=hint)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def open_for_reading(path: Path) -> BinaryIO:
    """Open without blocking: a named pipe nobody writes to reads as empty instead of hanging.

    A pipe gets a moment for its writer to connect; reads are blocking again once open, so a
    pipe that has a writer (`<(...)`, `cat plan.yaml > fifo`) is read whole.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode) and hasattr(select, "poll"):
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            poller.poll(PIPE_WAIT_MS)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # with no writer, a pipe still reads as end of file at once
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_source(path: Path | str, display: str | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read `path` as UTF-8 (BOM allowed); every failure becomes a diagnostic."""
    file = display if display is not None else str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            return SourceText(
                file,
                None,
                [
                    _diag(
                        file,
                        codes.FILE_TOO_LARGE,
                        _(
                            "file is {size} bytes, over the limit of {limit} bytes; a plan is never this large",
                            size=format(size, ","),
                            limit=format(max_bytes, ","),
                        ),
                    )
                ],
            )
        with open_for_reading(p) as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return SourceText(
            file,
            None,
            [_diag(file, codes.FILE_UNREADABLE, _("is a directory, not a plan file"))],
        )
    except OSError as exc:
        return SourceText(
            file, None, [_diag(file, codes.FILE_UNREADABLE, _("cannot read file: {reason}", reason=reason(exc)))]
        )
    if len(data) > max_bytes:
        too_large = _diag(
            file,
            codes.FILE_TOO_LARGE,
            _("file is over the limit of {limit} bytes", limit=format(max_bytes, ",")),
        )
        return SourceText(file, None, [too_large])
    text, diagnostics = decode(data, file)
    return SourceText(file, text, diagnostics)


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 with or without BOM; anything else is a located, explained refusal."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [
            _diag(
                file,
                codes.ENCODING,
                _("file is UTF-16; salesplan reads UTF-8 only"),
                hint=_("save the file as UTF-8 (in Notepad: Save as > Encoding > UTF-8)"),
            )
        ]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        return None, [
            _diag(
                file,
                codes.ENCODING,
                _("file contains NUL bytes: it is binary, not a YAML text file"),
                line,
                col,
            )
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        guess: Message | str = ""
        try:
            data.decode("gb18030")
            guess = _(" It looks like GBK/GB18030 (the usual encoding of Chinese Windows).")
        except UnicodeDecodeError:
            pass
        return None, [
            _diag(
                file,
                codes.ENCODING,
                _(
                    "file is not UTF-8 (invalid byte 0x{byte}).{guess}",
                    byte=format(data[exc.start], "02x"),
                    guess=guess,
                ),
                line,
                col,
                hint=_("convert it: iconv -f GB18030 -t UTF-8 plan.yaml > plan.utf8.yaml"),
            )
        ]
