"""What every command does on the way out, without typer: messages and refusals on stderr, exit codes,
output written safely. `salesplan.cli.common` gives these to the typer commands; the plain
`salesplan lint` path (salesplan.cli.lint_run) uses them directly."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

from salesplan.i18n import Message, Text, _, render
from salesplan.oserror import reason

if TYPE_CHECKING:
    from salesplan.rendering import Renderers, RenderOptions
    from salesplan.settings import SettingsError

R = TypeVar("R")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
# what typer's echo removes from text bound for a pipe or a file: an escape sequence (CSI)
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def err(message: str) -> None:
    """A line on stderr, as typer's `echo(err=True)` writes it (escape sequences dropped unless on a terminal)."""
    stream = sys.stderr
    line = f"{message}\n"
    if not stream.isatty():
        line = _ANSI.sub("", line)
    stream.write(line)
    stream.flush()


def render_options(lang: str, output: Path | None, *, width: int = 120, depth: int | None = None) -> RenderOptions:
    """A renderer's options as every command sets them: on a terminal (stdout, no -o) colour unless
    NO_COLOR is set and the terminal's width; else plain text `width` columns wide."""
    from salesplan.rendering import RenderOptions

    tty = (output is None or str(output) == "-") and sys.stdout.isatty()
    columns = shutil.get_terminal_size((width, 24)).columns if tty else width
    return RenderOptions(lang=lang, color=tty and not os.environ.get("NO_COLOR"), width=columns, depth=depth)


def fail(message: Text, code: int = EXIT_ERROR, *, lang: str = "en") -> NoReturn:
    """`salesplan: message` on stderr in `lang` (a `Message` is translated), and exit."""
    err(f"salesplan: {render(message, lang)}")
    raise SystemExit(code)


def configuration_error(reason: Text) -> Message:
    """The refusal of a configuration file (salesplan.toml) that cannot be used."""
    return _("configuration error: {reason}", reason=reason)


def refuse_settings(error: SettingsError, lang: str) -> NoReturn:
    """Every problem of the settings file (`configuration error: ...`) or of the options, one a line; exit 2."""
    from salesplan.settings import ConfigError

    for problem in error.problems:
        err(f"salesplan: {render(configuration_error(problem) if isinstance(error, ConfigError) else problem, lang)}")
    raise SystemExit(EXIT_ERROR)


def refuse_input_as_output(output: Path | None, inputs: Iterable[Path | str], lang: str = "zh") -> None:
    """Exit 2 when `output` is one of the input files: no command replaces what it reads, even with --force."""
    if output is None or str(output) == "-" or not output.exists():
        return
    for source in inputs:
        try:
            same = Path(source).samefile(output)
        except OSError:
            continue
        if same:
            fail(
                _(
                    "-o {output} is the input file {source}; salesplan never overwrites a file it reads",
                    output=output,
                    source=source,
                ),
                lang=lang,
            )


def _exists_without_force(output: Path, lang: str) -> NoReturn:
    fail(_("{output} exists; use --force to overwrite it", output=output), lang=lang)


def check_output(output: Path | None, force: bool, inputs: Iterable[Path | str] = (), lang: str = "zh") -> None:
    """Before any work: exit 2 when `output` is an input, or exists and --force was not given.

    Every command that takes `-o` calls this first, so a refused run costs nothing and writes nothing.
    """
    refuse_input_as_output(output, inputs, lang)
    if output is None or str(output) == "-" or force:
        return
    if output.exists() and output.is_file():
        _exists_without_force(output, lang)


def written(output: Path, lang: str = "zh") -> None:
    """The line every command prints on stderr after writing a file."""
    err(_("wrote {output}", output=output).render(lang))


def emit(
    text: str | bytes | Iterator[str],
    output: Path | None,
    force: bool,
    lang: str = "zh",
    inputs: Iterable[Path | str] = (),
) -> None:
    """Print to stdout, or write `output` atomically, refusing to overwrite without --force or to replace an input;
    a written file is announced on stderr (`written`).

    An iterator of text chunks is written as it is produced (`output.write_atomic_stream`): an error or
    Ctrl-C on the way leaves no file, and an existing one as it was.
    """
    from salesplan.output import OutputExists, write_atomic_stream

    refuse_input_as_output(output, inputs, lang)
    chunks: Iterable[str | bytes] = [text] if isinstance(text, str | bytes) else text
    if output is None or str(output) == "-":
        for chunk in chunks:
            if isinstance(chunk, bytes):
                sys.stdout.buffer.write(chunk)
            else:
                sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    try:
        write_atomic_stream(output, chunks, force=force)
    except OutputExists:
        _exists_without_force(output, lang)
    except OSError as exc:
        fail(_("cannot write {output}: {reason}", output=output, reason=reason(exc)), lang=lang)
    if output.is_file():
        written(output, lang)


def render_out(
    renderers: Renderers[R],
    fmt: str,
    result: R,
    output: Path | None,
    force: bool,
    lang: str,
    inputs: Iterable[Path | str] = (),
) -> None:
    """`result` in the format `fmt`, rendered for where it goes (`render_options`) and written there (`emit`)."""
    emit(renderers.render(fmt, result, render_options(lang, output)), output, force, lang, inputs)
