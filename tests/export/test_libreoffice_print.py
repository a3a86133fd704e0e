"""LibreOffice's proof of the printed workbook: it opens each workbook, lays it out, recalculates and saves it.

The workbooks: the reference plan and a three-region, eight-rep Q1 2027 plan (fixtures/q1-2027.yaml,
region → rep → month), each in zh and en, and the reference plan's review. LibreOffice re-saves each
as xlsx: its rows carry the heights LibreOffice laid out (a row salesplan left unsized gets the
height LibreOffice computes for it), and its formulas the values LibreOffice calculated. Then

- no text overflows: every wrapped cell's lines, by the writer's CJK-aware measure at the column
  width LibreOffice kept, fit the row height LibreOffice kept; an unwrapped text too wide for its
  column has an empty neighbour to run into;
- every cross-tab (`T1 分解表` …) holds the plan's split exactly: each row's time parts and total, as
  LibreOffice calculated the live SUMs, equal the split's own numbers summed from its leaves;
- the PDF has the chart pages: the chart titles and the burn-up's series names are printed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from repo_files import REFERENCE
from salesplan.export.model import Document
from salesplan.export.review_table import review_document
from salesplan.export.tables import TABLES, build_document
from salesplan.export.xlsx import render_xlsx
from salesplan.export.xlsx_styles import DEFAULT_HEIGHT, row_height, wrapped_lines
from salesplan.loader import load_plan
from salesplan.review.result import Thresholds
from salesplan.review.run import review_file
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode, TargetSplit

HERE = Path(__file__).resolve().parent
SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-calc-nogui"
)
Q1_2027 = HERE / "fixtures" / "q1-2027.yaml"
ACTUALS = HERE.parent / "review" / "fixtures" / "actuals.csv"
PLANS = {"reference": REFERENCE, "q1-2027": Q1_2027}
TIME_LEVELS = frozenset({"quarter", "month", "week"})
# LibreOffice keeps a height in 1/100 mm and writes it back rounded (37pt comes back as 36.75pt)
ROUNDING = 0.5


def _splits(path: Path) -> list[TargetSplit]:
    loaded = load_plan(path)
    assert loaded.ok and loaded.plan is not None
    return split_plan(loaded).splits


@cache
def documents() -> dict[str, Document]:
    """The workbooks under test by name: each plan in zh and en, and the reference plan's review
    (as `salesplan review reference-plan.yaml --actuals actuals.csv --as-of 2026-08-31 -o r.xlsx` makes it)."""
    docs: dict[str, Document] = {}
    for name, path in PLANS.items():
        loaded = load_plan(path)
        assert loaded.ok and loaded.plan is not None
        for lang in ("zh", "en"):
            docs[f"{name}.{lang}"] = build_document(loaded.plan, TABLES, lang, _splits(path))
    loaded = load_plan(REFERENCE)
    assert loaded.plan is not None
    result = review_file(loaded, ACTUALS, dt.date(2026, 8, 31), Thresholds())
    assert result.review is not None, [d.format() for d in result.diagnostics]
    docs["review.zh"] = review_document(loaded.plan, result.review, "zh")
    return docs


def _books(folder: Path, docs: dict[str, Document]) -> list[Path]:
    """The workbooks, written to `folder`."""
    books: list[Path] = []
    for stem, doc in docs.items():
        books.append(folder / f"{stem}.xlsx")
        books[-1].write_bytes(render_xlsx(doc))
    return books


def _convert(books: list[Path], target: str, out: Path, profile: Path) -> dict[str, Path]:
    """Every book converted by one LibreOffice run: {book stem: converted file}."""
    assert SOFFICE is not None
    out.mkdir()
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target]
    done = subprocess.run(
        [*command, "--outdir", str(out), *map(str, books)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    converted = {book.stem: out / f"{book.stem}.{target.split(':')[0]}" for book in books}
    missing = [str(p) for p in converted.values() if not p.exists()]
    assert not missing, f"LibreOffice wrote no {missing}: {done.stdout} {done.stderr}"
    return converted


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """{'xlsx' | 'pdf': {book stem: file}}: the workbooks as LibreOffice saved and printed them."""
    folder = tmp_path_factory.mktemp("books")
    profile = tmp_path_factory.mktemp("lo-profile")  # a fresh LibreOffice user profile for this run
    books = _books(folder, documents())
    return {target: _convert(books, target, folder / target, profile) for target in ("xlsx", "pdf")}


def _widths(sheet: Worksheet) -> dict[int, float]:
    """Each column's width: LibreOffice writes one <col> for a run of equal columns (min..max)."""
    widths: dict[int, float] = {}
    for dim in sheet.column_dimensions.values():
        if dim.width and dim.min and dim.max:
            for index in range(dim.min, min(dim.max, sheet.max_column) + 1):
                widths[index] = dim.width
    return widths


def overflows(sheet: Worksheet) -> Iterator[str]:
    default = sheet.sheet_format.defaultColWidth or 8.43
    widths = _widths(sheet)
    for row in sheet.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or cell.value.startswith("="):
                continue
            width = widths.get(cell.column, default)
            indent = int(cell.alignment.indent or 0)
            lines = wrapped_lines(cell.value, width - 2 * indent, bool(cell.font.b))
            height = sheet.row_dimensions[cell.row].ht or DEFAULT_HEIGHT
            neighbour = sheet.cell(cell.row, cell.column + 1).value
            if lines > 1 and not cell.alignment.wrap_text and neighbour is not None:
                yield f"{sheet.title}!{cell.coordinate} runs into {neighbour!r}"
            elif cell.alignment.wrap_text and lines > 1 and height + ROUNDING < row_height(lines):
                yield f"{sheet.title}!{cell.coordinate} needs {lines} lines at width {width}, row is {height}pt"


@pytest.mark.parametrize("stem", ["reference.zh", "reference.en", "q1-2027.zh", "q1-2027.en", "review.zh"])
def test_no_text_overflows_its_cell_as_libreoffice_lays_it_out(
    stem: str, converted: dict[str, dict[str, Path]]
) -> None:
    book = openpyxl.load_workbook(converted["xlsx"][stem])
    assert [problem for sheet in book.worksheets for problem in overflows(sheet)] == []
    # the proof reads real heights: some wrapped row is taller than one line
    tall = [r for s in book.worksheets for r, d in s.row_dimensions.items() if (d.ht or 0) > 2 * DEFAULT_HEIGHT]
    assert tall


def expected_rows(split: TargetSplit) -> list[tuple[list[Decimal], Decimal]]:
    """The cross-tab's rows, straight from the split: each non-time part in pre-order with its leaves
    summed by time part (the finest time level's parts in split order), and its total."""
    times: list[str] = []
    for _, node in split.root.walk():
        if node.level in TIME_LEVELS and not any(c.level in TIME_LEVELS for c in node.children):
            if node.part and node.part not in times:
                times.append(node.part)
    rows: list[tuple[list[Decimal], Decimal]] = []

    def visit(node: SplitNode) -> None:
        rows.append((_by_time(node, times), node.value))
        for child in node.children:
            if child.level not in TIME_LEVELS:
                visit(child)

    visit(split.root)
    return rows


def _by_time(node: SplitNode, times: list[str]) -> list[Decimal]:
    """The node's leaves summed by the time part above each (none when the split has no time level)."""
    sums = dict.fromkeys(times, Decimal(0))
    stack: list[tuple[SplitNode, str]] = [(node, node.part or "" if node.level in TIME_LEVELS else "")]
    while stack:
        current, when = stack.pop()
        if current.level in TIME_LEVELS and current.part in sums:
            when = current.part
        if not current.children and when in sums:
            sums[when] += current.value
        stack.extend((child, when) for child in current.children)
    return list(sums.values())


def _number(value: object) -> Decimal:
    if value is None:  # a part the split has no node for in that period
        return Decimal(0)
    assert isinstance(value, int | float), value
    return Decimal(str(value))


@pytest.mark.parametrize("stem", ["reference.zh", "reference.en", "q1-2027.zh", "q1-2027.en"])
def test_recalculated_crosstab_totals_equal_the_split(stem: str, converted: dict[str, dict[str, Path]]) -> None:
    splits = _splits(PLANS[stem.split(".")[0]])
    book = openpyxl.load_workbook(converted["xlsx"][stem], data_only=True)  # LibreOffice's calculated values
    checked = 0
    for split in splits:
        title = f"{split.target_id} {'分解表' if stem.endswith('zh') else 'by period'}"
        if title not in book.sheetnames:
            continue
        sheet = book[title]
        for offset, (by_time, total) in enumerate(expected_rows(split)):
            row = [c.value for c in sheet[2 + offset]]
            numbers = [_number(v) for v in row[2 : 2 + len(by_time)]] if by_time else []
            assert numbers == by_time, (title, offset + 2, row)
            assert _number(row[2 + len(by_time)]) == total, (title, offset + 2, row)
            checked += 1
    assert checked >= 10


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not on PATH: apt-get install poppler-utils")
@pytest.mark.parametrize("stem", ["reference.zh", "reference.en", "q1-2027.zh", "review.zh"])
def test_the_pdf_prints_every_chart(stem: str, converted: dict[str, dict[str, Path]]) -> None:
    """A chart's title is printed twice, once as its block's header and once drawn by the chart (a chart
    LibreOffice failed to draw leaves the first alone); each chart starts a page of its own."""
    assert PDFTOTEXT is not None
    pdf = converted["pdf"][stem]
    done = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = done.stdout.split("\f")
    doc = documents()[stem]
    charts = [chart for table in doc.tables for chart in table.charts]
    assert len(charts) >= 2
    for chart in charts:
        holding = [page for page in pages if chart.title in page]
        assert sum(page.count(chart.title) for page in holding) >= 2, chart.title
        assert any(all(s.name in page for s in chart.series) for page in holding), chart.title
    if stem == "review.zh":  # the burn-up: planned and actual, both drawn (their legend entries printed)
        burnup = next(c for c in charts if c.kind == "line")
        page = next(p for p in pages if p.count(burnup.title) >= 2)
        assert [s.name for s in burnup.series] == ["累计计划", "累计实际"]
        assert all(s.name in page for s in burnup.series)
