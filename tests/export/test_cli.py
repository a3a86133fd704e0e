"""`salesplan export` as a user runs it: flags, refusal to overwrite, atomic writes, clean failures."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

Cli = Callable[..., Any]

OVER_CAPACITY = """\
salesplan: 1
plan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: a}]
  people: [{id: r1, role: rep, region: a, capacity: 10}]
targets:
  - {id: T1, value: 100, split: [{by: rep, method: capacity}]}
"""


def sheets(path: Path) -> list[str]:
    return list(openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True).sheetnames)


def test_exports_xlsx_and_markdown(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    book, text = tmp_path / "plan.xlsx", tmp_path / "plan.md"
    assert cli("export", reference_path, "--format", "xlsx", "-o", book).exit_code == 0
    assert sheets(book)[0] == "销售目标设定与拆解表"
    assert cli("export", reference_path, "-o", text).exit_code == 0  # format from the suffix
    assert text.read_text(encoding="utf-8").startswith("# 华东大区 2026 年第三季度销售计划\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md", "plan.xlsx"]  # no temp files left


def test_tables_and_language(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    result = cli("export", reference_path, "-f", "xlsx", "-o", book, "--tables", "timeline,risks", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sheets(book) == ["Risk assessment and response", "Risk heat map", "Timeline (Gantt)", "salesplan"]
    result = cli("export", reference_path, "-o", tmp_path / "x.md", "--tables", "breakdown,bogus")
    assert result.exit_code == 2 and "未知的表 bogus" in result.output
    result = cli("export", reference_path, "-o", tmp_path / "x.md", "--tables", "breakdown,bogus", "--lang", "en")
    assert result.exit_code == 2 and "unknown table bogus" in result.output
    assert not (tmp_path / "x.md").exists()


def test_plan_language_is_the_default(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    plan = tmp_path / "en.yaml"
    plan.write_text(reference_path.read_text(encoding="utf-8").replace("lang: zh", "lang: en"), encoding="utf-8")
    assert cli("export", plan, "-o", tmp_path / "en.md", "--tables", "risks").exit_code == 0
    assert "## Risk assessment and response" in (tmp_path / "en.md").read_text(encoding="utf-8")


def test_refuses_to_overwrite_without_force(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("keep me", encoding="utf-8")
    result = cli("export", reference_path, "-o", out)
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"
    assert cli("export", reference_path, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_a_plan_that_fails_to_load_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("salesplan: 1\nplan: {name: x}\ntargets: [{id: T1, value: lots}]\n", encoding="utf-8")
    result = cli("export", bad, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 2
    assert "bad.yaml:" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_a_split_that_fails_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "over.yaml"
    plan.write_text(OVER_CAPACITY, encoding="utf-8")
    result = cli("export", plan, "-o", tmp_path / "out.md")
    assert result.exit_code == 2 and "SP0" in result.output
    assert not (tmp_path / "out.md").exists()
    # without the breakdown there is nothing to split
    assert cli("export", plan, "-o", tmp_path / "out.md", "--tables", "risks").exit_code == 0


def test_a_failed_write_leaves_no_partial_file(
    cli: Cli, reference_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = cli("export", reference_path, "-o", tmp_path / "plan.xlsx")
    assert result.exit_code == 2 and "磁盘空间不足" in result.output  # the reason in the user's language
    assert list(tmp_path.iterdir()) == []


def test_option_mistakes_are_clean_errors(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    cases = [
        (("export", reference_path, "-o", tmp_path / "plan.txt"), "--format", "请指定 --format"),
        (("export", reference_path, "-f", "xlsx", "-o", "-"), "stdout", "标准输出"),
        (("export", "-o", tmp_path / "x.md"), "--blank", "--blank"),
        (("export", reference_path, "--blank", "-o", tmp_path / "x.md"), "not both", "二者不能同时"),
        (
            ("export", reference_path, "-o", tmp_path / "x.xlsx", "--template", tmp_path),
            "Markdown only",
            "只适用于 Markdown",
        ),
    ]
    for args, english, chinese in cases:
        for lang, message in (("en", english), ("zh", chinese)):
            result = cli(*args, "--lang", lang)
            assert result.exit_code == 2, (args, result.output)
            assert message in result.output and "Traceback" not in result.output, (lang, result.output)
    assert list(tmp_path.iterdir()) == []


def test_markdown_to_stdout(cli: Cli, reference_path: Path) -> None:
    result = cli("export", reference_path, "-f", "md", "-o", "-", "--tables", "execution")
    assert result.exit_code == 0 and "## 销售策略执行计划表" in result.output


def test_command_module_imports_only_typer_and_stdlib() -> None:
    code = (
        "import sys; import salesplan.cli.export_cmd\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'jinja2', 'pydantic', 'yaml'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
