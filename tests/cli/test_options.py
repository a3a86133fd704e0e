"""One command surface: the options every command shares have the same names, metavar and help on each."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.core import TyperOption

from salesplan.cli.commands import app
from salesplan.cli.common import FORCE_HELP, LANG_HELP, OUTPUT_HELP, TARGET_HELP
from salesplan.options import comma_list

COMMANDS: Any = typer.main.get_command(app)  # a click group: .commands by name, each with .params
# --output-file: lint's older spelling of --output, kept for existing CI configurations
ALIASES = {("lint", "--output"): {"--output-file"}}
# init writes a plan in its --lang, export defaults to the plan's own language: one more default each
LANG_ELSEWHERE = {"init", "export"}


def _options(name: str) -> dict[str, TyperOption]:
    command = COMMANDS.commands[name]
    return {opt: param for param in command.params if isinstance(param, TyperOption) for opt in param.opts}


def _check(name: str, long: str, names: set[str], metavar: str | None, help_msgid: str | None) -> None:
    param = _options(name)[long]
    assert set(param.opts) - ALIASES.get((name, long), set()) == names, (name, long)
    assert not param.secondary_opts, (name, long)
    if metavar is not None:
        assert param.metavar == metavar, (name, long)
    if help_msgid is not None:
        assert param.help == help_msgid, (name, long)


@pytest.mark.parametrize("name", sorted(COMMANDS.commands))
def test_shared_options_mean_the_same_on_every_command(name: str) -> None:
    options = _options(name)
    if "--output" in options or "-o" in options:
        _check(name, "--output", {"-o", "--output"}, "<path>", OUTPUT_HELP.msgid)
    if "--force" in options:
        _check(name, "--force", {"--force"}, None, FORCE_HELP.msgid)
    if "--lang" in options:
        _check(name, "--lang", {"--lang"}, None, None if name in LANG_ELSEWHERE else LANG_HELP.msgid)
    if "--target" in options or "-t" in options:
        _check(name, "--target", {"-t", "--target"}, "<id,...>", TARGET_HELP.msgid)
        assert options["--target"].multiple
    if "--format" in options or "-f" in options:
        _check(name, "--format", {"-f", "--format"}, None, None)


def test_every_command_that_writes_takes_the_shared_options() -> None:
    writers = {"export", "split", "lint", "risks", "review", "diff", "rollup"}
    for name in writers:
        assert {"-o", "--output", "--force", "--lang", "-f", "--format"} <= set(_options(name)), name
    assert {"-t", "--target"} <= set(_options("split")) & set(_options("review"))


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ([], []),
        (None, []),
        (["T1"], ["T1"]),
        (["T1", "T2"], ["T1", "T2"]),
        (["T1,T2", "T3"], ["T1", "T2", "T3"]),
        ([" T1 , ,T2 ", ""], ["T1", "T2"]),
    ],
)
def test_comma_list_reads_repeated_and_comma_separated_values_alike(given: list[str] | None, read: list[str]) -> None:
    assert comma_list(given) == read
