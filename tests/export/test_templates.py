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
    ("template", "message", "message_zh"),
    [
        ("{{ ''.__class__.__mro__ }}", "unsafe", "不安全的操作"),
        ("{{ doc.__class__.__init__.__globals__ }}", "unsafe", "不安全的操作"),
        ("{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}", "unsafe", "不安全的操作"),
        ("{{ tables[0].rows.__len__() }}", "unsafe", "不安全的操作"),
        ("{{ no_such_thing }}", "undefined", "未定义的值"),
        ("{{ doc.title.missing }}", "undefined", "未定义的值"),
        ("{% for x in %}", "syntax error", "模板语法错误"),
        ("{% include 'export/nope.md.j2' %}", "not found", "找不到模板"),
    ],
)
def test_a_bad_user_template_is_a_clean_error(
    cli: Cli, reference_path: Path, tmp_path: Path, template: str, message: str, message_zh: str
) -> None:
    folder = template_dir(tmp_path, "plan.md.j2", template)
    out = tmp_path / "out.md"
    for lang, expected in (("en", message), ("zh", message_zh)):
        result = cli("export", reference_path, "-o", out, "--template", folder, "--lang", lang)
        assert result.exit_code == 2, result.output
        assert expected in result.output and "Traceback" not in result.output, (lang, result.output)
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
