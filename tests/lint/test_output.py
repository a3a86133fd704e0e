"""Output: formats by name, GitHub Actions default, --output-file, --lang, text safety, progress."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import Result

from salesplan.report.progress import SHOW_FROM

Run = Callable[..., Result]
SALESPLAN = Path(sys.executable).with_name("salesplan")
HOSTILE = (
    "salesplan: 1\nplan:\n  name: Q3\n  period: {start: 2026-07-01, end: 2026-09-30}\n"
    'targets:\n  - {id: T1, value: 5, name: "\\e]X;pwned\\a\\e[J提升业绩\\r"}\n'
)


def test_text_format_lines_and_summary(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    result = run("lint", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "p.yaml:6:5: SP101 [error] target 'T1' has no metric"
    assert lines[1] == "    6 |   - {id: T1, value: 500}"
    assert lines[2] == "      |     ^"
    assert lines[3].startswith("      hint: add e.g. `metric: revenue`")
    assert lines[-1].startswith("Checked 1 file: ")
    assert result.stderr == ""
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_chinese_by_default(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    out = run("lint").stdout
    assert "SP101 [错误] 目标 'T1' 缺少核心指标（metric）" in out
    assert "检查了 1 个文件" in out


def test_control_characters_from_the_plan_are_neutralised(run: Run, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(HOSTILE, encoding="utf-8")
    out = run("lint", "--lang", "en").stdout
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "\\x1b]X;pwned\\x07\\x1b[J提升业绩\\x0d" in out  # quoted in the vague-name message, made inert


def test_github_format_chosen_under_github_actions(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    out = run("lint", "--lang", "en", env={"GITHUB_ACTIONS": "true"}).stdout
    assert out.startswith("::error file=p.yaml,line=6,col=5,")
    assert "title=SP101::target 'T1' has no metric%0A" in out
    assert run("lint", "--format", "text", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("p.yaml:6:5:")


def test_output_file_written_atomically(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "report.sarif").write_text("old", encoding="utf-8")
    refused = run("lint", "--format", "sarif", "--output-file", "report.sarif")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert (tmp_path / "report.sarif").read_text(encoding="utf-8") == "old"  # nothing overwritten without --force
    result = run("lint", "-f", "sarif", "-o", "report.sarif", "--force")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().endswith("已写入 report.sarif")
    log = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "p.yaml"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_smart_scorecard(run: Run, tmp_path: Path, reference_text: str, bad: str) -> None:
    (tmp_path / "a.yaml").write_text(reference_text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(bad, encoding="utf-8")
    data = json.loads(run("lint", "--smart", "--format", "json").stdout)["targets"]
    assert [(t["file"], t["target"], t["passed"]) for t in data] == [
        ("a.yaml", "T1", 5), ("a.yaml", "T2", 5), ("a.yaml", "T3", 5), ("b.yaml", "T1", 2),
    ]  # fmt: skip
    assert {k: data[3][k] for k in "SMART"} == {"S": "fail", "M": "pass", "A": "pass", "R": "fail", "T": "fail"}
    table = run("lint", "--smart", "--lang", "en", "a.yaml").stdout
    assert "SMART scorecard" in table and "T3" in table and "5/5" in table


SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "schemas"


def test_sarif_of_a_real_run_validates_against_the_official_schema(
    run: Run, tmp_path: Path, reference_text: str, bad: str
) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/好 plan.yaml").write_text(reference_text, encoding="utf-8")
    (tmp_path / "plans/bad.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "plans/broken.yaml").write_text("salesplan: 1\nplan: [\n", encoding="utf-8")
    result = run("lint", "--format", "sarif", "missing.yaml", "plans")
    assert result.exit_code == 2  # missing.yaml cannot be read; the other files are still reported
    log = json.loads(result.stdout)
    schema = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    results = log["runs"][0]["results"]
    locations = [r["locations"][0]["physicalLocation"] for r in results]
    uris = {loc["artifactLocation"]["uri"] for loc in locations}
    assert uris == {"missing.yaml", "plans/bad.yaml", "plans/broken.yaml", "plans/%E5%A5%BD%20plan.yaml"}
    assert all(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for loc in locations)
    assert {r["ruleId"] for r in results} >= {"SP001", "SP004", "SP101", "SP104", "SP105", "SP303"}
    assert all(loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1 for loc in locations)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_output_file_holds_what_stdout_would(run: Run, tmp_path: Path, bad: str, fmt: str) -> None:
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    printed = run("lint", "--format", fmt, "p.yaml")
    written = run("lint", "--format", fmt, "--output-file", f"out.{fmt}", "p.yaml")
    assert printed.exit_code == written.exit_code == 1
    assert written.stdout == ""
    assert (tmp_path / f"out.{fmt}").read_text(encoding="utf-8") == printed.stdout


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run the real `salesplan` with stdout and stderr on pseudo-terminals."""
    out_master, out_slave = pty.openpty()
    err_master, err_slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env |= {"TERM": "xterm-256color", "COLUMNS": "120"}
    proc = subprocess.Popen([str(SALESPLAN), *args], cwd=cwd, stdout=out_slave, stderr=err_slave, env=env)
    os.close(out_slave)
    os.close(err_slave)
    chunks: dict[int, list[bytes]] = {out_master: [], err_master: []}
    open_fds = [out_master, err_master]
    while open_fds:
        for fd in select.select(open_fds, [], [], 60)[0]:
            try:
                data = os.read(fd, 65536)
            except OSError:  # the other end closed (EIO on Linux)
                data = b""
            if data:
                chunks[fd].append(data)
            else:
                open_fds.remove(fd)
                os.close(fd)
    code = proc.wait(timeout=60)
    return code, b"".join(chunks[out_master]).decode(), b"".join(chunks[err_master]).decode()


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs pseudo-terminals (POSIX)")
def test_colour_and_progress_bar_only_on_a_terminal(tmp_path: Path, reference_text: str, bad: str) -> None:
    for i in range(SHOW_FROM + 5):
        (tmp_path / f"p{i:02d}.yaml").write_text(bad if i == 0 else reference_text, encoding="utf-8")
    code, out, err = _on_a_terminal(["lint", "--lang", "en"], tmp_path)
    assert code == 1
    assert "\x1b[" in out and "SP101" in out  # coloured findings
    assert "lint" in err and "\x1b[" in err  # the rich progress bar, drawn on stderr
    plain = subprocess.run(
        [str(SALESPLAN), "lint", "--lang", "en"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert plain.returncode == 1
    assert "\x1b" not in plain.stdout and plain.stderr == ""
    code, out, _ = _on_a_terminal(["lint", "--lang", "en", "--output-file", "report.txt"], tmp_path)
    assert "\x1b" not in (tmp_path / "report.txt").read_text(encoding="utf-8")  # a file is never coloured
