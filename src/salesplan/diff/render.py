"""The renderers of a plan diff by name: `RENDERERS[fmt](diff, lang, width) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from salesplan.diff.render_json import render_json
from salesplan.diff.render_md import render_md
from salesplan.diff.render_table import render_table
from salesplan.diff.result import PlanDiff

Renderer = Callable[[PlanDiff, str, int], str]
RENDERERS: dict[str, Renderer] = {"table": render_table, "md": render_md, "json": render_json}
