"""The commitments template (`salesplan split PLAN --commitments-template F.csv`): the rows to fill.

One row per part of each target's commit level: the deepest level of its split that is not a time
level (the reps, in a region → product → rep split), or its time level when it has no other. Each
row names the part's path by ids (every level above it, a time part in the month column), its
allocation for reference, and a blank commitment cell. The headers are input vocabulary (the first
word of each column in the language), so the filled template reads back with `--commitments`; the
allocation column is skipped when it is read. A target whose path runs through a level a column
cannot name (tier, an IPF level) has no rows. CSV in UTF-8 with a BOM, as Excel and WPS open it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from salesplan.numbers import plain
from salesplan.review.commit_read import ALLOCATION_WORDS, COMMIT_WORDS, NAMED
from salesplan.review.headers import COLUMNS
from salesplan.split.timeparts import TIME_KINDS

if TYPE_CHECKING:
    from salesplan.split.result import SplitNode, TargetSplit

Row = tuple[str, dict[str, str], str]  # target, column -> part id, allocation


def _word(words: Sequence[str], lang: str) -> str:
    english = lang == "en"
    return next(word for word in words if word.isascii() == english)


def commit_level(split: TargetSplit) -> str | None:
    """The level a target's parts commit at: its deepest level that is not a time level, else its time level."""
    named = [level for level in split.levels if level not in TIME_KINDS]
    return named[-1] if named else (split.levels[-1] if split.levels else None)


def template_rows(splits: Sequence[TargetSplit]) -> Iterator[Row]:
    """Each part of each target's commit level, in tree order: its path by column and its allocation."""
    for split in splits:
        level = commit_level(split)
        if level is None or not all(dim in NAMED or dim in TIME_KINDS for dim in split.levels):
            continue
        yield from _rows(split, split.root, level, {})


def _rows(split: TargetSplit, node: SplitNode, level: str, path: dict[str, str]) -> Iterator[Row]:
    for child in node.children:
        if child.level is None or child.part is None:
            continue
        column = "month" if child.level in TIME_KINDS else child.level
        here = {**path, column: child.part}
        if child.level == level:
            yield split.target_id, here, plain(child.value)
        else:
            yield from _rows(split, child, level, here)


def commitments_template(splits: Sequence[TargetSplit], lang: str) -> str:
    """The template as CSV text (with its BOM): target, the path's columns, allocation, commitment."""
    rows = list(template_rows(splits))
    used = {column for _target, path, _allocation in rows for column in path}
    columns = [column for column in (*NAMED, "month") if column in used]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = [_word(COLUMNS[column], lang) for column in ("target", *columns)]
    writer.writerow([*names, _word(ALLOCATION_WORDS, lang), _word(COMMIT_WORDS, lang)])
    for target, path, allocation in rows:
        writer.writerow([target, *(path.get(column, "") for column in columns), allocation, ""])
    return "\ufeff" + buffer.getvalue()
