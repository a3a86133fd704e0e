"""Plan text made inert for the files salesplan writes: characters XML 1.0 forbids replaced visibly,
Markdown markup escaped. Shared by every renderer that writes plan text (export, diff).

A plan can hold forbidden characters through YAML escapes ("\\f", "\\x0b", "\\uFFFE", "\\ud800").
Written raw they make a workbook that Excel, LibreOffice and openpyxl refuse to open, or a Markdown
file that cannot be encoded (a lone surrogate). Each is replaced by U+FFFD, one for one, so the rest
of the text stays where it was.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# C0 controls except tab, LF and CR; the noncharacters U+FFFE/U+FFFF; surrogates (only ever lone in a str)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by U+FFFD: the one gate of plan text into a file."""
    if text.isprintable() or not FORBIDDEN.search(text):
        return text
    return FORBIDDEN.sub(REPLACEMENT, text)


# every character that could start markup, a link, an HTML tag, an entity or math, or end a table cell
_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "$": "\\$",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def md_escape(text: object) -> str:
    """Inert GFM inline text: markup escaped, HTML as entities, tabs as spaces, newlines as <br>; characters
    XML forbids shown as U+FFFD (as in the workbook), other controls (DEL, C1) dropped."""
    if text is None:
        return ""
    escaped = _CONTROL.sub("", xml_safe(str(text))).replace("\t", " ").translate(_ESCAPES)
    return _NEWLINES.sub("<br>", escaped)
