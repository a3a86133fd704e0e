"""The one renderer interface: a result type's renderers by name, the options every command sets the
same way, and the one measure of terminal text."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from salesplan.rendering import (
    _NO_END,
    _NO_START,
    _PIECE,
    Renderers,
    RenderOptions,
    cell_width,
    pad,
    plain_console,
    wrap,
)
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


def test_wrap_folds_chinese_between_characters_and_english_at_spaces() -> None:
    text = "相对基线的增长超过 `smart.max-growth`（默认 50%）为错误：目标过高会打击士气。"
    assert wrap(text, 40, "- ") == [
        "- 相对基线的增长超过 `smart.max-growth`",
        "  （默认 50%）为错误：目标过高会打击士",
        "  气。",
    ]
    # a closing mark never starts a line (the character before it goes down with it), an opening one
    # never ends one (避头尾)
    assert wrap("一二三四，五六", 8) == ["一二三", "四，五六"]
    assert wrap("一二（三四）", 6) == ["一二", "（三", "四）"]
    assert wrap("一二三（四", 8) == ["一二三", "（四"]
    assert wrap("ab cd ”x", 5) == ["ab", "cd ”x"]  # a space before a closing mark does not free it
    assert wrap("1111 、", 6) == ["1111 、"]
    assert wrap("growth over the baseline above max", 12) == ["growth over", "the baseline", "above max"]
    assert wrap("x" * 30, 10) == ["x" * 30]  # wider than a line: on a line of its own
    assert wrap("", 10, "- ") == ["-"]


_TEXT = st.text(st.sampled_from(list("目标增长超过默认为错误，。（）：“”、ab xyz-1% ")), max_size=120)


@given(_TEXT, st.integers(min_value=6, max_value=60), st.sampled_from(["", "- ", "  "]))
def test_wrap_keeps_every_character_in_order_within_the_width(text: str, width: int, lead: str) -> None:
    lines = wrap(text, width, lead)
    body = [lines[0][len(lead) :], *(line[len(lead) :] for line in lines[1:])]
    assert "".join("".join(body).split()) == "".join(text.split())
    for line in lines[1:]:
        assert line.startswith(" " * len(lead)) and line[len(lead) :][:1] not in "，。、：）”"
    for line in lines:
        assert cell_width(line) <= width or _unbreakable(line[len(lead) :].strip())
    for line in lines[:-1]:
        assert line.rstrip()[-1:] not in "（“"


def _unbreakable(text: str) -> bool:
    """A line is over the width only where it has no place a line may break: before each of its pieces
    but the first stands a closing mark, or after the piece before it an opening one."""
    pieces = [piece for piece in _PIECE.findall(text) if not piece.isspace()]
    return all(piece[0] in _NO_START or before[-1] in _NO_END for before, piece in itertools.pairwise(pieces))
