"""`salesplan import`: an Excel workbook (exported by salesplan, or its blank template filled in) back into a plan.

Exit codes: 0 read and written (or, with --dry-run, the diff shown); 2 the workbook has errors
(located diagnostics `plan.xlsx:Sheet!C7: CODE message` on stderr, nothing written), the output
exists without --force, or neither -o nor --into was given.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salesplan.cli.common import (
    EXIT_ERROR,
    AllowOverCapacityOption,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    check_output,
    fail,
    format_option,
    value_option,
)
from salesplan.cli.outcome import err, written
from salesplan.i18n import _

if TYPE_CHECKING:
    from salesplan.diagnostics import Diagnostic
    from salesplan.importer.book import Book
    from salesplan.importer.result import Imported


class ImportFormat(StrEnum):
    text = "text"
    json = "json"


HELP = _("Read an Excel workbook back into a plan: a new plan file (-o), or the changes into an existing one (--into).")
SUMMARY = _("An Excel workbook (exported, or the blank template filled in) back into a plan file.")


def import_(
    workbook: Annotated[Path, typer.Argument(help=_("The workbook (.xlsx).").msgid, show_default=False)],
    output: OutputOption = None,
    into: Annotated[
        Path | None,
        value_option("--into", "<path>", _("Update this plan file with what the workbook changed.")),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=_("With --into: print the diff instead of writing.").msgid)
    ] = False,
    fmt: Annotated[ImportFormat, format_option(_("text or json."))] = ImportFormat.text,
    allow_over_capacity: AllowOverCapacityOption = False,
    force: ForceOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """`salesplan import` (its help is HELP)."""
    from salesplan.importer.result import summary_lines
    from salesplan.importer.run import import_workbook, write_text

    language = lang.value
    if (output is None) == (into is None):
        fail(_("give -o NEW.yaml for a new plan, or --into PLAN.yaml to update one (not both)"), lang=language)
    if dry_run and into is None:
        fail(_("--dry-run goes with --into"), lang=language)
    check_output(output, force, [workbook], language)
    into_text = _read_into(into, language) if into is not None else None
    result = import_workbook(
        workbook, str(workbook), into_text, str(into or "plan.yaml"), allow_over_capacity=allow_over_capacity
    )
    if result.data is not None and result.book is not None:
        _derived(result.book)  # warnings only: what the workbook says that import does not read
    text = write_text(result) if result.data is not None else None
    if fmt is ImportFormat.json:
        typer.echo(json.dumps(_as_json(result, text is not None), ensure_ascii=False, indent=2))
    else:
        _print_diagnostics(result.diagnostics, language)
        for line in summary_lines(result.summary, result.blank) if text is not None else []:
            err(line.render(language))
    if text is None:
        raise typer.Exit(EXIT_ERROR)
    if into is not None:
        _into(into, into_text or "", text, dry_run, language)
        return
    assert output is not None
    if str(output) == "-":
        typer.echo(text, nl=False)  # the new plan on stdout
        return
    _write(output, text, force, language)


def _derived(book: Book) -> None:
    """Warn at each derived cell the workbook changed: compared with the workbook export writes again
    for the embedded plan (`importer.derived`)."""
    from salesplan.export.run import ExportError, export_plan
    from salesplan.export.tables import TABLES
    from salesplan.importer.book import read_book
    from salesplan.importer.derived import derived_edits
    from salesplan.loader import load_text

    embedded = book.embedded
    if embedded is None or embedded.text is None:
        return
    loaded = load_text(embedded.text, "plan.yaml")
    try:
        payload = export_plan(loaded, "xlsx", TABLES, embedded.lang).payload if loaded.plan is not None else None
    except ExportError:
        return
    expected = read_book(payload, book.file)[0] if isinstance(payload, bytes) else None
    if expected is not None:
        derived_edits(book, expected)


def _read_into(into: Path, lang: str) -> str:
    from salesplan.loader.source import read_source

    source = read_source(into)
    if source.text is None:
        _print_diagnostics(source.diagnostics, lang)
        raise typer.Exit(EXIT_ERROR)
    with into.open("rb") as handle:
        bom = handle.read(3) == b"\xef\xbb\xbf"
    return "\ufeff" + source.text if bom else source.text  # the file keeps its byte order mark


def _into(into: Path, old: str, new: str, dry_run: bool, lang: str) -> None:
    from salesplan.importer.merge import unified_diff

    if dry_run:
        typer.echo(unified_diff(into.name, old, new), nl=False)
        return
    if new == old:
        err(_("{plan} unchanged: the workbook changes nothing", plan=into).render(lang))
        return
    _write(into, new, True, lang)


def _write(output: Path, text: str, force: bool, lang: str) -> None:
    from salesplan.oserror import reason
    from salesplan.output import OutputExists, write_atomic

    try:
        write_atomic(output, text, force=force)
    except OutputExists:
        fail(_("{output} exists; use --force to overwrite it", output=output), lang=lang)
    except OSError as exc:
        fail(_("cannot write {output}: {reason}", output=output, reason=reason(exc)), lang=lang)
    written(output, lang)


def _print_diagnostics(diagnostics: Sequence[Diagnostic], lang: str) -> None:
    from salesplan.diagnostics import Severity, inert
    from salesplan.importer.book import location
    from salesplan.importer.derived import WARNING

    label = _("hint").render(lang)
    for diag in sorted(diagnostics, key=lambda d: d.sort_key()):
        said = inert(diag.text(lang))
        if diag.severity == Severity.WARNING:
            said = f"{WARNING.render(lang)} {said}"
        err(f"{location(diag)}: {diag.code} {said}")
        hint = diag.hint_in(lang)
        if hint:
            err(f"    {label}: {inert(hint)}")


def _as_json(result: Imported, ok: bool) -> dict[str, object]:
    from salesplan.importer.book import location

    return {
        "ok": ok,
        "read": result.summary.read,
        "changed": result.summary.changed,
        "diagnostics": [
            {
                "where": location(d),
                "code": d.code,
                "name": d.name,
                "severity": d.severity.value,
                "message": d.message,
                "message_zh": d.message_zh,
                "hint": d.hint,
                "hint_zh": d.hint_zh,
            }
            for d in result.diagnostics
        ],
    }
