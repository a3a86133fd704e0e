"""A long `salesplan export` shows a spinner naming its step on a terminal, and nothing of it in a pipe.

The command runs as a real process: in a pipe its stderr holds the one line saying what it wrote;
under `script` (a pseudo-terminal) the spinner's frames and step name are drawn on it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = shutil.which("script")


def big_plan(folder: Path) -> Path:
    """Three regions of forty reps, the year split by week: 6,240 leaves."""
    regions = [f"r{i}" for i in range(3)]
    lines = [
        "salesplan: 1",
        "plan: {name: 全年计划, period: {start: 2026-01-01, end: 2026-12-31}, unit: 万元}",
        "team:",
        "  regions:",
        *(f"    - {{id: {r}, name: 区域{r}}}" for r in regions),
        "  people:",
        *(f"    - {{id: p{r}{j}, role: rep, region: {r}}}" for r in regions for j in range(40)),
        "targets:",
        "  - {id: T1, name: 销售额, kind: core, dimension: results, metric: revenue, value: 120000,"
        " baseline: 100000, deadline: 2026-12-31,"
        " split: [{by: region, method: even}, {by: rep, method: even}, {by: week, method: even}]}",
    ]
    path = folder / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _command(plan: Path) -> list[str]:
    """The export, run in the plan's folder (short paths: a long one would wrap on an 80-column terminal)."""
    return [sys.executable, "-m", "salesplan", "export", plan.name, "-o", "x.xlsx", "--lang", "zh"]


def test_a_pipe_gets_no_spinner(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    done = subprocess.run(_command(big_plan(tmp_path)), capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == "已写入 x.xlsx\n"  # no escape code, no spinner frame, no step name
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.skipif(SCRIPT is None, reason="script (util-linux) is not on PATH")
def test_a_terminal_gets_the_spinner_with_its_step(tmp_path: Path) -> None:
    assert SCRIPT is not None
    out = tmp_path / "x.xlsx"
    command = " ".join(_command(big_plan(tmp_path)))
    typescript = tmp_path / "typescript"
    done = subprocess.run(
        [SCRIPT, "-q", "-e", "-c", command, str(typescript)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    shown = typescript.read_text(encoding="utf-8", errors="replace")
    assert "生成表格…" in shown  # the step's name, beside a spinner frame
    assert any(frame in shown for frame in "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    assert "\x1b[2K" in shown  # each frame redrawn in place, then cleared (transient)
    assert "已写入 x.xlsx" in shown and out.read_bytes().startswith(b"PK")
