"""Hand-written cases of the round-trip writer: each way a value is written, kept when it changes."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.importer.merge import MergeError, merge_plan, unified_diff, verify
from salesplan.loader.yamltree import parse_yaml
from salesplan.numbers import decimal_places, plain

PLAN = """\
# header comment
salesplan: 1

plan:
  name: "华东 Q3"          # quoted twice
  owner: '王芳'
  unit: 元
  period: {start: 2026-07-01, end: 2026-09-30}

targets:
  - id: T1
    value: 500万            # agreed
    baseline: '3,000元'
    deadline: 2026-09-30
    notes: |
      line one
      line two
  # about T2
  - id: T2
    value: 18%
    unit: '%'

budget:
  total: 1.2亿
  allocation: {promotion: 40%, channel: 30%, reserve: 30%}
"""


def data_of(text: str) -> Any:
    return parse_yaml(text.lstrip("\ufeff").replace("\r\n", "\n"), "<test>").data


def merged(text: str, change: Callable[[Any], Any]) -> str:
    data = copy.deepcopy(data_of(text))
    change(data)
    return merge_plan(text, data)


def diff(old: str, new: str) -> list[str]:
    """The changed lines, `-old` and `+new`, in order."""
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("---", "+++")]


def test_quoted_strings_keep_their_quote_character() -> None:
    out = merged(PLAN, lambda d: d["plan"].update(name="华南 Q4", owner="赵强"))
    assert diff(PLAN, out) == [
        '-  name: "华东 Q3"          # quoted twice',
        "-  owner: '王芳'",
        '+  name: "华南 Q4"          # quoted twice',
        "+  owner: '赵强'",
    ]


def test_an_amount_string_keeps_its_magnitude_when_exact() -> None:
    out = merged(PLAN, lambda d: d["targets"][0].update(value=6500000))
    assert diff(PLAN, out) == ["-    value: 500万            # agreed", "+    value: 650万            # agreed"]
    out = merged(PLAN, lambda d: d["targets"][0].update(value="700万"))
    assert diff(PLAN, out) == ["-    value: 500万            # agreed", "+    value: 700万            # agreed"]
    out = merged(PLAN, lambda d: d["budget"].update(total=Decimal("125000000")))
    assert diff(PLAN, out) == ["-  total: 1.2亿", "+  total: 1.25亿"]


def test_an_amount_string_with_thousands_separators_keeps_them_and_its_quotes() -> None:
    out = merged(PLAN, lambda d: d["targets"][0].update(baseline=1234567))
    assert diff(PLAN, out) == ["-    baseline: '3,000元'", "+    baseline: '1,234,567元'"]


def test_an_amount_not_written_neatly_in_its_magnitude_becomes_a_plain_number() -> None:
    out = merged(PLAN, lambda d: d["targets"][0].update(value=Decimal("5000001.5")))
    # the end-of-line comment stays at its column
    assert diff(PLAN, out) == ["-    value: 500万            # agreed", "+    value: 5000001.5       # agreed"]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["targets"][0].update(value=5000000),  # 500万 in a 元 plan
        lambda d: d["targets"][0].update(value=Decimal("5000000.00")),
        lambda d: d["targets"][0].update(value="5,000,000元"),
        lambda d: d["budget"].update(total=120000000),
        lambda d: d["budget"]["allocation"].update(promotion=Decimal("0.4")),  # Excel's 40%
        lambda d: d["budget"]["allocation"].update(promotion="40 %"),
        lambda d: d["targets"][1].update(value=Decimal("0.18")),
        lambda d: d["targets"][0].update(deadline=dt.datetime(2026, 9, 30)),  # a reader's midnight
        lambda d: d["plan"]["period"].update(start="2026-07-01"),
    ],
)
def test_a_value_equal_in_meaning_is_not_a_change(change: Callable[[Any], Any]) -> None:
    assert merged(PLAN, change) is PLAN


def test_a_percent_stays_a_percent_in_a_flow_map() -> None:
    out = merged(PLAN, lambda d: d["budget"]["allocation"].update(promotion=Decimal("0.45"), channel="25%"))
    assert diff(PLAN, out) == [
        "-  allocation: {promotion: 40%, channel: 30%, reserve: 30%}",
        "+  allocation: {promotion: 45%, channel: 25%, reserve: 30%}",
    ]


def test_keys_added_to_and_removed_from_a_flow_map() -> None:
    def change(d: Any) -> None:
        allocation = d["budget"]["allocation"]
        del allocation["reserve"]
        allocation["training"] = "30%"

    out = merged(PLAN, change)
    assert diff(PLAN, out) == [
        "-  allocation: {promotion: 40%, channel: 30%, reserve: 30%}",
        "+  allocation: {promotion: 40%, channel: 30%, training: 30%}",
    ]


def test_dates_are_written_as_days_and_a_quoted_date_stays_quoted() -> None:
    out = merged(PLAN, lambda d: d["targets"][0].update(deadline=dt.date(2026, 8, 31)))
    assert diff(PLAN, out) == ["-    deadline: 2026-09-30", "+    deadline: 2026-08-31"]
    quoted = PLAN.replace("deadline: 2026-09-30", "deadline: '2026-09-30'")
    out = merged(quoted, lambda d: d["targets"][0].update(deadline=dt.date(2026, 8, 31)))
    assert diff(quoted, out) == ["-    deadline: '2026-09-30'", "+    deadline: '2026-08-31'"]


def test_a_block_scalar_stays_a_block_scalar() -> None:
    out = merged(PLAN, lambda d: d["targets"][0].update(notes="line one\nline 2\n"))
    assert diff(PLAN, out) == ["-      line two", "+      line 2"]


@pytest.mark.parametrize("text", ["yes", "no", "on", "2026-07-01", "1_000", "12:30", ":0", "null", "~", "500", "#x"])
def test_a_string_yaml_would_read_as_something_else_is_quoted(text: str) -> None:
    out = merged(PLAN, lambda d: d["plan"].update(unit=text))
    assert data_of(out)["plan"]["unit"] == text
    assert len(diff(PLAN, out)) == 2


def test_a_removed_key_goes_with_its_own_comment_lines_and_the_next_keeps_its() -> None:
    out = merged(PLAN, lambda d: d["targets"].pop(1))
    assert diff(PLAN, out) == ["-  # about T2", "-  - id: T2", "-    value: 18%", "-    unit: '%'"]
    out = merged(PLAN, lambda d: d.pop("targets"))
    assert "# about T2" not in out and "# header comment" in out
    assert out.endswith("\nbudget:\n  total: 1.2亿\n  allocation: {promotion: 40%, channel: 30%, reserve: 30%}\n")


def test_a_key_is_added_after_its_neighbour() -> None:
    def change(d: Any) -> None:
        d["plan"] = {**d["plan"], "currency": "CNY"}  # after unit, before period in the reader's order
        items = list(d["plan"].items())
        items.insert(3, items.pop())
        d["plan"] = dict(items)

    out = merged(PLAN, change)
    assert diff(PLAN, out) == ["+  currency: CNY"]
    assert out.splitlines()[7] == "  currency: CNY"


def test_list_items_matched_by_id_move_with_their_comments_when_reordered() -> None:
    out = merged(PLAN, lambda d: d["targets"].reverse())
    assert [t["id"] for t in data_of(out)["targets"]] == ["T2", "T1"]
    assert out.index("# about T2") < out.index("id: T2") < out.index("id: T1") < out.index("# agreed")


def test_a_new_list_item_takes_the_style_of_its_siblings() -> None:
    text = "salesplan: 1\nteam:\n  regions:\n    - {id: a, name: A}\n    - {id: b, name: B}   # second\n"
    out = merged(text, lambda d: d["team"]["regions"].append({"id": "c", "name": "C"}))
    assert diff(text, out) == ["+    - {id: c, name: C}"]


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("salesplan: 1\nrisks:\n-   id: R1\n    owner: a\n", "-   id: R2\n    owner: b"),
        ("salesplan: 1\nrisks:\n- id: R1\n  owner: a\n", "- id: R2\n  owner: b"),
        ("salesplan: 1\nrisks:\n    -   id: R1\n        owner: a\n", "    -   id: R2\n        owner: b"),
        ("salesplan: 1\nrisks:\n  - id: R1\n    owner: a\n", "  - id: R2\n    owner: b"),
    ],
)
def test_new_items_follow_the_files_indentation(text: str, added: str) -> None:
    out = merged(text, lambda d: d["risks"].append({"id": "R2", "owner": "b"}))
    assert out == text + added + "\n"


def test_crlf_line_endings_are_kept_on_every_line() -> None:
    text = PLAN.replace("\n", "\r\n")
    out = merged(text, lambda d: (d["targets"][0].update(value=6000000), d["targets"].append({"id": "T3"})))
    assert out.count("\r\n") == out.count("\n") and "value: 600万" in out and "- id: T3\r\n" in out


def test_a_byte_order_mark_is_kept() -> None:
    text = "\ufeff" + PLAN
    out = merged(text, lambda d: d["targets"][0].update(value=6000000))
    assert out.startswith("\ufeff# header comment\n") and diff(text, out) == [
        "-    value: 500万            # agreed",
        "+    value: 600万            # agreed",
    ]


def test_lines_ruamel_would_respell_stay_as_written() -> None:
    text = "salesplan: 1\nplan: { name: x,  unit: 元 }\nbudget:\n  total:   100\n  spent: 1\n"
    out = merged(text, lambda d: d["budget"].update(spent=2))
    assert diff(text, out) == ["-  spent: 1", "+  spent: 2"]


def test_a_scalar_that_becomes_a_list_keeps_the_comment_lines_after_it() -> None:
    text = "salesplan: 1\nmeasures: one\n# about budget\nbudget: 1\n"
    out = merged(text, lambda d: d.update(measures=["one", "two"]))
    assert out == "salesplan: 1\nmeasures: [one, two]\n# about budget\nbudget: 1\n"


def test_units_come_from_the_target_and_the_history_metric() -> None:
    text = (
        "salesplan: 1\nplan: {unit: 万元}\ntargets:\n  - {id: T1, metric: leads, value: 2万, unit: 个}\n"
        "history:\n  metrics:\n    leads: {2025-07: 1万}\n"
    )
    assert merged(text, lambda d: d["targets"][0].update(value=20000)) is text
    assert merged(text, lambda d: d["history"]["metrics"]["leads"].update({"2025-07": 10000})) is text
    out = merged(text, lambda d: d["targets"][0].update(value=30000))
    assert "value: 3万" in out


def test_a_float_or_a_time_of_day_is_refused() -> None:
    with pytest.raises(MergeError, match="float"):
        merged(PLAN, lambda d: d["budget"].update(total=1.5))
    with pytest.raises(MergeError, match="time of day"):
        merged(PLAN, lambda d: d["targets"][0].update(deadline=dt.datetime(2026, 9, 30, 12)))


def test_a_text_that_does_not_read_back_as_the_data_is_caught() -> None:
    data = data_of(PLAN)
    verify(PLAN, data)
    wrong = copy.deepcopy(data)
    wrong["targets"][0]["value"] = 1
    with pytest.raises(MergeError, match="targets/0/value") as caught:
        verify(PLAN, wrong)
    assert "targets/0/value" in caught.value.message.render("zh")


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(MergeError):
        merge_plan("- a\n- b\n", {"salesplan": 1})


def test_unified_diff_looks_like_git() -> None:
    out = merged(PLAN, lambda d: d["targets"][0].update(value=6000000))
    shown = unified_diff("plans/q3.yaml", PLAN, out)
    assert shown.startswith("--- a/plans/q3.yaml\n+++ b/plans/q3.yaml\n@@ ")
    assert "\n-    value: 500万            # agreed\n+    value: 600万            # agreed\n" in shown
    assert unified_diff("p.yaml", "a: 1", "a: 2").endswith("+a: 2\n\\ No newline at end of file\n")
    assert unified_diff("p.yaml", PLAN, PLAN) == ""


@pytest.mark.parametrize("text", ["x\u2028y", "a\rb", "bell\x07", "\ufeffx"])
def test_a_string_only_escapes_can_write_is_double_quoted(text: str) -> None:
    out = merged(PLAN, lambda d: d["plan"].update(owner=text))
    assert data_of(out)["plan"]["owner"] == text and len(diff(PLAN, out)) == 2


def test_a_day_key_and_its_text_name_the_same_entry() -> None:
    text = "salesplan: 1\nholidays:\n  2026-10-01: 国庆   # national day\n"
    assert merged(text, lambda d: d.update(holidays={"2026-10-01": "国庆"})) is text
    out = merged(text, lambda d: d.update(holidays={"2026-10-01": "国庆节"}))
    assert diff(text, out) == ["-  2026-10-01: 国庆   # national day", "+  2026-10-01: 国庆节  # national day"]


def test_a_transplant_that_reads_wrong_falls_back_to_the_round_trips_own_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from salesplan.importer import merge

    monkeypatch.setattr(merge, "keep_unchanged_lines", lambda ours, base, theirs: "".join(ours))  # the change lost
    text = PLAN.replace("\n", "\r\n")
    out = merged(text, lambda d: d["targets"][0].update(value=6000000))
    assert diff(text, out) == ["-    value: 500万            # agreed", "+    value: 600万            # agreed"]
    assert out.count("\r\n") == out.count("\n")


def test_a_writer_that_loses_a_change_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    from salesplan.importer import merge

    monkeypatch.setattr(merge, "keep_unchanged_lines", lambda ours, base, theirs: "".join(ours))
    monkeypatch.setattr(merge, "with_line_ends", lambda ours, theirs: "".join(ours))
    with pytest.raises(MergeError, match="targets/0/value"):
        merged(PLAN, lambda d: d["targets"][0].update(value=6000000))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["元", "万元", "亿元", "家"]),
    st.sampled_from(["500万", "1.2亿", "3,000元", "8千", "20%"]),
    st.decimals(0, 10**9, places=3, allow_nan=False, allow_infinity=False),
)
def test_any_new_amount_reads_back_exactly_in_any_unit(unit: str, written: str, value: Decimal) -> None:
    text = f"salesplan: 1\nplan: {{unit: {unit}}}\nbudget:\n  total: {written}   # agreed\n"
    if "元" in written and unit == "家":
        return  # money in a count: the plan refuses it before any import
    out = merged(text, lambda d: d["budget"].update(total=value))  # read back and checked inside
    changes = diff(text, out)
    if not changes:  # the same amount
        return
    new = changes[1]
    assert new.rstrip().endswith("# agreed")
    shown = new.split(": ", 1)[1].split("#")[0].strip()
    if written.endswith("%"):
        assert shown == f"{plain(value * 100)}%"  # a percent stays a percent (0.25 is 25%)
        return
    magnitude = {"万": 10**4, "亿": 10**8, "元": 1, "千": 1000}[written[-1]]
    scaled = value * {"元": 1, "万元": 10**4, "亿元": 10**8, "家": 1}[unit] / magnitude
    keeps = decimal_places(scaled) <= max(2, decimal_places(Decimal(written[:-1].replace(",", ""))))
    assert (
        shown == (f"{Decimal(plain(scaled)):,}" if "," in written else plain(scaled)) + written[-1]
        if keeps
        else plain(value)
    )


MIXED = (  # three spaces here, four there, a dash and two spaces under risks
    "salesplan: 1\nplan:\n   name: x\n   unit: 万元\nbudget:\n    total: 100\n    spent: 5\n"
    "risks:\n  -  id: R1\n     owner: a\n"
)


@pytest.mark.parametrize(
    ("change", "lines"),
    [
        (lambda d: d["budget"].update(total=120), ["-    total: 100", "+    total: 120"]),
        (lambda d: d["budget"].update(spent=6), ["-    spent: 5", "+    spent: 6"]),
        (lambda d: d["budget"].update(extra=1), ["+    extra: 1"]),
        (lambda d: d["plan"].update(owner="c"), ["+   owner: c"]),
        (lambda d: d["risks"][0].update(owner="z"), ["-     owner: a", "+     owner: z"]),
    ],
)
def test_a_block_indented_its_own_way_keeps_its_indentation(change: Callable[[Any], Any], lines: list[str]) -> None:
    assert diff(MIXED, merged(MIXED, change)) == lines
