"""The `salesplan` command's entry point.

A plain `salesplan lint FILE...` (pre-commit's and editors' call on every save) runs without typer,
click or rich (`salesplan.cli.argv.plain_lint`); everything else runs the typer app
(`salesplan.cli.commands`), imported only then and reached here as `app` and `COMMANDS`.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, Any

from salesplan.cli.argv import lang_in, plain_lint
from salesplan.i18n import _, resolve_lang

if TYPE_CHECKING:
    from salesplan.cli.commands import COMMANDS, app

__all__ = ["COMMANDS", "app", "main"]
# salesplan's models use no pydantic plugin: looking for one costs more than validating a plan
_NO_PYDANTIC_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


def __getattr__(name: str) -> Any:
    """`app` and `COMMANDS` of the typer app, imported on first use."""
    if name in ("app", "COMMANDS"):
        from salesplan.cli import commands

        return getattr(commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _lint_without_typer(argv: list[str]) -> int | None:
    """The exit code of a plain `salesplan lint ...` run here, or None when typer has to read `argv`.

    Ends as typer's command would: Ctrl-C exits 130, a closed pipe 1, a refusal with its code."""
    request = plain_lint(argv)
    if request is None:
        return None
    from salesplan.cli.lint_run import run_lint

    try:
        code = run_lint(request)
        sys.stdout.flush()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        return 1
    return code


def _finish(code: int) -> None:
    """Exit without tearing the interpreter down (a tenth of a lint's time): nothing is left to close."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        code = code or 1
    os._exit(code)


def main() -> None:
    """Entry point: a bug becomes one line on stderr and exit 2, never a traceback (SALESPLAN_DEBUG=1 shows it)."""
    os.environ.setdefault(*_NO_PYDANTIC_PLUGINS)
    try:
        code = _lint_without_typer(sys.argv[1:])
        if code is not None:
            _finish(code)
        typer_app = globals().get("app") or __getattr__("app")
        typer_app()
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
