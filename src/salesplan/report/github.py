"""GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`.

Data escapes `%`, CR and LF; property values also escape `:` and `,` (as actions/toolkit does).
"""

from __future__ import annotations

from salesplan.diagnostics import Diagnostic
from salesplan.lint.result import LintResult
from salesplan.report.base import RenderOptions, hint_text, neutralise


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diag: Diagnostic, lang: str) -> str:
    source = diag.source
    props = [("file", diag.file), ("line", str(source.line)), ("col", str(source.col))]
    if source.end_line is not None:
        props.append(("endLine", str(source.end_line)))
    if source.end_col is not None and source.end_line == source.line:
        props.append(("endColumn", str(source.end_col)))
    props.append(("title", diag.code))
    rendered = ",".join(f"{key}={escape_property(neutralise(value))}" for key, value in props)
    hint = hint_text(diag, lang)
    message = diag.text(lang) + (f"\n{hint}" if hint else "")
    # CR and LF are escaped; every other control character (ESC above all) is made inert
    message = "\n".join(neutralise(part) for part in message.replace("\r\n", "\n").split("\n"))
    return f"::{diag.severity.value} {rendered}::{escape_data(message)}"


def render_github(result: LintResult, options: RenderOptions) -> str:
    return "".join(command(d, options.lang) + "\n" for d in result.diagnostics)
