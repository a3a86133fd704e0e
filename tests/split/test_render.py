"""The json/csv/yaml contract of `salesplan split`, on results built by hand (no YAML plan involved)."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
import yaml

from salesplan.split.render import csv_text, document, render, render_csv, render_json, render_yaml
from salesplan.split.result import Basis, SplitNode, TargetSplit

DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


def _node(level: str, part: str, value: str, basis: Basis, *children: SplitNode) -> SplitNode:
    return SplitNode(level, part, Decimal(value), basis, list(children))


def _two_levels() -> TargetSplit:
    """30 by region (history 250 : 166.7), then by rep (even): worked out in test_reference.py."""
    even = Basis("even")
    root = SplitNode(None, None, Decimal(30), Basis("total"))
    root.children = [
        _node(
            "region",
            "east-a",
            "18",
            Basis("history", Decimal(250), Decimal("416.7")),
            _node("rep", "李雷", "9", even),
            _node("rep", "韩梅", "9", even),
        ),
        _node(
            "region",
            "east-b",
            "12",
            Basis("history", Decimal("166.7"), Decimal("416.7")),
            _node("rep", "周杰", "6", even),
            _node("rep", "吴敏", "6", even),
        ),
    ]
    return TargetSplit("T2", "家", Decimal(30), ["region", "rep"], root)


def _unsplit() -> TargetSplit:
    return TargetSplit("T3", "%", Decimal(18), [], SplitNode(None, None, Decimal(18), Basis("total")))


# part ids a plan may hold that a careless writer would break: quotes, YAML indicators, words
# YAML 1.1 reads as booleans or null, numbers, a control character, DEL, C1 controls, emoji
AWKWARD = [
    'a "quoted" id',
    "back\\slash",
    "key: value",
    "# comment",
    "- dash",
    "yes",
    "null",
    "1e3",
    "\x07bell",
    "del\x7f",
]
AWKWARD += [
    "c1\x85\x9f",
    "tab\tand\nnewline",
    "表情😀",
    "",
    "   padded   ",
    "{flow}",
    "[seq]",
    "&anchor",
    "*alias",
    "!tag",
]


def _awkward() -> TargetSplit:
    root = SplitNode(None, None, Decimal(len(AWKWARD)), Basis("total"))
    root.children = [_node("product", part, "1", Basis("explicit")) for part in AWKWARD]
    return TargetSplit('T\'9 "x"', "万元", Decimal(len(AWKWARD)), ["product"], root)


def test_json_is_exactly_the_documented_contract() -> None:
    doc = json.loads(render_json([_two_levels(), _unsplit()]))
    assert doc == {
        "targets": [
            {
                "id": "T2",
                "unit": "家",
                "value": "30",
                "levels": ["region", "rep"],
                "rows": [
                    {"region": "east-a", "rep": "李雷", "value": "9", "basis": "平均"},
                    {"region": "east-a", "rep": "韩梅", "value": "9", "basis": "平均"},
                    {"region": "east-b", "rep": "周杰", "value": "6", "basis": "平均"},
                    {"region": "east-b", "rep": "吴敏", "value": "6", "basis": "平均"},
                ],
            },
            {"id": "T3", "unit": "%", "value": "18", "levels": [], "rows": [{"value": "18", "basis": "目标总额"}]},
        ]
    }
    for target in doc["targets"]:
        assert list(target) == ["id", "unit", "value", "levels", "rows"]
        for row in target["rows"]:
            assert list(row) == [*target["levels"], "value", "basis"]


def test_json_layout_is_indented_with_one_row_a_line() -> None:
    text = render_json([_two_levels()], lang="en")
    lines = text.splitlines()
    assert lines[:7] == [
        "{",
        '  "targets": [',
        "    {",
        '      "id": "T2",',
        '      "unit": "家",',
        '      "value": "30",',
        '      "levels": ["region", "rep"],',
    ]
    assert lines[8] == '        {"region": "east-a", "rep": "李雷", "value": "9", "basis": "even"},'
    assert text.endswith("      ]\n    }\n  ]\n}\n")
    assert render_json([]) == '{\n  "targets": []\n}\n' and json.loads(render_json([])) == {"targets": []}


def test_depth_gives_subtotals_that_still_add_up() -> None:
    (target,) = document([_two_levels()], "en", depth=1)["targets"]
    assert target["levels"] == ["region"]
    assert target["rows"] == [
        {"region": "east-a", "value": "18", "basis": "by history share 60.0%"},
        {"region": "east-b", "value": "12", "basis": "by history share 40.0%"},
    ]
    assert sum(Decimal(r["value"]) for r in target["rows"]) == Decimal(target["value"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_yaml_and_json_carry_the_same_document(lang: str) -> None:
    splits = [_two_levels(), _unsplit(), _awkward()]
    expected = document(splits, lang)
    assert json.loads(render_json(splits, lang)) == expected
    assert yaml.safe_load(render_yaml(splits, lang)) == expected
    assert [r["product"] for r in expected["targets"][2]["rows"]] == AWKWARD  # nothing lost on the way
    assert yaml.safe_load(render_yaml([])) == {"targets": []}


def test_every_value_is_a_decimal_string() -> None:
    split = _two_levels()
    split.root.children[0].children[0].value = Decimal("9.50")
    split.root.children[0].children[1].value = Decimal("8.5")
    for target in document([split])["targets"]:
        assert DECIMAL.match(target["value"])
        for row in target["rows"]:
            assert isinstance(row["value"], str) and DECIMAL.match(row["value"])
    assert [r["value"] for r in document([split])["targets"][0]["rows"][:2]] == ["9.5", "8.5"]


def test_csv_carries_the_same_leaves() -> None:
    splits = [_two_levels(), _unsplit(), _awkward()]
    rows = list(csv.DictReader(io.StringIO(render_csv(splits, "en"))))
    assert list(rows[0]) == ["target", "unit", "region", "rep", "product", "value", "basis"]
    doc = document(splits, "en")
    flattened = [
        {"target": t["id"], "unit": t["unit"], **{k: row.get(k, "") for k in ("region", "rep", "product")}, **row}
        for t in doc["targets"]
        for row in t["rows"]
    ]
    # text that would start a spreadsheet formula ("- dash") is prefixed with ' (CSV injection); values are as-is
    assert rows == [
        {
            k: r[k] if k == "value" else csv_text(r[k])
            for k in ("target", "unit", "region", "rep", "product", "value", "basis")
        }
        for r in flattened
    ]
    assert any(r["product"] == "'- dash" for r in rows)


def test_render_dispatches_by_name() -> None:
    splits = [_two_levels()]
    assert render("json", splits) == render_json(splits)
    assert render("csv", splits) == render_csv(splits)
    assert render("yaml", splits) == render_yaml(splits)
    table = render("table", splits, names={"T2": "新增客户数"})
    assert "T2 新增客户数 · 30家" in table and "合计" in table
