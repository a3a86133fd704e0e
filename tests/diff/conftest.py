"""The diff tests' plans and cases, from regen_golden.py (one place for both)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from salesplan.diff.engine import Side

HERE = Path(__file__).resolve().parent


def _regen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("diff_regen_golden", HERE / "regen_golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGEN = _regen()


@pytest.fixture(scope="session")
def regen() -> ModuleType:
    return REGEN


@pytest.fixture(scope="session")
def side() -> Callable[[str], Side]:
    load: Callable[[str], Side] = REGEN.side
    return load


@pytest.fixture
def fixtures() -> Path:
    return HERE / "fixtures"
