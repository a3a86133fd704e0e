"""YAML tags: which a plan accepts (those naming what the node is anyway) and where one is written."""

from __future__ import annotations

import re

import yaml

from salesplan.loader.sourcemap import Located, Span
from salesplan.loader.syntax import editor_position

_TAG = "tag:yaml.org,2002:"
_RESOLVER = yaml.SafeLoader("")  # only its implicit resolver is used

# an optional anchor, then the tag as written: `&a !!set`, `!custom`, `!<tag:x,2000:y>`
_TAG_AT = re.compile(r"(?:&\S+\s+)?(!\S*)")


def implicit_tag(node: yaml.Node) -> str:
    """The tag YAML gives the node when it has none written."""
    if isinstance(node, yaml.MappingNode):
        return _TAG + "map"
    if isinstance(node, yaml.SequenceNode):
        return _TAG + "seq"
    if isinstance(node, yaml.ScalarNode) and not node.style:  # plain: None from PyYAML, '' from libyaml
        return str(_RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False)))  # type: ignore[no-untyped-call]
    return _TAG + "str"


def written_tag(node: yaml.Node, text: str) -> tuple[str, Located]:
    """The tag as the file writes it, and its span (the node's start when it cannot be found)."""
    start = node.start_mark
    index = getattr(start, "index", None)
    found = _TAG_AT.match(text, index) if isinstance(index, int) and text else None
    if found is None:
        return node.tag, node
    line, col = editor_position(text, found.start(1))
    return found[1], Span(line, col, line, col + len(found[1]))
