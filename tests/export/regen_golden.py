"""Regenerate the golden exports in tests/export/golden/ — never edit those files by hand.

    .venv/bin/python tests/export/regen_golden.py

test_golden.py renders the same cases and compares them with these files; when an intended
change moves the output, run this script and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.export.blank import blank_document
from salesplan.export.markdown import render_markdown
from salesplan.export.model import Document
from salesplan.export.tables import TABLES, build_document
from salesplan.export.xlsx import render_xlsx
from salesplan.loader import load_plan
from salesplan.split.engine import split_plan

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
PLANS = {
    "reference": REPO_REFERENCE,
    "hostile": HERE / "fixtures" / "hostile.yaml",
    "customers": HERE / "fixtures" / "customers.yaml",  # split by channel, tier and account
}
# (plan or "blank", language, formats)
CASES = [
    ("reference", "zh", ("md", "xlsx")),
    ("reference", "en", ("md", "xlsx")),
    ("hostile", "zh", ("md", "xlsx")),
    ("customers", "zh", ("md", "xlsx")),
    ("customers", "en", ("md",)),
    ("blank", "zh", ("md", "xlsx")),
    ("blank", "en", ("md",)),
]


def document(name: str, lang: str) -> Document:
    if name == "blank":
        return blank_document(lang)
    loaded = load_plan(PLANS[name])
    assert loaded.plan is not None and loaded.ok, [d.format() for d in loaded.diagnostics]
    return build_document(loaded.plan, TABLES, lang, split_plan(loaded).splits)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return value


def dump_workbook(data: bytes) -> dict[str, list[list[Any]]]:
    """Each sheet's rows of cell values (formulas as their text), trailing empty cells dropped."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out: dict[str, list[list[Any]]] = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            values = [_json_value(v) for v in row]
            while values and values[-1] is None:
                values.pop()
            rows.append(values)
        out[ws.title] = rows
    return out


def outputs() -> dict[str, str]:
    """File name -> the text it should hold."""
    files: dict[str, str] = {}
    for name, lang, formats in CASES:
        doc = document(name, lang)
        if "md" in formats:
            files[f"{name}.{lang}.md"] = render_markdown(doc)
        if "xlsx" in formats:
            dump = dump_workbook(render_xlsx(doc))
            files[f"{name}.{lang}.sheets.json"] = json.dumps(dump, ensure_ascii=False, indent=1) + "\n"
    return files


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for old in GOLDEN.iterdir():
        old.unlink()
    for file_name, text in outputs().items():
        (GOLDEN / file_name).write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN.relative_to(HERE.parents[1])}/{file_name}")


if __name__ == "__main__":
    main()
