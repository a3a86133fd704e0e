"""An amount means the same number in every field: a value written in an actuals or commitments file
reads as the plan file reads it in a target's `value:`, for money and for counts alike."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from salesplan.model.values import parse_amount
from salesplan.review.amounts import Refusal, read_value

_NUMBERS = st.decimals(min_value=Decimal(0), max_value=Decimal(10**6), places=2, allow_nan=False)


@given(
    _NUMBERS,
    st.sampled_from(["", "千", "万", "亿"]),
    st.sampled_from(["", "元"]),
    st.sampled_from(["万元", "元", "亿元", "家", "个"]),
)
def test_a_file_reads_an_amount_as_the_plan_does(number: Decimal, magnitude: str, currency: str, unit: str) -> None:
    text = f"{number}{magnitude}{currency}"
    read = read_value(text, unit)
    try:
        planned = parse_amount(text, unit)
    except ValueError:
        assert isinstance(read, Refusal), (text, unit, read)
        return
    assert not isinstance(read, Refusal), (text, unit, read.message)
    assert read == planned


def test_a_count_takes_a_bare_magnitude_and_refuses_money() -> None:
    assert read_value("3万", "家") == Decimal(30000)
    assert isinstance(read_value("3万元", "家"), Refusal)
    assert isinstance(read_value("3万", "%"), Refusal)
    # a column the header says is money stays money, whatever the cell's own magnitude
    assert isinstance(read_value("3万", "家", ("金额（元）", "元")), Refusal)
