"""Regenerate the example plans in this folder from salesplan's `init` templates.

    .venv/bin/python examples/regenerate.py          # rewrite every example that differs
    .venv/bin/python examples/regenerate.py --check  # list the ones that differ, exit 1 if any

Each `<scenario>.<lang>.yaml` is exactly what

    salesplan init examples/<scenario>.<lang>.yaml --scenario <scenario> --lang <lang> --period <PERIODS>

writes (default name, owner and unit), so the examples never drift from the templates: change
a template under templates/init/, then run this script. Never edit an example by hand.
It also writes `.salesplan/plan-1.schema.json`, the schema the examples' first line points
editors to. tests/examples/ fails when anything here differs from what this script makes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from salesplan.model.schema import schema_text
from salesplan.scaffold import SCENARIO_IDS, Options, plan_text
from salesplan.scaffold.files import schema_path

HERE = Path(__file__).resolve().parent
LANGS = ("zh", "en")
DEFAULT_PERIOD = "2026-Q3"
PERIODS = {"sprint": "2026-Q4"}  # a year-end sprint, with the National Day holiday in its weeks


def example_options(scenario: str, lang: str) -> Options:
    return Options(scenario=scenario, lang=lang, period=PERIODS.get(scenario, DEFAULT_PERIOD))


def expected(folder: Path = HERE) -> dict[Path, str]:
    """Every file this script owns, with the content it must have."""
    files = {schema_path(folder / "plan.yaml"): schema_text()}
    for scenario in SCENARIO_IDS:
        for lang in LANGS:
            path = folder / f"{scenario}.{lang}.yaml"
            files[path] = plan_text(example_options(scenario, lang), display=str(path))
    return files


def stale(folder: Path = HERE) -> list[Path]:
    """The files that are missing or differ from what they should be."""
    out = []
    for path, text in expected(folder).items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            out.append(path)
    return out


def main(argv: list[str]) -> int:
    files = expected()
    changed = stale()
    for path in changed:
        print(f"{'differs' if '--check' in argv else 'wrote'}: {path.relative_to(HERE.parent)}")
        if "--check" not in argv:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8")
    return 1 if changed and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
