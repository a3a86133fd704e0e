"""`salesplan review` on a terminal names its steps on a spinner (nothing in a pipe), writes json as it is
made, and leaves no file when stopped part-way."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.report import progress
from salesplan.report.progress import Steps
from salesplan.review import render

ACTUALS = Path(__file__).resolve().parent / "fixtures" / "actuals.csv"
ARGS = (str(REFERENCE), "--actuals", str(ACTUALS), "--as-of", "2026-08-15")


def _stopping(*args: object) -> Iterator[str]:
    yield "{\n"
    raise KeyboardInterrupt


def test_an_interrupted_review_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "json_chunks", _stopping)
    out = tmp_path / "review.json"
    result = CliRunner().invoke(app, ["review", *ARGS, "-f", "json", "-o", str(out)])
    assert isinstance(result.exception, KeyboardInterrupt) or result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_review_keeps_the_file_it_would_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "review.json"
    out.write_text("before\n", encoding="utf-8")
    monkeypatch.setattr(render, "json_chunks", _stopping)
    CliRunner().invoke(app, ["review", *ARGS, "-f", "json", "-o", str(out), "--force"])
    assert out.read_text(encoding="utf-8") == "before\n" and list(tmp_path.iterdir()) == [out]


def test_json_written_as_made_is_the_whole_document(tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    result = CliRunner().invoke(app, ["review", *ARGS, "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    printed = CliRunner().invoke(app, ["review", *ARGS, "-f", "json"]).stdout
    assert out.read_text(encoding="utf-8") == printed and json.loads(printed)["as_of"] == "2026-08-15"


def test_the_spinner_names_each_step_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    @contextmanager
    def recording(lang: str = "zh") -> Iterator[Steps]:
        yield Steps(lang, shown.append)

    monkeypatch.setattr(progress, "steps", recording)
    out = tmp_path / "review.json"
    result = CliRunner().invoke(app, ["review", *ARGS, "-f", "json", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    steps = [text.split("…")[0].rstrip(" 0123456789.,MB") for text in shown]
    assert steps[:4] == ["splitting targets", "reading actuals", "reviewing", "building tables"]
    assert set(steps[4:]) == {"writing"} and shown[-1].startswith("writing ")


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_nothing_but_the_written_line_in_a_pipe(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"review.{fmt}"
    result = CliRunner().invoke(app, ["review", *ARGS, "-f", fmt, "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0 and result.stderr == f"wrote {out}\n"


def test_steps_do_nothing_off_a_terminal() -> None:
    told: Callable[[str], None] | None = None
    with progress.steps("en") as step:  # pytest's stderr is no terminal
        told = step._update
        step("review")
    assert told is None and not step.shown
