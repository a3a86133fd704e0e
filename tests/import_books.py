"""Workbooks for the import tests: a plan exported, then edited as a user would (openpyxl), or made hostile."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from typer.testing import CliRunner

from salesplan.diagnostics import Diagnostic
from salesplan.export.run import export_blank, export_plan
from salesplan.export.tables import TABLES
from salesplan.loader import load_plan

BREAKDOWN, EXECUTION, RISKS = "销售目标设定与拆解表", "销售策略执行计划表", "风险评估与应对表"


def exported(plan: Path, lang: str = "zh") -> bytes:
    """The plan's workbook as `salesplan export` writes it."""
    result = export_plan(load_plan(plan), "xlsx", TABLES, lang)
    assert isinstance(result.payload, bytes), [d.format("en") for d in result.diagnostics]
    return result.payload


def blank(lang: str = "zh") -> bytes:
    payload = export_blank("xlsx", TABLES, lang)
    assert isinstance(payload, bytes)
    return payload


def edited(
    data: bytes, edits: list[list[Any]], delete: tuple[str, ...] = (), rename: dict[str, str] | None = None
) -> bytes:
    """`data` opened and saved by openpyxl with `edits` ([sheet, cell, value]) made, sheets deleted or renamed."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet, cell, value in edits:
        book[sheet][cell] = value
    for title in delete:
        del book[title]
    for old, new in (rename or {}).items():
        book[old].title = new
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zipped(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def case_workbook(spec: dict[str, Any], plan: Path, folder: Path) -> Path:
    """The workbook a rule fixture's `import:` case describes: the plan exported (or `blank: true`), then
    `edits`, `delete`, `rename`; or `zip:` members, `zip_parts:` a count of empty parts, `bytes_hex:` raw
    bytes; saved as `name` (default plan.xlsx)."""
    if "zip" in spec:
        data = zipped(spec["zip"])
    elif "zip_parts" in spec:
        data = zipped({f"part{i}.txt": "" for i in range(spec["zip_parts"])})
    elif "bytes_hex" in spec:
        data = bytes.fromhex(spec["bytes_hex"])
    else:
        data = blank() if spec.get("blank") else exported(plan)
        if spec.get("edits") or spec.get("delete") or spec.get("rename"):
            data = edited(data, spec.get("edits", []), tuple(spec.get("delete", ())), spec.get("rename"))
    path = folder / spec.get("name", "plan.xlsx")
    path.write_bytes(data)
    return path


def run_import(spec: dict[str, Any], plan: Path) -> list[Diagnostic]:
    from salesplan.importer.run import import_workbook

    path = case_workbook(spec, plan, plan.parent)
    return import_workbook(path, path.name).diagnostics


def git_diff(folder: Path, name: str = "plan.yaml") -> list[str]:
    """The changed lines of the plan file, as `git diff` shows them (- old, + new)."""
    out = subprocess.run(
        ["git", "diff", "--no-index", "--unified=0", "--no-color", "--", f"orig/{name}", name],
        cwd=folder,
        capture_output=True,
        text=True,
    ).stdout
    return [line for line in out.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def into(folder: Path, edits: list[list[Any]], *options: str, data: bytes | None = None) -> tuple[Any, list[str]]:
    """The reference plan in `folder`, its workbook edited, then `salesplan import --into`; (result, diff)."""
    from repo_files import REFERENCE
    from salesplan.cli.app import app

    (folder / "orig").mkdir(parents=True, exist_ok=True)
    shutil.copy(REFERENCE, folder / "orig" / "plan.yaml")
    shutil.copy(REFERENCE, folder / "plan.yaml")
    book = folder / "plan.xlsx"
    book.write_bytes(edited(data or exported(REFERENCE), edits))
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(folder / "plan.yaml"), *options])
    return result, git_diff(folder)
