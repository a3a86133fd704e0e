"""The text report: `path:line:col: CODE [severity] message`, the source line with a caret, a hint.

Plain text unless `color` is set; then rich styles it (imported only then). Everything taken from
the plan (messages quote it, source lines are it) is neutralised: no escape sequence reaches the
terminal.
"""

from __future__ import annotations

from salesplan.diagnostics import Diagnostic, Severity
from salesplan.i18n import _, n_
from salesplan.lint.result import LintResult
from salesplan.report.base import RenderOptions, cell_width, hint_text, neutralise

_LABEL = {Severity.ERROR: _("[error]"), Severity.WARNING: _("[warning]"), Severity.NOTICE: _("[notice]")}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTICE: "cyan"}


WINDOW = 100  # terminal columns of a source line shown around the finding's column
_CUT = "…"


def _cells(source: str) -> list[tuple[str, int]]:
    """Each character of the line as shown (tabs to stops of 4, control characters inert) and its width."""
    out: list[tuple[str, int]] = []
    column = 0
    for ch in source:
        shown = " " * (4 - column % 4) if ch == "\t" else neutralise(ch)
        width = cell_width(shown)
        out.append((shown, width))
        column += len(shown) if ch == "\t" else 1  # tab stops as `str.expandtabs` counts them
    return out


def window(source: str, col: int, width: int = WINDOW) -> tuple[str, int]:
    """The line as shown, cut to about `width` columns around `col` (`…` where cut), and the
    terminal column of the caret under character `col` (wide CJK characters count two)."""
    cells = _cells(source)
    at = min(max(col - 1, 0), len(cells))
    start, end = 0, len(cells)
    if sum(w for _, w in cells) > width:
        used = 0
        start = at
        while start > 0 and used + cells[start - 1][1] <= width // 3:
            start -= 1
            used += cells[start][1]
        end = at
        while end < len(cells) and used + cells[end][1] <= width:
            used += cells[end][1]
            end += 1
        while start > 0 and used + cells[start - 1][1] <= width:  # near the end: show more before
            start -= 1
            used += cells[start][1]
    head = _CUT if start > 0 else ""
    tail = _CUT if end < len(cells) else ""
    shown = head + "".join(text for text, _ in cells[start:end]) + tail
    return shown, cell_width(head) + sum(w for _, w in cells[start:at])


def _snippet(line_no: int, source: str, col: int) -> tuple[str, str]:
    shown, caret = window(source, col)
    gutter = str(line_no).rjust(5)
    return f"{gutter} | {shown}", f"{' ' * len(gutter)} | {' ' * caret}^"


def _lines(diag: Diagnostic, result: LintResult, lang: str) -> list[tuple[str, str]]:
    head = (
        f"{neutralise(diag.source.where)}: {diag.code} "
        f"{_LABEL[diag.severity].render(lang)} {neutralise(diag.text(lang))}"
    )
    out = [(head, _STYLE[diag.severity])]
    source = result.line_text(diag.file, diag.line)
    if source.strip():
        code_line, caret = _snippet(diag.line, source, diag.col)
        out += [(code_line, "dim"), (caret, "bold " + _STYLE[diag.severity].split()[-1])]
    hint = hint_text(diag, lang)
    if hint:
        out.append(("      " + _("hint: {hint}", hint=neutralise(hint)).render(lang), "cyan"))
    return out


def summary_line(result: LintResult, lang: str) -> str:
    s = result.summary()
    files = n_("{count} file", "{count} files", s["files"])
    if not s["errors"] and not s["warnings"] and not s["notices"]:
        return _("Checked {files}: no problems found.", files=files).render(lang)
    return _(
        "Checked {files}: {errors}, {warnings}, {notices} in {touched}.",
        files=files,
        errors=n_("{count} error", "{count} errors", s["errors"]),
        warnings=n_("{count} warning", "{count} warnings", s["warnings"]),
        notices=n_("{count} notice", "{count} notices", s["notices"]),
        touched=n_("{count} file", "{count} files", s["files_with_findings"]),
    ).render(lang)


def render_text(result: LintResult, options: RenderOptions) -> str:
    blocks: list[list[tuple[str, str]]] = [_lines(d, result, options.lang) for d in result.diagnostics]
    blocks.append([(summary_line(result, options.lang), "bold")])
    if not options.color:
        return "\n\n".join("\n".join(text for text, _ in block) for block in blocks) + "\n"
    return _styled(blocks)


def _styled(blocks: list[list[tuple[str, str]]]) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    buffer = StringIO()
    console = Console(file=buffer, force_terminal=True, width=10_000, highlight=False, soft_wrap=True)
    for i, block in enumerate(blocks):
        if i:
            console.print()
        for text, style in block:
            console.print(Text(text, style=style))
    return buffer.getvalue()
