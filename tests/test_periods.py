"""Time part ids and their days, in the one module that turns one into the other."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplan.periods import TIME_KINDS, part_bounds, part_of_id, part_range


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("2026-Q3", ("quarter", dt.date(2026, 7, 1), dt.date(2026, 9, 30))),
        ("2026q1", ("quarter", dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
        ("2024-02", ("month", dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2026-7", ("month", dt.date(2026, 7, 1), dt.date(2026, 7, 31))),
        ("2026-W27", ("week", dt.date(2026, 6, 29), dt.date(2026, 7, 5))),
        ("2026w1", ("week", dt.date(2025, 12, 29), dt.date(2026, 1, 4))),
        ("2020-W53", ("week", dt.date(2020, 12, 28), dt.date(2021, 1, 3))),
    ],
)
def test_part_of_id(part: str, expected: tuple[str, dt.date, dt.date]) -> None:
    assert part_of_id(part) == expected


@pytest.mark.parametrize("part", ["2026-Q5", "2026-13", "2026-00", "2026-W54", "2026-W00", "2025-W53", "Q3", "east"])
def test_not_a_part(part: str) -> None:
    assert part_of_id(part) is None


def test_part_range_checks_the_kind() -> None:
    assert part_range("quarter", "2026-Q3") == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    with pytest.raises(ValueError, match="unknown month part '2026-Q3'"):
        part_range("month", "2026-Q3")
    with pytest.raises(ValueError, match="unknown week part 'east'"):
        part_range("week", "east")


@given(st.sampled_from(TIME_KINDS), st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9998, 12, 1)))
def test_an_id_reads_back_as_its_part(kind: str, day: dt.date) -> None:
    ident, start, end = part_bounds(kind, day)
    assert part_of_id(ident) == (kind, start, end)
    assert start <= day <= end
