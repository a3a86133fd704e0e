"""Every YAML parser message, from libyaml and from the pure-Python parser, in plain en and zh."""

from __future__ import annotations

import re

import pytest
import yaml

from salesplan.loader import load_text
from salesplan.loader.parser_phrases import CONTEXTS, PHRASES, context_for, phrase_for
from salesplan.loader.syntax import syntax_diagnostic

C, PY = yaml.CSafeLoader, yaml.SafeLoader

SKIP = "skip"
# (YAML text, the phrase libyaml's message is, the phrase the pure-Python parser's message is; None:
# that parser reads the text without error)
TRIGGERS: list[tuple[str, str, str | None]] = [
    ("a: @x\n", "cannot-start-token", "cannot-start-token"),
    ("a: `x\n", "cannot-start-token", "cannot-start-token"),
    ("a:\n\tb: 1\n", "cannot-start-token", "cannot-start-token"),
    ("a:\n  b: 1\n\tc: 2\n", "tab-indentation", "cannot-start-token"),
    ("a: |\n  x\n\t y\n", "tab-indentation", "cannot-start-token"),
    ("a: b: c\n", "mapping-value-not-allowed", "mapping-value-not-allowed"),
    ("a: 1\n b: 2\n", "mapping-value-not-allowed", "mapping-value-not-allowed"),
    ("a: ? b\n", "mapping-key-not-allowed", "mapping-key-not-allowed"),
    ("a: - b\n", "sequence-entry-not-allowed", "sequence-entry-not-allowed"),
    ("? a\nb\n: c\n", "missing-colon", "missing-colon"),
    ("a:\n    b: 1\n  c: 2\n", "expected-key", "expected-block-end"),
    ("a: 'x' y\n", "expected-key", "expected-block-end"),
    ("- a\nb: 1\n", "expected-dash", "expected-block-end"),
    ('a: "abc\n', "end-of-stream", "end-of-stream"),
    ("a: 'x\n---\ny'\n", "document-marker-in-text", "document-marker-in-text"),
    ("a: [1, 2 x: y: z]\n", "flow-sequence-unclosed", "flow-sequence-unclosed"),
    ("a: [1, 2\n", "flow-sequence-unclosed", "flow-sequence-unclosed"),
    ("a: {b: 1\nc: 2\n", "flow-mapping-unclosed", "flow-mapping-unclosed"),
    ("a: {x: 1, y: [}\n", "node-content", "node-content"),
    ("a: *nope\n", "undefined-alias", "undefined-alias"),
    ("a: &x 1\nb: &x 2\n", "duplicate-anchor", "duplicate-anchor"),
    ("salesplan: 1\n---\nb: 2\n", "second-document", "second-document"),
    ("a: 1\n...\nb: 2\n", "expected-document-start", "expected-document-start"),
    ("{a: 1}}\n", "expected-document-start", "expected-document-start"),
    ('a: "\\q"\n', "unknown-escape", "unknown-escape"),
    ('a: "\\x4"\n', "hex-escape", "hex-escape"),
    ('a: "\\uZZZZ"\n', "hex-escape", "hex-escape"),
    ("a: |0\n  x\n", "indentation-indicator-zero", "indentation-indicator-zero"),
    ("a: |x\n  x\n", "only-comment-may-follow", "only-comment-may-follow"),
    ("%YAML 1.1 x\n---\na: 1\n", "only-comment-may-follow", "only-comment-may-follow"),
    ("a: !foo{x}\n", "space-expected", "space-expected"),
    ("%TAG !a!b\n---\na: 1\n", "space-expected", "space-expected"),
    ("a: !e!foo x\n", "tag-syntax", "tag-syntax"),
    ("a: !<foo x\n", "tag-syntax", "tag-syntax"),
    ("a: !<> x\n", "tag-syntax", "tag-syntax"),
    ("a: !a%zz x\n", "tag-syntax", "tag-syntax"),
    ("%TAG a b\n---\na: 1\n", "tag-syntax", "tag-syntax"),
    ("a: &\n", "name-expected", "name-expected"),
    ("a: *\n", "name-expected", "name-expected"),
    ("%YAML1.1\n---\na: 1\n", "name-expected", "name-expected"),
    ("% x\n---\na: 1\n", "directive", "name-expected"),
    ("%YAML 2.0\n---\na: 1\n", "directive", "directive"),
    ("%FOO\n---\na: 1\n", "directive", None),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "directive", "directive"),
    ("%TAG !e! tag:x,2000:\n%TAG !e! tag:y,2000:\n---\na: 1\n", "directive", "directive"),
    ("%YAML a\n---\na: 1\n", "directive", "directive"),
    ("%YAML 1.1x\n---\na: 1\n", "only-comment-may-follow", "directive"),
    ("%YAML 1\n---\na: 1\n", "directive", "directive"),
    ("%YAML 1.11111111111111111111\n---\na: 1\n", "directive", None),
    ("[" * 1100, "nesting-limit", SKIP),  # the pure-Python parser recurses instead (SP007 catches it first)
]


def _error(text: str, loader: type) -> yaml.YAMLError | None:
    if loader is PY and text.startswith("[" * 1000):
        return None
    try:
        yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        return exc
    return None


def _cases() -> list[object]:
    out = []
    for i, (text, c_key, py_key) in enumerate(TRIGGERS):
        out.append(pytest.param(text, C, c_key, id=f"{i}-C-{c_key}"))
        out.append(pytest.param(text, PY, py_key, id=f"{i}-py-{py_key}"))
    return out


@pytest.mark.parametrize(("text", "loader", "key"), _cases())
def test_each_parser_message_is_in_the_table(text: str, loader: type, key: str | None) -> None:
    exc = _error(text, loader)
    if key is None or key == SKIP:
        assert exc is None
        return
    assert isinstance(exc, yaml.MarkedYAMLError)
    phrase = phrase_for(str(exc.problem))
    assert phrase is not None and phrase.key == key, (exc.context, exc.problem)
    if exc.context is not None:
        assert context_for(exc.context) is not None, exc.context
    diag = syntax_diagnostic("p.yaml", exc, text)
    assert diag.code == "SP004"
    assert "the parser says" not in diag.message  # a known message is never quoted raw
    assert diag.hint and diag.hint_zh
    assert diag.message_zh and diag.message_zh.startswith("YAML 语法错误：")


def test_every_phrase_and_every_wording_is_triggered_by_a_real_file() -> None:
    problems, contexts = [], []
    for text, _, _ in TRIGGERS:
        for loader in (C, PY):
            exc = _error(text, loader)
            if isinstance(exc, yaml.MarkedYAMLError):
                problems.append(str(exc.problem))
                contexts.append(str(exc.context))
    for phrase in PHRASES:
        for pattern in phrase.compiled:
            assert any(pattern.fullmatch(p) for p in problems), (phrase.key, pattern.pattern)
    unused = [c.key for c in CONTEXTS if not any(c.matches(x) for x in contexts)]
    assert unused == []


ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}")


def _no_parser_english(zh: str, exc: yaml.YAMLError) -> None:
    for said in (getattr(exc, "problem", None), getattr(exc, "context", None)):
        if said:
            assert str(said) not in zh
    assert ENGLISH_RUN.search(zh) is None, zh


def _broken_files() -> list[str]:
    from tests.loader.test_malformed import CASES

    return [text for text, _, _ in TRIGGERS] + [text for _, text, code, *_ in CASES if code == "SP004"]


def test_no_chinese_syntax_message_holds_english_from_the_parser() -> None:
    checked = 0
    for text in _broken_files():
        for loader in (C, PY):
            exc = _error(text, loader)
            if exc is None:
                continue
            diag = syntax_diagnostic("p.yaml", exc, text)
            _no_parser_english(diag.message_zh or "", exc)
            _no_parser_english(diag.hint_zh or "", exc)
            checked += 1
    assert checked > 100


def test_the_loader_speaks_plainly_about_a_second_document() -> None:
    [diag] = load_text("salesplan: 1\n---\nb: 2\n", "p.yaml").diagnostics
    assert (diag.code, diag.line, diag.col) == ("SP004", 2, 1)
    assert (
        diag.message == "YAML syntax error: a second YAML document starts here ('---'); a plan file holds exactly one"
    )
    assert diag.message_zh == "YAML 语法错误：此处开始了第二个 YAML 文档（'---'）；一个计划文件只能包含一个文档"
    assert diag.hint_zh == "删除 '---' 行及其后的内容，或把第二个计划放到单独的文件中"


def test_names_and_characters_come_from_the_file_whatever_the_parser() -> None:
    for loader in (C, PY):
        exc = _error("a: &x 1\nb: &x 2\n", loader)
        assert isinstance(exc, yaml.MarkedYAMLError)
        diag = syntax_diagnostic("p.yaml", exc, "a: &x 1\nb: &x 2\n")
        assert (
            diag.message
            == "YAML syntax error: the anchor '&x' is defined a second time (first defined at line 1, column 4)"
        )
        assert diag.message_zh == "YAML 语法错误：锚点 '&x' 被第二次定义（首次定义于第 1 行第 4 列）"
        exc = _error("a: @x\n", loader)
        assert exc is not None
        diag = syntax_diagnostic("p.yaml", exc, "a: @x\n")
        assert diag.message_zh == "YAML 语法错误：字符 '@' 不能出现在值的开头"


def test_an_unclosed_bracket_points_where_it_opened_with_both_parsers() -> None:
    text = "a: [1, 2\n\n"
    for loader in (C, PY):
        exc = _error(text, loader)
        assert exc is not None
        diag = syntax_diagnostic("p.yaml", exc, text)
        assert (diag.line, diag.col) == (1, 4)
        assert (
            diag.message
            == "YAML syntax error: the [...] list that starts here is not closed before the file ends at line 3"
        )
        assert diag.message_zh == "YAML 语法错误：此处开始的 [...] 列表直到文件结束（第 3 行）都没有闭合"


def test_an_unknown_parser_message_falls_back_to_a_plain_sentence() -> None:
    mark = yaml.Mark("p.yaml", 5, 1, 0, None, None)
    exc = yaml.MarkedYAMLError("while doing something new", mark, "found a thing never seen", mark)
    diag = syntax_diagnostic("p.yaml", exc, "a: 1\nb\n")
    assert diag.message == (
        "YAML syntax error: the text here is not valid YAML"
        " (the parser says: while doing something new: found a thing never seen)"
    )
    assert diag.message_zh == "YAML 语法错误：此处的内容不是有效的 YAML"
    assert diag.hint_zh and "thing" not in diag.hint_zh
    assert (diag.line, diag.col) == (2, 1)
