"""The rules' documentation in the user's language: every paragraph and summary translated (keeping its
backticked tokens, codes and numbers), the examples printed byte for byte as written, and `salesplan
rules` on the common command surface (-f table|json|md, -o, --force, --lang; --json/--markdown kept)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.doctext import doc_messages, doc_parts, extract_rule_docs, render_doc
from salesplan.i18n import translate
from salesplan.rules import RULES, RuleInfo

CJK = re.compile(r"[\u3400-\u9fff]")
# what a translation keeps as the English writes it: `code`, rule codes, numbers
KEPT = re.compile(r"`[^`]+`|SP\d{3}|\d+(?:[.,]\d+)*")
SP103 = RULES["SP103"]


def _messages(info: RuleInfo) -> list[str]:
    return [*doc_messages(info.doc), info.summary, *(option.doc for option in info.options)]


def _literal_blocks(doc: str) -> list[str]:
    return ["\n".join(part.lines) for part in doc_parts(doc) if part.msgid is None and any(part.lines[0].strip())]


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["rules", *args], env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("code", list(RULES))
def test_every_paragraph_summary_and_option_is_translated_keeping_its_tokens(code: str) -> None:
    for msgid in _messages(RULES[code]):
        text = translate(msgid, "zh")
        assert text != msgid and CJK.search(text), (
            f"{code}: no Chinese for {msgid!r}: run `python -m salesplan.i18n update rules_doc` and translate"
        )
        missing = [token for token in KEPT.findall(msgid) if token not in text]
        assert not missing, (code, msgid, text, missing)


@pytest.mark.parametrize("code", list(RULES))
def test_a_rule_doc_in_chinese_keeps_its_examples_byte_for_byte(code: str) -> None:
    doc = RULES[code].doc
    chinese = render_doc(doc, "zh")
    assert render_doc(doc, "en") == doc
    blocks = _literal_blocks(doc)
    assert len(blocks) >= 2  # a failing and a passing example at least
    for block in blocks:
        assert f"\n{block}\n" in f"{chinese}\n"
    assert [line for line in chinese.splitlines() if line.startswith("    ")] == [
        line for line in doc.splitlines() if line.startswith("    ")
    ]
    for msgid in doc_messages(doc):
        assert translate(msgid, "zh") in chinese


def test_the_paragraphs_of_a_doc_are_cut_as_sphinx_cuts_them() -> None:
    doc = (
        "A title line\nwrapped on two lines.\n\nIts checks:\n- one, `a: 1`;\n- two wraps\n  here;\n\n"
        "Failing example::\n\n    a: 1\n\n    b: [2]\n\nLiteral ::\n\n  x\nAfter."
    )
    parts = doc_parts(doc)
    assert [p.msgid for p in parts if p.msgid] == [
        "A title line wrapped on two lines.",
        "Its checks:",
        "one, `a: 1`;",
        "two wraps here;",
        "Failing example:",
        "Literal",
        "After.",
    ]
    assert [p.lines for p in parts if p.msgid is None and p.lines[0].strip()] == [
        ("    a: 1", "", "    b: [2]"),
        ("  x",),
    ]
    assert [p.lead for p in parts if p.msgid in ("one, `a: 1`;", "Failing example:")] == ["- ", ""]


_LINE = st.lists(
    st.sampled_from([" ", "  ", "- ", "* ", ":", "::", "a", "b", "`x`", "{", "}", "\t", "1", "目"]), max_size=8
).map("".join)


@given(st.lists(_LINE, max_size=12))
def test_the_pieces_of_any_text_give_the_text_back(lines: list[str]) -> None:
    text = "\n".join(lines)
    parts = doc_parts(text)
    assert "\n".join("\n".join(part.lines) for part in parts) == text
    assert render_doc(text, "en") == text
    assert all(part.msgid is None or part.msgid.strip() == part.msgid for part in parts)


def test_extraction_reads_paragraphs_summary_options_and_codes(tmp_path: Path) -> None:
    rule = tmp_path / "sp999_example_rule.py"
    rule.write_text(
        '"""A rule\nin two lines.\n\nFailing example::\n\n    a: 1\n"""\n\n'
        'SUMMARY = "One line."\nLIMIT = Option("x.limit", 5, int, "the limit (default 5)")\n'
        'OTHER = "not a message"\n',
        encoding="utf-8",
    )
    registry = tmp_path / "codes.py"
    registry.write_text('"""Not a rule doc."""\nCODES = {"SP1": Code("name", "A summary.", _E)}\n', encoding="utf-8")
    with rule.open("rb") as handle:
        found = [(line, text) for line, _f, text, _c in extract_rule_docs(handle, {}, [], {})]
    assert found == [
        (1, "A rule in two lines."),
        (4, "Failing example:"),
        (9, "One line."),
        (10, "the limit (default 5)"),
    ]
    with registry.open("rb") as handle:
        assert [text for _l, _f, text, _c in extract_rule_docs(handle, {}, [], {})] == ["A summary."]


def test_rules_sp103_in_chinese_shows_chinese_paragraphs_and_the_examples_as_written() -> None:
    code, out, err = _run("SP103")
    assert code == 0 and err == ""
    head = "SP103 target-not-achievable (error, smart)"
    assert out.startswith(f"{head}\n{'=' * len(head)}\n\n目标必须可实现（SMART A，可实现）")
    assert "\n检查项：\n\n- 相对基线的增长超过 `smart.max-growth`（默认 50%）为错误" in out
    assert (
        "\n失败示例：\n\n    team:\n      people:\n        - {id: 李雷, role: rep, region: east-a, capacity: 160}\n"
        in out
    )
    assert "\n通过示例：\n" in out and "Failing example" not in out and "Three checks" not in out
    assert out.endswith(
        "\n选项：\n  smart.max-growth: 相对基线允许的最大增长，百分比（默认 50）\n"
        "  smart.lower-is-better: 降低才算挑战的指标名片段\n"
    )
    _code, english, _err = _run("SP103", "--lang", "en")
    assert [line for line in out.splitlines() if line.startswith("    ")] == [
        line for line in english.splitlines() if line.startswith("    ")
    ]


def test_rules_sp103_in_english_is_the_module_docstring() -> None:
    code, out, _err = _run("target-not-achievable", "--lang", "en")
    head = "SP103 target-not-achievable (error, smart)"
    options = "".join(f"  {o.key}: {o.doc}\n" for o in SP103.options)
    assert code == 0 and out == f"{head}\n{'=' * len(head)}\n\n{SP103.doc}\n\nOptions:\n{options}"
    assert _run("SP103", env={"SALESPLAN_LANG": "en"})[1] == out
    assert _run("SP103", env={"LC_ALL": "en_US.UTF-8"})[1] == out
    assert _run("SP103", "--lang", "en", env={"SALESPLAN_LANG": "zh"})[1] == out


def test_the_list_is_in_the_chosen_language() -> None:
    _code, chinese, _err = _run()
    _code, english, _err = _run("--lang", "en")
    assert len(chinese.splitlines()) == len(english.splitlines()) == len(RULES)
    assert chinese.splitlines()[0].split() == [
        "SP001",
        "file-unreadable",
        "error",
        "无法读取文件（缺失、是文件夹、没有权限）。",
    ]
    assert english.splitlines()[0].endswith("error    The file cannot be read (missing, a folder, no permission).")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_keeps_its_keys_with_the_summary_in_the_language(lang: str) -> None:
    code, out, _err = _run("-f", "json", "--lang", lang)
    rows = json.loads(out)
    assert code == 0 and [row["code"] for row in rows] == list(RULES)
    for row, info in zip(rows, RULES.values(), strict=True):
        assert set(row) == {"code", "name", "severity", "group", "summary"}
        assert (row["name"], row["severity"], row["group"]) == (info.name, info.severity.value, info.group)
        assert row["summary"] == (info.summary if lang == "en" else translate(info.summary, "zh"))
    one = json.loads(_run("SP103", "--format", "json", "--lang", lang)[1])
    assert one["code"] == "SP103" and one["doc"] == render_doc(SP103.doc, lang)
    assert one["options"][0] == {"key": "smart.max-growth", "doc": translate(SP103.options[0].doc, lang)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_markdown_table_keeps_its_format(lang: str) -> None:
    rows = _run("-f", "md", "--lang", lang)[1].splitlines()
    assert rows[:2] == ["| code | name | severity | summary |", "|---|---|---|---|"]
    for row, info in zip(rows[2:], RULES.values(), strict=True):
        text = translate(info.summary, lang).replace("|", "\\|")
        assert row == f"| {info.code} | `{info.name}` | {info.severity.value} | {text} |"


def test_the_markdown_table_in_docs_is_the_english_registry() -> None:
    lint_md = (Path(__file__).resolve().parents[2] / "docs" / "lint.md").read_text(encoding="utf-8")
    for row in _run("-f", "md", "--lang", "en")[1].splitlines()[2:]:
        code = row.split(" | ")[0].removeprefix("| ")
        if code in lint_md:  # codes being added by a change in progress are listed once it lands
            assert row in lint_md, f"{row}: regenerate the table with `salesplan rules -f md --lang en`"


def test_a_rule_doc_in_markdown_fences_its_examples() -> None:
    out = _run("SP103", "-f", "md")[1]
    assert out.startswith("## SP103 `target-not-achievable`\n\n*error, smart*\n\n目标必须可实现")
    assert "\n检查项：\n\n- 相对基线的增长" in out and "；\n- 没有 `baseline` 的目标" in out
    fence = "```yaml\nteam:\n  people:\n    - {id: 李雷, role: rep, region: east-a, capacity: 160}\n"
    assert f"失败示例：\n\n{fence}" in out
    assert out.count("```yaml\n") == 3 and out.endswith("- `smart.lower-is-better`: 降低才算挑战的指标名片段\n")
    english = _run("SP103", "-f", "md", "--lang", "en")[1]
    assert "\nFailing example:\n\n```yaml\nteam:\n" in english and "Its checks:\n\n- growth over" in english


def test_output_is_written_once_and_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    code, out, err = _run("-f", "md", "-o", str(target))
    assert code == 0 and out == "" and err == f"已写入 {target}\n"
    written = target.read_text(encoding="utf-8")
    assert written == _run("-f", "md")[1]
    code, _out, err = _run("SP103", "-o", str(target), "--lang", "en")
    assert code == 2 and err == f"salesplan: {target} exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == written
    code, _out, err = _run("SP103", "-o", str(target), "--force", "--lang", "en")
    assert code == 0 and err == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == _run("SP103", "--lang", "en")[1]


def test_an_unknown_rule_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, err = _run("SP999", "-o", str(target))
    assert (code, out, err) == (2, "", "salesplan: 未知规则 'SP999'（运行 `salesplan rules` 查看列表）\n")
    assert not target.exists()


@pytest.mark.parametrize(("alias", "fmt"), [("--json", "json"), ("--markdown", "md")])
def test_the_deprecated_spellings_still_work_and_say_so(alias: str, fmt: str) -> None:
    code, out, err = _run(alias)
    assert code == 0 and out == _run("-f", fmt)[1]
    assert err == f"salesplan: {alias} 已弃用；请改用 -f {fmt}\n"
    code, out, err = _run(alias, "--lang", "en")
    assert out == _run("-f", fmt, "--lang", "en")[1]
    assert err == f"salesplan: {alias} is deprecated; use -f {fmt}\n"
    assert alias not in CliRunner().invoke(app, ["rules", "--help"]).stdout


@pytest.mark.parametrize(
    ("args", "options"),
    [(["--json", "-f", "md"], "--json, -f md"), (["--markdown", "--json"], "--json, --markdown")],
)
def test_two_formats_at_once_are_refused(args: list[str], options: str, tmp_path: Path) -> None:
    target = tmp_path / "rules.txt"
    code, out, err = _run(*args, "-o", str(target))
    assert (code, out, err) == (2, "", f"salesplan: {options} 指定了两种格式；请只给一种\n")
    assert _run(*args, "--lang", "en")[2] == f"salesplan: {options} ask for two formats; give one\n"
    assert not target.exists()
    assert _run("--json", "-f", "json")[0] == 0
