"""The words typer and click print themselves, as messages of the cli catalog.

typer's help words go through its gettext `_()` (`TYPER_WORDS`, swapped in by salesplan.cli.help);
click's usage line, help option and error messages are English f-strings inside typer, so an error's
text is read back by the patterns below (`error_message`) and said again from the catalog. A text no
pattern knows is shown as click wrote it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from salesplan.i18n import Message, _

USAGE = _("Usage: ")
HELP_OPTION = _("Show this message and exit.")
# what typer itself passes through gettext while it writes a help page
TYPER_WORDS = frozenset(
    message.msgid
    for message in (
        _("Arguments"),
        _("Options"),
        _("Commands"),
        _("default: {default}"),
        _("required"),
        _("(dynamic)"),
        _("env var: {var}"),
    )
)

# click's error texts, most specific first: each named group becomes the field of the same name
# (`reason` is itself an error text, read again)
_ERRORS: tuple[tuple[re.Pattern[str], Message], ...] = tuple(
    (re.compile(pattern, re.DOTALL), message)
    for pattern, message in (
        (r"(?P<head>.*?\.) Choose from:(?P<choices>\n.*)", _("{head} Choose from:{choices}")),
        (r"Missing argument (?P<name>.+)\.", _("Missing argument {name}.")),
        (r"Missing option (?P<name>.+)\.", _("Missing option {name}.")),
        (r"Missing parameter (?P<name>.+)\.", _("Missing parameter {name}.")),
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)",
            _("No such option: {name} (Possible options: {options})"),
        ),
        (r"No such option: (?P<name>\S+)", _("No such option: {name}")),
        (
            r"No such command (?P<name>'.*')\. Did you mean (?P<names>.+)\?",
            _("No such command {name}. Did you mean {names}?"),
        ),
        (r"No such command (?P<name>'.*')\.", _("No such command {name}.")),
        (r"Missing command\.", _("Missing command.")),
        (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", _("Got unexpected extra argument(s) ({args})")),
        (r"Option (?P<name>'.+') requires an argument\.", _("Option {name} requires an argument.")),
        (r"Option (?P<name>'.+') requires (?P<count>\d+) arguments\.", _("Option {name} requires {count} arguments.")),
        (r"Option (?P<name>'.+') does not take a value\.", _("Option {name} does not take a value.")),
        (r"Invalid value for (?P<name>.+?): (?P<reason>.*)", _("Invalid value for {name}: {reason}")),
        (r"Invalid value: (?P<reason>.*)", _("Invalid value: {reason}")),
        (
            r"Value error, (?P<value>'.*') is not one of (?P<choices>.+)\.",
            _("Value error, {value} is not one of {choices}."),
        ),
        (r"Input should be a valid integer.*", _("Input should be a valid integer")),
        (
            r"Input should be greater than or equal to (?P<limit>\S+)",
            _("Input should be greater than or equal to {limit}"),
        ),
        (r"Input should be less than or equal to (?P<limit>\S+)", _("Input should be less than or equal to {limit}")),
    )
)


def reason(text: str) -> Message | str:
    """click's error text as a message of the catalog, or the text itself when no pattern knows it."""
    for pattern, message in _ERRORS:
        match = pattern.fullmatch(text)
        if match:
            fields: dict[str, Message | str] = {
                name: reason(value) if name in ("head", "reason") else value
                for name, value in match.groupdict().items()
                if value is not None
            }
            return replace(message, fields=tuple(fields.items()))
    return text


def error_message(text: str, lang: str) -> str:
    """`Error: ...` as click says it, in `lang` (English: click's text unchanged)."""
    return _("Error: {message}", message=text if lang == "en" else reason(text)).render(lang)


def usage_hint(command: str, option: str) -> Message:
    return _("Try '{command} {option}' for help.", command=command, option=option)
