"""A YAML parser error -> one located SP004 diagnostic, worded in plain English and Chinese.

The parser's own English goes through the table of `parser_phrases`; a problem the table does
not know gets a general sentence, and only the English message quotes the parser's text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef, inert
from salesplan.loader.parser_phrases import Context, context_for, phrase_for

# what YAML accepts in a stream (YAML 1.1 §5.1); anything else stops the reader
_NOT_YAML_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NAME_AT = re.compile(r"[&*]?([^\s,\[\]{}]+)")

_UNKNOWN = (
    "the text here is not valid YAML",
    "此处的内容不是有效的 YAML",
    "check this line and the one above it: indentation, a ':' after each key, closing quotes and brackets",
    "检查这一行和上一行：缩进、每个键后的 ':'、引号和括号是否闭合",
)
_CLOSED_BY_A_SIGN = ("flow-sequence", "flow-mapping", "quoted-scalar")
_TAB_HINT = ("YAML forbids tabs for indentation: indent with spaces", "YAML 不允许用 Tab 缩进：请改用空格")


def editor_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character as an editor counts them: only LF ends a line (YAML
    also breaks lines at NEL and U+2028, which would shift every later line number)."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def mark_position(mark: Any, text: str) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    if getattr(mark, "index", None) is not None and 0 <= mark.index <= len(text):
        return editor_position(text, mark.index)
    return mark.line + 1, mark.column + 1


def syntax_error(where: SourceRef, message: str, message_zh: str, hint: str | None, hint_zh: str | None) -> Diagnostic:
    return codes.diagnostic(
        codes.YAML_SYNTAX, where, f"YAML syntax error: {message}", f"YAML 语法错误：{message_zh}", (), hint, hint_zh
    )


def _forbidden_character(file: str, exc: yaml.reader.ReaderError, text: str) -> Diagnostic:
    """A control or non-character in the file: located where it is, named, with what to do."""
    found = _NOT_YAML_CHAR.search(text)
    index = found.start() if found else min(max(exc.position, 0), len(text))
    char = text[index] if index < len(text) else "\x00"
    line, col = editor_position(text, index)
    code_point = f"U+{ord(char):04X}"
    name, name_zh = unicodedata.name(char, "control character"), unicodedata.name(char, "控制字符")
    return syntax_error(
        SourceRef(file, line, col),
        f"character {code_point} ({name}) is not allowed in a YAML file",
        f"YAML 文件中不允许出现字符 {code_point}（{name_zh}）",
        f'delete it; to keep it, write it as an escape inside double quotes, e.g. "\\u{ord(char):04x}"',
        f'删除它；如需保留，请在双引号字符串中写成转义形式，例如 "\\u{ord(char):04x}"',
    )


def _index(mark: Any, text: str) -> int | None:
    index = getattr(mark, "index", None)
    return index if isinstance(index, int) and 0 <= index <= len(text) else None


def _fill(template: str, text: str, at: int | None, lang: str) -> str:
    """`{char}` and `{name}` from the file at the error: libyaml does not quote them."""
    if "{char}" not in template and "{name}" not in template:
        return template
    char = text[at] if at is not None and at < len(text) else ""
    match = _NAME_AT.match(text, at) if at is not None else None
    name = inert(match[1]) if match else "?"
    if lang == "zh":
        quoted = f"字符 '{inert(char)}' " if char.strip() else "该字符"
        shown = "Tab 字符" if char == "\t" else quoted
    else:
        shown = (
            "a tab character"
            if char == "\t"
            else f"the character '{inert(char)}'"
            if char.strip()
            else "this character"
        )
    return template.replace("{char}", shown).replace("{name}", name)


def _context_note(
    ctx: Context | None, raw: str | None, line: int, col: int, text: str, at: int | None
) -> tuple[str, str]:
    """` (in the [...] list opened at line 50, column 17)` in English and Chinese."""
    if ctx is None:
        return (f" (the parser says: {raw})", "") if raw else ("", "")
    if ctx.key == "first-anchor":
        return (f" (first defined at line {line}, column {col})", f"（首次定义于第 {line} 行第 {col} 列）")
    if not ctx.en:
        return "", ""
    en, zh = _fill(ctx.en, text, at, "en"), _fill(ctx.zh, text, at, "zh")
    return (
        f" (in the {en} opened at line {line}, column {col})",
        f"（位于第 {line} 行第 {col} 列开始的{_spaced(zh)}中）",
    )


def _spaced(zh: str) -> str:
    """A space between Chinese text and a construct written with ASCII signs: `的 [...] 列表`."""
    return f" {zh}" if zh[:1].isascii() else zh


def syntax_diagnostic(file: str, exc: yaml.YAMLError, text: str) -> Diagnostic:
    """The parser's error (C or pure-Python parser alike) as a located SP004 in both languages."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _forbidden_character(file, exc, text)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    phrase, ctx = phrase_for(problem), context_for(context) if context else None
    mark = problem_mark or context_mark
    at = _index(problem_mark, text)
    if phrase is None:
        said = f"{context}: {problem}" if context else problem
        message, message_zh = f"{_UNKNOWN[0]} (the parser says: {said})", _UNKNOWN[1]
        hint, hint_zh = _UNKNOWN[2], _UNKNOWN[3]
    else:
        message, message_zh = _fill(phrase.en, text, at, "en"), _fill(phrase.zh, text, at, "zh")
        hint, hint_zh = _fill(phrase.hint, text, at, "en"), _fill(phrase.hint_zh, text, at, "zh")
        # the end of the file reached inside a construct: libyaml says only what it expected there
        at_end = at is not None and not text[at:].strip() and ctx is not None and ctx.key in _CLOSED_BY_A_SIGN
        unclosed = phrase.key == "end-of-stream" or problem.endswith("'<stream end>'") or at_end
        if context_mark is not None and problem_mark is not None and unclosed:
            # an unclosed quote or bracket: point at where it opened, not at the end of the file
            end_line = mark_position(problem_mark, text)[0]
            what, what_zh = (ctx.en, ctx.zh) if ctx is not None and ctx.en else ("text", "内容")
            message = f"the {what} that starts here is not closed before the file ends at line {end_line}"
            message_zh = f"此处开始的{_spaced(what_zh)}直到文件结束（第 {end_line} 行）都没有闭合"
            mark = context_mark
        elif context_mark is not None and problem_mark is not None and context_mark.line != problem_mark.line:
            line, col = mark_position(context_mark, text)
            note, note_zh = _context_note(ctx, context, line, col, text, _index(context_mark, text))
            message, message_zh = message + note, message_zh + note_zh
        elif context is not None and ctx is None:
            message += f" (the parser says: {context})"
    line, col = mark_position(mark, text)
    lines = text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    # the C parser does not name the character: look for a tab in the line's indentation
    if "\t" in here[: len(here) - len(here.lstrip())] or (at is not None and text[at : at + 1] == "\t"):
        hint, hint_zh = _TAB_HINT
    return syntax_error(SourceRef(file, line, col), message, message_zh, hint, hint_zh)
