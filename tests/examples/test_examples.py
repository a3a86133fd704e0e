"""The bundled examples: exactly what init renders, clean to load, accepted by check-jsonschema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.lint.check import lint_text
from salesplan.loader import load_plan
from salesplan.scaffold import SCENARIO_IDS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PLANS = sorted(EXAMPLES.glob("*.yaml"))
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def test_every_scenario_has_an_example_in_both_languages() -> None:
    assert [p.name for p in PLANS] == sorted(f"{s}.{lang}.yaml" for s in SCENARIO_IDS for lang in ("zh", "en"))


def test_the_examples_are_what_regenerate_makes(regenerate: ModuleType) -> None:
    stale = [str(p.relative_to(EXAMPLES)) for p in regenerate.stale()]
    assert stale == [], "examples drifted from templates/init: run .venv/bin/python examples/regenerate.py"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_each_example_is_what_salesplan_init_writes(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, regenerate: ModuleType
) -> None:
    scenario, lang, _ = plan.name.split(".")
    period = regenerate.example_options(scenario, lang).period
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init", plan.name, "-s", scenario, "--lang", lang, "--period", period])
    assert result.exit_code == 0, result.output
    assert (tmp_path / plan.name).read_bytes() == plan.read_bytes()
    assert (tmp_path / ".salesplan/plan-1.schema.json").read_bytes() == (
        EXAMPLES / ".salesplan/plan-1.schema.json"
    ).read_bytes()


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_each_example_loads_cleanly_and_lints_without_a_finding(plan: Path) -> None:
    loaded = load_plan(plan)
    assert [d.format() for d in loaded.diagnostics] == []
    assert loaded.plan is not None
    result = lint_text(plan.read_text(encoding="utf-8"), str(plan))
    assert [d.format() for d in result.diagnostics] == []


def _schema_file(tmp_path: Path) -> Path:
    schema = tmp_path / "plan.schema.json"
    result = CliRunner().invoke(app, ["schema", "-o", str(schema)])
    assert result.exit_code == 0, result.output
    return schema


def _check(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_check_jsonschema_accepts_every_example(tmp_path: Path) -> None:
    done = _check(_schema_file(tmp_path), *PLANS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_would_notice_a_broken_example(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (EXAMPLES / "sprint.en.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("    kind: core\n", "    kind: core\n    colour: red\n", 1), encoding="utf-8")
    assert _check(_schema_file(tmp_path), broken).returncode == 1


def test_the_quick_start_demo_splits_by_every_kind_of_level() -> None:
    """CI runs `salesplan split examples/regional-expansion.zh.yaml` as the quick-start demo."""
    loaded = load_plan(EXAMPLES / "regional-expansion.zh.yaml")
    assert loaded.plan is not None
    levels = {(str(level.by), level.method) for t in loaded.plan.targets for level in t.split}
    assert levels & {("region", "explicit"), ("region", "history")}
    assert ("product", "history") in levels and ("rep", "capacity") in levels
    assert levels & {("month", "weights"), ("month", "workdays")}
    assert any(p.start for p in loaded.plan.team.people)  # a rep joining mid-period


def test_the_repositorys_reference_plan_is_the_accepted_one() -> None:
    """examples/reference.yaml is plan format 1 as accepted; beside the shared copy it must be that copy."""
    from repo_files import REFERENCE, REPO

    shared = REPO.parent / "shared" / "reference-plan.yaml"
    if shared.exists():
        assert REFERENCE.read_bytes() == shared.read_bytes()
