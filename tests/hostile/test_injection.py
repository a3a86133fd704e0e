"""Plan text that attacks the outputs comes out inert: xlsx, Markdown, GitHub workflow commands, terminal.

The reference plan gets hostile text in every free-text field (names, paths, measures, risk
descriptions, responses, triggers, deliverables, departments) and hostile ids where ids allow it
(no whitespace or control characters): Excel formulas, Markdown table breakers and raw HTML,
GitHub workflow commands and terminal escape sequences. Each payload carries a tag (INJnn) so
the tests can find where it landed and check that it landed at all.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.diagnostics import Diagnostic, Severity, SourceRef

REFERENCE = REPO_REFERENCE
SALESPLAN = [sys.executable, "-m", "salesplan"]
TIME_LIMIT = 8  # seconds per run: a hang guard far above the ~0.5 s a run takes
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
# C0 controls other than LF, DEL and C1: none may reach a terminal or a CI log
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TEXT_PAYLOADS = [
    '=HYPERLINK("http://evil.example/?a=1&b={tag}","R&D &P")',
    "+1+1 {tag}",
    "-1+2 {tag}",
    "@SUM(A1:A9) {tag}",
    "=cmd|' /C calc'!A0 {tag}",
    "a | b | c {tag}",
    "line one\nline two {tag}",
    "`tick` ``` fence\n```\n{tag}",
    "<script>alert('{tag}')</script>",
    "## heading {tag}\n- item",
    "::error::{tag}",
    "%0A::warning::{tag}",
    "x\r\n::error file=a,line=1::{tag}",
    "100% done {tag}",
    "\x1b[31mred {tag}\x1b[0m",
    "\x1b]8;;http://evil.example\x07{tag}\x1b]8;;\x07",
    "bell\x07 {tag}",
    "\x9b2J csi {tag}",
    "\u202eevil {tag}",
    "tab\tand\x0bvt {tag}",
]
# ids allow no whitespace or control characters, but everything else
ID_PAYLOADS = {
    "east-a": '=HYPERLINK("http://evil.example","INJid1")',
    "device": "+1+INJid2",
    "李雷": "-1+INJid3",
    "S3": "@SUM(A1)INJid4",
    "R2": "::error::INJid5",
    "K4": "%0A::warning::INJid6",
    "K2": "<script>INJid7</script>",
    "T2": "a|b`INJid8`",
}
TEXT_FIELDS: list[tuple[str | int, ...]] = [
    ("plan", "name"),
    ("team", "regions", 0, "name"),
    ("team", "regions", 1, "name"),
    ("team", "products", 0, "name"),
    ("team", "products", 1, "name"),
    ("targets", 0, "name"),
    ("targets", 0, "path"),
    ("targets", 1, "name"),
    ("targets", 2, "path"),
    ("strategies", 0, "name"),
    ("strategies", 0, "measures", 0),
    ("strategies", 1, "measures", 1),
    ("risks", 0, "description"),
    ("risks", 0, "response"),
    ("risks", 0, "trigger"),
    ("risks", 2, "description"),
    ("tasks", 0, "name"),
    ("tasks", 0, "deliverable"),
    ("tasks", 0, "departments", 0),
    ("tasks", 2, "name"),
    ("tasks", 3, "deliverable"),
    ("tasks", 1, "departments", 0),
]


def tag(n: int) -> str:
    return f"INJ{n:02d}"


def _rename(node: Any, names: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {names.get(k, k) if isinstance(k, str) else k: _rename(v, names) for k, v in node.items()}
    if isinstance(node, list):
        return [_rename(v, names) for v in node]
    return names.get(node, node) if isinstance(node, str) else node


def hostile_plan() -> tuple[str, dict[str, str]]:
    """The reference plan with every payload placed; returns the YAML and {tag: payload}."""
    tree = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    placed: dict[str, str] = {}
    for n, path in enumerate(TEXT_FIELDS):
        payload = TEXT_PAYLOADS[n % len(TEXT_PAYLOADS)].format(tag=tag(n))
        node = tree
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = payload
        placed[tag(n)] = payload
    for n, person in enumerate(tree["team"]["people"][:4], start=len(TEXT_FIELDS)):
        person["name"] = TEXT_PAYLOADS[n % len(TEXT_PAYLOADS)].format(tag=tag(n))
        placed[tag(n)] = person["name"]
    tree = _rename(tree, ID_PAYLOADS)
    # findings whose messages quote hostile ids: a task without deliverable, a risk without trigger
    del tree["tasks"][1]["deliverable"]
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10_000), placed


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [*SALESPLAN, *args], capture_output=True, timeout=TIME_LIMIT, env=env, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    text, placed = hostile_plan()
    path = tmp_path_factory.mktemp("injection") / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path, placed


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same plan with every payload replaced by plain text: the shape the outputs must keep."""
    tree = yaml.safe_load(hostile_plan()[0])
    plain = _rename(tree, {payload: f"plain-{n}" for n, payload in enumerate(sorted(set(_strings(tree))))})
    path = tmp_path_factory.mktemp("clean") / "plan.yaml"
    path.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        yield from (k for k in node if isinstance(k, str) and ("INJ" in k))
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str) and "INJ" in node:
        yield node


# --- xlsx --------------------------------------------------------------------------------------


def sheet_cells(data: bytes) -> Iterator[tuple[str, str, str | None, str]]:
    """(sheet, cell ref, type, text) of every cell, with shared strings resolved; formulas as `<f>`."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)]
        for name in sorted(n for n in book.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
            root = ElementTree.fromstring(book.read(name))
            for cell in root.iter(f"{{{NS['m']}}}c"):
                kind = cell.get("t")
                formula = cell.find("m:f", NS)
                if formula is not None:
                    yield name, cell.get("r", "?"), "<f>", formula.text or ""
                if kind == "s":
                    value = cell.find("m:v", NS)
                    yield name, cell.get("r", "?"), kind, shared[int(value.text or "0")] if value is not None else ""
                elif kind == "inlineStr":
                    yield name, cell.get("r", "?"), kind, "".join(t.text or "" for t in cell.iter(f"{{{NS['m']}}}t"))
                else:
                    value = cell.find("m:v", NS)
                    yield name, cell.get("r", "?"), kind, (value.text or "") if value is not None else ""


def assert_inert_workbook(data: bytes) -> set[str]:
    """Formulas are only salesplan's own sums; every cell holding plan text is a string. Returns the tags seen."""
    cells = list(sheet_cells(data))
    for sheet, ref, kind, text in cells:
        if kind == "<f>":  # only the sums salesplan writes: SUM(C3,C22), SUM(C6:C8)
            assert re.fullmatch(r"SUM\([A-Z]+\d+([:,][A-Z]+\d+)*\)", text), (sheet, ref, text)
    hostile = [(sheet, ref, kind, text) for sheet, ref, kind, text in cells if "INJ" in text and kind != "<f>"]
    for sheet, ref, kind, text in hostile:
        assert kind in ("s", "inlineStr"), (sheet, ref, kind, text)
    return {t for *_, text in hostile for t in re.findall(r"INJ(?:id)?\d+", text)}


def test_xlsx_cells_are_strings_and_formulas_are_salesplans_own(
    plan: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, placed = plan
    out = tmp_path / "plan.xlsx"
    proc = run("export", str(path), "--format", "xlsx", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    data = out.read_bytes()
    found = assert_inert_workbook(data)
    title = tag(TEXT_FIELDS.index(("plan", "name")))
    assert set(placed) <= found  # the very hidden sheet holds the plan's own text (for import): strings too
    hidden = f"xl/worksheets/sheet{openpyxl.load_workbook(out, read_only=True).sheetnames.index('salesplan') + 1}.xml"
    shown = {
        t for sheet, _ref, kind, text in sheet_cells(data) if sheet != hidden and kind != "<f>"
        for t in re.findall(r"INJ(?:id)?\d+", text)
    }  # fmt: skip
    assert set(placed) - shown == {title}  # the plan's name is the workbook's title, not a cell
    with zipfile.ZipFile(out) as book:
        for name in (n for n in book.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n) and n != hidden):
            header = ElementTree.fromstring(book.read(name)).find("m:headerFooter/m:oddHeader", NS)
            assert header is not None  # `&` starts a header code (&P page, &B bold...): doubled, it is text
            assert header.text == "&C" + placed[title].replace("&", "&&"), header.text


# --- Markdown ------------------------------------------------------------------------------------


def md_structure(text: str) -> dict[str, Any]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[int]] = []
    headings = bullets = fences = 0
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
        elif token.type == "heading_open":
            headings += 1
        elif token.type == "list_item_open":
            bullets += 1
        elif token.type == "fence":
            fences += 1
    fence_lines = [len(t.content.splitlines()) for t in tokens if t.type == "fence"]
    return {"tables": tables, "headings": headings, "bullets": bullets, "fences": fences, "fence_lines": fence_lines}


def _html(tokens: list[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type in ("html_block", "html_inline"):
            yield token.content
        if token.children:
            yield from _html(token.children)


@pytest.fixture(scope="module")
def markdown(
    plan: tuple[Path, dict[str, str]], clean: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The Markdown export of the hostile plan and of the same plan with plain text."""
    outputs = {}
    folder = tmp_path_factory.mktemp("md")
    for name, source in (("hostile", plan[0]), ("clean", clean)):
        out = folder / f"{name}.md"
        proc = run("export", str(source), "--format", "md", "-o", str(out))
        assert proc.returncode == 0, proc.stderr.decode()
        outputs[name] = out.read_text(encoding="utf-8")
    return outputs


def test_markdown_keeps_its_shape_and_no_html_survives(
    plan: tuple[Path, dict[str, str]], markdown: dict[str, str]
) -> None:
    hostile = markdown["hostile"]
    shape = md_structure(hostile)
    for table in shape["tables"]:
        assert all(cells == table[0] for cells in table), table  # every row has the header's column count
    assert shape == md_structure(markdown["clean"])  # no row, heading, list item or fence added or lost
    assert "<script" not in hostile.lower()
    tokens = MarkdownIt("commonmark").enable("table").parse(hostile)
    assert set(_html(tokens)) <= {"<br>"}, list(_html(tokens))  # salesplan's own line breaks in cells only
    assert "\x1b" not in hostile and "\x07" not in hostile
    missing = [t for t in plan[1] if t not in hostile]
    assert missing == [], missing


def test_markdown_carries_no_c1_control_characters(markdown: dict[str, str]) -> None:
    assert not CONTROL.search(markdown["hostile"]), CONTROL.findall(markdown["hostile"])


# --- lint: GitHub workflow commands and the text report --------------------------------------------


def _hostile_names(tmp_path: Path, plan_path: Path) -> list[Path]:
    """The plan under file names that are themselves hostile."""
    names = ["plan %0A::error::INJf1.yaml", "plan,line=1::INJf2.yaml", "plan\x1b[31mINJf3.yaml", "plan\nINJf4.yaml"]
    paths = []
    for name in names:
        target = tmp_path / name
        target.write_bytes(plan_path.read_bytes())
        paths.append(target)
    return paths


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_github_format_one_inert_command_per_finding(
    plan: tuple[Path, dict[str, str]], tmp_path: Path, lang: str
) -> None:
    path, _ = plan
    targets = [str(p) for p in [path, *_hostile_names(tmp_path, path)]]
    proc = run("lint", *targets, "--format", "github", "--lang", lang)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    count = len(json.loads(run("lint", *targets, "--format", "json").stdout)["diagnostics"])
    out = proc.stdout.decode("utf-8")
    assert count >= 2 * len(targets) and out.endswith("\n")
    lines = out[:-1].split("\n")
    assert len(lines) == count, out
    assert "\r" not in out and not CONTROL.search(out), repr(out)
    for line in lines:
        match = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
        assert match, line  # properties hold no `::`, so the message is the rest of the line
        assert re.fullmatch(r"([^%]|%25|%0A|%0D|%3A|%2C)*", match[2]), line
        assert re.fullmatch(r"([^%]|%25|%0A|%0D)*", match[3]), line
    assert "INJid5" in out and "INJf1" in out and "INJf4" in out  # hostile ids and file names, escaped


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_format_has_no_control_bytes(plan: tuple[Path, dict[str, str]], tmp_path: Path, lang: str) -> None:
    path, _ = plan
    targets = [str(p) for p in [path, *_hostile_names(tmp_path, path)]]
    proc = run("lint", *targets, "--lang", lang)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    out = (proc.stdout + proc.stderr).decode("utf-8")
    assert not CONTROL.search(out), CONTROL.findall(out)
    assert "INJid5" in out and "INJf3" in out and "INJf4" in out


RAW_CONTROL_FILES = {
    "esc-in-value": "salesplan: 1\nplan:\n  name: \x1b[31mred\x1b]8;;http://x\x07\n",
    "bel-in-key": "salesplan: 1\npl\x07an: {}\n",
    "c1-csi": "salesplan: 1\nplan:\n  name: a\u009b2Jb\n",
    "bidi": "salesplan: 1\nplan:\n  name: \u202eevil\n",
    "cr-only-lines": "salesplan: 1\rplan:\r  name: \x1b[2J\r",
}


@pytest.mark.parametrize("name", sorted(RAW_CONTROL_FILES))
def test_raw_control_characters_in_a_file_never_reach_the_output(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(RAW_CONTROL_FILES[name], encoding="utf-8", newline="")
    for fmt in ("text", "github"):
        proc = run("lint", str(path), "--format", fmt, "--lang", "en")
        out = (proc.stdout + proc.stderr).decode("utf-8")
        assert proc.returncode == 1 and "Traceback" not in out, out
        assert not CONTROL.search(out), CONTROL.findall(out)
    split = run("split", str(path))
    err = split.stderr.decode("utf-8")
    assert split.returncode == 2 and re.search(rf"{re.escape(str(path))}:\d+:\d+: SP\d+ ", err), err
    assert not CONTROL.search(err.replace("\n", "")), CONTROL.findall(err)


# --- split table -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_split_table_has_no_control_bytes(plan: tuple[Path, dict[str, str]], lang: str) -> None:
    path, _ = plan
    proc = run("split", str(path), "--lang", lang)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.decode()
    assert not CONTROL.search(out + proc.stderr.decode("utf-8")), CONTROL.findall(out)
    assert "INJ" in out  # the hostile names are in the table, made inert


# --- the shared diagnostic form ------------------------------------------------------------------------


def test_diagnostic_format_is_one_inert_line() -> None:
    diag = Diagnostic(
        code="SP032",
        severity=Severity.ERROR,
        message="id 'R\x073' has \x1b[31mcolour\x1b[0m,\r\nbidi \u202e and a line\u2028separator",
        source=SourceRef("dir\x1b]8;;x\x07/plan.yaml", 4, 9),
    )
    line = diag.format()
    assert "\n" not in line and "\r" not in line and not CONTROL.search(line)
    assert "\u202e" not in line and "\u2028" not in line
    assert line == (
        "dir\\x1b]8;;x\\x07/plan.yaml:4:9: SP032 id 'R\\x073' has \\x1b[31mcolour\\x1b[0m,\\x0d\\x0abidi \\u202e"
        " and a line\\u2028separator"
    )
    assert diag.text() == diag.message  # the data keeps the text; renderers choose how to escape it


# --- split CSV and review ------------------------------------------------------------------------------


def test_split_csv_cells_cannot_start_a_formula(plan: tuple[Path, dict[str, str]]) -> None:
    proc = run("split", str(plan[0]), "--format", "csv")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = list(csv.reader(io.StringIO(proc.stdout.decode("utf-8"))))
    assert any("INJid1" in cell for row in rows for cell in row)
    risky = [cell for row in rows for cell in row if cell.startswith(FORMULA_START) and not _is_number(cell)]
    assert risky == [], risky


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _has_review() -> bool:
    from salesplan.cli.app import app

    return any(c.name == "review" for c in app.registered_commands)


@pytest.mark.skipif(not _has_review(), reason="salesplan review is not part of this build")
def test_review_outputs_are_inert(plan: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    rows = [["target", "region", "product", "month", "value"]]
    rows += [["T1", ID_PAYLOADS["east-a"], ID_PAYLOADS["device"], "2026-07", "10"]]
    with actuals.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    common = ["review", str(plan[0]), "--actuals", str(actuals), "--as-of", "2026-08-15"]
    proc = run(*common, "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    assert proc.returncode == 0, proc.stderr.decode()
    region_name = tag(TEXT_FIELDS.index(("team", "regions", 0, "name")))  # the workbook shows names, not ids
    assert region_name in assert_inert_workbook((tmp_path / "r.xlsx").read_bytes())
    proc = run(*common, "--format", "md", "-o", str(tmp_path / "r.md"))
    assert proc.returncode == 0, proc.stderr.decode()
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    for table in md_structure(text)["tables"]:
        assert table and all(cells == table[0] for cells in table), table
    assert "<script" not in text.lower() and "\x1b" not in text and "INJ" in text
    for lang in ("en", "zh"):
        table = run(*common, "--lang", lang)
        out = (table.stdout + table.stderr).decode("utf-8")
        assert table.returncode == 0 and not CONTROL.search(out), CONTROL.findall(out)


# --- rich markup in plan text --------------------------------------------------------------------------

MARKUP = "[/x][bold]B[/bold][link=http://evil.example]L[/link]"


def test_rich_markup_in_plan_text_is_shown_as_written(tmp_path: Path) -> None:
    """Square brackets are ordinary text in a plan: the terminal tables show them literally and an
    unbalanced `[/x]` never breaks a command."""
    tree = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    tree["team"]["regions"][0]["name"] = f"A区{MARKUP}"
    tree["team"]["people"][0]["name"] = f"李雷{MARKUP}"
    tree["targets"][0]["name"] = f"销售额{MARKUP}"
    tree["risks"][0]["description"] = f"价格战{MARKUP}"
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("target,region,date,value\nT1,east-a,2026-07-10,80\nT1,east-a,2026-08-10,10\n", encoding="utf-8")
    commands = [
        ("split", str(path)),
        ("risks", str(path)),
        ("lint", "--smart", str(path)),
        ("review", str(path), "--actuals", str(actuals), "--as-of", "2026-09-05"),
    ]
    for args in commands:
        proc = run(*args)
        out = proc.stdout.decode("utf-8")
        stderr = proc.stderr.decode("utf-8")
        assert proc.returncode in (0, 1) and "internal error" not in stderr and "内部错误" not in stderr, (args, stderr)
        assert "[/x][bold]B[/bold]" in out, (args, out)  # literal (a wide cell may be cut short after it)
