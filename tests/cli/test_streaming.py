"""Output written as it is produced: the same bytes as one text, and nothing left behind when stopped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app
from salesplan.export.markdown import markdown_chunks, render_markdown
from salesplan.export.tables import TABLES, build_document
from salesplan.loader import load_plan
from salesplan.output import OutputExists, write_atomic_stream
from salesplan.split import render
from salesplan.split.engine import split_plan

REFERENCE = REPO_REFERENCE


def _stopping(error: BaseException) -> Iterator[str]:
    yield "first chunk\n"
    raise error


@pytest.mark.parametrize("error", [RuntimeError("template failed"), KeyboardInterrupt()])
def test_a_stopped_stream_leaves_no_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(type(error)):
        write_atomic_stream(target, _stopping(error))
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temp file


@pytest.mark.parametrize("error", [RuntimeError("template failed"), KeyboardInterrupt()])
def test_a_stopped_stream_keeps_the_existing_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.json"
    target.write_text("before", encoding="utf-8")
    with pytest.raises(type(error)):
        write_atomic_stream(target, _stopping(error), force=True)
    assert target.read_text(encoding="utf-8") == "before"
    assert list(tmp_path.iterdir()) == [target]


def test_stream_writes_every_chunk_and_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic_stream(target, iter(["a", b"b", "中"]))
    assert target.read_text(encoding="utf-8") == "ab中"
    with pytest.raises(OutputExists):
        write_atomic_stream(target, iter(["x"]))


@pytest.mark.parametrize("fmt", ["json", "csv", "yaml"])
@pytest.mark.parametrize("depth", [None, 1, 2])
@pytest.mark.parametrize("batch", [1, 2, 5])
def test_split_chunks_join_to_the_same_text_whatever_the_batch(
    fmt: str, depth: int | None, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    splits = list(split_plan(load_plan(REFERENCE)).splits)
    whole = "".join(render.chunks(fmt, splits, "zh", depth))
    monkeypatch.setattr(render, "BATCH", batch)
    pieces = list(render.chunks(fmt, splits, "zh", depth))
    assert "".join(pieces) == whole
    assert len(pieces) >= 2  # really in pieces


def test_markdown_chunks_join_to_the_rendered_text(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    doc = build_document(loaded.plan, TABLES, "zh", split_plan(loaded).splits)
    whole = render_markdown(doc)
    monkeypatch.setattr("salesplan.export.markdown.CHUNK", 100)
    pieces = list(markdown_chunks(doc))
    assert len(pieces) > 10 and "".join(pieces) == whole


def test_an_interrupted_split_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> Iterator[str]:
        yield "{"
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "json_chunks", interrupted)
    out = tmp_path / "split.json"
    result = CliRunner().invoke(app, ["split", str(REFERENCE), "-f", "json", "-o", str(out)])
    assert isinstance(result.exception, KeyboardInterrupt) or result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_split_and_export_write_files_as_before(tmp_path: Path) -> None:
    loaded = load_plan(REFERENCE)
    splits = list(split_plan(loaded).splits)
    runner = CliRunner()
    for fmt in ("json", "csv", "yaml"):
        out = tmp_path / f"split.{fmt}"
        result = runner.invoke(app, ["split", str(REFERENCE), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        bom = "\ufeff" if fmt == "csv" else ""  # a CSV file is for Excel: it starts with a BOM (stdout does not)
        assert out.read_text(encoding="utf-8") == bom + render.render(fmt, splits, "zh")
    out = tmp_path / "plan.md"
    result = runner.invoke(app, ["export", str(REFERENCE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert loaded.plan is not None
    assert out.read_text(encoding="utf-8") == render_markdown(build_document(loaded.plan, TABLES, "zh", splits))
