"""The round-trip writer of `salesplan import --into`: only the changed values' lines change.

Properties on the reference plan and every example: unchanged data gives the file back byte for
byte; one changed scalar anywhere changes exactly its line (difflib and a real `git diff`); the text
reads back as the data asked for. Hand-written cases for each way a value can be written.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import os
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repo_files import EXAMPLES, REFERENCE
from salesplan.importer.merge import merge_plan, unified_diff
from salesplan.importer.merge_values import first_difference, same_value, units
from salesplan.loader.yamltree import parse_yaml

PLANS = sorted([REFERENCE, *EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("rollup/**/*.yaml")])
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in PLANS}


def data_of(text: str) -> Any:
    return parse_yaml(text.lstrip("\ufeff").replace("\r\n", "\n"), "<test>").data


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) of a line diff, endings included."""
    diff = list(difflib.ndiff(old.splitlines(keepends=True), new.splitlines(keepends=True)))
    return [line[2:] for line in diff if line.startswith("- ")], [line[2:] for line in diff if line.startswith("+ ")]


def edit(text: str, change: Any) -> tuple[Any, str]:
    """The plan's data changed by `change(data)`, and the merged text (checked to read back as the data)."""
    data = copy.deepcopy(data_of(text))
    change(data)
    merged = merge_plan(text, data)
    assert first_difference(data_of(merged), data, (), units(data)) is None
    return data, merged


# --- properties on every example plan -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_unchanged_data_gives_the_file_back_byte_for_byte(name: str) -> None:
    text = TEXTS[name]
    assert merge_plan(text, data_of(text)) is text


def _scalar_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every scalar of the data with its path, except ids (they say which list item is which)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalar_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalar_paths(item, (*path, index))
    elif path[-1] != "id" and not (isinstance(value, str) and "\n" in value):
        yield path, value


SCALARS = [(name, path, value) for name in sorted(TEXTS) for path, value in _scalar_paths(data_of(TEXTS[name]))]
_TEXT = st.text(st.sampled_from("abcxyz 区东南销售额计划:#-'\"%,.012{}[]"), min_size=1, max_size=12)


def _another(value: Any) -> st.SearchStrategy[Any]:
    """A new value of the same kind as `value`."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int):
        return st.integers(0, 10**9)
    if isinstance(value, Decimal):
        return st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False)
    if isinstance(value, dt.date):
        return st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))
    if isinstance(value, str) and value.endswith("%"):
        return st.one_of(
            st.decimals(0, 1, places=3).map(lambda d: d.normalize()), st.integers(0, 200).map(lambda n: f"{n}%")
        )
    return _TEXT.map(str.strip).filter(bool)


@st.composite
def one_change(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], Any]:
    name, path, old = draw(st.sampled_from(SCALARS))
    new = draw(_another(old))
    data = data_of(TEXTS[name])
    unit = units(data)(tuple(str(p) if not isinstance(p, int) else p for p in path))
    if old is None or same_value(old, new, unit):
        new = draw(_another(old).filter(lambda candidate: not same_value(old, candidate, unit)))
    return name, path, new


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(one_change())
def test_one_changed_scalar_changes_exactly_its_line(change: tuple[str, tuple[Any, ...], Any]) -> None:
    name, path, new = change
    text = TEXTS[name]
    _data, merged = edit(text, lambda data: _set(data, path, new))
    removed, added = changed_lines(text, merged)
    assert len(removed) == len(added) == 1, unified_diff(name, text, merged)
    comment = removed[0].partition("  # ")[2].rstrip()
    assert added[0].rstrip().endswith(comment)  # an end-of-line comment on the changed value stays


def _changes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def _id_lists() -> list[tuple[str, str]]:
    """One list of items with ids in each plan (its risks, tasks, strategies or targets in turn)."""
    chosen = []
    for turn, name in enumerate(sorted(TEXTS)):
        data = data_of(TEXTS[name])
        keys = [key for key in ("risks", "tasks", "strategies", "targets") if len(data.get(key) or []) >= 3]
        if keys:
            chosen.append((name, keys[turn % len(keys)]))
    return chosen


ID_LISTS = _id_lists()


@pytest.mark.parametrize(("name", "key"), ID_LISTS)
def test_list_items_added_and_removed_by_id_change_only_their_lines(name: str, key: str) -> None:
    text = TEXTS[name]
    data = data_of(text)
    gone = data[key][0]["id"]
    _updated, fewer = edit(text, lambda d: d[key].pop(0))
    [(tag, start, end, _at, _to)] = _changes(text, fewer)  # one block of lines removed, nothing else
    assert tag == "delete" and f"id: {gone}\n" in "\n".join(text.splitlines()[start:end]) + "\n"
    copied = {**copy.deepcopy(data[key][-1]), "id": "NEW1"}
    _updated, more = edit(text, lambda d: d[key].append(copy.deepcopy(copied)))
    [(tag, _start, _end, _at, _to)] = _changes(text, more)  # one block of lines inserted (where difflib sees it)
    assert tag == "insert" and "id: NEW1" in more
    gone_middle = data[key][1]["id"]
    _updated, middle = edit(text, lambda d: d[key].pop(1))
    [(tag, start, end, _at, _to)] = _changes(text, middle)
    assert tag == "delete" and f"id: {gone_middle}\n" in "\n".join(text.splitlines()[start:end]) + "\n"


def _git_or_skip() -> str:
    git = shutil.which("git")
    if git is None:
        if os.environ.get("SALESPLAN_REQUIRE_CLIENTS"):
            pytest.fail("git is required")
        pytest.skip("git is not installed")
    return git


def test_git_diff_shows_only_the_edited_line(tmp_path: Path) -> None:
    git = _git_or_skip()
    text = TEXTS[REFERENCE.name]
    _data, merged = edit(text, lambda d: _set(d, ("targets", 0, "split", 0, "values", "east-a"), 320))
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(text, encoding="utf-8")
    after.write_text(merged, encoding="utf-8")
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    shown = subprocess.run(
        [git, "diff", "--no-index", "--numstat", str(before), str(after)], capture_output=True, text=True, env=env
    )
    assert shown.returncode == 1 and shown.stdout.split()[:2] == ["1", "1"]
    patch = subprocess.run([git, "diff", "--no-index", "-U0", str(before), str(after)], capture_output=True, text=True)
    lines = [line for line in patch.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    comment = "   # agreed in the planning meeting"
    assert lines == [
        "-      - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}" + comment,
        "+      - {by: region, method: explicit, values: {east-a: 320, east-b: 200}}" + comment,
    ]


def _mappings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        if value:
            yield path
        for key, item in value.items():
            yield from _mappings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _mappings(item, (*path, index))


MAPPINGS = [(name, path) for name in sorted(TEXTS) for path in _mappings(data_of(TEXTS[name]))]
_NEW_VALUES = st.sampled_from(["x", 5, Decimal("2.5"), {"a": 1}, [1, 2], {"a": {"b": 1}, "c": [{"id": "q", "v": 1}]}])


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MAPPINGS), st.data())
def test_a_key_removed_or_added_anywhere_changes_one_block(where: tuple[str, Any], draw: st.DataObject) -> None:
    name, path = where
    text = TEXTS[name]
    mapping = _at(data_of(text), path)
    key = draw.draw(st.sampled_from([k for k in mapping if k != "id"] or ["zz_new"]))
    if key == "zz_new" or draw.draw(st.booleans()):
        value = draw.draw(_NEW_VALUES)
        _data, out = edit(text, lambda d: _at(d, path).__setitem__("zz_new", value))
        expected = "insert"
    else:
        _data, out = edit(text, lambda d: _at(d, path).pop(key))
        expected = "delete"
    [(tag, start, end, at, to)] = _changes(text, out)
    assert tag == expected or (tag == "replace" and end - start == to - at == 1)  # or one flow line


@pytest.mark.parametrize(("name", "key"), ID_LISTS)
def test_items_reordered_by_id_keep_every_comment_line(name: str, key: str) -> None:
    text = TEXTS[name]
    _data, out = edit(text, lambda d: d[key].reverse())
    comments = sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))
    assert sorted(line.strip() for line in out.splitlines() if line.strip().startswith("#")) == comments
    assert sorted(text.splitlines()) == sorted(out.splitlines())


def _respelled(text: str) -> str:
    """The same plan with flow collections spelled as ruamel.yaml would not write them: `{ a: 1 }`."""
    return text.replace("{", "{ ").replace("}", " }").replace(": [", ":  [")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(one_change())
def test_lines_the_round_trip_would_respell_are_kept_as_written(change: tuple[str, tuple[Any, ...], Any]) -> None:
    name, path, new = change
    text = _respelled(TEXTS[name])
    assert data_of(text) == data_of(TEXTS[name])
    _data, merged = edit(text, lambda data: _set(data, path, new))
    removed, added = changed_lines(text, merged)
    assert len(removed) == len(added) == 1, unified_diff(name, text, merged)
