"""What the YAML parser says, in plain English and Chinese.

PyYAML's scanner, parser and composer explain a syntax error with a *problem* ("mapping values are
not allowed here") and often a *context* ("while parsing a block mapping"). libyaml (the C parser)
and the pure-Python parser word the same problem differently, and both are English only. Each
entry below matches every wording of one problem (regular expressions, matched whole) and says
it as a sentence in both languages, with a hint. `{char}` is the character at the error and
`{name}` the anchor or alias name there, both read from the file (libyaml does not quote them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Phrase:
    key: str
    patterns: tuple[str, ...]
    en: str
    zh: str
    hint: str
    hint_zh: str
    compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", tuple(re.compile(p, re.S) for p in self.patterns))

    def matches(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.compiled)


@dataclass(frozen=True)
class Context:
    """Where the parser was: `en`/`zh` name the construct ("[...] list"); empty means say nothing."""

    key: str
    patterns: tuple[str, ...]
    en: str
    zh: str

    def matches(self, text: str) -> bool:
        return any(re.fullmatch(p, text, re.S) for p in self.patterns)


_INDENT_HINT = (
    "check the indentation of this line against the lines above it (spaces only, the same depth for the keys of"
    " one mapping)"
)
_INDENT_HINT_ZH = "对照上面几行检查这一行的缩进（只用空格；同一映射中的键缩进相同）"
_ESCAPE_HINT = "inside double quotes write a backslash as \\\\, or use single quotes, where \\ is an ordinary character"
_ESCAPE_HINT_ZH = "在双引号中反斜杠要写成 \\\\；或改用单引号，单引号中的 \\ 是普通字符"
_TAG_HINT = "remove the tag: a plan needs none (quote the value if the '!' is part of the text)"
_TAG_HINT_ZH = "删除该标签：计划文件不需要标签（如果 '!' 是文本的一部分，请给值加引号）"
_DIRECTIVE_HINT = "remove the '%' lines at the top of the file: a plan needs no directive"
_DIRECTIVE_HINT_ZH = "删除文件开头以 '%' 开始的行：计划文件不需要指令"

PHRASES: tuple[Phrase, ...] = (
    Phrase(
        "cannot-start-token",
        (r"found character that cannot start any token", r"found character .* that cannot start any token"),
        "{char} cannot start a value here",
        "{char}不能出现在值的开头",
        "put a value that starts with @, ` or another YAML sign in quotes, e.g. owner: '@王芳'",
        "以 @、` 等 YAML 符号开头的值请加引号，例如 owner: '@王芳'",
    ),
    Phrase(
        "tab-indentation",
        (
            r"found a tab character that violates indentation",
            r"found a tab character where an indentation space is expected",
        ),
        "a tab is used for indentation",
        "使用了 Tab 缩进",
        "YAML forbids tabs for indentation: indent with spaces",
        "YAML 不允许用 Tab 缩进：请改用空格",
    ),
    Phrase(
        "mapping-value-not-allowed",
        (r"mapping values are not allowed here", r"mapping values are not allowed in this context"),
        "a ':' here would start a 'key: value' where none can start (a value contains ': ', or the line is"
        " indented wrongly)",
        "此处的 ':' 会开始一个“键: 值”，但这里不能有（值中含有 ': '，或这一行缩进不对）",
        "put a value that contains ': ' in quotes, e.g. path: '阶段一: 老客户'; " + _INDENT_HINT,
        "含有 ': ' 的值请加引号，例如 path: '阶段一: 老客户'；" + _INDENT_HINT_ZH,
    ),
    Phrase(
        "mapping-key-not-allowed",
        (r"mapping keys are not allowed here", r"mapping keys are not allowed in this context"),
        "a '?' (the sign of a complex key) cannot stand here",
        "此处不能出现 '?'（复杂键的标记）",
        "put a value that starts with '? ' in quotes",
        "以 '? ' 开头的值请加引号",
    ),
    Phrase(
        "sequence-entry-not-allowed",
        (r"sequence entries are not allowed here", r"block sequence entries are not allowed in this context"),
        "a '- ' list item cannot start here (on the same line as a key, or indented wrongly)",
        "此处不能开始 '- ' 列表项（与键写在同一行，或缩进不对）",
        "put each '- ' item on a line of its own, indented under its key; quote a value that starts with '- '",
        "每个 '- ' 列表项单独一行，缩进在所属的键下面；以 '- ' 开头的值请加引号",
    ),
    Phrase(
        "missing-colon",
        (r"could not find expected ':'",),
        "a key has no ':' after it (this line is neither 'key: value' nor the continuation of a value)",
        "键后面缺少 ':'（这一行既不是“键: 值”，也不是上一个值的延续）",
        "write 'key: value' with a space after the ':'",
        "写成“键: 值”，冒号后面加一个空格",
    ),
    Phrase(
        "expected-key",
        (r"did not find expected key",),
        "this line does not fit the mapping it is in: a 'key: value' at the mapping's indentation is expected here",
        "这一行与所在的映射对不上：此处应为与映射同样缩进的“键: 值”",
        _INDENT_HINT + "; text after a closing quote must be inside the quotes",
        _INDENT_HINT_ZH + "；引号结束后的文字要放进引号内",
    ),
    Phrase(
        "expected-dash",
        (r"did not find expected '-' indicator",),
        "this line does not fit the list it is in: a '- ' item at the list's indentation is expected here",
        "这一行与所在的列表对不上：此处应为与列表同样缩进的 '- ' 列表项",
        _INDENT_HINT,
        _INDENT_HINT_ZH,
    ),
    Phrase(
        "expected-block-end",
        (r"expected <block end>, but found .*",),
        "this line does not fit the block it is in: its indentation does not match the entries above it",
        "这一行与所在的块对不上：它的缩进与上面的条目不一致",
        _INDENT_HINT,
        _INDENT_HINT_ZH,
    ),
    Phrase(
        "end-of-stream",
        (r"found unexpected end of stream",),
        "the file ends before this is closed",
        "文件在它闭合之前就结束了",
        "close the quote or bracket that opens here",
        "补上与此处对应的结束引号或括号",
    ),
    Phrase(
        "document-marker-in-text",
        (r"found unexpected document indicator", r"found unexpected document separator"),
        "a '---' or '...' line inside a quoted text ends the document",
        "引号字符串中出现了 '---' 或 '...' 行，它会结束文档",
        "close the quote before that line, or indent the line",
        "在该行之前结束引号，或缩进该行",
    ),
    Phrase(
        "flow-sequence-unclosed",
        (r"did not find expected ',' or '\]'", r"expected ',' or '\]', but got .*"),
        "a ',' or the closing ']' is missing in a [...] list",
        "[...] 列表中缺少 ',' 或结尾的 ']'",
        "separate the items with ', ' and close the list with ']'; quote an item that contains ':' or ','",
        "列表项之间用 ', ' 分隔，并以 ']' 结束；含有 ':' 或 ',' 的项请加引号",
    ),
    Phrase(
        "flow-mapping-unclosed",
        (r"did not find expected ',' or '\}'", r"expected ',' or '\}', but got .*"),
        "a ',' or the closing '}' is missing in a {...} mapping",
        "{...} 映射中缺少 ',' 或结尾的 '}'",
        "separate the entries with ', ' and close the mapping with '}'; quote a value that contains ':' or ','",
        "条目之间用 ', ' 分隔，并以 '}' 结束；含有 ':' 或 ',' 的值请加引号",
    ),
    Phrase(
        "node-content",
        (r"did not find expected node content", r"expected the node content, but found .*"),
        "a value is expected here",
        "此处应有一个值",
        "remove the stray ',', ':' or bracket, or put the value in quotes",
        "删除多余的 ','、':' 或括号，或给值加引号",
    ),
    Phrase(
        "undefined-alias",
        (r"found undefined alias", r"found undefined alias .*"),
        "the alias '*{name}' names no anchor '&{name}' defined before it",
        "别名 '*{name}' 引用的锚点 '&{name}' 在它之前没有定义",
        "define '&{name}' before using '*{name}'; put the value in quotes if the '*' is text",
        "先定义 '&{name}' 再使用 '*{name}'；如果 '*' 是文本，请给值加引号",
    ),
    Phrase(
        "duplicate-anchor",
        (r"second occurrence",),
        "the anchor '&{name}' is defined a second time",
        "锚点 '&{name}' 被第二次定义",
        "give each anchor its own name",
        "每个锚点使用不同的名字",
    ),
    Phrase(
        "second-document",
        (r"but found another document",),
        "a second YAML document starts here ('---'); a plan file holds exactly one",
        "此处开始了第二个 YAML 文档（'---'）；一个计划文件只能包含一个文档",
        "remove the '---' line and what follows it, or move the second plan into a file of its own",
        "删除 '---' 行及其后的内容，或把第二个计划放到单独的文件中",
    ),
    Phrase(
        "expected-document-start",
        (r"did not find expected <document start>", r"expected '<document start>', but found .*"),
        "this text comes after the document has ended (an extra closing bracket, a '...' line, or a line less"
        " indented than the first)",
        "这些内容出现在文档结束之后（多余的结束括号、'...' 行，或比第一行缩进更少的行）",
        "remove the extra bracket or '...' line, and indent the file's top-level keys at column 1",
        "删除多余的括号或 '...' 行，并让顶层的键从第 1 列开始",
    ),
    Phrase(
        "unknown-escape",
        (r"found unknown escape character", r"found unknown escape character .*"),
        "a backslash in double quotes starts an escape that YAML does not know",
        "双引号字符串中的反斜杠开始了一个 YAML 不认识的转义",
        _ESCAPE_HINT,
        _ESCAPE_HINT_ZH,
    ),
    Phrase(
        "hex-escape",
        (
            r"did not find expected hexdecimal number",
            r"expected escape sequence of \d+ hexadecimal numbers, but found .*",
        ),
        "an escape such as \\x41, \\u4e2d or \\U0001F600 needs exactly 2, 4 or 8 hexadecimal digits",
        "\\x41、\\u4e2d、\\U0001F600 这样的转义需要恰好 2、4 或 8 位十六进制数字",
        _ESCAPE_HINT,
        _ESCAPE_HINT_ZH,
    ),
    Phrase(
        "indentation-indicator-zero",
        (r"found an indentation indicator equal to 0", r"expected indentation indicator in the range 1-9, but found 0"),
        "the indentation number after '|' or '>' must be 1 to 9, not 0",
        "'|' 或 '>' 后面的缩进数字必须是 1 到 9，不能是 0",
        "write just '|' or '>' and indent the text below it",
        "只写 '|' 或 '>'，并把下面的文本缩进",
    ),
    Phrase(
        "only-comment-may-follow",
        (
            r"did not find expected comment or line break",
            r"expected chomping or indentation indicators, but found .*",
            r"expected a comment or a line break, but found .*",
        ),
        "unexpected text at the end of this construct: only a comment ('# ...') may follow on this line",
        "此处结构之后出现了多余的文字：这一行后面只能跟注释（'# ...'）",
        "move the text to the next line, indented, or start it with '# ' if it is a comment",
        "把文字移到下一行并缩进；如果是注释，请以 '# ' 开头",
    ),
    Phrase(
        "space-expected",
        (
            r"did not find expected whitespace",
            r"did not find expected whitespace or line break",
            r"expected ' ', but found .*",
        ),
        "a space is expected here",
        "此处应有一个空格",
        "put a space after the tag or directive, or remove it: a plan needs neither",
        "在标签或指令后面加一个空格，或删除它：计划文件两者都不需要",
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
        "a YAML tag ('!...') is malformed",
        "YAML 标签（'!...'）格式错误",
        _TAG_HINT,
        _TAG_HINT_ZH,
    ),
    Phrase(
        "name-expected",
        (
            r"did not find expected alphabetic or numeric character",
            r"expected alphabetic or numeric character, but found .*",
            r"found unexpected non-alphabetical character",
        ),
        "a name (letters or digits) must follow the '&', '*' or '%' right away",
        "'&'、'*' 或 '%' 后面必须紧跟一个名字（字母或数字）",
        "put the value in quotes if the '&', '*' or '%' is text, e.g. note: '*重点*'",
        "如果 '&'、'*' 或 '%' 是文本，请给值加引号，例如 note: '*重点*'",
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
        "a '%' directive at the top of the file is malformed or not supported",
        "文件开头的 '%' 指令格式错误或不受支持",
        _DIRECTIVE_HINT,
        _DIRECTIVE_HINT_ZH,
    ),
    Phrase(
        "nesting-limit",
        (r"exceeded maximum nesting depth",),
        "the data is nested deeper than the parser allows",
        "数据嵌套深度超过了解析器的上限",
        "a plan needs only a few levels: look for an unclosed '[' or '{', or indentation that keeps growing",
        "计划只需要几层嵌套：请检查是否有未闭合的 '[' 或 '{'，或不断加深的缩进",
    ),
)

# where the parser was; `{line}`/`{col}` are filled with the position of the context
CONTEXTS: tuple[Context, ...] = (
    Context("next-token", (r"while scanning for the next token",), "", ""),
    Context("single-document", (r"expected a single document in the stream",), "", ""),
    Context("simple-key", (r"while scanning a simple key",), "key", "键"),
    Context("plain-scalar", (r"while scanning a plain scalar",), "unquoted value", "未加引号的值"),
    Context(
        "quoted-scalar",
        (r"while (scanning|parsing) a (double-)?quoted scalar",),
        "quoted text",
        "引号字符串",
    ),
    Context("block-scalar", (r"while scanning a block scalar",), "block text ('|' or '>')", "块文本（'|' 或 '>'）"),
    Context("block-mapping", (r"while parsing a block mapping",), "mapping", "映射"),
    Context("block-collection", (r"while parsing a block collection",), "list or mapping", "列表或映射"),
    Context("flow-sequence", (r"while parsing a flow sequence",), "[...] list", "[...] 列表"),
    Context("flow-mapping", (r"while parsing a flow mapping",), "{...} mapping", "{...} 映射"),
    Context("node", (r"while parsing a (\w+ )?node",), "value", "值"),
    Context("anchor", (r"while scanning an anchor",), "anchor ('&')", "锚点（'&'）"),
    Context("alias", (r"while scanning an alias",), "alias ('*')", "别名（'*'）"),
    Context("tag", (r"while (scanning|parsing) a tag",), "tag ('!')", "标签（'!'）"),
    Context(
        "directive",
        (r"while (scanning|parsing) an? (%YAML |%TAG |tag )?directive",),
        "directive ('%')",
        "指令（'%'）",
    ),
    Context("nesting", (r"while increasing (flow|block) level",), "nesting", "嵌套"),
    Context("first-anchor", (r"found duplicate anchor.*; first occurrence",), "first '&{name}'", "第一个 '&{name}'"),
)


def phrase_for(problem: str) -> Phrase | None:
    return next((p for p in PHRASES if p.matches(problem)), None)


def context_for(context: str) -> Context | None:
    return next((c for c in CONTEXTS if c.matches(context)), None)
