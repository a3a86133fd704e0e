"""The roll-up check's setting, declared beside it (`[rollup]` in salesplan.toml)."""

from __future__ import annotations

from typing import Any

from salesplan.i18n import _
from salesplan.options import Option, SettingError


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingError(_("expected true or false"))
    return value


REQUIRE_CHILDREN: Option[bool] = Option(
    "rollup.require-children", False, _flag, "report a part of a rolled-up parent target that no child plan implements"
)
OPTIONS = (REQUIRE_CHILDREN,)
