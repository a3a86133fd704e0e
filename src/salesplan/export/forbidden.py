"""Characters XML 1.0 forbids, replaced visibly wherever export writes plan text.

A plan can hold them through YAML escapes ("\\f", "\\x0b", "\\uFFFE", "\\ud800"). Written raw they
make a workbook that Excel, LibreOffice and openpyxl refuse to open (a control character in
`docProps/core.xml` or a sheet), or a Markdown file that cannot be encoded (a lone surrogate).
Each is replaced by U+FFFD (�), one for one, so the rest of the text stays where it was.
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


def forbidden_in(text: str) -> list[str]:
    """The forbidden characters of `text`, once each, as `U+000C` in order of appearance."""
    seen: dict[str, None] = {}
    for ch in FORBIDDEN.findall(text):
        seen.setdefault(f"U+{ord(ch):04X}", None)
    return list(seen)
