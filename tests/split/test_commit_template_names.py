"""`split --commitments-template`: the template is a CSV file; a name or an -o that says otherwise is refused
before any work (exit 2, nothing written), in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["split", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "plan.yaml"
    shutil.copy(REFERENCE, copy)
    return copy


@pytest.mark.parametrize("name", ["commit.xlsx", "commit.txt", "commit.tsv", "commit"])
def test_a_name_other_than_csv_is_refused_and_nothing_written(plan: Path, name: str) -> None:
    template = plan.parent / name
    code, out, err = run(str(plan), "--commitments-template", str(template))
    assert (code, out) == (2, "")
    assert f"请以 .csv 命名，而不是 '{name}'" in err
    assert not template.exists()
    code, _out, err = run(str(plan), "--commitments-template", str(template), "--lang", "en")
    assert code == 2 and f"name it .csv, not '{name}'" in err and not template.exists()


def test_an_existing_workbook_is_left_as_it_was(plan: Path) -> None:
    template = plan.parent / "commit.xlsx"
    template.write_bytes(b"PK\x03\x04 a workbook")
    code, _out, _err = run(str(plan), "--commitments-template", str(template), "--force")
    assert code == 2 and template.read_bytes() == b"PK\x03\x04 a workbook"


def test_an_output_beside_the_template_is_refused(plan: Path) -> None:
    template, output = plan.parent / "commit.csv", plan.parent / "split.json"
    code, _out, err = run(str(plan), "--commitments-template", str(template), "-o", str(output))
    assert code == 2 and f"请去掉 -o {output}" in err
    assert not template.exists() and not output.exists()


def test_an_upper_case_csv_suffix_is_a_csv(plan: Path) -> None:
    template = plan.parent / "COMMIT.CSV"
    code, _out, _err = run(str(plan), "--commitments-template", str(template))
    assert code == 0
    assert template.read_text(encoding="utf-8-sig").splitlines()[1] == "T1,east-a,device,李雷,96,"
