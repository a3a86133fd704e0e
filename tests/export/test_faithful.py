"""The workbook is never corrupted and reads back as the plan says (SP080–SP082).

Characters XML forbids show as U+FFFD, `_xHHHH_` text reads back as written, a cell over Excel's
limit is cut with a mark, a number Excel would round is kept as exact text.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.escape import unescape
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan import codes
from salesplan.cli.app import app
from salesplan.export.findings import PART_OF_SUM, SUM_AS_VALUE, Finding, clean_document
from salesplan.export.forbidden import REPLACEMENT, xml_safe
from salesplan.export.markdown import render_markdown
from salesplan.export.model import Column, Document, LegendItem, NumberFormat, Quantity, Row, Table
from salesplan.export.run import render
from salesplan.export.xlsx import render_xlsx
from salesplan.export.xlsx_text import CUT_MARK, MAX_CELL_TEXT, cell_text, header_text, sheet_title

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FORBIDDEN_FIXTURE = FIXTURES / "sp080-forbidden-characters.yaml"
LONG_FIXTURE = FIXTURES / "sp081-long-text.yaml"
NUMBER_FIXTURE = FIXTURES / "sp082-long-number.yaml"
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
FORBIDDEN = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + ["\ufffe", "\uffff", *SURROGATES]


def cli(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def one_table_doc(cells: list[str], title: str = "t", lang: str = "zh") -> Document:
    rows = [Row((text,)) for text in cells]
    return Document(title, lang, [Table("risks", "表", (Column("a", "A"),), rows)], subtitle=title)


def reopen(data: bytes, read_only: bool = False) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data), read_only=read_only)


def column_a(book: openpyxl.Workbook) -> list[object]:
    return [row[0] if row else None for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]


# --- 1. characters XML 1.0 forbids -------------------------------------------------------------------


def test_every_forbidden_character_is_replaced_in_cells_properties_titles_and_header() -> None:
    texts = [f"a{ch}b" for ch in FORBIDDEN]
    doc = one_table_doc(texts, title="计划" + "".join(FORBIDDEN))
    doc.tables[0].title = "表" + "".join(FORBIDDEN)
    doc.tables[0].notes = tuple(texts)
    doc.tables[0].legend = (LegendItem("low", "图例\x0c"),)
    findings: list[Finding] = []
    data = render(doc, "xlsx", findings=findings)
    assert isinstance(data, bytes)
    for read_only in (False, True):
        book = reopen(data, read_only)
        assert column_a(book)[: len(texts)] == [f"a{REPLACEMENT}b"] * len(texts)
        assert book.properties.title == "计划" + REPLACEMENT * len(FORBIDDEN)
        assert book.properties.subject == book.properties.title
    book = reopen(data)
    sheet = book.worksheets[0]
    assert sheet.title == ("表" + REPLACEMENT * len(FORBIDDEN))[:31]
    assert sheet.oddHeader.center.text == "计划" + REPLACEMENT * len(FORBIDDEN)
    assert f"图例{REPLACEMENT}" in [row[0] for row in sheet.iter_rows(values_only=True)]
    assert {f.code for f in findings} == {codes.FORBIDDEN_CHARACTER}
    assert {f.value for f in findings} >= set(texts)  # each distinct text once, with its characters
    assert next(f for f in findings if f.value == "a\x0cb").detail == "U+000C"


def test_a_lone_surrogate_or_noncharacter_never_breaks_markdown() -> None:
    doc = one_table_doc(["x\ud800y", "\ufffe\x0b"], title="t\udfff")
    text = render(doc, "md")
    assert isinstance(text, str)
    text.encode("utf-8")  # no lone surrogate left to fail the write
    assert f"x{REPLACEMENT}y" in text and f"{REPLACEMENT}{REPLACEMENT}" in text and f"t{REPLACEMENT}" in text


any_text = st.text(
    st.one_of(st.characters(blacklist_categories=()), st.sampled_from(FORBIDDEN), st.sampled_from("_x0041_&'[]")),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=any_text, sheet=any_text, cells=st.lists(any_text, min_size=1, max_size=4), unit=any_text)
def test_any_text_gives_a_workbook_that_reopens_with_the_text_kept(
    title: str, sheet: str, cells: list[str], unit: str
) -> None:
    doc = one_table_doc(cells, title=title)
    doc.tables[0].title = sheet
    doc.tables[0].rows.append(Row((Quantity(Decimal("1.5"), NumberFormat(unit, 1)),)))
    data = render(doc, "xlsx")
    assert isinstance(data, bytes)
    for read_only in (False, True):
        book = reopen(data, read_only)
        read = column_a(book)
        # allowed characters read back exactly (an XML parser reads a CR as a line feed), forbidden ones as U+FFFD
        assert read[:-1] == [_as_xml_reads(xml_safe(text)) for text in cells]
        # a percent is stored as Excel stores one (1.5% is 0.015 under a % format); any other unit as written
        assert read[-1] == (0.015 if NumberFormat(unit, 1).is_percent else 1.5)
        assert book.properties.title == _as_xml_reads(xml_safe(title))
        assert book.worksheets[0].title == sheet_title(sheet, set())


def _as_xml_reads(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=200, deadline=None)
@given(title=any_text)
def test_the_page_header_shows_the_title_as_written(title: str) -> None:
    data = render_xlsx(one_table_doc(["x"], title=title))
    reopen(data)
    sheet = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml"))
    node = sheet.find(f"{{{MAIN}}}headerFooter/{{{MAIN}}}oddHeader")
    one_line = " ".join(xml_safe(title).split())
    if not one_line:
        assert node is None or not node.text  # no header shown (openpyxl may write an empty element)
        return
    assert node is not None and node.text is not None and node.text.startswith("&C")
    # what Excel shows: OOXML escapes decoded, then "&&" is a literal & (openpyxl's own parser reads "&0" as a size)
    assert unescape(node.text[2:]).replace("&&", "&") == one_line


@given(names=st.lists(any_text, min_size=1, max_size=6))
def test_sheet_titles_follow_excels_rules(names: list[str]) -> None:
    taken: set[str] = set()
    titles = [sheet_title(name, taken) for name in names]
    assert len({t.casefold() for t in titles}) == len(titles)
    for title in titles:
        assert 1 <= len(title) <= 31 and not set(title) & set("[]:*?/\\")
        assert not title.startswith("'") and not title.endswith("'") and title.casefold() != "history"
        assert xml_safe(title) == title


# --- 2. text that looks like Excel's _xHHHH_ escape ---------------------------------------------------

ESCAPE_LIKE = ["编号_x0041_", "_x005F_", "_x0041_x0042_", "a_x000a_b", "_X0041_", "_x004_", "__x1234__"]


def test_escape_like_text_reads_back_as_written_in_openpyxl() -> None:
    data = render_xlsx(one_table_doc(ESCAPE_LIKE, title="计划_x0041_&"))
    for read_only in (False, True):
        assert column_a(reopen(data, read_only)) == ESCAPE_LIKE
    book = reopen(data)
    assert book.worksheets[0].oddHeader.center.text == "计划_x0041_&&"  # & doubled: a literal & in a header
    assert book.properties.title == "计划_x0041_&"


def test_escape_like_text_is_split_into_runs_no_run_holds_an_escape() -> None:
    value = cell_text("编号_x0041_x0042_", "zh").value
    assert not isinstance(value, str)
    assert "".join(str(part) for part in value) == "编号_x0041_x0042_"
    assert [str(part) for part in value] == ["编号_x", "0041_x", "0042_"]
    assert cell_text("no escape _x00 here", "zh").value == "no escape _x00 here"
    assert header_text("_x0041_x0042_") == "_x005F_x0041_x005F_x0042_"
    assert len(header_text("&" * 300)) <= 253 and header_text("&" * 300).endswith("…")  # Excel's 255 with "&C"


# --- 3. a cell over Excel's 32,767 characters ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_text_is_cut_with_a_visible_mark(lang: str) -> None:
    long_text, astral = "长" * 40_000, "😀" * 20_000  # an emoji counts two in Excel (UTF-16)
    findings: list[Finding] = []
    data = render_xlsx(one_table_doc([long_text, astral, "短"], lang=lang), findings)
    cut, cut_astral, short = column_a(reopen(data))
    assert isinstance(cut, str) and isinstance(cut_astral, str)
    assert len(cut) == MAX_CELL_TEXT and cut.endswith(CUT_MARK.render(lang)) and cut.startswith("长" * 1000)
    assert len(cut_astral.encode("utf-16-le")) // 2 <= MAX_CELL_TEXT and cut_astral.endswith(CUT_MARK.render(lang))
    assert short == "短"
    assert [(f.code, f.detail) for f in findings] == [(codes.CELL_TEXT_CUT, "40000"), (codes.CELL_TEXT_CUT, "20000")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_plan_text_gets_a_located_warning(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "long.xlsx"
    code, _, err = cli("export", LONG_FIXTURE, "-o", out, "--lang", lang)
    assert code == 0, err
    assert f"{LONG_FIXTURE}:15:11: SP081 " in err
    assert ("33003" in err) and (CUT_MARK.render(lang) in err)
    path_cell = reopen(out.read_bytes()).worksheets[0]["E2"].value
    assert isinstance(path_cell, str) and len(path_cell) == MAX_CELL_TEXT and path_cell.endswith(CUT_MARK.render(lang))


# --- 4. numbers of more than 15 significant digits ----------------------------------------------------


def test_numbers_are_written_with_their_exact_digits_never_through_float() -> None:
    fmt = NumberFormat("万元", 3)
    doc = Document(
        "t", "zh", [Table("risks", "表", (Column("a", "A"),), [Row((Quantity(Decimal("768205813917.372"), fmt),))])]
    )
    xml = zipfile.ZipFile(io.BytesIO(render_xlsx(doc))).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>768205813917.372</v>" in xml  # float would give 768205813917.3719
    percent = Document(
        "t",
        "zh",
        [Table("risks", "表", (Column("a", "A"),), [Row((Quantity(Decimal("18.5"), NumberFormat("%", 1)),))])],
    )
    assert "<v>0.185</v>" in zipfile.ZipFile(io.BytesIO(render_xlsx(percent))).read("xl/worksheets/sheet1.xml").decode()


def _summed_doc(parts: list[str]) -> Document:
    fmt = NumberFormat("元")
    total = sum((Decimal(p) for p in parts), Decimal(0))
    rows = [Row(("合计", Quantity(total, fmt)), kind="total", sums=tuple(range(1, len(parts) + 1)))]
    rows += [Row(("部分", Quantity(Decimal(p), fmt)), level=1) for p in parts]
    return Document("t", "zh", [Table("breakdown", "表", (Column("a", "A"), Column("b", "B")), rows, sum_column=1)])


def test_a_total_stays_a_live_sum_while_every_part_is_a_number() -> None:
    book = reopen(render_xlsx(_summed_doc(["123456789012345", "5"])))
    assert book.worksheets[0]["B2"].value == "=SUM(B3:B4)"


def test_a_long_number_is_exact_text_and_the_total_over_it_a_value() -> None:
    findings: list[Finding] = []
    book = reopen(render_xlsx(_summed_doc(["1234567890123456", "0.5"]), findings))
    sheet = book.worksheets[0]
    assert sheet["B3"].value == "1234567890123456" and sheet["B3"].data_type == "s"
    assert sheet["B2"].value == "1234567890123456.5"  # the exact total (17 digits: text too), not =SUM
    assert sheet["B4"].value == 0.5
    assert [(f.code, f.value, f.where, f.detail) for f in findings] == [
        (codes.NUMBER_AS_TEXT, Decimal("1234567890123456.5"), "表!B2", SUM_AS_VALUE),
        (codes.NUMBER_AS_TEXT, Decimal("1234567890123456"), "表!B3", PART_OF_SUM),
    ]
    short_total = reopen(render_xlsx(_summed_doc(["0.1234567890123456", "-0.1234567890123456"])))
    assert short_total.worksheets[0]["B2"].value == 0  # a number, but not a SUM that would skip the text parts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_numbers_of_a_plan_are_located_warnings(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "n.xlsx"
    code, _, err = cli("export", NUMBER_FIXTURE, "-o", out, "--lang", lang)
    assert code == 0, err
    lines = [line for line in err.splitlines() if " SP082 " in line]
    assert len(lines) == 2 and lines[0].startswith(f"{NUMBER_FIXTURE}:17:12: SP082 12345678901234567 ")
    assert lines[1].startswith(f"{NUMBER_FIXTURE}:20:")
    assert ("有效数字超过 15 位" if lang == "zh" else "more than 15 significant digits") in lines[0]
    sheet = reopen(out.read_bytes()).worksheets[0]
    assert sheet["C2"].value == "12345678901234567" and sheet["C2"].data_type == "s"
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>768205813917.372</v>" in xml  # 15 digits: a number, its digits exactly as planned


# --- the command: located warnings, in Chinese by default ------------------------------------------------


def test_export_warns_at_each_plan_value_and_writes_a_workbook_that_opens(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    code, _, err = cli("export", FORBIDDEN_FIXTURE, "-o", out)
    assert code == 0, err
    found = {line.split(": SP080 ")[0] for line in err.splitlines() if ": SP080 " in line}
    where = {f"{FORBIDDEN_FIXTURE}:{line}" for line in ("4:9", "10:25", "11:25", "13:24", "16:11", "23:11")}
    assert where | {f"{FORBIDDEN_FIXTURE}:{line}" for line in ("29:11", "35:18", "47:18")} == found
    assert "U+000C 不能写入文件，已在 文档标题 显示为 U+FFFD" in err
    book = reopen(out.read_bytes())
    assert book.properties.title == f"第三季度{REPLACEMENT}计划"
    texts = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    assert "编号_x0041_ 与 _x005F_ 原样" in texts
    _, _, err_en = cli("export", FORBIDDEN_FIXTURE, "-o", tmp_path / "en.xlsx", "--lang", "en")
    assert "U+000C cannot be written to a file; shown as U+FFFD (�) in the document title" in err_en


def test_markdown_export_shows_the_same_replacement_and_warnings(tmp_path: Path) -> None:
    code, out, err = cli("export", FORBIDDEN_FIXTURE, "-o", "-", "-f", "md", "--lang", "en")
    assert code == 0, err
    assert f"第三季度{REPLACEMENT}计划" in out and not any(ch in out for ch in FORBIDDEN)
    assert err.count(" SP080 ") == 9


def test_clean_document_touches_only_what_it_must() -> None:
    doc = one_table_doc(["ok", "bad\x0c"])
    clean, findings = clean_document(doc)
    assert clean.tables[0].rows[0] is doc.tables[0].rows[0]  # rows without forbidden text are kept as they are
    assert clean.tables[0].rows[1].cells == (f"bad{REPLACEMENT}",)
    assert [(f.value, f.where) for f in findings] == [("bad\x0c", "表!A3")]
    assert render_markdown(clean)  # renders


def test_the_review_workbook_gets_the_same_care(tmp_path: Path) -> None:
    review_dir = Path(__file__).resolve().parents[1] / "review"
    reference = (REPO_REFERENCE).read_text(encoding="utf-8")
    plan = reference.replace("name: 华东大区 2026 年第三季度销售计划", 'name: "华东大区\\f计划"', 1)
    plan = plan.replace("name: 第三季度销售额", 'name: "销售额_x0041_\\x01"', 1)
    assert plan.count("\\f") == 1 and plan.count("\\x01") == 1
    path, out = tmp_path / "plan.yaml", tmp_path / "review.xlsx"
    path.write_text(plan, encoding="utf-8")
    actuals = review_dir / "fixtures" / "actuals.csv"
    code, _, err = cli("review", path, "--actuals", actuals, "--as-of", "2026-08-15", "-f", "xlsx", "-o", out)
    assert code == 0, err
    name_line = next(n for n, text in enumerate(plan.splitlines(), 1) if "销售额_x0041_" in text)
    assert f"{path}:{name_line}:" in err and "SP080 U+0001" in err and "SP080 U+000C" in err
    book = reopen(out.read_bytes())
    texts = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    assert f"T1 销售额_x0041_{REPLACEMENT}" in texts  # the escape-like text read back as written
    assert book.properties.title is not None and REPLACEMENT in book.properties.title
