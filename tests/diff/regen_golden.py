"""Regenerate tests/diff/golden/: every case of CASES in every format (table and md in zh and en, json).

    .venv/bin/python tests/diff/regen_golden.py

Golden files are never edited by hand: test_golden.py renders the same cases and compares; when an
intended change moves the output, run this script and read the diff before committing it."""

from __future__ import annotations

from pathlib import Path

from salesplan.diff.engine import Side, diff_plans, prepare
from salesplan.diff.render import RENDERERS
from salesplan.loader import load_plan
from salesplan.rendering import RenderOptions

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
# (old, new) fixture pairs, by case name
CASES = {
    "changed": ("base.plan.yaml", "changed.plan.yaml"),
    "yuan": ("base.plan.yaml", "yuan.plan.yaml"),
    "same": ("base.plan.yaml", "base.plan.yaml"),
    "targets": ("base.plan.yaml", "targets.plan.yaml"),
    "team": ("team_old.plan.yaml", "team_new.plan.yaml"),
}
SUFFIX = {"table": "txt", "md": "md", "json": "json"}


def side(name: str) -> Side:
    """A fixture plan loaded (named by its file name only, so outputs do not depend on the checkout) and split."""
    prepared = prepare(load_plan(FIXTURES / name, display=name))
    assert prepared.side is not None, [d.format("en") for d in prepared.diagnostics]
    return prepared.side


def outputs() -> dict[str, str]:
    """File name -> content, for every case, format and language (json has none)."""
    found: dict[str, str] = {}
    for case, (old, new) in CASES.items():
        diff = diff_plans(side(old), side(new))
        for fmt in RENDERERS.names:
            for lang in ("zh", "en") if fmt != "json" else ("zh",):
                name = f"{case}.{lang}.{SUFFIX[fmt]}" if fmt != "json" else f"{case}.json"
                found[name] = RENDERERS.text(fmt, diff, RenderOptions(lang=lang, width=120))
    return found


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for stale in GOLDEN.iterdir():
        stale.unlink()
    for name, text in outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(GOLDEN / name)
