"""`write_atomic`: the mode of written files, and nothing written or left behind on failure."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.output import OutputExists, write_atomic


@pytest.fixture
def umask_027() -> Iterator[int]:
    old = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_the_normal_mode_not_0600(tmp_path: Path, umask_027: int) -> None:
    target = tmp_path / "plan.md"
    write_atomic(target, "# plan\n")
    assert target.read_text(encoding="utf-8") == "# plan\n"
    assert mode(target) == 0o666 & ~umask_027 == 0o640


@pytest.mark.parametrize("existing_mode", [0o600, 0o644, 0o664, 0o755])
def test_forced_replacement_keeps_the_existing_mode(tmp_path: Path, existing_mode: int) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    target.chmod(existing_mode)
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert mode(target) == existing_mode


def test_refusal_leaves_the_existing_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"keep me")
    target.chmod(0o640)
    with pytest.raises(OutputExists):
        write_atomic(target, "replacement")
    assert target.read_bytes() == b"keep me" and mode(target) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_failed_rename_leaves_the_existing_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"keep me")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "replacement", force=True)
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_commands_write_files_with_the_normal_mode(tmp_path: Path) -> None:
    reference = REPO_REFERENCE
    out = tmp_path / "plan.md"
    proc = subprocess.run(
        [sys.executable, "-m", "salesplan", "export", str(reference), "--format", "md", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=8,
        umask=0o002,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    assert mode(out) == 0o664


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new", force=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert mode(real) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_written_to_not_replaced_by_a_file(tmp_path: Path) -> None:
    # the same holds for /dev/null or /dev/stdout given to -o --force: replacing them would break the system
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        write_atomic(fifo, "# plan\n", force=True)
    finally:
        reader.join(5)
    assert received == [b"# plan\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_directory_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(folder, "x", force=True)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
