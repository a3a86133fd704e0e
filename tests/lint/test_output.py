"""Output: formats by name, GitHub Actions default, --output-file, --lang, text safety, progress."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]
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
    result = run("lint", "--format", "sarif", "--output-file", "report.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
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
