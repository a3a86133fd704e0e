"""Bottom-up commitments (承诺) beside the top-down allocation: a target's `commit:` names parts of
any level of its split; a part's allocation is the sum of its nodes (a rep under two products
counts both), and its gap is the commitment less the allocation.

A committed part that the split does not have is bad input, like an unknown part in `values:`:
SP042 at its key, with the part id meant when the key is a part's name (`A区` for `east-a`) or
close to one; `salesplan split` then writes nothing, whatever the output.

A commitments file (`salesplan.split.commit_file`) may also commit a part under given outer parts
(`east-a / device`): its allocation is then the sum of the part's nodes under them only (`path_nodes`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.loader.validate import did_you_mean
from salesplan.periods import part_of_id
from salesplan.split.env import TargetEnv
from salesplan.split.result import TargetSplit
from salesplan.split.timeparts import TIME_RANK, normalize_key

Step = tuple[str, str]  # (level, part id)


@dataclass(frozen=True)
class Commitment:
    """One committed part: what the split allocates to it, what it commits to, and the gap."""

    part: str
    allocation: Decimal
    commitment: Decimal

    @property
    def gap(self) -> Decimal:
        return self.commitment - self.allocation

    def gap_percent(self) -> Decimal | None:
        """The gap as a percent of the allocation; None when nothing is allocated."""
        if self.allocation == 0:
            return None
        return self.gap / self.allocation * 100


def allocations(split: TargetSplit) -> dict[str, Decimal]:
    """Every part id of the split -> the sum of the values of its nodes, at whatever level."""
    out: dict[str, Decimal] = {}
    for _depth, node in split.root.walk():
        if node.part is not None:
            out[node.part] = out.get(node.part, Decimal(0)) + node.value
    return out


def path_nodes(split: TargetSplit, paths: Sequence[Sequence[Step]]) -> list[tuple[Decimal, int]]:
    """For each path: the sum of the values of the nodes of its last step that lie under its other
    steps, and how many such nodes there are (0: the split has no such part)."""
    wanted: dict[Step, list[tuple[int, frozenset[Step]]]] = {}
    for i, path in enumerate(paths):
        wanted.setdefault(path[-1], []).append((i, frozenset(path[:-1])))
    found = [(Decimal(0), 0)] * len(paths)
    trail: list[Step] = []
    for depth, node in split.root.walk():
        if depth == 0 or node.level is None or node.part is None:
            continue
        del trail[depth - 1 :]
        step = (node.level, node.part)
        trail.append(step)
        for i, outer in wanted.get(step, ()):
            if outer <= set(trail):
                total, count = found[i]
                found[i] = (total + node.value, count + 1)
    return found


def commitments(split: TargetSplit, commit: Mapping[str, Decimal]) -> tuple[list[Commitment], list[str]]:
    """The committed parts found in the split, in `commit:` order, and the part ids it does not have."""
    allocated = allocations(split)
    if split.commit_paths:  # a file's commitment of a part under given outer parts: only those nodes
        from_paths = path_nodes(split, list(split.commit_paths.values()))
        allocated |= {key: total for key, (total, count) in zip(split.commit_paths, from_paths, strict=True) if count}
    found = [Commitment(part, allocated[part], amount) for part, amount in commit.items() if part in allocated]
    unknown = [part for part in commit if part not in allocated]
    return found, unknown


def unknown_commitments(env: TargetEnv, split: TargetSplit) -> list[Diagnostic]:
    """SP042 for each part id of `commit:` that no node of the split has, at its key."""
    if not split.commit:
        return []
    allocated = allocations(split)
    named = {name: part for dim in split.levels for part, name in env.labels.get(dim, {}).items() if part in allocated}
    times = sorted(part for part in allocated if part_of_id(part) is not None)
    found: list[Diagnostic] = []
    for part in split.commit:
        if part in allocated:
            continue
        guess = named.get(part) or _time_part(part, times) or did_you_mean(part, list(allocated))
        suffix = _("; did you mean '{guess}'?", guess=guess) if guess else ""
        found.append(
            env.diag(
                codes.UNKNOWN_PART,
                env.path("commit", part),
                _("'{part}' in commit: is not a part of the breakdown{suffix}", part=part, suffix=suffix),
                key=True,
                hint=_("name a part of one of the split's levels by its id (a region, product, rep, month ...)"),
            )
        )
    return found


def _time_part(key: str, times: list[str]) -> str | None:
    """The one time part of the split a key like `7月`, `Q3` or `2026-7` means (as split keys are read)."""
    for kind in TIME_RANK:
        ids = [part for part in times if part_of_id(part)[0] == kind]  # type: ignore[index]
        meant = normalize_key(kind, key, ids) if ids else None
        if meant in ids:
            return meant
    return None
