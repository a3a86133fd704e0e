"""`salesplan lint PLAN --commitments FILE`: SP205 compares a file's commitments as it compares `commit:`.

Hand-computed on the reference plan: T1's east-a is allocated 300 (explicit), its rep 李雷 160
(device 96 + consumable 64); T2 (30 new customers) gives east-b 12 by history (40%), split evenly
over its reps 周杰 and 吴敏: 6 each.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app

ANCHOR = "    split:                            # levels"
GOOD = "目标,区域,销售,承诺\nT1,A区,,280\nT1,east-a,李雷,90\n新增客户数,,周杰,7\n"


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def _findings(out: str) -> list[tuple[str, int, int, str]]:
    found = json.loads(out)["diagnostics"]
    return [(Path(d["file"]).name, d["line"], d["column"], d["message"]) for d in found if d["code"] == "SP205"]


def _plan(tmp_path: Path, commit: str | None = None) -> Path:
    text = REFERENCE.read_text(encoding="utf-8")
    if commit is not None:
        text = text.replace(ANCHOR, f"    commit: {commit}\n{ANCHOR}", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_gaps_of_the_file_are_found_at_their_rows(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    file = tmp_path / "commit.csv"
    file.write_text(GOOD, encoding="utf-8")
    code, out, err = lint(str(plan), "--commitments", str(file), "-f", "json", "--lang", "en")
    assert code == 0, err
    # east-a: 280 against 300 is -6.7%, within the 10% band
    assert _findings(out) == [
        ("commit.csv", 3, 1, "'李雷' commits 90, allocated 160: gap -70 (-43.8%), more than 10%"),
        ("commit.csv", 4, 1, "'周杰' commits 7, allocated 6: gap +1 (+16.7%), more than 10%"),
    ]


def test_same_finding_as_commit_in_the_plan(tmp_path: Path) -> None:
    with_commit = tmp_path / "a"
    with_commit.mkdir()
    code, out, _err = lint(str(_plan(with_commit, "{east-a: 280, 李雷: 90}")), "-f", "json", "--lang", "en")
    from_plan = [(m, line) for _f, line, _c, m in _findings(out)]
    without = tmp_path / "b"
    without.mkdir()
    file = tmp_path / "commit.csv"
    file.write_text("区域,销售,承诺\nA区,,280\neast-a,李雷,90\n", encoding="utf-8")
    code, out, _err = lint(str(_plan(without)), "--commitments", str(file), "-f", "json", "--lang", "en")
    assert code == 0
    assert [m for m, _line in from_plan] == [m for _f, _l, _c, m in _findings(out)]
    assert [m for m, _line in from_plan] == ["'李雷' commits 90, allocated 160: gap -70 (-43.8%), more than 10%"]


def test_the_file_wins_over_commit(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "{east-a: 200}")  # -33.3%: a finding without the file
    code, out, _err = lint(str(plan), "-f", "json", "--lang", "en")
    assert [m for *_at, m in _findings(out)] == [
        "'east-a' commits 200, allocated 300: gap -100 (-33.3%), more than 10%"
    ]
    file = tmp_path / "commit.csv"
    file.write_text("region,commitment\neast-a,290\n", encoding="utf-8")
    code, out, _err = lint(str(plan), "--commitments", str(file), "-f", "json", "--lang", "en")
    assert code == 0 and _findings(out) == []


def test_a_bad_file_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    file = tmp_path / "commit.csv"
    file.write_text("区域,承诺\nmars,5\nA区,很多\n", encoding="utf-8")
    report = tmp_path / "report.json"
    code, out, err = lint(str(plan), "--commitments", str(file), "-f", "json", "-o", str(report))
    assert code == 2 and out == "" and not report.exists()
    assert f"{file}:2:1: SP063 未知的区域 'mars'" in err
    assert f"{file}:3:2: SP062" in err


def test_one_plan_only(tmp_path: Path) -> None:
    _plan(tmp_path)
    (tmp_path / "other.yaml").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    file = tmp_path / "commit.csv"
    file.write_text(GOOD, encoding="utf-8")
    code, _out, err = lint(str(tmp_path), "--commitments", str(file), "--lang", "en")
    assert code == 2 and "--commitments belongs to one plan" in err
