"""The `salesplan` command. Heavy modules are imported inside commands, so --help stays instant."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Annotated

import typer

from salesplan import __version__
from salesplan.cli.help import SalesplanCommand, SalesplanGroup, lang_in
from salesplan.i18n import _, resolve_lang

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


def main() -> None:
    """Entry point: a bug becomes one line on stderr and exit 2, never a traceback (SALESPLAN_DEBUG=1 shows it)."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        interrupted = _("interrupted").render(resolve_lang(lang_in(sys.argv[1:])))
        sys.stderr.write(f"salesplan: {interrupted}\n")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("SALESPLAN_DEBUG"):
            raise
        lang = resolve_lang(lang_in(sys.argv[1:]))
        error = _("internal error: {error}: {reason}", error=type(exc).__name__, reason=exc).render(lang)
        report = _("please report it; run with SALESPLAN_DEBUG=1 for the traceback").render(lang)
        sys.stderr.write(f"salesplan: {error}\n  {report}\n")
        sys.exit(2)
