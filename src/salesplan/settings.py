"""salesplan's settings: `salesplan.toml`, `.salesplan.toml` or `[tool.salesplan]` in pyproject.toml,
one file for every command, found by searching upward (the first folder holding one wins).

`load_config` reads and checks it against the settings model (`salesplan.settings_model`): every
problem at once, each naming the file, line and key, in the user's language (`ConfigError`).
`resolve` lays the command-line options over it (command line > file > defaults): every command
calls it, so an option means the same thing everywhere.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from salesplan.i18n import Message, _
from salesplan.oserror import reason
from salesplan.settings_model import AtKey, Settings, SettingsFile, allowed_keys
from salesplan.settings_place import ConfigError, Key, OptionError, Place, SettingsError, unknown_key
from salesplan.settings_resolve import Resolved, ReviewSettings, resolve

CONFIG_FILES = ("salesplan.toml", ".salesplan.toml", "pyproject.toml")
_PYPROJECT_TABLE = ("tool", "salesplan")

__all__ = [
    "CONFIG_FILES",
    "ConfigError",
    "OptionError",
    "Resolved",
    "ReviewSettings",
    "Settings",
    "SettingsError",
    "find_config",
    "load_config",
    "read_config",
    "resolve",
    "settings_from",
]


def _walk(model: type[BaseModel], loc: Sequence[str]) -> type[BaseModel] | None:
    """The table model at `loc` below `model` (None when `loc` leaves the tables)."""
    for part in loc:
        info = next((i for name, i in model.model_fields.items() if (i.alias or name) == part), None)
        kinds = (info.annotation, *getattr(info.annotation, "__args__", ())) if info is not None else ()
        tables = [kind for kind in kinds if isinstance(kind, type) and issubclass(kind, BaseModel)]
        if not tables:
            return None
        model = tables[0]
    return model


def _problems(error: ValidationError, place: Place) -> list[Message]:
    """Each problem located, in the order of the file's lines."""
    out: list[tuple[int, Message]] = []
    for found in error.errors():
        loc: Key = tuple(str(part) for part in found["loc"] if not isinstance(part, int) and part != "[key]")
        cause = (found.get("ctx") or {}).get("error")
        if found["type"] == "extra_forbidden":
            table = _walk(SettingsFile, loc[:-1])
            problem = unknown_key(loc[-1], allowed_keys(table) if table is not None else ())
        elif found["type"] in ("model_type", "dict_type", "model_attributes_type"):
            problem = _("must be a table")
        elif isinstance(cause, AtKey):
            loc, problem = (*loc, *cause.at), cause.message
        elif cause is not None and hasattr(cause, "message"):
            problem = cause.message
        else:  # a check of the model without its own words: pydantic's, in English
            problem = _("cannot be read: {detail}", detail=found["msg"])
        out.append((place.line(loc) or 0, place.problem(loc, problem)))
    return [problem for _line, problem in sorted(out, key=lambda found: found[0])]


def settings_from(raw: Mapping[str, Any], name: str, text: str = "", prefix: Key = ()) -> Settings:
    """Check a settings table (a file's content, or its `[tool.salesplan]`); `name` is the file as shown."""
    place = Place.of(name, text, prefix)
    try:
        return Settings(SettingsFile.model_validate(raw), place)
    except ValidationError as exc:
        raise ConfigError(_problems(exc, place)) from None


def read_config(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text, parse_float=Decimal)
    except OSError as exc:
        raise ConfigError([_("cannot read {path}: {error}", path=path, error=reason(exc))]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError([_("{path}: not valid TOML: {error}", path=path, error=exc)]) from None
    if path.name != "pyproject.toml":
        return settings_from(data, str(path), text)
    tool = data.get("tool", {})
    table = tool.get("salesplan", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError([Place.of(str(path), text).problem(_PYPROJECT_TABLE, _("must be a table"))])
    return settings_from(table, str(path), text, _PYPROJECT_TABLE)


def find_config(start: Path) -> Path | None:
    """The nearest settings file at or above `start` (a pyproject.toml counts only with a [tool.salesplan] table)."""
    here = start.resolve()
    for folder in (here, *here.parents) if here.is_dir() else here.parents:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.salesplan" in text


def load_config(explicit: Path | None, start: Path) -> Settings:
    """`--config FILE` when given, else the nearest settings file, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError([_("config file {path} does not exist", path=explicit)])
        return read_config(explicit)
    found = find_config(start)
    return read_config(found) if found is not None else Settings()
