"""The re-planned reference plan and its notes equal their golden files (regen_golden.py writes them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("replan_regen_golden", HERE / "regen_golden.py")
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    outputs: dict[str, str] = module.outputs()
    return outputs


def test_golden_files_are_exactly_the_generated_set(expected: dict[str, str]) -> None:
    assert sorted(p.name for p in (HERE / "golden").iterdir()) == sorted(expected)


def test_every_output_equals_its_golden_file(expected: dict[str, str]) -> None:
    for name, text in expected.items():
        assert (HERE / "golden" / name).read_text(encoding="utf-8") == text, f"{name}: run tests/replan/regen_golden.py"
