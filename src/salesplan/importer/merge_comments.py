"""Where the comment lines of a round-trip document go when `merge_plan` adds, removes or moves a node.

ruamel.yaml keeps a comment after the scalar it follows: the comment lines *before* a key or an item
live in the comment slot of the node written just above it (the end-of-line comment of that node's
last scalar, then the lines up to the next node), or, after a flow collection, in the node's own list
of comments before it (`ca.items[key][1]`). A slot is `(container, key)`: the comment after
`container[key]` (`ca.items[key][2]` of a mapping, `ca.items[key][0]` of a sequence). So removing a
node drops its leading lines and gives the lines after it to the slot above it; inserting one
carries the lines of the slot above it past it.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

Slot = tuple[Any, Any]
Chain = list[tuple[Any, Any]]  # (container, key) of each enclosing node, outermost first


def _block(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and len(value) > 0 and not value.fa.flow_style()


def _flow(container: Any) -> bool:
    return bool(container.fa.flow_style())


def _keys(container: Any) -> list[Any]:
    return list(container.keys()) if isinstance(container, CommentedMap) else list(range(len(container)))


def last_slot(container: Any, key: Any) -> Slot:
    """The slot after everything `container[key]` writes (its deepest last scalar)."""
    value = container[key]
    if _block(value):
        return last_slot(value, _keys(value)[-1])
    return (container, key)


def slot_before(chain: Chain, container: Any, key: Any) -> Slot | None:
    """The slot written just above `container[key]`: it holds the comment lines before that node."""
    at = _keys(container).index(key)
    if at > 0:
        return last_slot(container, _keys(container)[at - 1])
    if not chain:
        return None
    parent, parent_key = chain[-1]
    if isinstance(parent, CommentedMap):  # the slot after `parent_key:` on its own line
        return (parent, parent_key)
    return slot_before(chain[:-1], parent, parent_key)  # `- key:` shares the item's line


def _position(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _token(slot: Slot) -> CommentToken | None:
    container, key = slot
    entry = container.ca.items.get(key)
    token = entry[_position(container)] if entry and len(entry) > _position(container) else None
    return token if isinstance(token, CommentToken) else None


def _ends_its_line(slot: Slot) -> bool:
    """A block scalar (`|`, `>`) ends its own last line: its slot holds only the lines after it."""
    container, key = slot
    return isinstance(container[key], LiteralScalarString | FoldedScalarString)


def _parts(slot: Slot | None) -> tuple[str, str]:
    """(the rest of the node's own line, the lines after it) in the slot's comment."""
    token = _token(slot) if slot is not None else None
    if token is None or slot is None:
        return ("" if slot is not None and _ends_its_line(slot) else "\n"), ""
    text = str(token.value)
    if _ends_its_line(slot):
        return "", " " * token.column + text if text.startswith("#") else text
    cut = text.find("\n")
    return (text, "") if cut < 0 else (text[: cut + 1], text[cut + 1 :])


def _before_lines(container: Any, key: Any) -> str:
    """The comment lines ruamel keeps with the node itself, before it."""
    entry = container.ca.items.get(key)
    tokens = entry[1] if entry and len(entry) > 1 and isinstance(entry[1], list) else []
    return "".join(" " * token.column + str(token.value) for token in tokens if isinstance(token, CommentToken))


def _lead(chain: Chain, container: Any, key: Any) -> str:
    """All the lines between `container[key]` and the node written above it."""
    return _parts(slot_before(chain, container, key))[1] + _before_lines(container, key)


def set_lines_after(slot: Slot | None, lines: str) -> None:
    """Make `lines` the comment lines written after the slot's node (its own line's comment kept)."""
    if slot is None:
        return
    own, _old = _parts(slot)
    container, key = slot
    token, text = _token(slot), own + lines
    if token is not None and own:  # the end-of-line comment keeps its token (and so its column)
        token.value = text
        return
    entry = container.ca.items.get(key)
    if token is not None and entry is not None and not text:
        entry[_position(container)] = None
    if not text.strip(" "):
        return
    first = text.lstrip(" ")  # a comment first is written at its column, the rest as they stand
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    entry[_position(container)] = CommentToken(first, CommentMark(len(text) - len(first)))


def detach(container: Any, key: Any, chain: Chain) -> tuple[Any, str]:
    """Remove `container[key]` with the comment lines before it; the lines after it stay in place.

    Returns the node and its leading lines (for a move)."""
    if _flow(container):
        return container.pop(key), ""
    before = slot_before(chain, container, key)
    lead = _lead(chain, container, key)
    tail = last_slot(container, key)
    after = _parts(tail)[1]
    set_lines_after(tail, "")
    node = container[key]
    del container[key]
    if isinstance(container, CommentedMap):
        container.ca.items.pop(key, None)
    set_lines_after(before, after)
    return node, lead


def attach(container: Any, at: int, key: Any, node: Any, chain: Chain, lead: str | None = None) -> None:
    """Insert `node` at position `at` (under `key` in a mapping) with `lead` above it (by default the
    blank lines that separate its siblings); the comment lines that were there move below it."""
    if isinstance(container, CommentedMap):
        container.insert(at, key, node)
    else:
        container.insert(at, node)
        key = at
    if _flow(container):
        return
    if isinstance(container, CommentedMap):
        container.ca.items.pop(key, None)
    before = slot_before(chain, container, key)
    moved = _parts(before)[1]
    if lead is None:
        lead = _sibling_gap(container, at, chain)
    if before is None:
        _set_before_lines(container, key, lead)
    else:
        set_lines_after(before, lead)
    set_lines_after(last_slot(container, key), moved)


def _set_before_lines(container: Any, key: Any, lines: str) -> None:
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    tokens = []
    for line in lines.splitlines(keepends=True):
        text = line.lstrip(" ")
        tokens.append(CommentToken(text, CommentMark(len(line) - len(text))))
    entry[1] = tokens or None


def _sibling_gap(container: Any, at: int, chain: Chain) -> str:
    """The blank lines between the siblings above position `at`, when that is all there is."""
    keys = _keys(container)
    if at < 2:
        return ""
    gap = _lead(chain, container, keys[at - 1])
    return gap if not gap.strip() else ""


def move_tail(container: Any, key: Any, node: Any) -> None:
    """Replace `container[key]` by `node`, keeping the comment lines that followed the old value after the new."""
    after = _parts(last_slot(container, key))[1]
    set_lines_after(last_slot(container, key), "")
    container[key] = node
    set_lines_after(last_slot(container, key), after)
