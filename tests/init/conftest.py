"""Fixtures of the init tests: the plan rules init's plans are held to, and a CLI runner."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from salesplan.model.plan import Plan


def load_plan_rules() -> ModuleType:
    """tests/init/plan_rules.py, loaded by path (the suite runs with --import-mode=importlib)."""
    name = "salesplan_tests_plan_rules"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("plan_rules.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def plan_problems() -> Callable[[Plan], list[str]]:
    problems: Callable[[Plan], list[str]] = load_plan_rules().problems
    return problems
