"""The rules' documentation in the user's language, the way Sphinx's gettext builder translates a document.

A rule's documentation (its module's docstring, printed by `salesplan rules CODE`) is cut into pieces:
each prose paragraph and each list item is a gettext message of the `rules_doc` catalog (its lines
joined by one space, a closing `::` read as `:`); a literal block (the indented lines after a
paragraph ending in `::`: the failing and passing YAML examples) is not one, and is printed as it is
written in every language. `python -m salesplan.i18n update rules_doc` extracts the messages
(`extract_rule_docs`, a Babel extraction method) with the rules' summaries and options' docs.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesplan.i18n import DEFAULT, translate

_BULLET = re.compile(r"(?P<lead>\s*[-*+]\s+)\S")
# where a text of the rules' documentation is in a call: Code(name, summary, severity), Option(key, default, read, doc)
_DOC_ARGUMENTS = {"Code": (3, 1), "Option": (4, 3)}


@dataclass(frozen=True)
class DocPart:
    """A piece of a rule's documentation: its lines as written, and its msgid (None: shown as written)."""

    lines: tuple[str, ...]
    msgid: str | None = None
    lead: str = ""  # what stands before the translated text: indentation and a list marker

    def text(self, lang: str = DEFAULT) -> str:
        """The piece in `lang` on one line (a paragraph's msgid or translation), or its lines as written."""
        return "\n".join(self.lines) if self.msgid is None else translate(self.msgid, lang)

    def render(self, lang: str = DEFAULT) -> str:
        """The piece in `lang`: its translation on one line, or its lines as written (English, a literal
        block, a paragraph the catalog lacks)."""
        text = translate(self.msgid, lang) if self.msgid is not None else None
        return "\n".join(self.lines) if text is None or text == self.msgid else self.lead + text


def doc_parts(text: str) -> list[DocPart]:
    """`text` (a rule's documentation) in pieces; their lines, joined by newlines, give `text` back."""
    lines, parts, start = text.split("\n"), [], 0
    literal: int | None = None  # after a paragraph ending in `::`: the indentation its literal block exceeds
    while start < len(lines):
        end = start + 1
        if not lines[start].strip():
            parts.append(DocPart((lines[start],)))
        elif literal is not None and _indent(lines[start]) > literal:
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > literal):
                end += 1
            while not lines[end - 1].strip():
                end -= 1
            parts.append(DocPart(tuple(lines[start:end])))
            literal = None
        else:
            while end < len(lines) and lines[end].strip():
                end += 1
            indent, item = _indent(lines[start]), [lines[start]]
            for line in lines[start + 1 : end]:  # a list item is a piece of its own
                if _BULLET.match(line) and _indent(line) <= indent:
                    parts.append(_prose(item))
                    item = []
                item.append(line)
            parts.append(_prose(item))
            literal = indent if lines[end - 1].rstrip().endswith("::") else None
        start = end
    return parts


def render_doc(text: str, lang: str = DEFAULT) -> str:
    """A rule's documentation in `lang`: each paragraph translated, each literal block as written."""
    return "\n".join(part.render(lang) for part in doc_parts(text))


def doc_messages(text: str) -> list[str]:
    """The msgids of a rule's documentation, in order."""
    return [part.msgid for part in doc_parts(text) if part.msgid is not None]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _prose(lines: list[str]) -> DocPart:
    bullet = _BULLET.match(lines[0])
    lead = bullet.group("lead") if bullet else " " * _indent(lines[0])
    text = " ".join(line.strip() for line in [lines[0][len(lead) :], *lines[1:]])
    if text.endswith("::"):  # "Failing example::" -> "Failing example:", "Example ::" -> "Example"
        text = text[:-3].rstrip() if text.endswith(" ::") else text[:-1]
    return DocPart(tuple(lines), text or None, lead)


def extract_rule_docs(
    fileobj: Any, _keywords: Any, _comment_tags: Any, options: Mapping[str, Any]
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method of the `rules_doc` catalog. From a rule module (`spNNN_*.py`): every
    paragraph of its docstring and its SUMMARY; from any module: the doc of every `Option(...)` and the
    summary of every `Code(...)` (`salesplan.codes`)."""
    tree = ast.parse(fileobj.read())
    texts: list[tuple[int, str | None]] = []
    if Path(getattr(fileobj, "name", "")).name.startswith("sp"):
        first = tree.body[0] if tree.body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            line = first.lineno
            for part in doc_parts(str(first.value.value).strip()):
                texts.append((line, part.msgid))
                line += len(part.lines)
        for node in tree.body:
            if isinstance(node, ast.Assign) and [ast.unparse(target) for target in node.targets] == ["SUMMARY"]:
                texts.append((node.lineno, _text(node.value)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _DOC_ARGUMENTS:
            count, index = _DOC_ARGUMENTS[node.func.id]
            if len(node.args) == count:
                texts.append((node.lineno, _text(node.args[index])))
    yield from ((line, None, text, []) for line, text in texts if text)


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
