"""What one plan file says about roll-up: its targets that implement a part of a parent plan's target.

`claims_of` reads them off a loaded plan in the pass that lints it, so the cross-file check never
loads a child file again; a `Claim` holds plain values (it crosses from lint's worker processes).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from salesplan.diagnostics import SourceRef
from salesplan.loader import LoadedPlan

Part = tuple[tuple[str, str], ...]  # (dimension, part id) in the order written


@dataclass(frozen=True)
class Claim:
    """Target `target` of file `file` (shown as written) implements `part` of `parent_target` in `parent`."""

    file: str
    real: str  # the child file's real path: one file, however it was named
    index: int  # the target's position in the child's targets
    target: str
    value: Decimal
    unit: str
    period: tuple[dt.date, dt.date]
    parent_written: str  # `implements.plan` as written
    parent: str  # its real path, resolved against the child's folder
    parent_target: str
    part: Part
    at: dict[str, SourceRef] = field(
        default_factory=dict, compare=False
    )  # implements, plan, target, part.<dim>, value, period
    lines: dict[int, str] = field(default_factory=dict, compare=False)  # the text of the lines `at` points at

    def where(self, key: str) -> SourceRef:
        return self.at.get(key) or self.at["implements"]


@dataclass(frozen=True)
class FileFacts:
    """A linted file's identity for the roll-up check, and its claims."""

    file: str
    real: str
    claims: tuple[Claim, ...] = ()


def real_path(path: str | Path) -> str:
    return os.path.realpath(os.fspath(path))


def resolve_parent(child_path: str | Path, written: str) -> str:
    """`implements.plan` is relative to the child file's folder (an absolute path stays itself)."""
    return real_path(Path(child_path).parent / written)


def facts_of(loaded: LoadedPlan, path: str | Path) -> FileFacts:
    """The file's identity and claims; `path` is where it was read from (its shown name may differ)."""
    real = real_path(path)
    return FileFacts(loaded.file, real, tuple(claims_of(loaded, path, real)))


def claims_of(loaded: LoadedPlan, path: str | Path, real: str | None = None) -> list[Claim]:
    plan = loaded.plan
    if plan is None:
        return []
    real = real or real_path(path)
    out: list[Claim] = []
    text: list[str] = []
    for index, target in enumerate(plan.targets):
        implements = target.implements
        if implements is None or not isinstance(target.value, Decimal):
            continue
        base = ("targets", index)
        at = {
            "implements": loaded.source.ref((*base, "implements")),
            "plan": loaded.source.ref((*base, "implements", "plan")),
            "target": loaded.source.ref((*base, "implements", "target")),
            "value": loaded.source.ref((*base, "value")),
            "unit": loaded.source.ref((*base, "unit")) if target.unit else loaded.source.ref(("plan", "unit")),
            "period": loaded.source.ref(("plan", "period")),
        }
        at |= {f"part.{dim}": loaded.source.ref((*base, "implements", "part", dim)) for dim in implements.part}
        text = text or loaded.source.text.splitlines()
        lines = {ref.line: text[ref.line - 1] for ref in at.values() if 0 < ref.line <= len(text)}
        out.append(
            Claim(
                file=loaded.file,
                real=real,
                index=index,
                target=target.id,
                value=target.value,
                unit=plan.target_unit(target),
                period=(plan.plan.period.start, plan.plan.period.end),
                parent_written=implements.plan,
                parent=resolve_parent(path, implements.plan),
                parent_target=implements.target,
                part=tuple(implements.part.items()),
                at=at,
                lines=lines,
            )
        )
    return out
