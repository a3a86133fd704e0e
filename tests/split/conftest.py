"""Fixtures of the split tests: a small base plan whose targets each test writes itself."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from decimal import Decimal

import pytest

from salesplan.loader import LoadedPlan, load_text
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.result import SplitNode, TargetSplit

BASE = """\
salesplan: 1
plan:
  name: 测试计划
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: east-a, name: A区}
    - {id: east-b, name: B区}
  products:
    - {id: device, name: 医疗器械}
    - {id: consumable, name: 耗材}
  people:
    - {id: 王芳, role: director}
    - {id: 李雷, role: rep, region: east-a, capacity: 160}
    - {id: 韩梅, role: rep, region: east-a, capacity: 140}
    - {id: 周杰, role: rep, region: east-b, capacity: 120}
    - {id: 吴敏, role: rep, region: east-b, capacity: 120, start: 2026-08-01}
history:
  revenue:
    east-a: {device: 150, consumable: 100}
    east-b: {device: 100, consumable: 66.7}
targets:
"""


def plan_with(targets: str, base: str = BASE) -> str:
    """The base plan with `targets` (YAML list items, any indentation) appended."""
    return base + textwrap.indent(textwrap.dedent(targets).strip("\n"), "  ") + "\n"


@pytest.fixture(scope="session")
def load() -> Callable[[str], LoadedPlan]:
    def _load(targets: str) -> LoadedPlan:
        loaded = load_text(plan_with(targets), "plan.yaml")
        assert loaded.ok, [d.format() for d in loaded.diagnostics]
        return loaded

    return _load


@pytest.fixture(scope="session")
def split(load: Callable[[str], LoadedPlan]) -> Callable[..., SplitOutcome]:
    def _split(targets: str, **options: object) -> SplitOutcome:
        return split_plan(load(targets), **options)  # type: ignore[arg-type]

    return _split


def leaf_values(split: TargetSplit) -> dict[tuple[str, ...], Decimal]:
    return {tuple(coords.values()): node.value for coords, node in split.leaves()}


def assert_exact(node: SplitNode, granularity: Decimal = Decimal(1)) -> None:
    """Every node's children add up to it; every value is a whole multiple of the granularity."""
    for _, n in node.walk():
        assert n.value % granularity == 0, (n.part, n.value)
        if n.children:
            assert sum(c.value for c in n.children) == n.value, (n.part, n.value)


@pytest.fixture(scope="session")
def leaves() -> Callable[[TargetSplit], dict[tuple[str, ...], Decimal]]:
    return leaf_values


@pytest.fixture(scope="session")
def exact() -> Callable[..., None]:
    return assert_exact


@pytest.fixture(scope="session")
def make_plan() -> Callable[[str], str]:
    return plan_with
