"""The steps every command shares, in one place each: the review day, diagnostics then exit 2 on an error,
a result rendered and written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import typer

from salesplan import codes
from salesplan.cli.common import as_of_day, exit_on_errors, render_out
from salesplan.diagnostics import Severity, SourceRef
from salesplan.i18n import _
from salesplan.rendering import Renderers, RenderOptions

WARNING = codes.diagnostic(
    codes.YAML_SYNTAX, SourceRef("plan.yaml", 3, 5), _("a value is expected here"), severity=Severity.WARNING
)
ERROR = codes.diagnostic(codes.YAML_SYNTAX, SourceRef("plan.yaml", 7, 1), _("a value is expected here"))


@pytest.mark.parametrize(("text", "day"), [("2026-07-01", dt.date(2026, 7, 1)), (" 2026-09-30 ", dt.date(2026, 9, 30))])
def test_as_of_reads_a_day(text: str, day: dt.date) -> None:
    assert as_of_day(text, "en") == day


def test_no_as_of_is_today() -> None:
    assert as_of_day(None, "en") == dt.date.today()


@pytest.mark.parametrize(("lang", "said"), [("en", "--as-of must be a date YYYY-MM-DD (got '7/1')"), ("zh", "'7/1'")])
def test_an_as_of_that_is_no_day_exits_2_naming_it(capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        as_of_day("7/1", lang)
    assert stopped.value.code == 2 and said in capsys.readouterr().err


def test_warnings_are_printed_and_the_run_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    exit_on_errors([WARNING], "en")
    assert "plan.yaml:3:5" in capsys.readouterr().err


def test_an_error_is_printed_with_the_warnings_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as stopped:
        exit_on_errors([WARNING, ERROR], "en")
    err = capsys.readouterr().err
    assert stopped.value.exit_code == 2 and "plan.yaml:3:5" in err and "plan.yaml:7:1" in err


def test_without_warnings_only_a_failing_list_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    exit_on_errors([WARNING], "en", warnings=False)
    assert capsys.readouterr().err == ""
    with pytest.raises(typer.Exit):
        exit_on_errors([WARNING, ERROR], "en", warnings=False)
    err = capsys.readouterr().err
    assert "plan.yaml:3:5" in err and "plan.yaml:7:1" in err


def _shout(result: str, options: RenderOptions) -> str:
    return f"{result.upper()} {options.lang} {options.color}\n"


SHOUT = Renderers({"shout": _shout})


def test_render_out_prints_plain_text_to_a_pipe(capsys: pytest.CaptureFixture[str]) -> None:
    render_out(SHOUT, "shout", "east", None, False, "en")
    assert capsys.readouterr().out == "EAST en False\n"


def test_render_out_writes_a_file_once_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    render_out(SHOUT, "shout", "east", out, False, "en")
    assert out.read_text(encoding="utf-8") == "EAST en False\n"
    assert capsys.readouterr().err == f"wrote {out}\n"
    with pytest.raises(SystemExit) as stopped:
        render_out(SHOUT, "shout", "west", out, False, "en")
    assert stopped.value.code == 2 and out.read_text(encoding="utf-8") == "EAST en False\n"
    render_out(SHOUT, "shout", "west", out, True, "zh")
    assert out.read_text(encoding="utf-8") == "WEST zh False\n"


def test_render_out_never_replaces_an_input(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit):
        render_out(SHOUT, "shout", "east", plan, True, "en", [plan])
    assert plan.read_text(encoding="utf-8") == "x"


def test_shared_declarations_keep_each_option_as_it_was() -> None:
    from typer.core import TyperOption

    from salesplan.cli.commands import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]

    def option(command: str, name: str) -> TyperOption:
        return next(p for p in commands[command].params if isinstance(p, TyperOption) and name in p.opts)

    for command in ("review", "replan"):
        assert option(command, "--actuals").opts == ["--actuals", "-a"]
        assert option(command, "--actuals").metavar == "<path>"
        assert option(command, "--as-of").help == "Review date YYYY-MM-DD (default: today)."
    for command in ("risks", "lint"):
        assert option(command, "--config").metavar == "<path>"
        assert option(command, "--config").help == "Use this config file instead of the nearest one."
    for command in ("split", "import"):
        assert option(command, "--allow-over-capacity").is_flag
    assert option("review", "--ahead").metavar == "<pct>"
    assert option("init", "--period").metavar == "<period>"
    assert option("export", "--tables").metavar == "<table,...>"
