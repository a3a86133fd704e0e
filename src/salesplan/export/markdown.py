"""The Markdown renderer: jinja2 templates (templates/export/) over an escaped view of the document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

from salesplan import templating
from salesplan.export import words
from salesplan.export.md_charts import chart_lines
from salesplan.export.md_text import cell_text, md_escape, mermaid_ids, mermaid_text
from salesplan.export.model import Cell, Document, Row, Table
from salesplan.i18n import Message, _

MAIN_TEMPLATE = "export/plan.md.j2"
TONE_MARKS = {
    "low": "🟩",
    "medium": "🟨",
    "high": "🟧",
    "critical": "🟥",
    "ahead": "🟩",
    "on_track": "🟦",
    "behind": "🟨",
    "at_risk": "🟥",
}
_BOLD_KINDS = frozenset({"target", "group", "total"})
# a level of a part's indent: an ideographic space, which Markdown keeps (not a word: the same in every language)
_INDENT = chr(0x3000)
_TEMPLATE_WORDS = {"legend": words.LEGEND, "allowed": words.ALLOWED, "example": words.EXAMPLE}

templating.FILTERS.update({"md_escape": md_escape, "mermaid_text": mermaid_text})


class TemplateFailure(Exception):
    """A template could not be loaded or rendered (syntax, undefined name, sandbox violation); `message`
    says why, in every language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


@dataclass
class GanttLine:
    name: str
    id: str
    spec: str  # `2026-07-01, 2026-07-31` or `after K1, 2026-08-15`


@dataclass
class GanttSection:
    name: str
    tasks: list[GanttLine] = field(default_factory=list)


@dataclass
class MdTable:
    """A table as the templates see it: every string already escaped."""

    name: str
    title: str
    header: list[str]
    rows: Sequence[list[str]]
    legend: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    choices: list[tuple[str, list[str]]] = field(default_factory=list)
    gantt: list[GanttSection] = field(default_factory=list)
    gantt_title: str = ""
    charts: list[list[str]] = field(default_factory=list)  # mermaid lines of each chart


class _Cells:
    """Escaped cell texts of a table's rows; repeated values (levels, bases, dates) are escaped once."""

    def __init__(self, table: Table) -> None:
        self.keep = range(sum(1 for c in table.columns if c.week is None))
        self.indent_column = next((i for i, c in enumerate(table.columns) if c.indent), None)
        self.cache: dict[Cell, str] = {}

    def text(self, value: Cell) -> str:
        text = self.cache.get(value)
        if text is None:
            text = self.cache[value] = cell_text(value)
        return text

    def row(self, row: Row) -> list[str]:
        cells = [self.text(row.cells[index]) for index in self.keep]
        if row.tones:
            for index in self.keep:
                tone = row.tones[index]
                if tone in TONE_MARKS:
                    cells[index] = f"{TONE_MARKS[tone]} {cells[index]}".rstrip()
        if row.level and self.indent_column is not None:
            cells[self.indent_column] = _INDENT * (row.level - 1) + "└ " + cells[self.indent_column]
        if row.kind in _BOLD_KINDS:
            cells = [f"**{text}**" if text else text for text in cells]
        return cells


class _LazyRows(Sequence[list[str]]):
    """A table's escaped rows, made one by one as the template reads them: a million-row table is never
    held twice (once as the document, once as text)."""

    def __init__(self, table: Table) -> None:
        self._rows = table.rows
        self._cells = _Cells(table)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> list[str]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[list[str]]: ...
    def __getitem__(self, index: int | slice) -> list[str] | Sequence[list[str]]:
        if isinstance(index, slice):
            return [self._cells.row(row) for row in self._rows[index]]
        return self._cells.row(self._rows[index])

    def __iter__(self) -> Iterator[list[str]]:
        row = self._cells.row
        for item in self._rows:
            yield row(item)


def _gantt(table: Table) -> list[GanttSection]:
    ids = mermaid_ids([task.id for task in table.gantt])
    sections: dict[str, GanttSection] = {}
    for task in table.gantt:
        section = sections.setdefault(task.section, GanttSection(mermaid_text(task.section)))
        start = "after " + " ".join(ids[d] for d in task.after) if task.after else task.start.isoformat()
        name = mermaid_text(task.name) or ids[task.id]
        section.tasks.append(GanttLine(name, ids[task.id], f"{start}, {task.end.isoformat()}"))
    return list(sections.values())


def md_table(table: Table, blank: bool) -> MdTable:
    """The escaped view of one table (the timeline keeps its task columns; weeks are drawn by mermaid)."""
    cells = _Cells(table)
    view = MdTable(
        name=table.name,
        title=md_escape(table.title),
        header=[md_escape(table.columns[i].header) for i in cells.keep],
        rows=_LazyRows(table),
        notes=[md_escape(note) for note in table.notes],
        gantt=_gantt(table) if table.gantt else [],
        gantt_title=mermaid_text(table.title),
        charts=[chart_lines(chart) for chart in table.charts],
    )
    if table.name != "timeline":
        view.legend = [f"{TONE_MARKS.get(item.tone, '')} {md_escape(item.text)}".strip() for item in table.legend]
    if blank:
        view.choices = [(md_escape(c.header), [md_escape(x) for x in c.choices]) for c in table.columns if c.choices]
    return view


def render_markdown(doc: Document, template_dir: Path | None = None) -> str:
    """The document as GitHub-flavoured Markdown; `template_dir` overrides templates file by file."""
    return "".join(markdown_chunks(doc, template_dir))


CHUNK = 1 << 16  # characters gathered before a piece of the text is handed on


def markdown_chunks(doc: Document, template_dir: Path | None = None) -> Iterator[str]:
    """`render_markdown`'s text in pieces of about CHUNK characters, made as they are written out.

    A template failure raises TemplateFailure, also after some pieces were given (a caller writing a
    file drops it then).
    """
    import jinja2
    from jinja2.exceptions import SecurityError

    env = templating.environment(template_dir, doc.lang)
    context = {
        "doc": {"title": md_escape(doc.title), "subtitle": md_escape(doc.subtitle), "lang": doc.lang},
        "blank": doc.blank,
        # the words the built-in templates say with _(), for a user's template that names them
        "words": {key: md_escape(word.render(doc.lang)) for key, word in _TEMPLATE_WORDS.items()},
        "tables": [md_table(table, doc.blank) for table in doc.tables],
    }
    try:
        yield from _gathered(env.get_template(MAIN_TEMPLATE).generate(context))
    except SecurityError as exc:
        raise TemplateFailure(_("template tried an unsafe operation: {error}", error=str(exc))) from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise TemplateFailure(_("template syntax error in {where}: {error}", where=where, error=exc.message)) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateFailure(_("template not found: {name}", name=exc.name)) from None
    except jinja2.UndefinedError as exc:
        raise TemplateFailure(_("template uses an undefined value: {error}", error=exc.message)) from None
    except jinja2.TemplateError as exc:
        raise TemplateFailure(_("template error: {error}", error=str(exc))) from None


def _gathered(pieces: Iterator[str]) -> Iterator[str]:
    """jinja2's many small pieces joined into chunks of about CHUNK characters."""
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)
