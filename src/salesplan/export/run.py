"""Export end to end, without the command line: plan -> (splits) -> document -> xlsx bytes or Markdown text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from salesplan.diagnostics import Diagnostic, has_errors
from salesplan.i18n import Message, _
from salesplan.rendering import Renderers, RenderOptions

if TYPE_CHECKING:
    from salesplan.export.findings import Finding
    from salesplan.export.model import Document
    from salesplan.export.xlsx import Embed
    from salesplan.loader import LoadedPlan

ExportFormat = Literal["xlsx", "md"]


class ExportError(Exception):
    """Export cannot go on (a bad template, a template folder without templates); `message` says why, in
    every language (`str()` of the error is its English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


@dataclass
class ExportResult:
    """The rendered file (None when a step failed with errors) and every finding along the way."""

    payload: bytes | str | Iterator[str] | None  # an iterator: Markdown made as it is written (`stream`)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class ExportJob:
    """What an export renderer reads: the document (its texts made safe for XML), the user's template folder
    (Markdown only), the rows of the workbook's hidden sheet (`embed`, `export.embed`), and the list the
    renderer adds what it had to change to (a cell cut at Excel's limit, a number kept as text)."""

    doc: Document
    template_dir: Path | None = None
    findings: list[Finding] | None = None
    embed: Embed | None = None


def _xlsx(job: ExportJob, options: RenderOptions) -> bytes:
    if job.template_dir is not None:
        raise ExportError(_("--template applies to Markdown only (--format md)"))
    from salesplan.export.xlsx import render_xlsx
    from salesplan.export.xlsx_sheets import TooWide

    try:
        return render_xlsx(job.doc, job.findings, job.embed)
    except TooWide as exc:
        raise ExportError(exc.message) from None


def _md(job: ExportJob, options: RenderOptions) -> Iterator[str]:
    return _markdown(job.doc, job.template_dir)


# export by --format: the workbook's bytes, or Markdown in chunks made as they are written
RENDERERS: Renderers[ExportJob] = Renderers({"xlsx": _xlsx, "md": _md})


def render_stream(
    doc: Document,
    fmt: ExportFormat,
    template_dir: Path | None = None,
    findings: list[Finding] | None = None,
    embed: Embed | None = None,
) -> bytes | Iterator[str]:
    """The document as xlsx bytes or Markdown in chunks made as they are written (a large table is never
    held as one text); what had to change to write it is added to `findings`.

    Every text passes `findings.clean_document` first (characters XML forbids become U+FFFD).
    """
    from salesplan.export.findings import clean_document

    doc, found = clean_document(doc)
    if findings is not None:
        findings.extend(found)
    made = RENDERERS.render(fmt, ExportJob(doc, template_dir, findings, embed), RenderOptions(lang=doc.lang))
    assert not isinstance(made, str)
    return made


def render(
    doc: Document,
    fmt: ExportFormat,
    template_dir: Path | None = None,
    findings: list[Finding] | None = None,
    embed: Embed | None = None,
) -> bytes | str:
    """`render_stream`, with Markdown as one text."""
    made = render_stream(doc, fmt, template_dir, findings, embed)
    return made if isinstance(made, bytes) else "".join(made)


def _markdown(doc: Document, template_dir: Path | None) -> Iterator[str]:
    """The Markdown in chunks; a template that fails to load or render raises ExportError at the first chunk
    (a failure further on raises it while the text is written out)."""
    from salesplan.export.markdown import TemplateFailure, markdown_chunks

    if template_dir is not None:
        check_template_dir(template_dir)

    def chunks() -> Iterator[str]:
        try:
            yield from markdown_chunks(doc, template_dir)
        except TemplateFailure as exc:
            raise ExportError(exc.message) from None

    made = chunks()
    first = next(made, "")
    return itertools.chain([first], made)


def check_template_dir(template_dir: Path) -> None:
    """A user's folder must hold export templates where they override ours: DIR/export/*.md.j2."""
    if not template_dir.is_dir():
        raise ExportError(_("template folder {folder} does not exist", folder=template_dir))
    if not any((template_dir / "export").glob("*.j2")):
        raise ExportError(
            _(
                "no templates in {folder} (override e.g. export/plan.md.j2 or export/table.md.j2)",
                folder=template_dir / "export",
            )
        )


def export_plan(
    loaded: LoadedPlan,
    fmt: ExportFormat,
    tables: Sequence[str],
    lang: str,
    template_dir: Path | None = None,
    stream: bool = False,
) -> ExportResult:
    """Split the targets (when the breakdown is asked for), build the tables, render them (`stream`: Markdown
    as an iterator of chunks, see `render_stream`)."""
    from salesplan.export.tables import build_document

    plan = loaded.plan
    if plan is None:
        return ExportResult(None, list(loaded.diagnostics))
    diagnostics: list[Diagnostic] = []
    splits = []
    if "breakdown" in tables:
        from salesplan.split.engine import split_plan

        outcome = split_plan(loaded)
        splits, diagnostics = list(outcome.splits), list(outcome.diagnostics)
        if has_errors(diagnostics):
            return ExportResult(None, diagnostics)
    doc = build_document(plan, tables, lang, splits, stream=stream and fmt == "md")
    from salesplan.export.embed import hidden_rows

    embed = partial(hidden_rows, doc, plan=plan, text=loaded.text, splits=splits) if fmt == "xlsx" else None
    rendered = render_located(doc, fmt, loaded, template_dir, stream, embed)
    return ExportResult(rendered.payload, diagnostics + rendered.diagnostics)


def render_located(
    doc: Document,
    fmt: ExportFormat,
    loaded: LoadedPlan,
    template_dir: Path | None = None,
    stream: bool = False,
    embed: Embed | None = None,
) -> ExportResult:
    """`render` (`render_stream` with `stream`), with what had to change as warnings located at the plan values
    (SP080–SP082)."""
    from salesplan.export.locate import locate

    findings: list[Finding] = []
    payload = (render_stream if stream else render)(doc, fmt, template_dir, findings, embed)
    return ExportResult(payload, locate(findings, loaded))


def export_blank(fmt: ExportFormat, tables: Sequence[str], lang: str, template_dir: Path | None = None) -> bytes | str:
    """The empty templates."""
    from salesplan.export.blank import blank_document
    from salesplan.export.embed import hidden_rows

    doc = blank_document(lang, tables)
    embed = partial(hidden_rows, doc, plan=None, text=None) if fmt == "xlsx" else None
    return render(doc, fmt, template_dir, embed=embed)


def resolve_format(fmt: str | None, output: Path) -> ExportFormat:
    """`--format`, else the output's suffix (.xlsx, .md)."""
    chosen = fmt or {".xlsx": "xlsx", ".md": "md", ".markdown": "md"}.get(output.suffix.lower())
    if chosen == "xlsx":
        if str(output) == "-":
            raise ExportError(_("an xlsx workbook cannot go to stdout; give a file with -o"))
        return "xlsx"
    if chosen == "md":
        return "md"
    raise ExportError(_("say --format xlsx or --format md (or give -o a .xlsx or .md name)"))
