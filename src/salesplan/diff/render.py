"""The renderers of a plan diff by name (`salesplan.rendering`'s interface): table, md, json."""

from __future__ import annotations

from salesplan.diff.render_json import render_json
from salesplan.diff.render_md import render_md
from salesplan.diff.render_table import render_table
from salesplan.diff.result import PlanDiff
from salesplan.rendering import Renderers

RENDERERS: Renderers[PlanDiff] = Renderers({"table": render_table, "md": render_md, "json": render_json})
