"""Every hostile case meets the loader: the right code at the right place, quickly, no exception."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from salesplan.loader import load_plan

_spec = importlib.util.spec_from_file_location("hostile_corpus", Path(__file__).with_name("corpus.py"))
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["hostile_corpus"] = corpus
_spec.loader.exec_module(corpus)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return {c.name: c for c in corpus.build(tmp_path_factory.mktemp("hostile"))}


NAMES = [
    "tabs", "unclosed-quote", "unclosed-bracket", "duplicate-key", "billion-laughs", "deep-nesting", "nan", "inf",
    "400-digits", "no-such-date", "wrong-types", "unknown-keys", "empty", "nul-bytes", "gbk", "zero-width-id",
    "control-char-id", "twenty-mb", "too-many-values", "bom", "huge-split", "cycle-1000", "injection",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_loader_on_hostile_case(name: str, cases: dict[str, corpus.Case]) -> None:
    case = cases[name]
    start = time.perf_counter()
    loaded = load_plan(case.path)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"{name} took {elapsed:.1f}s"
    if case.code is None:
        assert loaded.ok, [d.format() for d in loaded.diagnostics]
        return
    found = [(d.code, d.line, d.col) for d in loaded.diagnostics]
    assert any(code == case.code for code, _, _ in found), found
    if case.line is not None:
        assert (case.code, case.line, case.col) in found, found
    for diag in loaded.diagnostics:
        assert diag.line >= 1 and diag.col >= 1
        assert diag.format().startswith(f"{case.path}:{diag.line}:{diag.col}: {diag.code} ")


def test_corpus_is_complete(cases: dict[str, corpus.Case]) -> None:
    assert sorted(cases) == sorted(NAMES)


def test_wrong_types_reports_every_problem(cases: dict[str, corpus.Case]) -> None:
    loaded = load_plan(cases["wrong-types"].path)
    assert len(loaded.diagnostics) >= 5, [d.format() for d in loaded.diagnostics]
