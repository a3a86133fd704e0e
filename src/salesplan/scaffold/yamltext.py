"""User text placed in YAML: plain where YAML reads it back unchanged, else double-quoted."""

from __future__ import annotations

import json
import re
import unicodedata

import yaml

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*$")
# what YAML cannot carry as it is (non-printable, or read as a line break): escaped in quotes
_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
UNUSABLE_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")


def usable(text: str) -> bool:
    """No control, format, surrogate or line/paragraph-separator characters: one clean line."""
    return not any(unicodedata.category(ch) in UNUSABLE_CATEGORIES for ch in text)


def yaml_scalar(text: str) -> str:
    """`王芳` stays `王芳`; `yes`, `12`, `a: b` or `[x]` come back quoted, safe in block and flow context."""
    if _PLAIN.match(text) and text == text.strip() and not _UNSAFE.search(text) and _reads_back(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}" if ord(m[0]) < 0x10000 else f"\\U{ord(m[0]):08x}", quoted)


def _reads_back(text: str) -> bool:
    try:
        block = yaml.safe_load(f"k: {text}\n")
        flow = yaml.safe_load(f"{{k: {text}}}\n")
    except yaml.YAMLError:
        return False
    return bool(block == {"k": text} and flow == {"k": text})


def person_id(name: str) -> str:
    """A person id from a name: `陈静` as it is; `Grace Chen` -> `grace.chen` (ids hold no spaces)."""
    parts = name.split()
    return name if len(parts) == 1 else ".".join(parts).lower()
