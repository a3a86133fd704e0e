"""What the YAML parser says, in plain words (messages of the loader catalog).

PyYAML's scanner, parser and composer explain a syntax error with a *problem* ("mapping values are
not allowed here") and often a *context* ("while parsing a block mapping"). libyaml (the C parser)
and the pure-Python parser word the same problem differently, and both are English only. Each
entry below matches every wording of one problem (regular expressions, matched whole) and says
it as a sentence, with a hint. `{char}` is the character at the error and `{name}` the anchor or
alias name there, both read from the file (libyaml does not quote them): `salesplan.loader.syntax`
always renders these messages with both fields, so `{{` and `}}` stand for literal braces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from salesplan.i18n import Message, _

# values a hint shows as examples of quoting: what a plan file writes (the same in every language)
_QUOTING_EXAMPLES = {"at": "owner: '@王芳'", "colon": "path: '阶段一: 老客户'", "star": "note: '*重点*'"}


@dataclass(frozen=True)
class Phrase:
    key: str
    patterns: tuple[str, ...]
    message: Message
    hint: Message

    @cached_property
    def compiled(self) -> tuple[re.Pattern[str], ...]:
        """Compiled when a syntax error is first explained, not on every start of salesplan."""
        return tuple(re.compile(p, re.S) for p in self.patterns)

    def matches(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.compiled)


@dataclass(frozen=True)
class Context:
    """Where the parser was: `what` names the construct ("[...] list"); None means say nothing."""

    key: str
    patterns: tuple[str, ...]
    what: Message | None

    def matches(self, text: str) -> bool:
        return any(re.fullmatch(p, text, re.S) for p in self.patterns)


_INDENT_HINT = _(
    "check the indentation of this line against the lines above it (spaces only, the same depth for the keys of"
    " one mapping)"
)
_ESCAPE_HINT = _(
    "inside double quotes write a backslash as \\\\, or use single quotes, where \\ is an ordinary character"
)
_TAG_HINT = _("remove the tag: a plan needs none (quote the value if the '!' is part of the text)")
_DIRECTIVE_HINT = _("remove the '%' lines at the top of the file: a plan needs no directive")
TAB_HINT = _("YAML forbids tabs for indentation: indent with spaces")

PHRASES: tuple[Phrase, ...] = (
    Phrase(
        "cannot-start-token",
        (r"found character that cannot start any token", r"found character .* that cannot start any token"),
        _("{char} cannot start a value here"),
        _(
            "put a value that starts with @, ` or another YAML sign in quotes, e.g. {example}",
            example=_QUOTING_EXAMPLES["at"],
        ),
    ),
    Phrase(
        "tab-indentation",
        (
            r"found a tab character that violates indentation",
            r"found a tab character where an indentation space is expected",
        ),
        _("a tab is used for indentation"),
        TAB_HINT,
    ),
    Phrase(
        "mapping-value-not-allowed",
        (r"mapping values are not allowed here", r"mapping values are not allowed in this context"),
        _(
            "a ':' here would start a 'key: value' where none can start (a value contains ': ', or the line is"
            " indented wrongly)"
        ),
        _(
            "put a value that contains ': ' in quotes, e.g. {example}; {indent}",
            example=_QUOTING_EXAMPLES["colon"],
            indent=_INDENT_HINT,
        ),
    ),
    Phrase(
        "mapping-key-not-allowed",
        (r"mapping keys are not allowed here", r"mapping keys are not allowed in this context"),
        _("a '?' (the sign of a complex key) cannot stand here"),
        _("put a value that starts with '? ' in quotes"),
    ),
    Phrase(
        "sequence-entry-not-allowed",
        (r"sequence entries are not allowed here", r"block sequence entries are not allowed in this context"),
        _("a '- ' list item cannot start here (on the same line as a key, or indented wrongly)"),
        _("put each '- ' item on a line of its own, indented under its key; quote a value that starts with '- '"),
    ),
    Phrase(
        "missing-colon",
        (r"could not find expected ':'",),
        _("a key has no ':' after it (this line is neither 'key: value' nor the continuation of a value)"),
        _("write 'key: value' with a space after the ':'"),
    ),
    Phrase(
        "expected-key",
        (r"did not find expected key",),
        _("this line does not fit the mapping it is in: a 'key: value' at the mapping's indentation is expected here"),
        _("{indent}; text after a closing quote must be inside the quotes", indent=_INDENT_HINT),
    ),
    Phrase(
        "expected-dash",
        (r"did not find expected '-' indicator",),
        _("this line does not fit the list it is in: a '- ' item at the list's indentation is expected here"),
        _INDENT_HINT,
    ),
    Phrase(
        "expected-block-end",
        (r"expected <block end>, but found .*",),
        _("this line does not fit the block it is in: its indentation does not match the entries above it"),
        _INDENT_HINT,
    ),
    Phrase(
        "end-of-stream",
        (r"found unexpected end of stream",),
        _("the file ends before this is closed"),
        _("close the quote or bracket that opens here"),
    ),
    Phrase(
        "document-marker-in-text",
        (r"found unexpected document indicator", r"found unexpected document separator"),
        _("a '---' or '...' line inside a quoted text ends the document"),
        _("close the quote before that line, or indent the line"),
    ),
    Phrase(
        "flow-sequence-unclosed",
        (r"did not find expected ',' or '\]'", r"expected ',' or '\]', but got .*"),
        _("a ',' or the closing ']' is missing in a [...] list"),
        _("separate the items with ', ' and close the list with ']'; quote an item that contains ':' or ','"),
    ),
    Phrase(
        "flow-mapping-unclosed",
        (r"did not find expected ',' or '\}'", r"expected ',' or '\}', but got .*"),
        _("a ',' or the closing '}}' is missing in a {{...}} mapping"),
        _("separate the entries with ', ' and close the mapping with '}}'; quote a value that contains ':' or ','"),
    ),
    Phrase(
        "node-content",
        (r"did not find expected node content", r"expected the node content, but found .*"),
        _("a value is expected here"),
        _("remove the stray ',', ':' or bracket, or put the value in quotes"),
    ),
    Phrase(
        "undefined-alias",
        (r"found undefined alias", r"found undefined alias .*"),
        _("the alias '*{name}' names no anchor '&{name}' defined before it"),
        _("define '&{name}' before using '*{name}'; put the value in quotes if the '*' is text"),
    ),
    Phrase(
        "duplicate-anchor",
        (r"second occurrence",),
        _("the anchor '&{name}' is defined a second time"),
        _("give each anchor its own name"),
    ),
    Phrase(
        "second-document",
        (r"but found another document",),
        _("a second YAML document starts here ('---'); a plan file holds exactly one"),
        _("remove the '---' line and what follows it, or move the second plan into a file of its own"),
    ),
    Phrase(
        "expected-document-start",
        (r"did not find expected <document start>", r"expected '<document start>', but found .*"),
        _(
            "this text comes after the document has ended (an extra closing bracket, a '...' line, or a line less"
            " indented than the first)"
        ),
        _("remove the extra bracket or '...' line, and indent the file's top-level keys at column 1"),
    ),
    Phrase(
        "unknown-escape",
        (r"found unknown escape character", r"found unknown escape character .*"),
        _("a backslash in double quotes starts an escape that YAML does not know"),
        _ESCAPE_HINT,
    ),
    Phrase(
        "hex-escape",
        (
            r"did not find expected hexdecimal number",
            r"expected escape sequence of \d+ hexadecimal numbers, but found .*",
        ),
        _("an escape such as \\x41, \\u4e2d or \\U0001F600 needs exactly 2, 4 or 8 hexadecimal digits"),
        _ESCAPE_HINT,
    ),
    Phrase(
        "indentation-indicator-zero",
        (r"found an indentation indicator equal to 0", r"expected indentation indicator in the range 1-9, but found 0"),
        _("the indentation number after '|' or '>' must be 1 to 9, not 0"),
        _("write just '|' or '>' and indent the text below it"),
    ),
    Phrase(
        "only-comment-may-follow",
        (
            r"did not find expected comment or line break",
            r"expected chomping or indentation indicators, but found .*",
            r"expected a comment or a line break, but found .*",
        ),
        _("unexpected text at the end of this construct: only a comment ('# ...') may follow on this line"),
        _("move the text to the next line, indented, or start it with '# ' if it is a comment"),
    ),
    Phrase(
        "space-expected",
        (
            r"did not find expected whitespace",
            r"did not find expected whitespace or line break",
            r"expected ' ', but found .*",
        ),
        _("a space is expected here"),
        _("put a space after the tag or directive, or remove it: a plan needs neither"),
    ),
    Phrase(
        "tag-syntax",
        (
            r"found undefined tag handle",
            r"found undefined tag handle .*",
            r"did not find the expected '>'",
            r"expected '>', but found .*",
            r"did not find expected tag URI",
            r"expected URI, but found .*",
            r"did not find expected '!'",
            r"expected '!', but found .*",
            r"did not find URI escaped octet",
            r"expected URI escape sequence of 2 hexadecimal numbers, but found .*",
        ),
        _("a YAML tag ('!...') is malformed"),
        _TAG_HINT,
    ),
    Phrase(
        "name-expected",
        (
            r"did not find expected alphabetic or numeric character",
            r"expected alphabetic or numeric character, but found .*",
            r"found unexpected non-alphabetical character",
        ),
        _("a name (letters or digits) must follow the '&', '*' or '%' right away"),
        _("put the value in quotes if the '&', '*' or '%' is text, e.g. {example}", example=_QUOTING_EXAMPLES["star"]),
    ),
    Phrase(
        "directive",
        (
            r"found incompatible YAML document.*",
            r"found unknown directive name",
            r"found duplicate %?YAML directive",
            r"found duplicate %TAG directive",
            r"duplicate tag handle .*",
            r"could not find expected directive name",
            r"did not find expected version number",
            r"did not find expected digit or '\.' character",
            r"found extremely long version number",
            r"expected a digit.*, but found .*",
        ),
        _("a '%' directive at the top of the file is malformed or not supported"),
        _DIRECTIVE_HINT,
    ),
    Phrase(
        "nesting-limit",
        (r"exceeded maximum nesting depth",),
        _("the data is nested deeper than the parser allows"),
        _("a plan needs only a few levels: look for an unclosed '[' or '{{', or indentation that keeps growing"),
    ),
)

# where the parser was
CONTEXTS: tuple[Context, ...] = (
    Context("next-token", (r"while scanning for the next token",), None),
    Context("single-document", (r"expected a single document in the stream",), None),
    Context("simple-key", (r"while scanning a simple key",), _("key")),
    Context("plain-scalar", (r"while scanning a plain scalar",), _("unquoted value")),
    Context("quoted-scalar", (r"while (scanning|parsing) a (double-)?quoted scalar",), _("quoted text")),
    Context("block-scalar", (r"while scanning a block scalar",), _("block text ('|' or '>')")),
    Context("block-mapping", (r"while parsing a block mapping",), _("mapping")),
    Context("block-collection", (r"while parsing a block collection",), _("list or mapping")),
    Context("flow-sequence", (r"while parsing a flow sequence",), _("[...] list")),
    Context("flow-mapping", (r"while parsing a flow mapping",), _("{{...}} mapping")),
    Context("node", (r"while parsing a (\w+ )?node",), _("value")),
    Context("anchor", (r"while scanning an anchor",), _("anchor ('&')")),
    Context("alias", (r"while scanning an alias",), _("alias ('*')")),
    Context("tag", (r"while (scanning|parsing) a tag",), _("tag ('!')")),
    Context("directive", (r"while (scanning|parsing) an? (%YAML |%TAG |tag )?directive",), _("directive ('%')")),
    Context("nesting", (r"while increasing (flow|block) level",), _("nesting")),
    Context("first-anchor", (r"found duplicate anchor.*; first occurrence",), _("first '&{name}'")),
)


def phrase_for(problem: str) -> Phrase | None:
    return next((p for p in PHRASES if p.matches(problem)), None)


def context_for(context: str) -> Context | None:
    return next((c for c in CONTEXTS if c.matches(context)), None)
