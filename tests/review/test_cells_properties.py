"""Invariants of reading cells: every written form of a day names that day; conversions are exact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from salesplan.review.amounts import MONEY, Refusal, read_value
from salesplan.review.cells import EXCEL_EPOCH, excel_number, read_day, read_month

DAYS = st.dates(min_value=dt.date(1928, 1, 1), max_value=dt.date(2173, 12, 31))
WIDE = str.maketrans("0123456789/-.", "０１２３４５６７８９／－．")


def forms(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}-{m}-{d}",
        f"{y}.{m}.{d}",
        f"{y}年{m}月{d}日",
        f"{y}/{m}/{d} 0:00",
        f"{y}-{m:02d}-{d:02d} 00:00:00",
        f"{y}/{m}/{d}".translate(WIDE),
    ]


@given(DAYS)
def test_every_year_first_form_names_the_day_and_its_month(day: dt.date) -> None:
    for written in forms(day):
        assert read_day(written) == day, written
        assert read_month(written) == day.strftime("%Y-%m"), written


@given(DAYS)
def test_excel_serials_name_the_day(day: dt.date) -> None:
    serial = (day - EXCEL_EPOCH).days
    if 10_000 <= serial <= 99_999:
        assert read_day(serial) == read_day(str(serial)) == read_day(float(serial)) == day


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_day_first_and_month_first_forms_are_never_guessed(day: dt.date) -> None:
    assert read_day(f"{day.day}/{day.month}/{day.year}") is None
    assert read_day(f"{day.month}/{day.day}/{day.year}") is None
    assert read_day(f"{day.year % 100:02d}/{day.month}/{day.day}") is None


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_a_float_cell_reads_as_the_decimal_typed(typed: Decimal) -> None:
    # a number typed in Excel (at most 15 significant digits) is stored as the nearest float;
    # read back as Excel shows it, it is exactly the number typed
    assert excel_number(float(typed)) == typed


@given(
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(MONEY)),
    st.sampled_from(["元", "万元", "亿元"]),
)
def test_money_converts_exactly_and_back(amount: Decimal, written_in: str, target_unit: str) -> None:
    read = read_value(f"{amount}{written_in}", target_unit)
    exact = amount * MONEY[written_in] / MONEY[target_unit]
    if exact != exact.quantize(Decimal("1E-10")):  # finer than plan files keep: refused, never rounded
        assert isinstance(read, Refusal) and "more than 10 decimal places" in read.message
        return
    assert read == exact
    back = read_value(format(read, "f"), written_in, ("header", target_unit))
    assert isinstance(back, Decimal) and back == amount
