"""Fixtures of the export tests: the reference plan loaded and split, a hostile plan, and file readers."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app
from salesplan.export.model import Document
from salesplan.export.tables import TABLES, build_document
from salesplan.loader import LoadedPlan, load_plan
from salesplan.split.engine import split_plan

HERE = Path(__file__).resolve().parent
REFERENCE = REPO_REFERENCE
HOSTILE = HERE / "fixtures" / "hostile.yaml"


def loaded(path: Path) -> LoadedPlan:
    plan = load_plan(path)
    assert plan.ok, [d.format() for d in plan.diagnostics]
    return plan


def document(path: Path, lang: str = "zh") -> Document:
    plan = loaded(path)
    assert plan.plan is not None
    return build_document(plan.plan, TABLES, lang, split_plan(plan).splits)


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def hostile_path() -> Path:
    return HOSTILE


@pytest.fixture(scope="session")
def reference_doc() -> Document:
    return document(REFERENCE)


@pytest.fixture(scope="session")
def reference_doc_en() -> Document:
    return document(REFERENCE, "en")


@pytest.fixture(scope="session")
def hostile_doc() -> Document:
    return document(HOSTILE)


@pytest.fixture
def cli() -> Callable[..., object]:
    runner = CliRunner()

    def invoke(*args: str) -> object:
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def sheet_xml(data: bytes | Path, index: int) -> str:
    """The XML of the index-th sheet (1-based) of an xlsx file."""
    source = data if isinstance(data, Path) else io.BytesIO(data)
    with zipfile.ZipFile(source) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def cell_xml(xml: str, ref: str) -> str:
    """The <c> element of cell `ref` in a sheet's XML ('' when the cell is not written)."""
    match = re.search(rf"<c r=\"{ref}\"[^>]*?(?:/>|>.*?</c>)", xml, re.DOTALL)
    return match.group(0) if match else ""


@pytest.fixture
def xml() -> Callable[[bytes | Path, int], str]:
    """sheet_xml(data, index): the XML of a sheet."""
    return sheet_xml


@pytest.fixture
def cell() -> Callable[[str, str], str]:
    """cell_xml(xml, ref): one cell's XML."""
    return cell_xml
