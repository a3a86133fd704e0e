"""Writing an updated plan into its own YAML file: only what changed is rewritten.

`merge_plan(original_text, updated)` loads the file with ruamel.yaml round trip and walks it against
`updated` (the whole plan as plain data, as the loader or the workbook reader makes it). A scalar is
replaced only when its value, as the plan reads it, changed: `500万` and 5000000 in a 元 plan are one
value, as are `20%` and 0.2 (a number standing where the plan writes a percent is read as Excel
stores one). A replaced scalar keeps its style: quotes, a block scalar, the amount form `1200万`
(when the new value needs at most two more decimals in that magnitude, else a plain number), a
percent `20%`, a date as YYYY-MM-DD; a string is quoted only when it would not read back. Keys are added
after their neighbour in `updated` and removed with the comment lines before them; a list of mappings
with `id`s is matched by id (items changed in place, new ones inserted where `updated` puts them,
removed ones deleted, moved only when `updated` reorders them). Comments, blank lines, flow style,
CRLF line endings and a byte order mark are kept; lines ruamel would respell or indent otherwise are
kept as the file writes them unless they changed (`merge_lines`); comment lines follow their node
(`merge_comments`).

The result is read back by the plan loader and compared with `updated` before it is returned (when
the file's own spelling misleads the line transplant, ruamel's own text is tried): a writer bug
raises `MergeError`, it never yields a wrong plan. Unchanged data returns the text itself, without
the round trip (ruamel takes about 0.1 s on the reference plan, seconds on a 5,000-line plan).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from salesplan.i18n import _
from salesplan.importer.merge_comments import attach, detach, move_tail
from salesplan.importer.merge_lines import keep_unchanged_lines, split_lines, with_line_ends
from salesplan.importer.merge_values import (
    MISSING,
    MergeError,
    Path_,
    UnitAt,
    day,
    first_difference,
    matching_key,
    same_value,
    units,
)
from salesplan.loader.yamltree import parse_yaml
from salesplan.model.values import is_percent_text, unit_multiplier
from salesplan.numbers import decimal_places, out_of_bounds, plain, read_amount_text
from salesplan.roundtrip import flow_map, indentation, needs_escapes, number_text, round_trip_yaml, safe_string

_PERCENT_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_BOM = "\ufeff"
# a map of only scalars (or short lists of them) is written in flow style when nothing shows the style
_FLOW_AT_MOST = 8
# an amount string keeps its magnitude when the new value needs at most this many decimals in it (or as many as it had)
_AMOUNT_PLACES = 2


def merge_plan(original_text: str, updated: Mapping[str, Any]) -> str:
    """`original_text` (a plan file's text) with only the values that differ from `updated` rewritten.

    `updated` is the whole plan in the plan format's shape: dicts, lists, str, int, Decimal,
    datetime.date, bool and None (never float). Returns `original_text` itself when nothing changed.
    Raises `MergeError` when the text is not a plan mapping or the result would not read back as
    `updated`."""
    bom = original_text.startswith(_BOM)
    body = original_text[1:] if bom else original_text
    unix = body.replace("\r\n", "\n")
    original = _read(unix)
    if not isinstance(original, dict):
        raise MergeError(_("the plan to write into is not a YAML mapping"))
    if first_difference(original, updated, (), units(updated)) is None:
        return original_text  # nothing to write: no need for the (slow) round trip
    yaml = round_trip_yaml(*indentation(unix))
    document = yaml.load(unix)
    base = _dump(yaml, document)
    merger = _Merger(units(updated))
    merger.merge_map(document, original, updated, (), [])
    if not merger.changed:
        verify(original_text, updated)
        return original_text
    ours, dumped = split_lines(body), split_lines(_dump(yaml, document))
    text = (_BOM if bom else "") + keep_unchanged_lines(ours, split_lines(base), dumped)
    if first_difference(_read(text), updated, (), units(updated)) is not None:  # the file's spelling misled
        text = (_BOM if bom else "") + with_line_ends(ours, dumped)
    verify(text, updated)
    return text


def unified_diff(path: str, old: str, new: str) -> str:
    """The change from `old` to `new` as `git diff` shows it (`a/path`, `b/path`), for `--dry-run`."""
    lines = difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _read(text: str) -> Any:
    """The data of a plan's text as the plan loader reads it (None when it does not parse)."""
    body = text[1:] if text.startswith(_BOM) else text
    return parse_yaml(body.replace("\r\n", "\n"), "<plan>").data


def verify(text: str, updated: Mapping[str, Any]) -> None:
    """Raise `MergeError` unless `text` reads (as the plan loader reads it) as the plan `updated`."""
    where = first_difference(_read(text), updated, (), units(updated))
    if where is not None:
        shown = "/".join(str(part) for part in where) or "/"
        raise MergeError(_("the rewritten plan does not read back as the imported one at {path}", path=shown))


def _dump(yaml: Any, document: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, Mapping | list | tuple)


def _by_id(items: Sequence[Any]) -> bool:
    """A list whose items are all mappings with distinct ids: matched by id, not by position."""
    ids = [item.get("id") for item in items if isinstance(item, Mapping)]
    return bool(items) and len(ids) == len(items) and None not in ids and len(set(map(repr, ids))) == len(ids)


class _Merger:
    """Changes a loaded round-trip document into `updated` in place, recording whether anything changed."""

    def __init__(self, unit_at: UnitAt) -> None:
        self.unit_at = unit_at
        self.changed = False

    def merge_map(
        self, node: CommentedMap, was: dict[Any, Any], new: Mapping[Any, Any], path: Path_, chain: list[Any]
    ) -> None:
        keys = list(node.keys())
        if len(keys) != len(was):
            raise MergeError(_("the plan at {path} uses YAML merge keys, which cannot be rewritten", path=path))
        written: dict[Any, tuple[Any, Any]] = {}  # a key of `new` -> (the document's key, the loaded key)
        for rt_key, old_key in reversed(list(zip(keys, was, strict=True))):
            found = matching_key(new, old_key)
            if found is MISSING:
                self.changed = True
                detach(node, rt_key, chain)
            else:
                written[found] = (rt_key, old_key)
        previous: Any = None
        for new_key, value in new.items():
            if new_key in written:
                previous, old_key = written[new_key]
                self.merge_value(node, previous, was[old_key], value, (*path, str(new_key)), chain)
                continue
            self.changed = True
            at = list(node.keys()).index(previous) + 1 if previous is not None else 0
            previous = _written_key(new_key, _is_flow(node))
            attach(node, at, previous, self.build(value, None, _is_flow(node), (*path, str(new_key))), chain)

    def merge_seq(self, node: CommentedSeq, was: list[Any], new: Sequence[Any], path: Path_, chain: list[Any]) -> None:
        if _by_id(was) and _by_id(new):
            self._merge_by_id(node, was, new, path, chain)
            return
        for index in range(min(len(was), len(new))):
            self.merge_value(node, index, was[index], new[index], (*path, index), chain)
        for index in reversed(range(len(new), len(was))):
            self.changed = True
            detach(node, index, chain)
        for index in range(len(was), len(new)):
            self.changed = True
            template = node[index - 1] if index > 0 else None
            attach(node, index, index, self.build(new[index], template, _is_flow(node), (*path, index)), chain)

    def _merge_by_id(
        self, node: CommentedSeq, was: list[Any], new: Sequence[Any], path: Path_, chain: list[Any]
    ) -> None:
        wanted = [repr(item["id"]) for item in new]
        kept = [repr(item["id"]) for item in was]
        olds = {repr(item["id"]): item for item in was}
        for index in reversed(range(len(kept))):
            if kept[index] not in wanted:
                self.changed = True
                detach(node, index, chain)
                del kept[index]
        order = [key for key in wanted if key in olds]
        for place, key in enumerate(order):  # moved only when `updated` reorders them
            if kept[place] != key:
                self.changed = True
                source = kept.index(key)
                item, lead = detach(node, source, chain)
                attach(node, place, place, item, chain, lead)
                kept.insert(place, kept.pop(source))
        for place, item in enumerate(new):
            key = repr(item["id"])
            if key in olds:
                self.merge_value(node, place, olds[key], item, (*path, place), chain)
                continue
            self.changed = True
            template = node[place - 1] if place > 0 else (node[0] if len(node) else None)
            attach(node, place, place, self.build(item, template, _is_flow(node), (*path, place)), chain)

    def merge_value(self, container: Any, key: Any, was: Any, new: Any, path: Path_, chain: list[Any]) -> None:
        current = container[key]
        if isinstance(new, Mapping) and isinstance(was, dict) and isinstance(current, CommentedMap):
            self.merge_map(current, was, new, path, [*chain, (container, key)])
        elif isinstance(new, list | tuple) and isinstance(was, list) and isinstance(current, CommentedSeq):
            self.merge_seq(current, was, new, path, [*chain, (container, key)])
        elif _is_scalar(new) and _is_scalar(was) and not isinstance(current, CommentedMap | CommentedSeq):
            if not same_value(was, new, self.unit_at(path)):
                self.changed = True
                container[key] = self.styled(current, new, path, _is_flow(container))
        else:
            self.changed = True
            template = current if not _is_scalar(current) else None
            move_tail(container, key, self.build(new, template, _is_flow(container), path))

    def build(self, value: Any, template: Any, flow: bool, path: Path_) -> Any:
        """A new node for `value`, styled like `template` (a sibling) where there is one."""
        if isinstance(value, Mapping):
            made = CommentedMap() if not (flow or _flowing(value, template)) else flow_map()
            like = template if isinstance(template, Mapping) else None
            for key, item in value.items():
                made[_written_key(key, _is_flow(made))] = self.build(
                    item, like.get(key) if like else None, _is_flow(made), (*path, str(key))
                )
            return made
        if isinstance(value, list | tuple):
            seq = CommentedSeq()
            if flow or _flowing(value, template):
                seq.fa.set_flow_style()
            like_item = template[-1] if isinstance(template, list) and template else None
            for index, item in enumerate(value):
                seq.append(self.build(item, like_item, _is_flow(seq), (*path, index)))
            return seq
        return self.styled(template if isinstance(template, str) else None, value, path, flow)

    def styled(self, current: Any, value: Any, path: Path_, flow: bool) -> Any:
        """The scalar `value` written in the style of `current` (the scalar it replaces), in a flow
        collection or not."""
        value = day(value)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, dt.date):
            return _like(current, value.isoformat(), flow) if isinstance(current, str) else value
        if isinstance(value, int | Decimal):
            if isinstance(current, str):
                text = _as_percent(current, value) or _as_amount(current, value, self.unit_at(path))
                if text is not None:
                    return _like(current, text, flow)
            return number_text(value)
        if isinstance(value, str):
            return _like(current, value, flow)
        raise MergeError(_("a plan cannot hold a value of type {kind}", kind=type(value).__name__))


def _like(current: Any, text: str, flow: bool) -> Any:
    """`text` quoted as `current` was (or a block scalar as it was); plain when it reads back as text."""
    if isinstance(current, ScalarString) and not needs_escapes(text):
        return type(current)(text)
    return safe_string(text, flow)


def _as_percent(current: str, value: int | Decimal) -> str | None:
    """`20%` with `value` (a fraction, 0.25) in its place: `25%`, spacing and sign kept."""
    if not is_percent_text(current):
        return None
    points = Decimal(value) * 100
    if out_of_bounds(points) is not None:
        return None
    return _PERCENT_NUMBER.sub(plain(points), current, count=1)


def _as_amount(current: str, value: int | Decimal, unit: str) -> str | None:
    """`1200万` with `value` (in `unit`) in its place, in the same magnitude and currency, when that
    writes it exactly with no more decimals than the original had, or two (`1.25亿`, not `0.0005万`)."""
    found = read_amount_text(current, wide=False)
    if not found or not (found.magnitude or found.money):
        return None
    scaled = _exact(Fraction(Decimal(value)) * unit_multiplier(unit) / (found.magnitude or 1))
    allowed = max(_AMOUNT_PLACES, decimal_places(found.number))
    if scaled is None or out_of_bounds(scaled) is not None or decimal_places(scaled) > allowed:
        return None
    digits = plain(scaled)
    start, end = found.span
    if "," in current[start:end]:
        whole, _dot, part = digits.partition(".")
        digits = f"{int(whole):,}" + (f".{part}" if part else "")
    return current[:start] + digits + current[end:]


def _exact(value: Fraction) -> Decimal | None:
    """`value` as a Decimal when it has a finite decimal expansion that fits the plan's bounds."""
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest != 1:
        return None
    with localcontext() as context:
        context.prec = 60
        return Decimal(value.numerator) / Decimal(value.denominator)


def _written_key(key: Any, flow: bool) -> Any:
    if isinstance(key, str):
        return safe_string(key, flow)
    return number_text(key) if isinstance(key, Decimal) else key


def _is_flow(node: Any) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and bool(node.fa.flow_style())


def _flowing(value: Mapping[Any, Any] | Sequence[Any], template: Any) -> bool:
    """Flow style for a new collection: as its template is written, else when it holds only scalars."""
    if isinstance(template, CommentedMap | CommentedSeq):
        return _is_flow(template)
    items = value.values() if isinstance(value, Mapping) else value
    return len(value) <= _FLOW_AT_MOST and all(_is_scalar(item) for item in items)
