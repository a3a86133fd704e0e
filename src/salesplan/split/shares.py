"""The parts of one node and how much of it each should carry: what every split method returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from salesplan.split.basis_text import Basis

Window = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Shares:
    """The parts of one node and how much of it each should carry."""

    parts: tuple[str, ...]
    weights: tuple[int, ...]  # integer weights in proportion; for `fixed`, the parts' units
    bases: tuple[Basis, ...]
    exact: tuple[Fraction, ...] = ()  # the weights as stated (capacity caps need them)
    windows: tuple[Window, ...] = ()  # the date window of each time part
    fixed: bool = False
    held: tuple[int | None, ...] = ()  # with `rest:`: each part's held units, None for the rest's parts
