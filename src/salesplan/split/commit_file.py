"""Commitments from a file (`--commitments`), laid over the targets' `commit:` in their splits.

A row of a commitments file names a target, one part of its split by the part's path (the parts of
its level columns: region, product, rep …, and optionally a time part) and the amount committed.
Its key in the commitments table is the part id when the path's outer parts add nothing (every node
of the part lies under them: `east-a, 李雷` is `李雷`), else the path's ids in level order joined
by ` / ` (`east-a / P1` when P1 is also sold in other regions); a path's allocation is the sum of
the nodes of its last part that lie under its other parts, exactly as `commit:` sums a part's nodes.

The file wins: a part given both in `commit:` and in the file takes the file's amount (the file is
the newer word: it is collected after the plan is written); the other parts of `commit:` are kept.
A path that no node of the split has is SP042 at the row's cell; two rows for one part (also when
written differently: `7月` and `2026-07`) are SP070 at the second; all of them at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import _
from salesplan.loader.validate import did_you_mean, suggestion
from salesplan.model.words import dimension
from salesplan.split.commit import Step, path_nodes
from salesplan.split.result import TargetSplit
from salesplan.split.timeparts import TIME_KINDS, normalize_key


@dataclass(frozen=True)
class FiledCommitment:
    """One row of a commitments file: the target, its named parts (level -> part id, outermost
    first), the time part as written (None: no time column or a blank cell), and the amount."""

    target: str
    parts: tuple[Step, ...]
    time: str | None
    amount: Decimal
    where: SourceRef  # the row's first cell
    cells: dict[str, SourceRef]  # level (`month` for the time cell) -> its cell


def key_of(path: Sequence[Step]) -> str:
    """The key a path shows under in the commitments table: its part ids joined by ` / `."""
    return " / ".join(part for _level, part in path)


def apply_filed(
    splits: Sequence[TargetSplit],
    rows: Sequence[FiledCommitment],
    sources: dict[tuple[str, str], SourceRef] | None = None,
) -> list[Diagnostic]:
    """Lay the file's commitments over the splits' `commit:` (the file wins); the rows' problems.
    `sources` receives the row of each (target, key) laid over (where a finding on it points)."""
    by_target: dict[str, list[FiledCommitment]] = {}
    for row in rows:
        by_target.setdefault(row.target, []).append(row)
    problems: list[Diagnostic] = []
    for split in splits:
        if split.target_id in by_target:
            problems += _apply(split, by_target[split.target_id], sources if sources is not None else {})
    return problems


def _apply(
    split: TargetSplit, rows: list[FiledCommitment], sources: dict[tuple[str, str], SourceRef]
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    paths: list[tuple[FiledCommitment, tuple[Step, ...]]] = []
    for row in rows:
        path = _path(split, row, problems)
        if path is not None:
            paths.append((row, path))
    sums = path_nodes(split, [path for _row, path in paths])
    alone = path_nodes(split, [path[-1:] for _row, path in paths])
    filed: dict[str, tuple[Decimal, tuple[Step, ...]]] = {}
    first: dict[str, FiledCommitment] = {}
    for (row, path), (_total, count), (_all, every) in zip(paths, sums, alone, strict=True):
        if count == 0:
            problems.append(_not_on_path(split, row, path))
            continue
        key = path[-1][1] if count == every else key_of(path)
        if key in first:
            problems.append(_repeated(row, key, first[key]))
            continue
        first[key] = row
        filed[key] = (row.amount, path)
    if problems:
        return problems
    sources.update({(split.target_id, key): first[key].where for key in filed})
    split.commit = {**split.commit, **{key: amount for key, (amount, _path) in filed.items()}}
    split.commit_paths = {
        **split.commit_paths,
        **{key: path for key, (_amount, path) in filed.items() if key != path[-1][1]},
    }
    return []


def _path(split: TargetSplit, row: FiledCommitment, problems: list[Diagnostic]) -> tuple[Step, ...] | None:
    """The row's steps in the split's level order (its time part resolved), or None after a problem."""
    steps = list(row.parts)
    if row.time is not None:
        time = _time_step(split, row.time)
        if time is None:
            times = [level for level in split.levels if level in TIME_KINDS]
            guess = suggestion(did_you_mean(row.time, _parts(split, times)))
            problems.append(
                codes.diagnostic(
                    codes.UNKNOWN_PART,
                    row.cells.get("month", row.where),
                    _(
                        "'{part}' is not a time part of target {target}'s breakdown{suffix}",
                        part=row.time,
                        target=row.target,
                        suffix=guess,
                    ),
                    hint=_("name a month (or quarter, week) the target is split by, e.g. 2026-07 or Q3"),
                )
            )
            return None
        steps.append(time)
    if not steps:
        problems.append(
            codes.diagnostic(
                codes.UNKNOWN_PART,
                row.where,
                _("the row names no part of target {target}'s breakdown", target=row.target),
                hint=_("fill in the region, product, rep … (or month) the commitment is for"),
            )
        )
        return None
    for level, part in steps:
        if level not in split.levels:
            problems.append(
                codes.diagnostic(
                    codes.UNKNOWN_PART,
                    row.cells.get(level, row.where),
                    _(
                        "'{part}': target {target} is not split by {dim}",
                        part=part,
                        target=row.target,
                        dim=dimension(level),
                    ),
                    hint=_("leave the column blank for this target, or split the target by it"),
                )
            )
            return None
    return tuple(sorted(steps, key=lambda step: split.levels.index(step[0])))


def _time_step(split: TargetSplit, written: str) -> Step | None:
    for level in split.levels:
        if level in TIME_KINDS:
            ids = _parts(split, [level])
            meant = normalize_key(level, written, ids)
            if meant in ids:
                return (level, meant)
    return None


def _parts(split: TargetSplit, levels: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for _depth, node in split.root.walk():
        if node.level in levels and node.part is not None:
            seen.setdefault(node.part)
    return list(seen)


def _not_on_path(split: TargetSplit, row: FiledCommitment, path: tuple[Step, ...]) -> Diagnostic:
    level, part = path[-1]
    if len(path) == 1:  # a part of the plan outside this target's scope
        guess = suggestion(did_you_mean(part, _parts(split, [level])))
        return codes.diagnostic(
            codes.UNKNOWN_PART,
            row.cells.get(level, row.where),
            _(
                "{dim} '{part}' is not a part of target {target}'s breakdown{suffix}",
                dim=dimension(level),
                part=part,
                target=row.target,
                suffix=guess,
            ),
            hint=_("check the row's parts against `salesplan split`'s table"),
        )
    return codes.diagnostic(
        codes.UNKNOWN_PART,
        row.cells.get(level, row.where),
        _(
            "'{path}' is not a part of target {target}'s breakdown: no {dim} '{part}' lies under the row's other parts",
            path=key_of(path),
            target=row.target,
            dim=dimension(level),
            part=part,
        ),
        hint=_("check the row's parts against `salesplan split`'s table"),
    )


def _repeated(row: FiledCommitment, key: str, first: FiledCommitment) -> Diagnostic:
    return codes.diagnostic(
        codes.COMMITMENT_REPEATED,
        row.where,
        _(
            "target {target}'s part '{part}' is committed twice (first at line {line})",
            target=row.target,
            part=key,
            line=first.where.line,
        ),
        hint=_("keep one row per part: add the amounts up, or delete the older row"),
    )
