"""Characters XML 1.0 forbids, replaced visibly wherever export writes plan text.

A plan can hold them through YAML escapes ("\\f", "\\x0b", "\\uFFFE", "\\ud800"). Written raw they
make a workbook that Excel, LibreOffice and openpyxl refuse to open (a control character in
`docProps/core.xml` or a sheet), or a Markdown file that cannot be encoded (a lone surrogate).
Each is replaced by U+FFFD (�), one for one, so the rest of the text stays where it was.
"""

from __future__ import annotations

from salesplan.markup import FORBIDDEN, REPLACEMENT, xml_safe

__all__ = ["FORBIDDEN", "REPLACEMENT", "forbidden_in", "xml_safe"]


def forbidden_in(text: str) -> list[str]:
    """The forbidden characters of `text`, once each, as `U+000C` in order of appearance."""
    seen: dict[str, None] = {}
    for ch in FORBIDDEN.findall(text):
        seen.setdefault(f"U+{ord(ch):04X}", None)
    return list(seen)
