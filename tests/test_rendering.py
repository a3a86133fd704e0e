"""The one renderer interface: a result type's renderers by name, the options every command sets the
same way, and the one measure of terminal text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pytest

from salesplan.capacity.render import RENDERERS as CAPACITY
from salesplan.cli.capacity_cmd import CapacityFormat
from salesplan.cli.diff_cmd import DiffFormat
from salesplan.cli.export_cmd import Format as ExportFormat
from salesplan.cli.lint_cmd import Format as OutputFormat
from salesplan.cli.outcome import render_options
from salesplan.cli.review_cmd import ReviewFormat
from salesplan.cli.risks_cmd import RiskFormat
from salesplan.cli.rollup_cmd import RollupFormat
from salesplan.cli.split_cmd import SplitFormat
from salesplan.diff.render import RENDERERS as DIFF
from salesplan.export.run import RENDERERS as EXPORT
from salesplan.rendering import Renderers, RenderOptions, cell_width, pad, plain_console
from salesplan.report import RENDERERS as LINT
from salesplan.report.review_out import RENDERERS as REVIEW
from salesplan.report.risks import RISKS_RENDERERS
from salesplan.report.rollup_xlsx import RENDERERS as ROLLUP
from salesplan.report.smart import SMART_RENDERERS
from salesplan.split.render import RENDERERS as SPLIT


@pytest.mark.parametrize(
    ("renderers", "choices"),
    [
        (LINT, OutputFormat),
        (SMART_RENDERERS, OutputFormat),
        (RISKS_RENDERERS, RiskFormat),
        (DIFF, DiffFormat),
        (CAPACITY, CapacityFormat),
        (ROLLUP, RollupFormat),
        (SPLIT, SplitFormat),
        (EXPORT, ExportFormat),
    ],
)
def test_every_format_a_command_offers_has_its_renderer(renderers: Renderers[object], choices: type[StrEnum]) -> None:
    assert set(renderers.names) == {choice.value for choice in choices}


def test_every_review_format_has_its_renderer() -> None:
    # csv is the actuals template of --blank only, not a way to show a review
    assert set(REVIEW.names) == {choice.value for choice in ReviewFormat} - {"csv"}


def test_renderers_by_name() -> None:
    def chunks(result: int, options: RenderOptions) -> Iterator[str]:
        yield from (options.lang, str(result))

    table: Renderers[int] = Renderers({"a": lambda n, o: f"{n}{o.lang}", "b": chunks, "x": lambda n, o: b"PK"})
    assert table.names == ("a", "b", "x") and "b" in table and "c" not in table
    assert table.render("a", 3, RenderOptions(lang="en")) == "3en"
    assert table.text("b", 4, RenderOptions()) == "zh4"  # an iterator of chunks, joined
    with pytest.raises(TypeError):
        table.text("x", 1, RenderOptions())
    with pytest.raises(KeyError):
        table["c"]


def test_terminal_width_of_text() -> None:
    assert cell_width("east-a") == 6 and cell_width("华东一区") == 8 and cell_width("ＡＢ") == 4
    assert pad("华东", 6) == "华东  " and pad("toolong", 3) == "toolong"


def test_plain_console_writes_plain_text() -> None:
    console, buffer = plain_console(40)
    console.print("[bold]华东[/bold]")  # markup is text: plan text is never styled by accident
    assert buffer.getvalue() == "[bold]华东[/bold]\n" and console.width == 40


def test_plain_console_with_color_styles_with_the_standard_colours_and_still_reads_no_markup() -> None:
    console, buffer = plain_console(40, color=True)
    console.print("[red]x[/red]", style="bold red")
    text = buffer.getvalue()
    assert text.startswith("\x1b[1;31m") and "[red]x[/red]" in text and console.width == 40
    assert console.color_system == "standard"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_render_options_follow_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout", io.StringIO())
    piped = render_options("en", None, width=160)
    assert (piped.lang, piped.color, piped.width) == ("en", False, 160)
    monkeypatch.setattr("sys.stdout", _Tty())
    monkeypatch.setenv("COLUMNS", "99")
    tty = render_options("zh", None, depth=2)
    assert (tty.color, tty.width, tty.depth) == (True, 99, 2)
    assert not render_options("zh", Path("out.txt")).color  # a file gets plain text
    monkeypatch.setenv("NO_COLOR", "1")
    assert not render_options("zh", None).color
