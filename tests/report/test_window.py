"""A source line is shown as a window around the finding's column, the caret under the right character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.lint.check import lint_text
from salesplan.lint.result import LintResult
from salesplan.report.base import RenderOptions, cell_width
from salesplan.report.text import WINDOW, render_text, window

REFERENCE = REPO_REFERENCE


def _under_caret(shown: str, caret: int) -> str:
    """The character of `shown` that starts at terminal column `caret`."""
    column = 0
    for ch in shown:
        if column == caret:
            return ch
        column += cell_width(ch)
    return ""


def test_a_short_line_is_shown_whole() -> None:
    assert window("    value: 500", 12) == ("    value: 500", 11)


def test_a_finding_at_column_20000_shows_a_window_not_the_line() -> None:
    line = "x" * 19_999 + "Y" + "z" * 20_000
    shown, caret = window(line, 20_000)
    assert shown.startswith("…") and shown.endswith("…")
    assert cell_width(shown) <= WINDOW + 2
    assert caret <= WINDOW and _under_caret(shown, caret) == "Y"
    assert shown == "…" + "x" * 33 + "Y" + "z" * 66 + "…"


def test_near_the_end_of_a_long_line_more_is_shown_before() -> None:
    line = "a" * 500 + "END"
    shown, caret = window(line, 501)
    assert shown == "…" + "a" * 97 + "END"
    assert _under_caret(shown, caret) == "E"


def test_wide_characters_count_two_columns_for_the_caret() -> None:
    shown, caret = window("  name: 华东大区 Q3", 14)
    assert shown == "  name: 华东大区 Q3"
    assert caret == 2 + 6 + 4 * 2 + 1 and _under_caret(shown, caret) == "Q"
    long_zh = "名" * 3000 + "错" + "名" * 3000
    shown, caret = window(long_zh, 3001)
    assert cell_width(shown) <= WINDOW + 2
    assert _under_caret(shown, caret) == "错"


def test_tabs_and_control_characters_keep_the_caret_aligned() -> None:
    shown, caret = window("a\tb\x1bc", 4)
    assert shown == "a   b\\x1bc"
    assert _under_caret(shown, caret) == "\\"
    assert window("a\tb\x1bc", 5)[1] == caret + len("\\x1b")


@given(
    st.text(alphabet=st.sampled_from("ab 名字\t,:"), min_size=1, max_size=600),
    st.integers(min_value=1, max_value=600),
)
def test_the_caret_is_always_under_the_finding_and_the_window_is_bounded(line: str, col: int) -> None:
    shown, caret = window(line, col)
    assert cell_width(shown) <= WINDOW + 2 + 3  # + the two cut marks and a tab's spaces at the edge
    if col <= len(line) and line[col - 1] != "\t":
        assert _under_caret(shown, caret) == line[col - 1]


def test_the_text_report_of_a_long_line_is_short() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    text = text.replace("    path: 深耕老客户，新增 3 家代理商", "    path: " + "长" * 20_000, 1)
    text = text.replace("value: 500", "value: [" + "1, " * 10_000 + "1]", 1)
    result = LintResult(files=[lint_text(text, "plan.yaml")])
    out = render_text(result, RenderOptions(lang="en"))
    assert max(cell_width(line) for line in out.splitlines()) < 200
    [block] = [b for b in out.split("\n\n") if " SP021 " in b]
    code_line, caret_line = block.splitlines()[1:3]
    assert code_line.startswith("   43 |     value: [1, 1, ") and code_line.endswith("…")
    assert caret_line == "      |            ^"
