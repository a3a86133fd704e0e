"""The one grammar of an amount written as text: a plan file's forms are a part of what a file of
actuals or commitments may hold, and each form reads the same number, magnitude and money everywhere."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.numbers import AMOUNT_PATTERN, CURRENCIES, MAGNITUDES, narrow, read_amount_text

_WAN, _YI = MAGNITUDES["万"], MAGNITUDES["亿"]


@pytest.mark.parametrize(
    ("text", "wide", "plan"),
    [
        ("500万", (Decimal(500), _WAN, False), (Decimal(500), _WAN, False)),
        ("1,200元", (Decimal(1200), None, True), (Decimal(1200), None, True)),
        ("-5万", (Decimal(-5), _WAN, False), (Decimal(-5), _WAN, False)),
        ("+1.5亿元", (Decimal("1.5"), _YI, True), (Decimal("1.5"), _YI, True)),
        ("3k", (Decimal(3), 1000, False), (Decimal(3), 1000, False)),
        (" 12 千万 人民币 ", (Decimal(12), 10**7, True), (Decimal(12), 10**7, True)),
        ("２RMB", (Decimal(2), None, True), (Decimal(2), None, True)),  # a full-width digit is a digit
        ("¥1,234", (Decimal(1234), None, True), None),
        ("-￥3万", (Decimal(-3), _WAN, True), None),
        ("- 5", (Decimal(-5), None, False), None),
        (".5万", (Decimal("0.5"), _WAN, False), None),
        ("１，２３４元", (Decimal(1234), None, True), None),
        ("３Ｋ\u3000ＣＮＹ", (Decimal(3), 1000, True), None),
        ("1,23", None, None),
        ("5%", None, None),
        ("万", None, None),
        ("", None, None),
        ("5万万", None, None),
        ("1.", None, None),
        ("5元万", None, None),
        ("5 万元 元", None, None),
        ("¥-5", None, None),
    ],
)
def test_each_form_reads_its_number_magnitude_and_money(
    text: str, wide: tuple[Decimal, int | None, bool] | None, plan: tuple[Decimal, int | None, bool] | None
) -> None:
    for reading, expected in ((read_amount_text(text), wide), (read_amount_text(text, wide=False), plan)):
        assert (None if reading is None else reading[:3]) == expected, (text, reading)


def test_a_zero_is_never_negative_and_a_negative_number_keeps_every_digit() -> None:
    for text in ("-0", "-0.00", "- 0万"):
        reading = read_amount_text(text)
        assert reading is not None and reading.number == 0 and not reading.number.is_signed()
    digits = "1." + "0" * 40 + "1"
    reading = read_amount_text("-" + digits)
    assert reading is not None and reading.number == Decimal("-" + digits)


def test_the_magnitude_words_match_longest_first() -> None:
    words = [*MAGNITUDES, *CURRENCIES]
    for word in words:
        reading = read_amount_text(f"7{word}")
        assert reading is not None, word
        assert reading.magnitude == MAGNITUDES.get(word) and reading.money == (word in CURRENCIES)


_SIGNS = st.sampled_from(["", "+", "-", "- ", "+ "])
_YENS = st.sampled_from(["", "¥", "￥"])
_SPACES = st.sampled_from(["", " ", "  "])


@st.composite
def _amounts(draw: st.DrawFn) -> tuple[str, tuple[Decimal, int | None, bool], str, bool]:
    """A text in every form the grammar knows, what it reads, where its number stands, and whether a plan file
    may hold it."""
    whole = draw(st.integers(0, 10**9))
    fraction = draw(st.sampled_from(["", "5", "05", "125", "0", "9999"]))
    style = draw(st.sampled_from(["plain", "separated", "dot"] if whole == 0 and fraction else ["plain", "separated"]))
    digits = {"plain": str(whole), "separated": f"{whole:,}", "dot": ""}[style] + (f".{fraction}" if fraction else "")
    sign, yen, magnitude = draw(_SIGNS), draw(_YENS), draw(st.sampled_from(["", *MAGNITUDES]))
    currency = draw(st.sampled_from(["", *CURRENCIES]))
    text = sign + yen + digits + draw(_SPACES) + magnitude + draw(_SPACES) + currency
    value = Decimal(f"{whole}.{fraction}" if fraction else whole)
    expected = (-value if sign.startswith("-") and value else value, MAGNITUDES.get(magnitude), bool(yen or currency))
    planned = not yen and sign.strip() == sign and style != "dot"
    return draw(_SPACES) + text, expected, sign + yen + digits if sign else digits, planned


def _full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else "\u3000" if ch == " " else ch for ch in text)


@given(_amounts())
def test_every_form_reads_alike_and_a_plan_holds_exactly_the_schemas_forms(
    case: tuple[str, tuple[Decimal, int | None, bool], str, bool],
) -> None:
    text, expected, number, planned = case
    reading = read_amount_text(text)
    assert reading is not None and reading[:3] == expected, (text, reading)
    assert text[slice(*reading.span)] == number
    wide = read_amount_text(_full_width(text))  # as a spreadsheet may write it
    assert wide is not None and wide[:3] == expected and wide.span == reading.span
    plan_reading = read_amount_text(text, wide=False)
    assert (plan_reading is not None) == planned == bool(re.search(AMOUNT_PATTERN, text)), text
    assert plan_reading is None or plan_reading == reading


@given(st.text(alphabet="0123456789,.+- ¥￥万亿千百kKwWM元人民币RMBCNY%１，．", max_size=12))
def test_a_plan_form_is_read_as_the_wide_grammar_reads_it(text: str) -> None:
    plan_reading = read_amount_text(text, wide=False)
    assert (plan_reading is not None) == bool(re.search(AMOUNT_PATTERN, text))
    assert plan_reading is None or plan_reading == read_amount_text(text)
    assert read_amount_text(text) == read_amount_text(narrow(text))
