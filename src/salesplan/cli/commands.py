"""The typer app of `salesplan`: every command, its help and options. Heavy modules are imported inside
commands, so --help stays instant; `salesplan.cli.app.main` runs it."""

from __future__ import annotations

from importlib import import_module
from typing import Annotated

import typer

from salesplan import __version__
from salesplan.cli.help import SalesplanCommand, SalesplanGroup
from salesplan.i18n import _

HELP = _("Sales plans as YAML files in git: validated, split exactly, linted in CI, rendered to Excel and Markdown.")

app = typer.Typer(
    name="salesplan",
    cls=SalesplanGroup,
    help=HELP.msgid,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# (command name, module, function): each module imports only typer and the standard library at the top
COMMANDS = [
    ("schema", "salesplan.cli.schema_cmd", "schema"),
    ("export", "salesplan.cli.export_cmd", "export"),
    ("split", "salesplan.cli.split_cmd", "split"),
    ("lint", "salesplan.cli.lint_cmd", "lint"),
    ("rules", "salesplan.cli.rules_cmd", "rules"),
    ("risks", "salesplan.cli.risks_cmd", "risks"),
    ("init", "salesplan.cli.init_cmd", "init"),
    ("review", "salesplan.cli.review_cmd", "review"),
    ("diff", "salesplan.cli.diff_cmd", "diff"),
    ("rollup", "salesplan.cli.rollup_cmd", "rollup"),
    ("capacity", "salesplan.cli.capacity_cmd", "capacity"),
    ("replan", "salesplan.cli.replan_cmd", "replan"),
    ("import", "salesplan.cli.import_cmd", "import_"),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"salesplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help=_("Print the version and exit.").msgid),
    ] = False,
) -> None:
    """The root command: its help is HELP."""


def _register(name: str, module_name: str, function: str) -> None:
    """Add a command; its help is the module's HELP (a msgid of the cli catalog), its line in the
    command list the module's SUMMARY, each translated when the command runs."""
    module = import_module(module_name)
    help_text, summary = getattr(module, "HELP", None), getattr(module, "SUMMARY", None)
    app.command(
        name,
        cls=SalesplanCommand,
        help=help_text.msgid if help_text is not None else None,
        short_help=summary.msgid if summary is not None else None,
    )(getattr(module, function))


for _name, _module, _func in COMMANDS:
    _register(_name, _module, _func)
