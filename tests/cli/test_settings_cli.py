"""Every command finds, checks and overrides the settings file the same way (salesplan.settings)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(REFERENCE, tmp_path / "plan.yaml")
    return tmp_path


BAD = '[review]\nahead = "lots"\n\n[risk]\nrespond-at = "urgent"\n\n[smart]\nmax-grwth = 30\n'


@pytest.mark.parametrize("command", [["lint"], ["risks"], ["review", "-a", "actuals.csv"]])
def test_every_command_refuses_a_bad_file_naming_every_problem(folder: Path, command: list[str]) -> None:
    (folder / "salesplan.toml").write_text(BAD, encoding="utf-8")
    toml = folder / "salesplan.toml"
    args = [*command[:1], folder / "plan.yaml", *command[1:]]
    code, out, err = run(*args, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"salesplan: configuration error: {toml}:2: [review] ahead:"
        " must be a percentage such as 50 or \"50%\" (got 'lots')",
        f"salesplan: configuration error: {toml}:5: [risk] respond-at:"
        " must be one of low, medium, high, critical (got 'urgent')",
        f"salesplan: configuration error: {toml}:8: [smart] max-grwth: unknown key; did you mean 'max-growth'?"
        " (allowed: growth-metrics, max-growth, lower-is-better)",
    ]
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert (
        err.splitlines()[0]
        == f"salesplan: 配置错误：{toml}:2：[review] ahead：应为百分比，如 50 或 \"50%\"（实际为 'lots'）"
    )


def test_bad_options_name_the_option_in_both_languages(folder: Path) -> None:
    code, out, err = run("review", folder / "plan.yaml", "-a", "x.csv", "--ahead", "9O", "--drop=-1", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "salesplan: --ahead: must be a percentage such as 50 or \"50%\" (got '9O')",
        "salesplan: --drop: must be a percentage of 0 or more (got -1)",
    ]
    code, _, err = run("lint", folder / "plan.yaml", "--select", "SP1,SP777")
    assert code == 2 and err == "salesplan: --select：未知的规则代码或名称 'SP777'（见 `salesplan rules`）\n"


def test_risks_reads_the_risk_table_of_pyproject(folder: Path) -> None:
    (folder / "pyproject.toml").write_text(
        "[tool.salesplan.risk]\nlevels = {low = 2, medium = 4, high = 6}\n", encoding="utf-8"
    )
    code, out, _ = run("risks", folder / "plan.yaml", "-f", "json")
    assert code == 0 and '"critical"' in out
    code, out, _ = run("risks", folder / "plan.yaml", "-f", "json", "--config", folder / "none.toml", "--lang", "en")
    assert code == 2 and out == ""
