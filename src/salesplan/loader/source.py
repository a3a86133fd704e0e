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

MAX_BYTES = 10 * 1024 * 1024
PIPE_WAIT_MS = 1000  # how long a named pipe may take to get a writer before it counts as empty


@dataclass
class SourceText:
    file: str
    text: str | None
    diagnostics: list[Diagnostic]


def _diag(
    file: str,
    code: str,
    message: str,
    message_zh: str,
    line: int = 1,
    col: int = 1,
    hint: str | None = None,
    hint_zh: str | None = None,
) -> Diagnostic:
    return codes.diagnostic(code, SourceRef(file, line, col), message, message_zh, hint=hint, hint_zh=hint_zh)


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
                        f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes; a plan is never this large",
                        f"文件有 {size:,} 字节，超过 {max_bytes:,} 字节的上限；计划文件不会这么大",
                    )
                ],
            )
        with open_for_reading(p) as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return SourceText(
            file,
            None,
            [_diag(file, codes.FILE_UNREADABLE, "is a directory, not a plan file", "这是目录，不是计划文件")],
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return SourceText(
            file, None, [_diag(file, codes.FILE_UNREADABLE, f"cannot read file: {reason}", f"无法读取文件：{reason}")]
        )
    if len(data) > max_bytes:
        too_large = _diag(
            file,
            codes.FILE_TOO_LARGE,
            f"file is over the limit of {max_bytes:,} bytes",
            f"文件超过 {max_bytes:,} 字节的上限",
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
                "file is UTF-16; salesplan reads UTF-8 only",
                "文件是 UTF-16 编码；salesplan 只读取 UTF-8",
                hint="save the file as UTF-8 (in Notepad: Save as > Encoding > UTF-8)",
                hint_zh="把文件另存为 UTF-8（记事本：另存为 > 编码 > UTF-8）",
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
                "file contains NUL bytes: it is binary, not a YAML text file",
                "文件含有 NUL 字节：这是二进制文件，不是 YAML 文本文件",
                line,
                col,
            )
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        guess = guess_zh = ""
        try:
            data.decode("gb18030")
            guess = " It looks like GBK/GB18030 (the usual encoding of Chinese Windows)."
            guess_zh = "看起来是 GBK/GB18030（中文 Windows 的常用编码）。"
        except UnicodeDecodeError:
            pass
        return None, [
            _diag(
                file,
                codes.ENCODING,
                f"file is not UTF-8 (invalid byte 0x{data[exc.start]:02x}).{guess}",
                f"文件不是 UTF-8 编码（无效字节 0x{data[exc.start]:02x}）。{guess_zh}",
                line,
                col,
                hint="convert it: iconv -f GB18030 -t UTF-8 plan.yaml > plan.utf8.yaml",
                hint_zh="转换编码：iconv -f GB18030 -t UTF-8 plan.yaml > plan.utf8.yaml，或在编辑器中另存为 UTF-8",
            )
        ]
