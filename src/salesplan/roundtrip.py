"""Rewriting a plan's own YAML with ruamel.yaml round trip: one set of settings for every writer.

`salesplan replan` and `salesplan import --into` both change a plan file in place; comments, key
order, quoting, flow style and blank lines of what they do not change must survive. The loader
reads plans with PyYAML (YAML 1.1), so a string written plain must read back as a string there too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from itertools import pairwise
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from salesplan.numbers import plain

_TAG = "tag:yaml.org,2002:"
try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_RESOLVER = yaml.SafeLoader("")  # only its implicit resolver is used: the loader's reading of plain scalars
# a block mapping key that opens a block (`key:` at the end of its line, a comment allowed after it)
_OPENS_BLOCK = re.compile(r"^( *)(- +)?[^\s#-][^#]*:\s*(#.*)?$")
_ITEM = re.compile(r"^( *)- +\S")
# line breaks YAML reads differently from how they are written in a plain or single-quoted scalar
_BREAKS = "\r\x85\u2028\u2029\ufeff"
_KEY = re.compile(r"^( *)[^\s#-][^#]*:(\s|$)")


def represent_decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    """A Decimal as its exact digits, never in exponent form: 500, 66.7, 0.05 (an int or float tag)."""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    tag = _TAG + "int" if "." not in text else _TAG + "float"
    return representer.represent_scalar(tag, text)


def indentation(text: str) -> tuple[int, int, int]:
    """The file's block indentation as ruamel's `indent(mapping, sequence, offset)`: how far a nested
    key is indented, how far an item's content is from its parent key, and how far its dash is.

    Read from the lines that open a block and the line under each; (2, 4, 2) when the file has none."""
    mapping: Counter[int] = Counter()
    dashes: Counter[tuple[int, int]] = Counter()
    lines = [line.rstrip("\r") for line in text.split("\n")]
    meaningful = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    for line, below in pairwise(meaningful):
        opened = _OPENS_BLOCK.match(line)
        if not opened or line.rstrip().endswith(("|", ">", "|-", ">-")):
            continue
        column = len(opened[1]) + len(opened[2] or "")
        item = _ITEM.match(below)
        if item:
            offset = len(item[1]) - column
            dash_gap = len(below) - len(below.lstrip()[1:].lstrip()) - len(item[1])
            if offset >= 0:
                dashes[(offset + dash_gap, offset)] += 1
            continue
        key = _KEY.match(below)
        if key and len(key[1]) > column:
            mapping[len(key[1]) - column] += 1
    step = mapping.most_common(1)[0][0] if mapping else 2
    sequence, offset = dashes.most_common(1)[0][0] if dashes else (step + 2, step)
    return step, max(sequence, offset + 2), offset


def round_trip_yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    """A ruamel.yaml round-trip instance: quotes, comments, order and flow style of what it loads are
    kept; long lines are never folded; Decimals are written exactly (`represent_decimal`)."""
    made = YAML(typ="rt")
    made.preserve_quotes = True
    made.width = 4096
    made.brace_single_entry_mapping_in_flow_sequence = True  # `[{id: a}]` stays so, never `[id: a]`
    made.indent(mapping=mapping, sequence=sequence, offset=offset)
    made.representer.add_representer(Decimal, represent_decimal)
    return made


def flow_map() -> CommentedMap:
    """An empty mapping written in flow style (`{a: 1, b: 2}`)."""
    made = CommentedMap()
    made.fa.set_flow_style()
    return made


def reads_as_string(text: str, flow: bool = True) -> bool:
    """Whether `text` written plain reads back as this string in the plan loader, as a value or a key,
    in a block collection and (when `flow`) in a flow one (YAML 1.1: `yes`, `1_000`, `2026-07-01`,
    `12:30` and `:0` do not; `3,000元` does in a block only)."""
    if str(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False))) != _TAG + "str":  # type: ignore[no-untyped-call]
        return False
    written: dict[str, Any] = {f"- {text}\n": [text], f"{text}: 0\n": {text: 0}}
    if flow:
        written.update({f"[{text}]": [text], f"{{{text}: 0}}": {text: 0}})
    try:
        return all(yaml.load(source, Loader=_Loader) == read for source, read in written.items())
    except yaml.YAMLError:
        return False


def needs_escapes(text: str) -> bool:
    """Whether `text` holds a character only a double-quoted scalar keeps (`\\r`, U+2028, a control)."""
    return any(ch in _BREAKS or (unicodedata.category(ch) == "Cc" and ch not in "\n\t") for ch in text)


def safe_string(text: str, flow: bool = True) -> str:
    """`text` as a plain scalar when the loader reads it back as this string (in a flow collection
    too, when `flow`), else quoted (double quotes when it needs escapes)."""
    if needs_escapes(text):
        escaped: str = DoubleQuotedScalarString(text)
        return escaped
    return text if reads_as_string(text, flow) else SingleQuotedScalarString(text)


def number_text(value: int | Decimal) -> Decimal:
    """A number as the Decimal of its shortest exact digits (no float noise, no exponent): what is written."""
    return Decimal(plain(Decimal(value)))
