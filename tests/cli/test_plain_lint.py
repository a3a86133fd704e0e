"""`salesplan lint FILE...` without typer: which arguments take that path, and that it answers exactly
as the typer command does (stdout, stderr, exit code, written file) for every one of them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli import app as entry
from salesplan.cli import lint_cmd
from salesplan.cli.argv import lang_in, plain_lint
from salesplan.cli.lint_run import FAIL_ON, FORMATS, LintRequest

BAD = (
    "salesplan: 1\nplan:\n  name: Q3\n  period: {start: 2026-07-01, end: 2026-09-30}\n"
    "targets:\n  - {id: T1, value: 500}\n"
)
FILES = {
    "plan.yaml": REFERENCE.read_text(encoding="utf-8"),
    "bad.yaml": BAD,
    "broken.yaml": "salesplan: 1\nplan: [unclosed\n",
    "ci.yaml": "on: push\njobs: {}\n",
    "bad-config.toml": "[smart]\nmax-grwth = 30\n",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def through_typer(argv: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(entry.app, argv, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def without_typer(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = entry._lint_without_typer(argv)
    assert code is not None, argv
    out, err = capsys.readouterr()
    return code, out, err


def same_answer(argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both ways give the same exit code, stdout and stderr, and leave the same files."""
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    plain = without_typer(argv, capsys)
    after_plain = {p.name: p.read_bytes() for p in folder.iterdir()}
    for path in folder.iterdir():  # start the typer run from the same files
        if path.name not in before:
            path.unlink()
        elif path.read_bytes() != before[path.name]:
            path.write_bytes(before[path.name])
    typed = through_typer(argv)
    assert plain == typed, argv
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == after_plain, argv


def test_choices_are_the_typer_commands_choices() -> None:
    assert tuple(lint_cmd.Format) == FORMATS
    assert tuple(lint_cmd.FailOn) == FAIL_ON


def test_what_pre_commit_runs_is_plain() -> None:
    request = plain_lint(["lint", "--skip-non-plans", "a.yaml", "plans/b.yml"])
    assert request == LintRequest(paths=[Path("a.yaml"), Path("plans/b.yml")], lang="zh", skip_non_plans=True)


def test_every_known_option_is_read_as_typer_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["lint", "a.yaml", "-f", "json", "--format", "sarif", "-o", "out.sarif", "--force", "--lang", "en"]
    argv += ["--select", "SP1", "--select", "SP3", "--ignore", "SP303", "--exclude", "old/*", "--config", "c.toml"]
    argv += ["--fail-on", "warning", "--exit-zero", "--smart", "b.yaml"]
    assert plain_lint(argv) == LintRequest(
        paths=[Path("a.yaml"), Path("b.yaml")],
        output_format="sarif",
        output_file=Path("out.sarif"),
        force=True,
        lang="en",
        select=["SP1", "SP3"],
        ignore=["SP303"],
        exclude=["old/*"],
        config=Path("c.toml"),
        fail_on="warning",
        exit_zero=True,
        smart=True,
    )
    monkeypatch.setenv("SALESPLAN_LANG", "en")
    assert plain_lint(["lint"]) == LintRequest(lang="en")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["split", "a.yaml"],
        ["--lang", "en", "lint", "a.yaml"],
        ["lint", "--help"],
        ["lint", "-h"],
        ["lint", "--format=json", "a.yaml"],
        ["lint", "-fjson", "a.yaml"],
        ["lint", "-f", "xml", "a.yaml"],
        ["lint", "--fail-on", "fatal", "a.yaml"],
        ["lint", "--lang", "fr", "a.yaml"],
        ["lint", "--lang", "EN", "a.yaml"],
        ["lint", "--lang"],
        ["lint", "-o", "-", "a.yaml"],
        ["lint", "--select", "--ignore", "SP1"],
        ["lint", "--", "a.yaml"],
        ["lint", "-", "a.yaml"],
        ["lint", ""],
        ["lint", "--no-exit-zero", "a.yaml"],
        ["lint", "--require-children", "a.yaml"],
        ["lint", "--bogus", "a.yaml"],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert plain_lint(argv) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_SALESPLAN_COMPLETE", "bash_complete")
    assert plain_lint(["lint", "a.yaml"]) is None


def test_lang_in_reads_the_last_lang_before_a_double_dash() -> None:
    assert lang_in(["lint", "--lang", "zh", "--lang=en", "--", "--lang", "zh"]) == "en"
    assert lang_in(["lint", "a.yaml"]) is None


CASES = [
    ["lint", "plan.yaml"],
    ["lint", "plan.yaml", "--lang", "en"],
    ["lint", "bad.yaml"],
    ["lint", "bad.yaml", "--exit-zero"],
    ["lint", "bad.yaml", "-f", "json", "--lang", "en"],
    ["lint", "bad.yaml", "-f", "github"],
    ["lint", "bad.yaml", "-f", "sarif"],
    ["lint", "plan.yaml", "bad.yaml", "--fail-on", "warning"],
    ["lint", "plan.yaml", "--fail-on", "notice", "--select", "SP3"],
    ["lint", "bad.yaml", "--ignore", "SP1,SP105", "--select", "SP1"],
    ["lint", "bad.yaml", "--select", "SP1,SP777"],
    ["lint", "plan.yaml", "--smart"],
    ["lint", "plan.yaml", "--smart", "-f", "json"],
    ["lint", "broken.yaml"],
    ["lint", "ci.yaml"],
    ["lint", "--skip-non-plans", "ci.yaml", "plan.yaml"],
    ["lint", "missing.yaml"],
    ["lint"],
    ["lint", ".", "--exclude", "bad*"],
    ["lint", "plan.yaml", "--config", "bad-config.toml", "--lang", "en"],
    ["lint", "plan.yaml", "--config", "none.toml"],
    ["lint", "bad.yaml", "-o", "plan.yaml"],
    ["lint", "bad.yaml", "-o", "report.txt"],
    ["lint", "bad.yaml", "-o", "ci.yaml"],
    ["lint", "bad.yaml", "-o", "ci.yaml", "--force", "--lang", "en"],
]


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(c[1:]) or "no arguments" for c in CASES])
def test_the_plain_path_answers_as_the_typer_command(
    argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same_answer(argv, folder, capsys)


def test_under_github_actions_both_default_to_annotations(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    same_answer(["lint", "bad.yaml"], folder, capsys)


OPTIONS = st.lists(
    st.sampled_from(
        [
            ["--lang", "en"],
            ["--lang", "zh"],
            ["-f", "json"],
            ["--format", "github"],
            ["--fail-on", "notice"],
            ["--exit-zero"],
            ["--smart"],
            ["--skip-non-plans"],
            ["--select", "SP1,SP3"],
            ["--ignore", "SP303"],
            ["--exclude", "bad.yaml"],
            ["plan.yaml"],
            ["bad.yaml"],
            ["broken.yaml"],
            ["ci.yaml"],
        ]
    ),
    max_size=5,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=OPTIONS)
def test_any_plain_command_line_answers_as_typer(
    options: list[list[str]], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["lint", *(arg for option in options for arg in option)]
    assert plain_lint(argv) is not None
    same_answer(argv, folder, capsys)


def test_ctrl_c_and_a_closed_pipe_end_as_in_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(request: LintRequest) -> int:
        raise KeyboardInterrupt

    def closed_pipe(request: LintRequest) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    for stop, code in ((interrupted, 130), (closed_pipe, 1)):
        monkeypatch.setattr("salesplan.cli.lint_run.run_lint", stop)
        monkeypatch.setattr(lint_cmd, "run_lint", stop)
        assert entry._lint_without_typer(["lint", "plan.yaml"]) == code
        assert CliRunner().invoke(entry.app, ["lint", "plan.yaml"]).exit_code == code


def test_a_real_run_imports_neither_typer_nor_click_nor_rich() -> None:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "salesplan", "lint", "--skip-non-plans", str(REFERENCE)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "SP303" in proc.stdout
    imported = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert {name.split(".")[0] for name in imported} & {"typer", "click", "rich"} == set()


def test_a_real_run_exits_with_the_findings_code(tmp_path: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(BAD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "salesplan", "lint", "--lang", "en", str(plan)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert "SP105" in proc.stdout and proc.stderr == ""
