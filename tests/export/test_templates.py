"""`--template DIR`: users override the Markdown templates, inside jinja2's sandbox with StrictUndefined."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def template_dir(root: Path, name: str, text: str) -> Path:
    folder = root / "tpl"
    (folder / "export").mkdir(parents=True, exist_ok=True)
    (folder / "export" / name).write_text(text, encoding="utf-8")
    return folder


def test_a_user_template_overrides_one_file(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    folder = template_dir(tmp_path, "table.md.j2", "{{ table.title }} has {{ table.rows | length }} rows\n")
    out = tmp_path / "out.md"
    result = cli("export", reference_path, "-o", out, "--template", folder, "--tables", "execution,risks")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "销售策略执行计划表 has 8 rows" in text and "风险评估与应对表 has 3 rows" in text
    assert text.startswith("# 华东大区")  # plan.md.j2 is still ours


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ ''.__class__.__mro__ }}", "unsafe"),
        ("{{ doc.__class__.__init__.__globals__ }}", "unsafe"),
        ("{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}", "unsafe"),
        ("{{ tables[0].rows.__len__() }}", "unsafe"),
        ("{{ no_such_thing }}", "undefined"),
        ("{{ doc.title.missing }}", "undefined"),
        ("{% for x in %}", "syntax error"),
        ("{% include 'export/nope.md.j2' %}", "not found"),
    ],
)
def test_a_bad_user_template_is_a_clean_error(
    cli: Cli, reference_path: Path, tmp_path: Path, template: str, message: str
) -> None:
    folder = template_dir(tmp_path, "plan.md.j2", template)
    out = tmp_path / "out.md"
    result = cli("export", reference_path, "-o", out, "--template", folder)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not out.exists()
    assert "object at 0x" not in result.output and "<class" not in result.output


def test_a_template_folder_without_export_templates_is_refused(cli: Cli, reference_path: Path, tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text("x", encoding="utf-8")
    result = cli("export", reference_path, "-o", tmp_path / "out.md", "--template", tmp_path)
    assert result.exit_code == 2 and "export/plan.md.j2" in result.output
    result = cli("export", reference_path, "-o", tmp_path / "out.md", "--template", tmp_path / "missing")
    assert result.exit_code == 2 and "不存在" in result.output
    assert not (tmp_path / "out.md").exists()
