"""Configuration: salesplan.toml / .salesplan.toml / [tool.salesplan], found upward; errors exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from salesplan.diagnostics import Severity
from salesplan.settings import ConfigError, find_config, load_config, resolve

Run = Callable[..., Result]


def _codes(result: Result) -> list[str]:
    return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


def _severities(result: Result) -> dict[str, str]:
    return {d["code"]: d["severity"] for d in json.loads(result.stdout)["diagnostics"]}


def test_select_ignore_and_severity_from_salesplan_toml(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/p.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "salesplan.toml").write_text(
        'select = ["SP1"]\nignore = ["SP104", "target-not-time-bound"]\n[severity]\nSP101 = "warning"\n',
        encoding="utf-8",
    )
    result = run("lint", "--format", "json", "plans")
    assert sorted(set(_codes(result))) == ["SP101"]
    assert _severities(result) == {"SP101": "warning"}
    assert result.exit_code == 0  # only warnings left


def test_cli_overrides_config(run: Run, tmp_path: Path, bad: str) -> None:
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / ".salesplan.toml").write_text('select = ["SP101"]\n', encoding="utf-8")
    assert sorted(set(_codes(run("lint", "--format", "json", "--select", "SP104,SP105")))) == ["SP104", "SP105"]
    assert set(_codes(run("lint", "--format", "json", "--ignore", "SP101"))) == set()


def test_pyproject_tool_table_and_thresholds(run: Run, tmp_path: Path, reference_text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.salesplan]\nselect = ["SP103", "SP3"]\n'
        '[tool.salesplan.smart]\nmax-growth = "30%"\n[tool.salesplan.risk]\nrespond-at = "critical"\n',
        encoding="utf-8",
    )
    (tmp_path / "plan.yaml").write_text(reference_text, encoding="utf-8")
    found = json.loads(run("lint", "--format", "json").stdout)["diagnostics"]
    # T2 +36% and T3 +50% are over a 30% band; with respond-at critical, R2 no longer needs a trigger
    assert [(d["code"], d["path"]) for d in found] == [("SP103", "targets[1].value"), ("SP103", "targets[2].value")]


def test_config_found_upward_and_explicit(tmp_path: Path) -> None:
    (tmp_path / "salesplan.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no tool table
    assert find_config(deep) == tmp_path / "salesplan.toml"
    assert resolve(load_config(None, deep)).lint.fail_on is Severity.WARNING
    other = tmp_path / "other.toml"
    other.write_text('ignore = ["SP303"]\n', encoding="utf-8")
    assert "SP303" not in resolve(load_config(other, deep)).lint.enabled


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["SP1"]\n', "salesplan.toml:1: selct: unknown key; did you mean 'select'?"),
        ('select = ["SP777"]\n', "salesplan.toml:1: select: unknown rule code or name 'SP777'"),
        ('select = "SP1"\n', "salesplan.toml:1: select: must be a list of strings"),
        ('[severity]\nSP101 = "fatal"\n', "salesplan.toml:2: [severity] SP101: must be one of error, warning, notice"),
        ('[severity]\nSP999 = "error"\n', "salesplan.toml:2: [severity] SP999: unknown rule code or name 'SP999'"),
        ('[smart]\nmax-growth = "lots"\n', "salesplan.toml:2: [smart] max-growth: must be a percentage"),
        ("[smart]\ngrowth = 1\n", "salesplan.toml:2: [smart] growth: unknown key; did you mean 'max-growth'?"),
        ("[risk]\nsize = 5.5\n", "salesplan.toml:2: [risk] size: must be a whole number (got 5.5)"),
        ("[risk]\nlevels = {low = 9, medium = 4, high = 15}\n", "salesplan.toml:2: [risk] levels: must rise"),
        ("[risk]\nimpact = {minor = 1, moderate = 3}\n", "salesplan.toml:2: [risk] impact: must map exactly"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_config_exits_2_with_a_clear_message(run: Run, tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "salesplan.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"salesplan\.toml"):
        load_config(None, tmp_path)
    result = run("lint", "--lang", "en")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.startswith("salesplan: configuration error: ")
    assert result.stdout == ""
    chinese = run("lint")
    assert chinese.exit_code == 2 and chinese.stderr.startswith("salesplan: 配置错误：")


def test_missing_config_file_exits_2(run: Run) -> None:
    result = run("lint", "--config", "nope.toml", "--lang", "en")
    assert result.exit_code == 2
    assert "nope.toml does not exist" in result.stderr


def test_exclude_from_config(run: Run, tmp_path: Path, bad: str) -> None:
    for rel in ("plans/q3.yaml", "archive/q1.yaml"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(bad, encoding="utf-8")
    (tmp_path / "salesplan.toml").write_text('exclude = ["archive"]\n', encoding="utf-8")
    files = {d["file"] for d in json.loads(run("lint", "--format", "json").stdout)["diagnostics"]}
    assert files == {"plans/q3.yaml"}
