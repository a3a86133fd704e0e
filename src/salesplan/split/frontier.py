"""The nodes a level still has to split, and what a level's method asks of the builder that holds them."""

from __future__ import annotations

from typing import Protocol

from salesplan.split.env import Ctx, TargetEnv
from salesplan.split.levels import Level
from salesplan.split.result import Basis, SplitNode
from salesplan.split.shares import Shares

Frontier = list[tuple[SplitNode, Ctx, int]]


class Attacher(Protocol):
    """Gives a node its children (`salesplan.split.build.Builder` is one)."""

    @property
    def env(self) -> TargetEnv: ...

    def attach(
        self,
        level: Level,
        node: SplitNode,
        ctx: Ctx,
        shares: Shares,
        parts: list[int],
        bases: tuple[Basis, ...],
        out: Frontier,
        last: bool,
        dim: str | None = None,
    ) -> None: ...
