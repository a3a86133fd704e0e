"""`salesplan review --blank PLAN`: the actuals template filled with the first target's parts, read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from repo_files import REFERENCE
from salesplan.cli.app import app
from salesplan.model.plan import Plan
from salesplan.review.blank import blank_csv
from salesplan.review.template import fill, filled_xlsx, shown_names

REGIONS = {"A区": "east-a", "B区": "east-b"}
PRODUCTS = {"医疗器械": "device", "耗材": "consumable"}


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


def test_xlsx_has_a_row_per_leaf_drop_downs_and_a_date_column(tmp_path: Path) -> None:
    out = tmp_path / "actuals.xlsx"
    assert run("--blank", REFERENCE, "-o", out)[0] == 0
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["目标", "区域", "产品", "销售代表", "日期", "月份", "金额"]
    # T1: 2 regions x 2 products x 2 reps x 3 months, less 吴敏's July (she starts 2026-08-01)
    assert len(rows) == 1 + 24 - 2
    assert rows[1] == ["T1", "A区", "医疗器械", "李雷", None, "2026-07", None]
    assert rows[-1] == ["T1", "B区", "耗材", "吴敏", None, "2026-09", None]
    assert ["T1", "B区", "医疗器械", "吴敏", None, "2026-07", None] not in rows
    assert all(sheet.cell(r, 5).number_format == "yyyy-mm-dd" for r in range(2, len(rows) + 1))
    assert sheet.column_dimensions["E"].number_format == "yyyy-mm-dd"  # the rows a manager adds too
    lists = {str(v.sqref)[0]: v for v in sheet.data_validations.dataValidation}
    assert set(lists) == {"A", "B", "C", "D"} and all(v.type == "list" for v in lists.values())
    assert lists["A"].formula1 == '"T1,T2,T3"'
    assert lists["B"].formula1 == '"A区,B区"'
    assert lists["C"].formula1 == '"医疗器械,耗材"'
    assert lists["D"].formula1 == '"王芳,赵强,孙丽,李雷,韩梅,周杰,吴敏"'
    assert str(lists["B"].sqref) == f"B2:B{len(rows) + 500}"
    assert len(book.worksheets) == 2  # every list fits in its rule: no lists sheet


def test_filled_xlsx_reads_back_onto_the_right_parts(tmp_path: Path) -> None:
    out = tmp_path / "actuals.xlsx"
    assert run("--blank", REFERENCE, "-o", out, "--lang", "en")[0] == 0
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    for row in range(2, sheet.max_row + 1):
        _region, product, rep, month = (sheet.cell(row, c).value for c in (2, 3, 4, 6))
        # 李雷's device sales in A区: 10, 20, 30 by month; every other part 1
        value = {"2026-07": 10, "2026-08": 20, "2026-09": 30}[month] if (product, rep) == ("医疗器械", "李雷") else 1
        sheet.cell(row, 7, value)
    book.save(out)
    code, text, err = run(REFERENCE, "--actuals", out, "--as-of", "2026-12-31", "-f", "json")
    assert (code, err) == (0, "")
    t1 = json.loads(text)["targets"][0]
    actual = {tuple(sorted(r["coords"].items())): r["actual"] for r in t1["rows"]}
    assert t1["rows"][0]["actual"] == "79"  # 60 + 19 rows of 1
    assert actual[(("region", "east-a"),)] == "69"  # 60 + 9
    assert actual[(("region", "east-b"),)] == "10"  # 周杰 6 + 吴敏 4 (no July)
    assert actual[(("product", "device"), ("region", "east-a"), ("rep", "李雷"))] == "60"
    assert actual[(("product", "consumable"), ("region", "east-b"), ("rep", "吴敏"))] == "2"


def test_csv_has_the_same_rows_with_a_bom_and_reads_back(tmp_path: Path) -> None:
    out, xlsx = tmp_path / "actuals.csv", tmp_path / "actuals.xlsx"
    assert run("--blank", REFERENCE, "-o", out, "--lang", "en")[0] == 0
    assert run("--blank", REFERENCE, "-o", xlsx, "--lang", "en")[0] == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftarget,region,product,rep,date,month,value\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    assert rows == [[c.value or "" for c in row] for row in sheet.iter_rows()]
    filled = "".join(",".join([*row[:6], "2"]) + "\r\n" for row in rows[1:])
    out.write_text(",".join(rows[0]) + "\r\n" + filled, encoding="utf-8-sig")
    code, text, err = run(REFERENCE, "--actuals", out, "--as-of", "2026-12-31", "-f", "json")
    assert (code, err) == (0, "") and json.loads(text)["targets"][0]["rows"][0]["actual"] == "44"  # 22 x 2


def test_without_a_plan_the_blank_template_is_unchanged_and_actuals_are_refused(tmp_path: Path) -> None:
    assert run("--blank", "-o", tmp_path / "a.csv")[0] == 0
    assert (tmp_path / "a.csv").read_bytes() == blank_csv("zh")
    code, _, err = run(REFERENCE, "--blank", "-a", tmp_path / "a.csv", "-o", tmp_path / "b.csv", "--lang", "en")
    assert code == 2 and "give no --actuals" in err
    assert run("--blank", REFERENCE, "-o", REFERENCE)[0] == 2  # never over the plan


def test_names_only_where_they_read_back_and_long_lists_in_a_hidden_sheet(plan: Plan) -> None:
    from salesplan.model.plan import Person

    people = [Person(id="p1", name="Li, Lei"), Person(id="p2", name="p1"), Person(id="p3", name="Li, Lei")]
    assert shown_names(people) == {"p1": "Li, Lei", "p2": "p2", "p3": "p3"}  # p2's name is an id, p3's taken
    many = plan.model_copy(deep=True)
    many.team.people = [Person(id=f"rep{i:03}", name=f"代表{i:03}") for i in range(100)] + people
    template = fill(many, None)
    assert template.rows == [] and len(template.choices["rep"]) == 103
    book = openpyxl.load_workbook(io.BytesIO(filled_xlsx(template, "en")))
    lists = book.worksheets[2]
    assert lists.sheet_state == "hidden" and lists.title == "lists"
    assert [lists.cell(r, 4).value for r in (1, 101, 103)] == ["代表000", "Li, Lei", "p3"]
    rep = next(v for v in book.worksheets[0].data_validations.dataValidation if str(v.sqref).startswith("D"))
    assert rep.formula1 == "'lists'!$D$1:$D$103" and rep.errorStyle == "warning"
    assert book.worksheets[0].data_validations.dataValidation[0].formula1 == '"T1,T2,T3"'


def _filled_in_part(tmp_path: Path, values: dict[int, object], dates: dict[int, str] | None = None) -> Path:
    """The reference plan's xlsx template with a value in some rows (row number -> cell), the rest untouched."""
    out = tmp_path / "actuals.xlsx"
    assert run("--blank", REFERENCE, "-o", out)[0] == 0
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    for row, value in values.items():
        sheet.cell(row, 7, value)
    for row, day in (dates or {}).items():
        sheet.cell(row, 5, day)
    book.save(out)
    return out


def test_template_rows_left_without_a_value_are_not_reported_yet(tmp_path: Path) -> None:
    # row 2: T1 A区 医疗器械 李雷 2026-07; row 3: the same in 2026-08; 20 more rows left as the template made them
    out = _filled_in_part(tmp_path, {2: 12, 3: "3万"})
    code, text, err = run(REFERENCE, "--actuals", out, "--as-of", "2026-08-31", "-f", "json")
    assert (code, err) == (0, "")
    t1 = json.loads(text)["targets"][0]
    actual = {tuple(sorted(r["coords"].items())): r["actual"] for r in t1["rows"]}
    assert t1["rows"][0]["actual"] == "15"  # 12 + 3万 (3 in 万元); the blank rows count nothing
    july = (("month", "2026-07"), ("product", "device"), ("region", "east-a"), ("rep", "李雷"))
    assert actual[july] == "12" and actual[(("region", "east-b"),)] == "0"
    # the CSV template likewise: its rows with an empty value cell are skipped
    csv_out = tmp_path / "actuals.csv"
    assert run("--blank", REFERENCE, "-o", csv_out, "--lang", "en")[0] == 0
    lines = csv_out.read_text(encoding="utf-8-sig").splitlines()
    lines[1] += "7"  # the first row's value; the other 21 rows end in an empty value cell
    csv_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text, err = run(REFERENCE, "--actuals", csv_out, "--as-of", "2026-08-31", "-f", "json")
    assert (code, err) == (0, "") and json.loads(text)["targets"][0]["rows"][0]["actual"] == "7"


def test_a_template_row_with_a_value_that_is_not_a_number_is_still_refused(tmp_path: Path) -> None:
    out = _filled_in_part(tmp_path, {2: 12, 4: "十二"}, {5: "2026-07-20"})  # row 5: a day but no value
    code, text, err = run(REFERENCE, "--actuals", out, "--as-of", "2026-08-31", "--lang", "en")
    assert (code, text) == (2, "")
    found = [line.split(": ", 2)[:2] for line in err.splitlines() if ": SP" in line]
    assert found == [
        [f"{out}:实际数据!G4", "SP062 '十二' is not a number in 万元"],
        [f"{out}:实际数据!G5", "SP062 '' is not a number in 万元"],
    ]


def test_t_names_the_target_the_template_is_filled_from(tmp_path: Path) -> None:
    """`--blank PLAN -t T2`: T2's parts (region by its history, then each rep), not the first target's;
    one target only, an unknown one is SP057, and -t without a plan is refused: nothing written."""
    out = tmp_path / "actuals.csv"
    assert run("--blank", REFERENCE, "-t", "T2", "-o", out)[0] == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["目标", "区域", "产品", "销售代表", "日期", "月份", "金额"]
    assert rows[1:] == [
        ["T2", "A区", "", "李雷", "", "", ""],
        ["T2", "A区", "", "韩梅", "", "", ""],
        ["T2", "B区", "", "周杰", "", "", ""],
        ["T2", "B区", "", "吴敏", "", "", ""],
    ]
    none = tmp_path / "none.csv"
    code, _, err = run("--blank", REFERENCE, "-t", "T9", "-o", none, "--lang", "en")
    assert code == 2 and "SP057 no target 'T9' in this plan" in err
    code, _, err = run("--blank", REFERENCE, "-t", "T1,T2", "-o", none, "--lang", "en")
    assert code == 2 and "--blank fills the template from one target; -t names 2" in err
    code, _, err = run("--blank", "-t", "T1", "-o", none)
    assert code == 2 and "请给出计划文件" in err
    assert not none.exists()
