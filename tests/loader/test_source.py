"""Reading plan files that are not ordinary files: named pipes and devices never hang the loader."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.loader import load_plan

REFERENCE = REPO_REFERENCE

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@posix_only
def test_a_pipe_nobody_writes_to_reads_as_empty_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    start = time.monotonic()
    loaded = load_plan(fifo)
    assert time.monotonic() - start < 2
    assert [(d.code, d.line, d.col) for d in loaded.diagnostics] == [("SP010", 1, 1)]


@posix_only
def test_a_pipe_with_a_writer_is_read_whole(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    text = REFERENCE.read_bytes()
    opened = threading.Event()

    def writer() -> None:
        with open(fifo, "wb") as handle:  # blocks until the loader has opened the pipe
            opened.set()
            for start in range(0, len(text), 1000):
                handle.write(text[start : start + 1000])
                handle.flush()
                time.sleep(0.001)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        loaded = load_plan(fifo)
    finally:
        if not opened.is_set():
            with open(fifo, "rb"):  # let the writer finish if the loader never opened the pipe
                pass
        thread.join(5)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_as_too_large() -> None:
    start = time.monotonic()
    loaded = load_plan("/dev/zero")
    assert time.monotonic() - start < 5
    assert [d.code for d in loaded.diagnostics] == ["SP002"]
