"""Git integration on a real repository: --rev reads a plan with git, and textconv makes `git diff` and
`git log -p` show the breakdown (docs/diff.md)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "planner",
    "GIT_AUTHOR_EMAIL": "planner@example.com",
    "GIT_COMMITTER_NAME": "planner",
    "GIT_COMMITTER_EMAIL": "planner@example.com",
    "GIT_PAGER": "cat",
    "SALESPLAN_LANG": "zh",
}
SALESPLAN = [sys.executable, "-m", "salesplan"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=ENV, capture_output=True, text=True, check=True).stdout


def salesplan(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SALESPLAN, *args], cwd=cwd, env=ENV, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits of plans/q3.plan.yaml: the base plan, then the changed one."""
    git(tmp_path, "init", "-q", "-b", "main")
    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "q3.plan.yaml"
    shutil.copy(FIXTURES / "base.plan.yaml", plan)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Q3 plan")
    shutil.copy(FIXTURES / "changed.plan.yaml", plan)
    git(tmp_path, "commit", "-q", "-am", "华东 +20")
    return tmp_path


def test_rev_compares_a_revision_with_the_working_file(repo: Path) -> None:
    plan = repo / "plans" / "q3.plan.yaml"
    same = salesplan(repo, "diff", str(plan), "--rev", "HEAD")
    assert same.returncode == 0, same.stderr
    back = salesplan(repo, "diff", "plans/q3.plan.yaml", "--rev", "HEAD~1", "-f", "json")
    assert back.returncode == 1, back.stderr
    assert '"old": "plans/q3.plan.yaml@HEAD~1"' in back.stdout and '"delta": "20"' in back.stdout


def test_rev_range_compares_two_revisions_from_any_folder(repo: Path) -> None:
    result = salesplan(repo / "plans", "diff", "q3.plan.yaml", "--rev", "HEAD~1..HEAD", "-f", "md", "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert "| 华东 | region | 300 | 320 | +20 | +6.7% | its inputs changed |" in result.stdout
    # HEAD~1.. is HEAD~1..HEAD
    assert (
        salesplan(repo, "diff", "plans/q3.plan.yaml", "--rev", "HEAD~1..").stdout
        == salesplan(repo, "diff", "plans/q3.plan.yaml", "--rev", "HEAD~1..HEAD").stdout
    )


def test_a_bad_revision_is_a_located_error(repo: Path) -> None:
    for rev in ("no-such-branch", "HEAD~5", "--output=x"):
        result = salesplan(repo, "diff", "plans/q3.plan.yaml", f"--rev={rev}", "--lang", "en")
        assert result.returncode == 2, (rev, result.stdout)
        assert f"plans/q3.plan.yaml@{rev}:1:1: SP001 cannot read the plan at this revision" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (repo / "x").exists()


def test_a_revision_where_the_plan_was_broken(repo: Path) -> None:
    plan = repo / "plans" / "q3.plan.yaml"
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("targets:", "targts:"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "typo")
    plan.write_text(good, encoding="utf-8")
    result = salesplan(repo, "diff", "plans/q3.plan.yaml", "--rev", "HEAD", "--lang", "en")
    assert result.returncode == 2
    assert "plans/q3.plan.yaml@HEAD:" in result.stderr and "targts" in result.stderr


def test_outside_a_repository(tmp_path: Path) -> None:
    plan = tmp_path / "q3.plan.yaml"
    shutil.copy(FIXTURES / "base.plan.yaml", plan)
    env_ceiling = {**ENV, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)}
    result = subprocess.run(
        [*SALESPLAN, "diff", str(plan), "--rev", "HEAD"], env=env_ceiling, capture_output=True, text=True
    )
    assert result.returncode == 2 and "SP001" in result.stderr


def _textconv(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.plan.yaml diff=salesplan\n", encoding="utf-8")
    command = " ".join(shlex.quote(part) for part in [*SALESPLAN, "diff", "--textconv"])
    git(repo, "config", "diff.salesplan.textconv", command)


def test_git_diff_shows_the_breakdown(repo: Path) -> None:
    _textconv(repo)
    out = git(repo, "diff", "HEAD~1", "HEAD", "--", "plans/q3.plan.yaml")
    assert "-拆解 T1 区域=华东: 300万元" in out
    assert "+拆解 T1 区域=华东: 320万元" in out
    assert "-拆解 T1 区域=华东 销售代表=李雷: 180万元" in out and "+拆解 T1 区域=华东 销售代表=李雷: 192万元" in out
    assert "+风险 R1 风险等级: 极高" in out
    assert "+任务 K1 开始日期: 2026-07-06" in out
    assert "values: {华东: 320" not in out  # the YAML lines are not what is compared


def test_git_log_p_shows_the_breakdown_of_every_commit(repo: Path) -> None:
    _textconv(repo)
    out = git(repo, "log", "-p", "--", "plans/q3.plan.yaml")
    assert "+拆解 T1 区域=华东: 320万元" in out  # the second commit
    assert "+拆解 T1 区域=华东: 300万元" in out  # the first commit adds every line
    plain = git(repo, "log", "-p", "--no-textconv", "--", "plans/q3.plan.yaml")
    assert "values: {华东: 320, 华南: 180}" in plain
