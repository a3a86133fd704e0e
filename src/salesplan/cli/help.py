"""How the command line speaks: --help, usage lines and usage errors in the language of the run.

The language is chosen before typer parses anything: `--lang` found in the arguments, else
SALESPLAN_LANG, else the locale, else Chinese (`salesplan.i18n.resolve_lang`). So `salesplan split
--lang en --help`, `SALESPLAN_LANG=zh salesplan lint -h` and a mistyped option all answer in the
language the command's own output would be in, and a command's `--lang` defaults to that language.

Every help text of salesplan is an English msgid of the cli catalog (`help=_("...").msgid`, a
command's `HELP`), translated when the command tree is about to run; the words typer and click print
themselves (Usage:, Options, default, required, their error messages) come from the same catalog
(`salesplan.cli.click_words`). Only typer is imported here: `salesplan --help` stays instant.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import typer
import typer.core
from typer._click import formatting
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

from salesplan.cli.argv import lang_in
from salesplan.cli.click_words import HELP_OPTION, TYPER_WORDS, USAGE, error_message, usage_hint
from salesplan.cli.wrap import wide_wrap
from salesplan.i18n import Lang, _, resolve_lang, translate

# the name typer.core gives gettext (`from gettext import gettext as _`)
_TYPER_GETTEXT = "_"
_SPEAKING: ContextVar[Lang | None] = ContextVar("salesplan_cli_lang", default=None)
# a help text's msgid, kept on the command or parameter the first time it is translated
_MSGID = "salesplan_msgid"
# typer names a list argument's type `<list[Path]>`: shown as the plain `<path>` of one item
_ARGUMENT_TYPE = re.compile(r"<(?:list\[)?(?P<item>[^\]>]+)\]?>")


def speaking() -> Lang:
    """The language of the run in progress (outside one: what `resolve_lang` gives now)."""
    return _SPEAKING.get() or resolve_lang()


def _typer_word(text: str) -> str:
    """typer's own `_()` (gettext): its help words from salesplan's catalog, anything else as it is."""
    return translate(text, speaking()) if text in TYPER_WORDS else text


@contextmanager
def speaking_in(lang: Lang) -> Iterator[None]:
    """Within the block, help and usage errors are in `lang` (typer's own words too), wrapped by their
    width on the terminal (salesplan.cli.wrap)."""
    token = _SPEAKING.set(lang)
    words, wrap = getattr(typer.core, _TYPER_GETTEXT), formatting.wrap_text
    setattr(typer.core, _TYPER_GETTEXT, _typer_word)
    formatting.wrap_text = wide_wrap(wrap)
    try:
        yield
    finally:
        setattr(typer.core, _TYPER_GETTEXT, words)
        formatting.wrap_text = wrap
        _SPEAKING.reset(token)


def _translated(item: Any, attribute: str, lang: Lang) -> None:
    msgids: dict[str, str | None] = item.__dict__.setdefault(_MSGID, {})
    msgid = msgids.setdefault(attribute, getattr(item, attribute))
    if msgid:
        setattr(item, attribute, translate(msgid, lang))


def translate_tree(command: Any, lang: Lang) -> None:
    """Every help text of `command`, its parameters and its subcommands, in `lang`."""
    _translated(command, "help", lang)
    _translated(command, "short_help", lang)
    for param in command.params:
        _translated(param, "help", lang)
    for sub in getattr(command, "commands", {}).values():
        translate_tree(sub, lang)


def lang_defaults(group: Any, lang: Lang) -> dict[str, dict[str, str]]:
    """The `default_map` making `lang` the default of every command's `--lang` that has a default
    (`export`'s has none: without `--lang` it speaks the plan's own language)."""
    return {
        name: {"lang": lang}
        for name, command in group.commands.items()
        if any(param.name == "lang" and param.default is not None for param in command.params)
    }


def _usage(command: Any, ctx: Any, formatter: Any) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE.render(speaking()))


def _parameters(command: Any, ctx: Any, formatter: Any) -> None:
    """The Arguments and Options sections, an argument's type shown as a plain metavar."""
    arguments, options = [], []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        if param.param_type_name == "argument":
            name = _ARGUMENT_TYPE.sub(lambda m: f"<{m['item'].lower()}>", record[0])
            arguments.append((name, record[1]))
        elif param.param_type_name == "option":
            options.append(record)
    for title, rows in ((_("Arguments"), arguments), (_("Options"), options)):
        if rows:
            with formatter.section(title.render(speaking())):
                formatter.write_dl(rows)


def _help_option(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION.render(speaking())
    return option


class SalesplanCommand(typer.core.TyperCommand):
    """A command whose help and usage line are in the language of the run."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _parameters(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))


class SalesplanGroup(typer.core.TyperGroup):
    """The `salesplan` command: chooses the language of the run, then runs typer in it."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _parameters(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = resolve_lang(lang_in(argv))
        translate_tree(self, lang)
        extra.setdefault("default_map", lang_defaults(self, lang))
        with speaking_in(lang):
            if not standalone_mode:
                return super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
            try:
                result = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
            except NoArgsIsHelpError as exc:
                exc.show()
                sys.exit(exc.exit_code)
            except ClickException as exc:
                show_error(exc, lang)
                sys.exit(exc.exit_code)
            except typer.Abort:
                typer.echo(_("Aborted!").render(lang), err=True)
                sys.exit(1)
            sys.exit(result if isinstance(result, int) else 0)


def show_error(exc: ClickException, lang: Lang) -> None:
    """What click prints for a usage error (usage line, where to get help, `Error: ...`), in `lang`."""
    ctx = exc.ctx if isinstance(exc, UsageError) else None
    color = ctx.color if ctx is not None else exc.show_color
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = usage_hint(ctx.command_path, ctx.help_option_names[0]).render(lang) + "\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=color)
    typer.echo(error_message(exc.format_message(), lang), err=True, color=color)
