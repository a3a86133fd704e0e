"""A YAML parser error -> one located SP004 diagnostic, worded in plain words in every language.

The parser's own English goes through the table of `parser_phrases`; a problem the table does
not know gets a general sentence, and only the English message quotes the parser's text.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

import yaml

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef, inert
from salesplan.i18n import DEFAULT, Message, Text, _
from salesplan.loader.parser_phrases import TAB_HINT, Context, context_for, phrase_for

# what YAML accepts in a stream (YAML 1.1 §5.1); anything else stops the reader
_NOT_YAML_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NAME_AT = re.compile(r"[&*]?([^\s,\[\]{}]+)")
_CLOSED_BY_A_SIGN = ("flow-sequence", "flow-mapping", "quoted-scalar")


class _InEnglish(Message):
    """The parser's own words: quoted in an English message, left out of any other (they are English)."""

    def render(self, lang: str = DEFAULT) -> str:
        return super().render(lang) if lang == "en" else ""


class _AfterHan(Message):
    """A construct's name after Chinese text: a space before one written with ASCII signs (`的 [...] 列表`)."""

    def render(self, lang: str = DEFAULT) -> str:
        text = super().render(lang)
        return f" {text}" if lang == "zh" and text[:1].isascii() else text


def _parser_says(said: str) -> _InEnglish:
    return _InEnglish(f" (the parser says: {said})")


def _after_han(message: Message) -> _AfterHan:
    return _AfterHan(message.msgid, message.fields)


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


def syntax_error(where: SourceRef, problem: Message, hint: Message | None, note: Text = "") -> Diagnostic:
    message = _("YAML syntax error: {problem}{note}", problem=problem, note=note)
    return codes.diagnostic(codes.YAML_SYNTAX, where, message, hint=hint)


def _forbidden_character(file: str, exc: yaml.reader.ReaderError, text: str) -> Diagnostic:
    """A control or non-character in the file: located where it is, named, with what to do."""
    found = _NOT_YAML_CHAR.search(text)
    index = found.start() if found else min(max(exc.position, 0), len(text))
    char = text[index] if index < len(text) else "\x00"
    line, col = editor_position(text, index)
    name = unicodedata.name(char, None)
    return syntax_error(
        SourceRef(file, line, col),
        _(
            "character {code_point} ({name}) is not allowed in a YAML file",
            code_point="U+" + format(ord(char), "04X"),
            name=_("control character") if name is None else name,
        ),
        _(
            'delete it; to keep it, write it as an escape inside double quotes, e.g. "{escape}"',
            escape="\\u" + format(ord(char), "04x"),
        ),
    )


def _index(mark: Any, text: str) -> int | None:
    index = getattr(mark, "index", None)
    return index if isinstance(index, int) and 0 <= index <= len(text) else None


def _filled(message: Message, text: str, at: int | None) -> Message:
    """`message` with its `{char}` and `{name}` from the file at the error: libyaml does not quote them."""
    char = text[at] if at is not None and at < len(text) else ""
    match = _NAME_AT.match(text, at) if at is not None else None
    shown = (
        _("a tab character")
        if char == "\t"
        else _("the character '{char}'", char=inert(char))
        if char.strip()
        else _("this character")
    )
    fields = (*message.fields, ("char", shown), ("name", inert(match[1]) if match else "?"))
    return dataclasses.replace(message, fields=fields)


def _context_note(ctx: Context | None, raw: str | None, line: int, col: int, text: str, at: int | None) -> Text:
    """` (in the [...] list opened at line 50, column 17)`: where the construct of the error began."""
    if ctx is None:
        return _parser_says(raw) if raw else ""
    if ctx.key == "first-anchor":
        return _(" (first defined at line {line}, column {col})", line=line, col=col)
    if ctx.what is None:
        return ""
    what = _after_han(_filled(ctx.what, text, at))
    return _(" (in the {what} opened at line {line}, column {col})", what=what, line=line, col=col)


def syntax_diagnostic(file: str, exc: yaml.YAMLError, text: str) -> Diagnostic:
    """The parser's error (C or pure-Python parser alike) as a located SP004 in every language."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _forbidden_character(file, exc, text)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    phrase, ctx = phrase_for(problem), context_for(context) if context else None
    mark = problem_mark or context_mark
    at = _index(problem_mark, text)
    note: Text = ""
    if phrase is None:
        message = _("the text here is not valid YAML")
        note = _parser_says(f"{context}: {problem}" if context else problem)
        hint = _("check this line and the one above it: indentation, a ':' after each key, closing quotes and brackets")
    else:
        message, hint = _filled(phrase.message, text, at), _filled(phrase.hint, text, at)
        # the end of the file reached inside a construct: libyaml says only what it expected there
        at_end = at is not None and not text[at:].strip() and ctx is not None and ctx.key in _CLOSED_BY_A_SIGN
        unclosed = phrase.key == "end-of-stream" or problem.endswith("'<stream end>'") or at_end
        if context_mark is not None and problem_mark is not None and unclosed:
            # an unclosed quote or bracket: point at where it opened, not at the end of the file
            end_line = mark_position(problem_mark, text)[0]
            opened = _index(context_mark, text)
            what = _filled(ctx.what, text, opened) if ctx is not None and ctx.what is not None else _("text")
            message = _(
                "the {what} that starts here is not closed before the file ends at line {line}",
                what=_after_han(what),
                line=end_line,
            )
            mark = context_mark
        elif context_mark is not None and problem_mark is not None and context_mark.line != problem_mark.line:
            line, col = mark_position(context_mark, text)
            note = _context_note(ctx, context, line, col, text, _index(context_mark, text))
        elif context is not None and ctx is None:
            note = _parser_says(context)
    line, col = mark_position(mark, text)
    lines = text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    # the C parser does not name the character: look for a tab in the line's indentation
    if "\t" in here[: len(here) - len(here.lstrip())] or (at is not None and text[at : at + 1] == "\t"):
        hint = TAB_HINT
    return syntax_error(SourceRef(file, line, col), message, hint, note)
