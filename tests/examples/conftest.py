"""Fixtures of the example tests: the plan rules (shared with tests/init) and examples/regenerate.py."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from salesplan.model.plan import Plan

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent


def _load(name: str, path: Path) -> ModuleType:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def plan_problems() -> Callable[[Plan], list[str]]:
    rules = _load("salesplan_tests_plan_rules", TESTS / "init" / "plan_rules.py")
    problems: Callable[[Plan], list[str]] = rules.problems
    return problems


@pytest.fixture
def regenerate() -> ModuleType:
    return _load("salesplan_examples_regenerate", REPO / "examples" / "regenerate.py")
