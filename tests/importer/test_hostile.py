"""Hostile workbooks: wrong types everywhere, huge sheets, XML entity expansion, zip bombs, formulas in id
cells, old formats. Each gets located diagnostics, exit 2, no traceback, and nothing written."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from import_books import blank, edited, exported, zipped
from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.importer import book as book_module

BREAKDOWN, EXECUTION, RISKS = "销售目标设定与拆解表", "销售策略执行计划表", "风险评估与应对表"
LOCATED = re.compile(r"^plan\.(xlsx|xls|et):(\S+!\w+\d+|\d+:\d+): SP6\d\d ", re.M)


def _replace_part(data: bytes, name: str, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: source.read(info) for info in source.infolist()}
    members[name] = change(members[name])
    return zipped(members)


def _billion_laughs(data: bytes) -> bytes:
    entities = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" if i > 1 else "&lol;"}' * 10 + '">' for i in range(1, 10)
    )
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return _replace_part(
        data, "xl/worksheets/sheet1.xml", lambda xml: head + entities.encode() + b"]>" + xml[len(head) :]
    )


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    return out.getvalue()


def _wrong_types() -> bytes:
    """Every input cell of every sheet holds the wrong kind of value."""
    edits: list[list[Any]] = [
        [BREAKDOWN, "C6", True],
        [BREAKDOWN, "C7", dt.date(2026, 7, 1)],
        [BREAKDOWN, "G2", 12.5],
        [BREAKDOWN, "F2", 42],
        [BREAKDOWN, "C48", "很多"],
        [EXECUTION, "D3", "next monday"],
        [EXECUTION, "G4", "¥¥"],
        [EXECUTION, "I3", 3],
        [EXECUTION, "J4", "不存在的任务"],
        [RISKS, "C2", "偶尔"],
        [RISKS, "D3", 9],
    ]
    return edited(exported(REFERENCE), edits)


def _formula_ids() -> bytes:
    return edited(exported(REFERENCE), [[BREAKDOWN, "B3", "=B22"], [EXECUTION, "B3", '=HYPERLINK("x")']])


def _rows_added() -> bytes:
    return edited(exported(REFERENCE), [[RISKS, f"B{n}", "x"] for n in range(5, 400)])


CORPUS = {
    "wrong types everywhere": (_wrong_types, ["SP605", "SP606"]),
    "formulas in id cells": (_formula_ids, ["SP607", "SP608"]),
    "entity expansion": (lambda: _billion_laughs(exported(REFERENCE)), ["SP600"]),
    "zip bomb": (_bomb, ["SP602"]),
    "not a zip": (lambda: b"PK\x03\x04 truncated", ["SP601"]),
    "ole2 as xlsx": (lambda: bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504, ["SP601"]),
    "a sheet renamed": (lambda: edited(exported(REFERENCE), [], rename={RISKS: "Risks"}), ["SP603"]),
    "rows added below the tables": (_rows_added, ["SP607"]),
    "the embedded plan damaged": (lambda: edited(exported(REFERENCE), [["salesplan", "B3", "{{{"]]), ["SP604"]),
    "a blank template with bad rows": (
        lambda: edited(blank(), [[BREAKDOWN, "A3", "区域"], [EXECUTION, "B3", "任务"], [EXECUTION, "D3", "?"]]),
        ["SP605", "SP607"],
    ),
}


@pytest.mark.parametrize("name", list(CORPUS))
@pytest.mark.parametrize("mode", ["-o", "--into"])
def test_hostile_workbooks_are_refused_with_located_findings(tmp_path: Path, name: str, mode: str) -> None:
    make, expected = CORPUS[name]
    book = tmp_path / "plan.xlsx"
    book.write_bytes(make())
    plan = tmp_path / "plan.yaml"
    shutil.copy(REFERENCE, plan)
    target = tmp_path / "new.yaml" if mode == "-o" else plan
    result = CliRunner().invoke(app, ["import", str(book), mode, str(target)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    found = {m.group(0).split(": ")[1].split()[0] for m in LOCATED.finditer(result.output.replace(f"{tmp_path}/", ""))}
    assert set(expected) <= found or (name == "a blank template with bad rows" and mode == "--into"), result.output
    if mode == "-o":
        assert not target.exists()
    assert plan.read_bytes() == REFERENCE.read_bytes()  # nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx", "plan.yaml"]


def test_old_formats_are_refused_by_name(tmp_path: Path) -> None:
    for suffix in (".xls", ".et"):
        book = tmp_path / f"plan{suffix}"
        book.write_bytes(exported(REFERENCE))
        result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "new.yaml"), "--lang", "en"])
        assert result.exit_code == 2 and "SP601" in result.output and "save as .xlsx" in result.output


def test_a_workbook_over_the_cell_bound_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(book_module, "MAX_CELLS", 500)
    book = tmp_path / "plan.xlsx"
    book.write_bytes(exported(REFERENCE))
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "new.yaml")])
    assert result.exit_code == 2 and "SP602" in result.output
    assert not (tmp_path / "new.yaml").exists()


def test_every_wrong_cell_is_reported_at_once(tmp_path: Path) -> None:
    book = tmp_path / "plan.xlsx"
    book.write_bytes(_wrong_types())
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(tmp_path / "new.yaml"), "--lang", "en"])
    cells = sorted(m.group(2) for m in LOCATED.finditer(result.output.replace(f"{tmp_path}/", "")))
    assert cells == sorted(
        [f"{BREAKDOWN}!{c}" for c in ("C6", "C7", "G2", "F2", "C48")]
        + [f"{EXECUTION}!{c}" for c in ("D3", "G4", "I3", "J4")]
        + [f"{RISKS}!{c}" for c in ("C2", "D3")]
    ), result.output


def test_a_sheet_declaring_the_whole_grid_is_read_only_where_it_holds_cells(tmp_path: Path) -> None:
    """A dimension of A1:XFD1048576 and a cell in the last one: openpyxl is not asked for a million empty rows'
    cells, the bound counts what the sheet holds, and the stray cell outside every table changes nothing."""
    source = zipfile.ZipFile(io.BytesIO(exported(REFERENCE)))
    members = {info.filename: source.read(info) for info in source.infolist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', xml)
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    members["xl/worksheets/sheet1.xml"] = xml.replace("</sheetData>", far + "</sheetData>").encode()
    book = tmp_path / "plan.xlsx"
    book.write_bytes(zipped(members))
    out = tmp_path / "new.yaml"
    result = CliRunner().invoke(app, ["import", str(book), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == REFERENCE.read_text(encoding="utf-8")
