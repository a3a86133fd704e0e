"""A setting declared beside the code that reads it (yamllint's CONF/DEFAULT): its key in
`salesplan.toml`, its default, how a value is read, and one line of documentation.

A rule module lists its options in `OPTIONS`; the rule registry collects them and the settings
model (`salesplan.settings`) builds its `[smart]` and `[risk]` tables from them, so a new option
needs no edit anywhere else. A reader returns the value or raises `SettingError` saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from salesplan.i18n import Message, _
from salesplan.numbers import PercentError, parse_percent

T = TypeVar("T")


class SettingError(ValueError):
    """A setting's value that cannot be used; `message` says why (the key is named by the caller)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


@dataclass(frozen=True)
class Option(Generic[T]):
    """`key` is `table.name` (`smart.max-growth`): the table of salesplan.toml and the key in it."""

    key: str
    default: T
    read: Callable[[Any], T]
    doc: str

    @property
    def table(self) -> str:
        return self.key.partition(".")[0]

    @property
    def name(self) -> str:
        return self.key.partition(".")[2]


def shown(value: Any) -> str:
    """A value as a problem quotes it: text in quotes, a number as written (30.5, not Decimal('30.5'))."""
    return repr(value) if isinstance(value, str) else str(value)


def percent(value: Any) -> Decimal:
    """A percent setting (`numbers.parse_percent`: 0 or more)."""
    try:
        return parse_percent(value)
    except PercentError as exc:
        raise SettingError(exc.message) from None


def words(value: Any) -> tuple[str, ...]:
    """A list of non-empty strings, compared lower-case."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingError(_("must be a list of strings"))
    return tuple(v.lower() for v in value)


def strings(value: Any) -> tuple[str, ...]:
    """A list of strings, as written."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingError(_("must be a list of strings"))
    return tuple(value)


def whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingError(_("must be a whole number (got {value})", value=shown(value)))
    return value


def whole_table(value: Any) -> Mapping[str, int]:
    if not isinstance(value, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        raise SettingError(_("must be a table of whole numbers"))
    return dict(value)


def comma_list(values: Iterable[str] | None) -> list[str]:
    """A repeatable option that also takes comma-separated values (`-t T1 -t T2,T3`): every item, in order,
    blanks dropped."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def one_of(*choices: str) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if value not in choices:
            raise SettingError(
                _("must be one of {choices} (got {value})", choices=", ".join(choices), value=shown(value))
            )
        return str(value)

    return read


def value_of(values: Mapping[str, Any], option: Option[T]) -> T:
    """The option's value among `values` (read settings, by key), else its default."""
    found: T = values.get(option.key, option.default)
    return found
