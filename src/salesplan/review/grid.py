"""Reading an actuals file (CSV, xlsx or YAML) into a grid of cells that knows where each cell came from.

Nothing here knows about plans: cells are returned as the file holds them (text, numbers, dates),
each with the line and column a diagnostic should point at. Text may be UTF-8, GB18030 (what Excel
writes as "CSV" on Chinese Windows) or UTF-16 with its byte-order mark (Excel's "Unicode text");
fields are separated by commas, or by tabs in a .tsv/.txt file or a file whose header row has more
tabs than commas (Excel's and WPS's text exports). An xlsx number cell reads as Excel shows it (15
significant digits, `salesplan.review.cells.excel_number`). Failures are diagnostics, never
exceptions: a missing file, undecodable text, a damaged workbook, NUL bytes or a field too long.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Iterator, MutableSequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from salesplan.codes import diagnostic
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import Message, _
from salesplan.numbers import plain
from salesplan.oserror import reason
from salesplan.review import codes
from salesplan.review.cells import excel_number

MAX_ROWS = 1_000_000
MAX_BYTES = 200 * 1024 * 1024
# what a file is read as, named in its read problems (a commitments file is never called actuals)
ACTUALS = _("actuals")
COMMITMENTS = _("commitments")
PROGRESS = _("task progress")
SPEND = _("spend")


@dataclass
class Grid:
    """Rows of cells, the header first; `where` maps (row, column) indices to (line, column) in the file.

    A CSV read with `stream=True` holds only its header in `rows`: the rows after it come from `stream`
    as they are asked for (a million rows are never all held), which raises `Unreadable` where the
    file turns out unreadable part-way."""

    file: str
    rows: list[list[Any]]
    lines: MutableSequence[int] = field(default_factory=list)  # the file line of each row (CSV, xlsx)
    cells: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # YAML: exact positions
    stream: Iterator[list[Any]] | None = None
    sheet: str | None = None  # a workbook's sheet read: its cells are named `book.xlsx:Sheet!C7`

    def body(self) -> Iterator[list[Any]]:
        """The rows after the header, in order (streamed or held)."""
        if self.stream is not None:
            return self.stream
        return iter(self.rows[1:])

    def where(self, row: int, column: int) -> SourceRef:
        if (row, column) in self.cells:
            line, col = self.cells[row, column]
            return SourceRef(self.file, line, col)
        line = self.lines[row] if row < len(self.lines) else row + 1
        return SourceRef(self.file, line, column + 1, sheet=self.sheet)


class Unreadable(Exception):
    """A streamed CSV found unreadable part-way (`diagnostic` says why): nothing of it counts."""

    def __init__(self, found: Diagnostic) -> None:
        super().__init__(found.message)
        self.diagnostic = found


def _unreadable(file: str, message: Message) -> tuple[None, list[Diagnostic]]:
    return None, [diagnostic(codes.ACTUALS_UNREADABLE, SourceRef(file, 1, 1), message)]


def read_grid(path: Path, *, stream: bool = False, what: Message = ACTUALS) -> tuple[Grid | None, list[Diagnostic]]:
    """The file's cells; None and a diagnostic when it cannot be read (`stream`: a CSV's rows after the
    header are read as `Grid.body` asks for them; `what` the file is read as, named in its problems)."""
    from salesplan.loader.source import open_for_reading

    file = str(path)
    too_large = _("{what} file is larger than 200 MB", what=what)
    try:
        if path.stat().st_size > MAX_BYTES:
            return _unreadable(file, too_large)
        # a named pipe without a writer reads as empty, a device as endless: neither hangs nor fills memory
        with open_for_reading(path) as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return _unreadable(file, too_large)
        if path.suffix.lower() == ".xlsx":
            return _xlsx(data, file)
    except OSError as exc:
        return _unreadable(file, _("cannot read {what}: {reason}", what=what, reason=reason(exc)))
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        return _unreadable(file, _("not a readable xlsx file ({error})", error=type(exc).__name__))
    text = _decode(data)
    if text is None:
        if _looks_utf16(data):
            return _unreadable(
                file, _("{what} file is UTF-16 text without a byte-order mark (save it as CSV UTF-8)", what=what)
            )
        return _unreadable(
            file, _("{what} file is neither UTF-8, GB18030 nor UTF-16 text (save it as CSV UTF-8)", what=what)
        )
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml(text, file, what)
    return _csv(text, file, tabs=path.suffix.lower() in (".tsv", ".txt"), stream=stream)


def _decode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16 with its byte-order mark
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = ("utf-8", "gb18030")
        data = data.removeprefix(b"\xef\xbb\xbf")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if "\x00" in text else text
    return None


def _looks_utf16(data: bytes) -> bool:
    """ASCII in UTF-16 without a byte-order mark: every other byte of the start is NUL."""
    head = data[:200]
    half = len(head) // 2
    return half >= 2 and max(head[1::2].count(0), head[0::2].count(0)) * 4 >= half * 3


def _csv(text: str, file: str, tabs: bool = False, stream: bool = False) -> tuple[Grid | None, list[Diagnostic]]:
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    tabs = tabs or first.count("\t") > first.count(",")
    reader = csv.reader(_lines(text), dialect="excel-tab" if tabs else "excel")
    grid = Grid(file, [], array("q"))
    rows = _rows(reader, grid)
    try:
        header = next(rows, None)
        if header is not None:
            grid.rows.append(header)
        if stream:
            grid.stream = rows
        else:
            grid.rows.extend(rows)
    except Unreadable as exc:
        return None, [exc.diagnostic]
    return grid, []


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` as `io.StringIO(text, newline="")` gives them, without its copy of the text (four
    bytes a character): split at each \\n where every \\r comes before one (Unix and Windows files)."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        yield from io.StringIO(text, newline="")  # a lone \r ends a line too
        return
    find, start = text.find, 0
    while (end := find("\n", start)) >= 0:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def _rows(reader: Any, grid: Grid) -> Iterator[list[Any]]:
    """The CSV's rows, recording each one's first line; `Unreadable` past MAX_ROWS or on a CSV error."""
    first_line = 1
    try:
        for row in reader:
            grid.lines.append(first_line)
            first_line = reader.line_num + 1
            if len(grid.lines) > MAX_ROWS + 1:
                raise Unreadable(_unreadable(grid.file, _("more than {rows} rows", rows=format(MAX_ROWS, ",")))[1][0])
            yield row
    except csv.Error as exc:
        where = SourceRef(grid.file, reader.line_num or 1, 1)
        raise Unreadable(
            diagnostic(codes.ACTUALS_UNREADABLE, where, _("not a readable CSV file: {error}", error=exc))
        ) from None


def _xlsx(data: bytes, file: str) -> tuple[Grid | None, list[Diagnostic]]:
    """The first sheet's cells; a blank first sheet before others is said at it (an instructions sheet put
    first would otherwise read as an empty file, the data in a sheet behind it never read)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = [
            [_cell_value(cell) for cell in row] for _, row in zip(range(MAX_ROWS + 1), sheet.iter_rows(), strict=False)
        ]
        title, others = sheet.title, [other.title for other in book.worksheets[1:]]
    finally:
        book.close()
    if others and all(cell is None or str(cell).strip() == "" for row in rows for cell in row):
        message = _(
            "sheet '{sheet}', the workbook's first, is empty: salesplan reads a workbook's first sheet only "
            "(the others: {sheets})",
            sheet=title,
            sheets=", ".join(others),
        )
        where = SourceRef(file, 1, 1, sheet=title)
        return None, [
            diagnostic(codes.ACTUALS_BAD_HEADER, where, message, hint=_("move the sheet to read to the front"))
        ]
    return Grid(file, rows, sheet=title), []


def _cell_value(cell: Any) -> Any:
    """A cell as the user sees it: a float to 15 significant digits, as Excel shows it; 14% typed in
    Excel is stored as 0.14 with a percent format, and reads as "14%" (exactly), as from a CSV."""
    value = cell.value
    if isinstance(value, float):
        value = excel_number(value)  # a formula's float noise: =20.2*3 stores 60.599999999999994
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        if "%" in (getattr(cell, "number_format", None) or ""):
            return f"{plain(Decimal(value) * 100)}%"
    return value


def _yaml(text: str, file: str, what: Message = ACTUALS) -> tuple[Grid | None, list[Diagnostic]]:
    from salesplan.loader.yamltree import parse_yaml

    parsed = parse_yaml(text, file)
    if parsed.diagnostics:
        return None, parsed.diagnostics
    data, prefix = parsed.data, tuple[str, ...]()
    if isinstance(data, dict) and "actuals" in data:
        data, prefix = data["actuals"], ("actuals",)
    if data is None:
        return Grid(file, []), []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        return None, [
            diagnostic(
                codes.ACTUALS_BAD_HEADER,
                parsed.source.ref(prefix),
                _("YAML {what} must be a list of mappings (or `actuals:` holding one)", what=what)
                if what is ACTUALS
                else _("YAML {what} must be a list of mappings, one a row", what=what),
            )
        ]
    header: list[str] = []
    for item in data:
        header += [str(key) for key in item if str(key) not in header]
    grid = Grid(file, [list(header)])
    for column, key in enumerate(header):
        first = next((i for i, item in enumerate(data) if key in item), 0)
        span = parsed.source.span((*prefix, first, key), key=True)
        if span is not None:
            grid.cells[0, column] = (span.line, span.col)
    for index, item in enumerate(data, start=1):
        grid.rows.append([item.get(key) for key in header])
        row_span = parsed.source.span((*prefix, index - 1))
        for column, key in enumerate(header):
            span = parsed.source.span((*prefix, index - 1, key)) if key in item else row_span
            if span is not None:
                grid.cells[index, column] = (span.line, span.col)
    return grid, []
