"""The `salesplan` command. Heavy modules are imported inside commands, so --help stays instant."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Annotated

import typer

from salesplan import __version__

app = typer.Typer(
    name="salesplan",
    help="Sales plans as YAML files in git: validated, split exactly, linted in CI, rendered to Excel and Markdown.",
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
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"salesplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Sales plans as YAML files in git: validated, split exactly, linted in CI, rendered to Excel and Markdown."""


for _name, _module, _func in COMMANDS:
    app.command(_name)(getattr(import_module(_module), _func))


def main() -> None:
    """Entry point: a bug becomes one line on stderr and exit 2, never a traceback (SALESPLAN_DEBUG=1 shows it)."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("salesplan: interrupted\n")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("SALESPLAN_DEBUG"):
            raise
        sys.stderr.write(
            f"salesplan: internal error: {type(exc).__name__}: {exc}\n"
            "  please report it; run with SALESPLAN_DEBUG=1 for the traceback\n"
        )
        sys.exit(2)
