"""--help and usage errors speak the user's language: Chinese help holds no English sentence, English
help no Chinese; the language is --lang, else SALESPLAN_LANG, else the locale, else Chinese."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from salesplan.cli.app import COMMANDS, app
from salesplan.cli.click_words import error_message, reason
from salesplan.cli.help import lang_in
from salesplan.cli.wrap import columns, wide_wrap
from salesplan.i18n import Message, resolve_lang

NAMES = [name for name, _module, _function in COMMANDS]
# commands whose help texts are not in the cli catalog yet (their module has no HELP): only ever shrinks
HELP_PENDING: set[str] = set()
TRANSLATED = [name for name in NAMES if name not in HELP_PENDING]
CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
# what may stay Latin in a Chinese help page: option names, metavars, the usage line's placeholders
NOT_WORDS = re.compile(r"--?[\w-]+|<[^>]*>|\{[^}]*\}|\[[A-Z]+\]")
# three Latin words in a row (`table、json、csv 或 yaml` is a list of identifiers, not a sentence)
SENTENCE = re.compile(r"[A-Za-z][A-Za-z']*(?:[ ,;:]+[A-Za-z][A-Za-z']*){2,}")
PLAIN_METAVAR = re.compile(r"<(?:[a-z]+(?:,\.\.\.)?|[a-z0-9-]+(?:\|[a-z0-9-]+)+)>")


def help_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def english_sentences(text: str) -> list[str]:
    return SENTENCE.findall(NOT_WORDS.sub(" ", text))


@pytest.mark.parametrize("command", ["", *TRANSLATED])
@pytest.mark.parametrize("how", ["SALESPLAN_LANG", "--lang", "locale", "default"])
def test_chinese_help_has_no_english_sentence(command: str, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = [command] if command else []
    if how == "SALESPLAN_LANG":
        monkeypatch.setenv("SALESPLAN_LANG", "zh")
    elif how == "--lang" and command in ("split", "lint", "review", "init", "risks", "export", "schema"):
        monkeypatch.setenv("SALESPLAN_LANG", "en")  # --lang wins over the environment
        args.extend(["--lang", "zh"])
    elif how == "locale":
        monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    text = help_of(*args)
    assert text.startswith("用法：salesplan") and "显示此帮助并退出。" in text
    rows = [line for line in text.splitlines() if not any(line.startswith(f"  {name} ") for name in HELP_PENDING)]
    assert english_sentences("\n".join(rows)) == []


@pytest.mark.parametrize("command", ["", *NAMES])
@pytest.mark.parametrize("how", ["SALESPLAN_LANG", "--lang", "locale"])
def test_english_help_has_no_chinese(command: str, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = [command] if command else []
    if how == "SALESPLAN_LANG":
        monkeypatch.setenv("SALESPLAN_LANG", "en")
    elif how == "--lang" and command not in ("", "rules"):
        monkeypatch.setenv("SALESPLAN_LANG", "zh")
        args.extend(["--lang", "en"])
    else:
        monkeypatch.setenv("LANG", "en_US.UTF-8")
        monkeypatch.delenv("LC_ALL")
    text = help_of(*args)
    assert text.startswith("Usage: salesplan") and "Show this message and exit." in text
    assert not CJK.search(text), text


def test_every_translated_command_has_help_and_a_summary() -> None:
    from importlib import import_module

    for name, module, _function in COMMANDS:
        found = {isinstance(getattr(import_module(module), attr, None), Message) for attr in ("HELP", "SUMMARY")}
        assert found == ({False} if name in HELP_PENDING else {True}), name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_metavars_are_plain_and_the_same_on_every_command(lang: str) -> None:
    seen: dict[str, set[str]] = {}
    for command in NAMES:
        text = help_of(command, "--lang", lang) if command != "rules" else help_of(command)
        for metavar in re.findall(r"<[^>]*>", text):
            assert PLAIN_METAVAR.fullmatch(metavar), (command, metavar)
        for option, metavar in re.findall(r"(--[\w-]+) (<[^>|]*>)", text):
            seen.setdefault(option, set()).add(metavar)
    assert {option: names for option, names in seen.items() if len(names) > 1} == {}
    assert seen["--output"] == {"<path>"} and seen["--target"] == {"<id,...>"} and seen["--as-of"] == {"<date>"}
    assert seen["--select"] == {"<code,...>"}


def test_a_lists_argument_shows_the_type_of_one_item() -> None:
    assert "paths... <path>" in help_of("lint")
    assert "<list[" not in help_of("lint") and "<Path>" not in help_of("lint")


@pytest.mark.parametrize("command", TRANSLATED)
def test_chinese_help_lines_fit_the_terminal(command: str) -> None:
    for line in help_of(command).splitlines():
        if CJK.search(line):
            assert columns(line) <= 80, line


def test_a_command_speaks_the_language_of_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert "[默认：zh]" in help_of("split")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL")
    assert "[default: en]" in help_of("split")
    english = runner.invoke(app, ["rules", "SP000"])
    assert english.stderr == "salesplan: unknown rule 'SP000' (run `salesplan rules` for the list)\n"
    monkeypatch.setenv("SALESPLAN_LANG", "zh")
    chinese = runner.invoke(app, ["rules", "SP000"])
    assert chinese.stderr == "salesplan: 未知规则 'SP000'（运行 `salesplan rules` 查看列表）\n"


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["split", "--nope"],
            "错误：没有选项 --nope（可能是：--force）",
            "Error: No such option: --nope (Possible options: --force)",
        ),
        (["split"], "错误：缺少参数 'plan'。", "Error: Missing argument 'plan'."),
        (["export", "p.yaml", "-o"], "错误：选项 '-o' 需要一个值。", "Error: Option '-o' requires an argument."),
        (["splt"], "错误：没有命令 'splt'。是否想用 'split'？", "Error: No such command 'splt'. Did you mean 'split'?"),
        (["split", "a", "b"], "错误：多余的参数（b）", "Error: Got unexpected extra argument(s) (b)"),
        (["split", "a", "-t"], "错误：选项 '-t' 需要一个值。", "Error: Option '-t' requires an argument."),
        (["lint", "--force=1"], "错误：选项 '--force' 不接受值。", "Error: Option '--force' does not take a value."),
        (
            ["split", "a", "--depth", "-1"],
            "错误：'--depth' 的值无效：应大于或等于 0",
            "Error: Invalid value for '--depth': Input should be greater than or equal to 0",
        ),
        (
            ["split", "a", "-f", "x"],
            "错误：'--format' / '-f' 的值无效：'x' 不是可选值（'table', 'json', 'csv', 'yaml'）之一。",
            "Error: Invalid value for '--format' / '-f': "
            "Value error, 'x' is not one of 'table', 'json', 'csv', 'yaml'.",
        ),
    ],
)
def test_usage_errors_in_both_languages(args: list[str], zh: str, en: str, monkeypatch: pytest.MonkeyPatch) -> None:
    chinese = CliRunner().invoke(app, args)
    assert chinese.exit_code == 2 and chinese.stderr.splitlines()[-1] == zh
    monkeypatch.setenv("SALESPLAN_LANG", "en")
    english = CliRunner().invoke(app, args)
    assert english.exit_code == 2 and english.stderr.splitlines()[-1] == en  # click's own words, unchanged


def test_a_usage_error_names_the_usage_and_the_help_option() -> None:
    lines = CliRunner().invoke(app, ["split", "--nope"]).stderr.splitlines()
    assert lines[:2] == ["用法：salesplan split [OPTIONS] {plan}", "运行 'salesplan split -h' 查看帮助。"]


def test_an_error_text_no_pattern_knows_is_shown_as_click_wrote_it() -> None:
    assert reason("Something new happened.") == "Something new happened."
    assert error_message("Something new happened.", "zh") == "错误：Something new happened."
    nested = reason("Invalid value for '--x': Input should be a valid integer, unable to parse string")
    assert isinstance(nested, Message) and nested.render("zh") == "'--x' 的值无效：应为整数"


def test_lang_in_reads_the_option_as_typer_will() -> None:
    assert lang_in(["split", "p.yaml", "--lang", "en"]) == "en"
    assert lang_in(["split", "--lang=zh", "p.yaml"]) == "zh"
    assert lang_in(["split", "--lang", "zh", "--lang", "en"]) == "en"
    assert lang_in(["split", "--", "--lang", "en"]) is None
    assert lang_in(["split", "--lang"]) is None
    assert lang_in([]) is None


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("en", {"SALESPLAN_LANG": "zh", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ("zh", {"SALESPLAN_LANG": "en", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"SALESPLAN_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        (None, {"SALESPLAN_LANG": "zh_TW", "LANG": "en_GB.UTF-8"}, "zh"),
        ("fr", {"SALESPLAN_LANG": "en"}, "en"),  # not a language of salesplan: the next choice
        (None, {"SALESPLAN_LANG": "", "LANG": "en_US.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # another real language: English
        (None, {"LANG": "zh_CN.GB18030"}, "zh"),
        (None, {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # C names no language
        (None, {"LANG": "POSIX"}, "zh"),
        (None, {}, "zh"),
    ],
)
def test_resolve_lang_precedence(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_lang(option, environ) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "zh"),
        ({"LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "SALESPLAN_LANG": "zh"}, "zh"),
        ({"LC_ALL": "zh_CN.UTF-8", "SALESPLAN_LANG": "en"}, "en"),
    ],
)
def test_resolve_lang_reads_the_process_environment(
    environ: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert resolve_lang() == expected
    assert resolve_lang("zh" if expected == "en" else "en") != expected  # --lang beats them all


def test_wide_text_wraps_by_columns_and_keeps_punctuation_beside_its_word() -> None:
    wrap = wide_wrap(lambda *args: "click")
    assert wrap("plain English text", 10) == "click"
    text = "输出语言：zh 或 en（默认取 SALESPLAN_LANG，其次取系统语言环境，否则为 zh）。"
    for width in range(16, 60):  # the widest piece, SALESPLAN_LANG，, takes 16 columns
        lines = wrap(text, width, preserve_paragraphs=True).splitlines()
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:
            assert columns(line) <= width
            assert not re.match(r"[，。、；：！？）]", line) and not line.endswith("（")
