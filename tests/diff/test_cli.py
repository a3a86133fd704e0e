"""`salesplan diff` as a user runs it: exit codes as `git diff --exit-code`, formats, -o/--force, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salesplan.cli.app import app

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
BASE, CHANGED = str(FIXTURES / "base.plan.yaml"), str(FIXTURES / "changed.plan.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_exit_codes_no_change_changes_error() -> None:
    assert run(BASE, BASE)[0] == 0
    assert run(BASE, CHANGED)[0] == 1
    assert run(BASE)[0] == 2  # one file without --rev
    assert run(BASE, CHANGED, BASE)[0] == 2


def test_no_change_says_so() -> None:
    code, out, _err = run(BASE, BASE, "--lang", "en")
    assert code == 0 and "no change in meaning" in out


@pytest.mark.parametrize("fmt", ["table", "md", "json"])
def test_every_format_in_both_languages(fmt: str) -> None:
    for lang, word in (("zh", "仅因取整"), ("en", "rounding only")):
        code, out, _err = run(BASE, CHANGED, "-f", fmt, "--lang", lang)
        assert code == 1
        if fmt == "json":
            assert json.loads(out)["targets"][1]["parts"][0]["cause"] == "rounding"
        else:
            assert word in out and "+20" in out


def test_the_wrong_number_of_files_is_explained_in_both_languages() -> None:
    assert "1 个文件" in run(BASE)[2]
    assert "1 file was given" in run(BASE, "--lang", "en")[2]
    assert "--rev" in run(BASE, "--textconv", "--rev", "HEAD")[2]


def test_output_file_and_force(tmp_path: Path) -> None:
    out = tmp_path / "diff.md"
    out.write_text("mine", encoding="utf-8")
    code, _out, err = run(BASE, CHANGED, "-f", "md", "-o", str(out))
    assert code == 2 and "--force" in err and out.read_text(encoding="utf-8") == "mine"
    code, _out, err = run(BASE, CHANGED, "-f", "md", "-o", str(out), "--force")
    assert code == 1 and err.strip().splitlines()[-1] == f"已写入 {out}"
    assert out.read_text(encoding="utf-8").startswith("## 计划变更")


def test_the_output_is_never_an_input(tmp_path: Path) -> None:
    plan = tmp_path / "p.plan.yaml"
    shutil.copy(BASE, plan)
    code, _out, _err = run(str(plan), CHANGED, "-o", str(plan), "--force")
    assert code == 2 and plan.read_text(encoding="utf-8") == Path(BASE).read_text(encoding="utf-8")


def test_a_plan_that_does_not_load_is_exit_2_with_located_diagnostics(tmp_path: Path) -> None:
    broken = tmp_path / "broken.plan.yaml"
    broken.write_text(
        "salesplan: 1\nplan:\n  name: x\n  period: {start: 2026-07-01, end: 2026-09-30\n", encoding="utf-8"
    )
    out = tmp_path / "out.md"
    code, stdout, err = run(BASE, str(broken), "-f", "md", "-o", str(out))
    assert code == 2 and stdout == ""
    assert f"{broken}:4:" in err and "SP004" in err  # file:line:col CODE
    assert not out.exists()


def test_both_plans_broken_are_both_reported(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text("salesplan: 1\nplan: {name: x}\n", encoding="utf-8")
    two.write_text("salesplan: 1\ntargts: []\n", encoding="utf-8")
    code, _out, err = run(str(one), str(two), "--lang", "en")
    assert code == 2 and str(one) in err and str(two) in err and "targts" in err


def test_a_plan_that_does_not_split_is_exit_2(tmp_path: Path) -> None:
    """Reps asked for more than their capacity: SP051, located, as `salesplan split` says it."""
    plan = tmp_path / "over.plan.yaml"
    text = Path(BASE).read_text(encoding="utf-8")
    text = text.replace("{id: 周杰, role: rep, region: 华南}", "{id: 周杰, role: rep, region: 华南, capacity: 10}")
    text = text.replace("method: weights, weights: {李雷: 3, 韩梅: 2, 周杰: 1}", "method: capacity")
    text = text.replace("{id: 李雷, role: rep, region: 华东}", "{id: 李雷, role: rep, region: 华东, capacity: 10}")
    text = text.replace("{id: 韩梅, role: rep, region: 华东}", "{id: 韩梅, role: rep, region: 华东, capacity: 10}")
    plan.write_text(text, encoding="utf-8")
    code, stdout, err = run(BASE, str(plan))
    assert code == 2 and stdout == "" and "SP051" in err and f"{plan}:" in err


def test_a_missing_file_is_exit_2() -> None:
    code, _out, err = run(BASE, str(FIXTURES / "nope.yaml"))
    assert code == 2 and "SP001" in err


def test_textconv_of_a_plan_that_does_not_load_shows_it_as_written(tmp_path: Path) -> None:
    broken = tmp_path / "broken.plan.yaml"
    broken.write_text("salesplan: 1\nplan: [\n", encoding="utf-8")
    code, out, err = run("--textconv", str(broken))
    assert code == 0  # git log -p must not stop at a broken commit
    assert out.splitlines()[1:] == ["salesplan: 1", "plan: ["] and "SP004" in err
