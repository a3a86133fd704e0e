"""What salesplan reads from its arguments before typer does, or instead of it.

- `lang_in`: the `--lang` of the arguments, so help and usage errors speak the run's language.
- `plain_lint`: the options of a plain `salesplan lint FILE...` (what pre-commit and editors run on
  every save), read without typer, click or rich, whose import costs more than the lint of one
  file. Anything it does not know for certain how typer would read (`--help`, a value typer would
  refuse, `--opt=value`, bundled short options, `--`, a path starting with `-`) gives None, and the
  typer app runs as usual: both ways reach the same `salesplan.cli.lint_run.run_lint`.

Only the standard library is imported here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from salesplan.cli.lint_run import FAIL_ON, FORMATS, LANGS, LintRequest
from salesplan.i18n import resolve_lang

# option -> the LintRequest field it sets; a value option takes the next argument
_VALUE = {
    "-f": "output_format",
    "--format": "output_format",
    "-o": "output_file",
    "--output": "output_file",
    "--output-file": "output_file",
    "--lang": "lang",
    "--config": "config",
    "--fail-on": "fail_on",
}
_LIST = {"--select": "select", "--ignore": "ignore", "--exclude": "exclude"}
_FLAG = {"--force": "force", "--exit-zero": "exit_zero", "--smart": "smart", "--skip-non-plans": "skip_non_plans"}
_CHOICES = {"output_format": FORMATS, "fail_on": FAIL_ON, "lang": LANGS}
# set, typer would complete the shell's command line instead of running the command
_COMPLETION_VARIABLE = "_SALESPLAN_COMPLETE"


def lang_in(args: Sequence[str]) -> str | None:
    """The value of the last `--lang X` / `--lang=X` before `--` (as typer will read it), or None."""
    found: str | None = None
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            break
        if arg == "--lang":
            found = next(rest, None)
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


def plain_lint(argv: Sequence[str]) -> LintRequest | None:
    """The request of `salesplan lint ...` when every argument is one typer reads the same way, else None.

    A value option takes the next argument, which must not start with `-` and, for a choice, must be
    one of its values exactly; the last of a repeated option wins and list options add up, as in typer.
    """
    if not argv or argv[0] != "lint" or os.environ.get(_COMPLETION_VARIABLE):
        return None
    values: dict[str, str] = {}
    lists: dict[str, list[str]] = {name: [] for name in _LIST.values()}
    flags: set[str] = set()
    paths: list[Path] = []
    rest = iter(argv[1:])
    for arg in rest:
        if arg in _FLAG:
            flags.add(_FLAG[arg])
        elif arg in _VALUE or arg in _LIST:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
            if arg in _LIST:
                lists[_LIST[arg]].append(value)
            elif value in _CHOICES.get(_VALUE[arg], (value,)):
                values[_VALUE[arg]] = value
            else:
                return None
        elif arg.startswith("-") or not arg:
            return None
        else:
            paths.append(Path(arg))
    return LintRequest(
        paths=paths,
        output_format=values.get("output_format"),
        output_file=Path(values["output_file"]) if "output_file" in values else None,
        force="force" in flags,
        lang=resolve_lang(lang_in(argv)),
        select=lists["select"],
        ignore=lists["ignore"],
        exclude=lists["exclude"],
        config=Path(values["config"]) if "config" in values else None,
        fail_on=values.get("fail_on"),
        exit_zero="exit_zero" in flags,
        smart="smart" in flags,
        skip_non_plans="skip_non_plans" in flags,
    )
