"""Every format of every case equals its golden file; the Markdown is valid GFM; the json keeps its contract."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from markdown_it import MarkdownIt

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def expected(regen: ModuleType) -> dict[str, str]:
    outputs: dict[str, str] = regen.outputs()
    return outputs


def test_golden_files_are_exactly_the_generated_set(expected: dict[str, str]) -> None:
    assert sorted(p.name for p in (HERE / "golden").iterdir()) == sorted(expected)


def test_every_output_equals_its_golden_file(expected: dict[str, str]) -> None:
    for name, text in expected.items():
        assert (HERE / "golden" / name).read_text(encoding="utf-8") == text, f"{name}: run tests/diff/regen_golden.py"


def _tables(text: str) -> list[list[list[str]]]:
    """Each GFM table as rows of cell texts, as markdown-it reads them."""
    tokens = MarkdownIt("gfm-like", {"linkify": False}).disable("linkify").parse(text)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    inside = False
    for token in tokens:
        if token.type in ("table_open", "table_close"):
            inside = token.type == "table_open"
            tables += [[]] if inside else []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and inside:
            row.append(token.content)
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


@pytest.mark.parametrize("case", ["changed", "yuan", "targets"])
def test_markdown_is_valid_gfm_with_every_row_complete(expected: dict[str, str], case: str) -> None:
    text = expected[f"{case}.zh.md"]
    tables = _tables(text)
    lines = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    assert sum(len(t) for t in tables) == len(lines)  # every table line became a row: none broke out
    for table in tables:
        assert len({len(r) for r in table}) == 1, table


def test_markdown_of_hostile_text_stays_inert(expected: dict[str, str]) -> None:
    """A risk description with | and * stays one cell of plain text."""
    html = MarkdownIt("gfm-like", {"linkify": False}).disable("linkify").render(expected["targets.zh.md"])
    assert "新人多 | 执行 *不足*" in html.replace("&amp;", "&")
    assert "<em>" not in html


def test_json_contract(expected: dict[str, str]) -> None:
    doc = json.loads(expected["changed.json"])
    assert list(doc) == [
        "format", "version", "old", "new", "unit", "changed",
        "plan", "targets", "strategies", "budget", "risks", "tasks", "team", "other",
    ]  # fmt: skip
    assert (doc["format"], doc["version"], doc["changed"]) == ("salesplan-diff", 1, True)
    t1 = doc["targets"][0]
    assert t1["parts"][1] == {
        "path": [{"level": "region", "part": "华东"}, {"level": "rep", "part": "李雷"}],
        "label": None,
        "old": "180",
        "new": "192",
        "delta": "12",
        "delta_pct": "6.7",
        "cause": "parent",
    }
    (task,) = doc["tasks"]
    assert task["moved_days"] == 5
    (risk,) = doc["risks"]
    assert risk["level_changed"] is True

    def numbers(value: object) -> None:
        assert not isinstance(value, float)
        if isinstance(value, dict):
            for item in value.values():
                numbers(item)
        if isinstance(value, list):
            for item in value:
                numbers(item)

    numbers(doc)
    assert json.loads(expected["same.json"])["changed"] is False
