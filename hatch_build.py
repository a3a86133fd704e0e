"""Build hook: compile the gettext catalogs (src/salesplan/locale/*/LC_MESSAGES/*.po) into the
`.mo` files salesplan reads at run time, so every wheel, and every editable install, carries them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("_salesplan_i18n", root / "src" / "salesplan" / "i18n.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        for mo in module.compile_catalogs(root / "src" / "salesplan" / "locale"):
            build_data["artifacts"].append(str(mo.relative_to(root)))
