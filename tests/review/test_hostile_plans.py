"""`salesplan review` on the shared hostile plan corpus: no traceback, exit 2, a located diagnostic, nothing written."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "hostile_corpus_review", Path(__file__).parents[1] / "hostile" / "corpus.py"
)
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["hostile_corpus_review"] = corpus
_spec.loader.exec_module(corpus)

ACTUALS = Path(__file__).resolve().parent / "fixtures" / "actuals.csv"
CASES = [
    "tabs",
    "unclosed-quote",
    "duplicate-key",
    "billion-laughs",
    "nan",
    "400-digits",
    "wrong-types",
    "gbk",
    "empty",
]


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Case]:
    return {c.name: c for c in corpus.build(tmp_path_factory.mktemp("hostile-review"))}


@pytest.mark.parametrize("name", CASES)
def test_review_refuses_a_hostile_plan(name: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases[name]
    out = tmp_path / "review.xlsx"
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "salesplan",
            "review",
            str(case.path),
            "--actuals",
            str(ACTUALS),
            "-f",
            "xlsx",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert (
        f"{case.path}:{case.line}:{case.col}: {case.code}" in proc.stderr
        if case.line
        else f": {case.code}" in proc.stderr
    )
    assert list(tmp_path.iterdir()) == []
