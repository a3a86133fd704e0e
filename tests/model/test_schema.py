"""The JSON Schema, checked by the real check-jsonschema."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.model.schema import schema_text

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO_REFERENCE
CHECK = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name("check-jsonschema"))


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "plan-1.schema.json"
    path.write_text(schema_text(), encoding="utf-8")
    return path


def run_check(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHECK, "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True)


def test_reference_and_examples_pass(schema_file: Path) -> None:
    examples = sorted((REPO / "examples").glob("*.yaml"))
    proc = run_check(schema_file, REFERENCE, *examples)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_unknown_top_level_key_fails(schema_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(REFERENCE.read_text(encoding="utf-8").replace("targets:", "targts:"), encoding="utf-8")
    proc = run_check(schema_file, bad)
    assert proc.returncode == 1
    assert "targts" in proc.stdout


def test_bad_enum_fails(schema_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = REFERENCE.read_text(encoding="utf-8").replace("probability: medium", "probability: sometimes")
    bad.write_text(text, encoding="utf-8")
    assert run_check(schema_file, bad).returncode == 1
