"""`salesplan init` from the command line: files, refusals, messages, questions only on a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salesplan.cli import init_cmd
from salesplan.cli.app import app
from salesplan.loader import load_plan
from salesplan.model.schema import schema_text
from salesplan.scaffold import SCENARIO_IDS

MODELINE = "# yaml-language-server: $schema=.salesplan/plan-1.schema.json\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def init(runner: CliRunner, *args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["init", *args], input=input)
    return result.exit_code, result.output


def test_writes_the_plan_with_a_modeline_and_the_schema_beside_it(runner: CliRunner, tmp_path: Path) -> None:
    code, out = init(runner, "plans/q3.yaml", "--scenario", "new-product", "--period", "2026-Q3")
    assert code == 0, out
    plan = tmp_path / "plans" / "q3.yaml"
    assert plan.read_text(encoding="utf-8").startswith(MODELINE)
    assert (tmp_path / "plans" / ".salesplan" / "plan-1.schema.json").read_text(encoding="utf-8") == schema_text()
    assert load_plan(plan).diagnostics == []
    assert "已创建 plans/q3.yaml（新产品上市推广）" in out
    assert "salesplan lint plans/q3.yaml" in out


def test_the_default_path_and_english_messages(runner: CliRunner, tmp_path: Path) -> None:
    code, out = init(runner, "-s", "key-account", "--lang", "en")
    assert code == 0, out
    assert "Created plan.yaml (Key account development)" in out
    loaded = load_plan(tmp_path / "plan.yaml")
    assert loaded.plan is not None and loaded.plan.plan.lang == "en"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_list(runner: CliRunner, lang: str) -> None:
    code, out = init(runner, "--list", "--lang", lang)
    assert code == 0
    assert len(out.splitlines()) == 5
    assert ("重点客户深度开发" in out) == (lang == "zh")
    assert ("Key account development" in out) == (lang == "en")


def test_an_existing_plan_is_left_untouched(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"my plan\n")
    os.utime(plan, (1_000_000_000, 1_000_000_000))
    code, out = init(runner, "-s", "sprint")
    assert code == 2
    assert "plan.yaml 已存在" in out and "--force" in out
    assert plan.read_bytes() == b"my plan\n"
    assert plan.stat().st_mtime == 1_000_000_000
    assert not (tmp_path / ".salesplan").exists()


def test_force_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    assert init(runner, "-s", "sprint")[0] == 0
    code, out = init(runner, "-s", "key-account", "--force")
    assert code == 0, out
    loaded = load_plan(tmp_path / "plan.yaml")
    assert loaded.plan is not None and loaded.plan.plan.scenario == "key-account"


def test_an_identical_schema_is_left_alone(runner: CliRunner, tmp_path: Path) -> None:
    assert init(runner, "a.yaml", "-s", "sprint")[0] == 0
    schema = tmp_path / ".salesplan" / "plan-1.schema.json"
    os.utime(schema, (1_000_000_000, 1_000_000_000))
    code, out = init(runner, "b.yaml", "-s", "sprint")
    assert code == 0
    assert schema.stat().st_mtime == 1_000_000_000
    assert "schema" not in out


def test_a_different_schema_is_replaced_only_with_force(runner: CliRunner, tmp_path: Path) -> None:
    schema = tmp_path / ".salesplan" / "plan-1.schema.json"
    schema.parent.mkdir()
    schema.write_text("{}\n", encoding="utf-8")
    code, out = init(runner, "-s", "sprint", "--lang", "en")
    assert code == 2
    assert "different content" in out
    assert schema.read_text(encoding="utf-8") == "{}\n" and not (tmp_path / "plan.yaml").exists()
    assert init(runner, "-s", "sprint", "--force")[0] == 0
    assert schema.read_text(encoding="utf-8") == schema_text()


def test_a_plan_that_does_not_load_is_never_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesplan.scaffold import run

    monkeypatch.setattr(run, "render_plan", lambda basics: "salesplan: 1\nplan: {name: broken}\n")
    code, out = init(runner, "-s", "sprint")
    assert code == 2
    assert "SP022" in out and "未写入任何文件" in out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--period", "2026-Q5"], "无法识别的周期"),
        (["--start", "2026-07-01"], "--start 与 --end"),
        (["--period", "2026-Q3", "--end", "2026-09-30"], "二选一"),
        (["--unit", "美元"], "不支持的金额单位"),
        (["--owner", " "], "负责人"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    runner: CliRunner, tmp_path: Path, args: list[str], expected: str
) -> None:
    code, out = init(runner, "-s", "sprint", *args)
    assert code == 2
    assert expected in out
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_plan_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    code, out = init(runner, "plans", "-s", "sprint")
    assert code == 2 and "是一个目录" in out


def test_without_a_terminal_nothing_is_asked_and_defaults_are_used(runner: CliRunner, tmp_path: Path) -> None:
    """CliRunner's stdin is not a terminal: the basics not given are defaulted, never asked."""
    code, out = init(runner, "-s", "competitive-response", "--start", "2026-08-01", "--end", "2026-10-31")
    assert code == 0, out
    assert "计划周期" not in out and "负责人" not in out
    loaded = load_plan(tmp_path / "plan.yaml")
    assert loaded.plan is not None
    header = loaded.plan.plan
    assert (header.owner, header.unit, str(header.period.start)) == ("陈静", "万元", "2026-08-01")
    assert header.name == "2026-08-01 至 2026-10-31竞争应对计划"


def test_without_a_scenario_and_a_terminal_it_says_how_to_choose(runner: CliRunner, tmp_path: Path) -> None:
    code, out = init(runner, "--lang", "en")
    assert code == 2
    assert "--scenario" in out and "key-account" in out
    assert list(tmp_path.iterdir()) == []


def test_a_real_process_with_stdin_from_dev_null_never_waits(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesplan", "init", "-s", "sprint", "--lang", "en"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Created plan.yaml")
    assert (tmp_path / "plan.yaml").is_file()


def test_on_a_terminal_it_asks_for_what_is_missing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(init_cmd, "stdin_is_terminal", lambda: True)
    answers = "\n".join(["sprint", "2026-Q5", "2026-Q4", "", "张伟", "元"]) + "\n"
    code, out = init(runner, input=answers)
    assert code == 0, out
    for question in ("选择场景", "计划周期", "计划名称", "计划负责人", "金额单位"):
        assert question in out
    assert "无法识别的周期 '2026-Q5'" in out  # a bad answer is explained and asked again
    loaded = load_plan(tmp_path / "plan.yaml")
    assert loaded.plan is not None
    header = loaded.plan.plan
    assert (header.scenario, header.owner, header.unit) == ("sprint", "张伟", "元")
    assert (str(header.period.start), header.name) == ("2026-10-01", "2026 年第四季度销售目标冲刺计划")


def test_on_a_terminal_given_options_are_not_asked_again(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(init_cmd, "stdin_is_terminal", lambda: True)
    code, out = init(
        runner, "-s", "sprint", "--period", "2026-Q3", "--owner", "Grace Chen", "--lang", "en", input="\n\n"
    )
    assert code == 0, out
    assert "Plan name" in out and "Unit of money" in out
    assert "Plan period" not in out and "Plan owner" not in out and "Scenario" not in out
    loaded = load_plan(tmp_path / "plan.yaml")
    assert loaded.plan is not None and loaded.plan.plan.owner == "grace.chen"


def test_the_command_module_imports_nothing_heavy() -> None:
    code = "import sys, salesplan.cli.init_cmd; print(sorted({'jinja2', 'pydantic', 'yaml'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scenario", SCENARIO_IDS)
def test_what_init_writes_passes_salesplan_lint(runner: CliRunner, scenario: str, lang: str) -> None:
    """The plan `salesplan init` writes is clean under `salesplan lint` as the user runs it: no finding at all."""
    code, out = init(runner, "plan.yaml", "-s", scenario, "--lang", lang, "--period", "2026-Q3")
    assert code == 0, out
    result = runner.invoke(app, ["lint", "--format", "json", "plan.yaml"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["diagnostics"] == []
    assert report["summary"]["files"] == 1
