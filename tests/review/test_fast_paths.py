"""The review's fast paths give exactly what the general ones give: integer figures, the streamed JSON,
the direct reading of plain numbers and ISO days."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from repo_files import REFERENCE
from salesplan.diagnostics import SourceRef
from salesplan.loader import LoadedPlan, load_plan
from salesplan.numbers import TENTHS, to_decimal
from salesplan.review.actuals import ActualRow
from salesplan.review.alerts import Alert, PeriodFigure, Triggers
from salesplan.review.amounts import _number, _read, parse_number_text, read_value
from salesplan.review.cells import parse_day_text, read_day
from salesplan.review.engine import STATUSES, Review, ReviewRow, TargetReview, Thresholds, percent, review_plan
from salesplan.review.expect import Profile, expected_on, expected_ratio
from salesplan.review.figures import minus, percent_of, shown
from salesplan.review.render import document, json_chunks, render_json
from salesplan.split.engine import split_plan

INTS = st.integers(-(10**40), 10**40)
DENOMINATORS = st.integers(1, 10**30)
PLAN_VALUES = st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False, allow_infinity=False)


def outcome(make: Callable[[], object]) -> str:
    """What a figure prints, or the exception it raises (a number too large for 28 digits, in both ways)."""
    try:
        return str(make())
    except ArithmeticError as exc:
        return type(exc).__name__


@given(INTS, DENOMINATORS)
def test_shown_is_to_decimal_of_the_fraction(numerator: int, denominator: int) -> None:
    exact = Fraction(numerator, denominator)
    assert outcome(lambda: shown((numerator, denominator))) == outcome(lambda: to_decimal(exact))
    assert outcome(lambda: shown((numerator, denominator), TENTHS)) == outcome(lambda: to_decimal(exact, TENTHS))


def test_shown_at_the_rounding_edges() -> None:
    assert shown((1, 200)) == Decimal("0.01")  # 0.005 half up
    assert shown((-1, 200)) == Decimal("-0.01")
    assert shown((1, 3)) == Decimal("0.33") and shown((2, 3)) == Decimal("0.67")
    assert shown((6, 3)) == Decimal("2.00") and shown((0, 7)) == Decimal("0.00")


@given(INTS, DENOMINATORS, INTS, DENOMINATORS)
def test_percent_of_and_minus_are_the_fraction_figures(an: int, ad: int, bn: int, bd: int) -> None:
    a, b = Fraction(an, ad), Fraction(bn, bd)
    assert outcome(lambda: percent_of((an, ad), (bn, bd))) == outcome(lambda: percent(a, b))
    n, d = minus((an, ad), (bn, bd))
    assert Fraction(n, d) == a - b and d > 0
    assert percent_of((an, ad), (0, bd)) is None


def test_percent_of_a_negative_whole_keeps_the_sign() -> None:
    assert percent_of((1, 1), (-4, 1)) == Decimal("-25.0") == percent(Fraction(1), Fraction(-4))


DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31))


@given(DAYS, DAYS, PLAN_VALUES, DAYS)
def test_expected_ratio_of_one_window_is_expected_on(a: dt.date, b: dt.date, total: Decimal, day: dt.date) -> None:
    profile: Profile = {(min(a, b), max(a, b)): total}
    numerator, denominator = expected_ratio(profile, day)
    assert Fraction(numerator, denominator) == expected_on(profile, day)


@given(st.lists(st.tuples(DAYS, DAYS, PLAN_VALUES), min_size=2, max_size=6), DAYS)
def test_expected_ratio_of_many_windows_is_expected_on(
    windows: list[tuple[dt.date, dt.date, Decimal]], day: dt.date
) -> None:
    profile: Profile = {(min(a, b), max(a, b)): total for a, b, total in windows}
    numerator, denominator = expected_ratio(profile, day)
    assert Fraction(numerator, denominator) == expected_on(profile, day)


ISO_LIKE = st.from_regex(r"\A[0-9０-９٠-٩]{4}-[0-9١]{1,2}-[0-9]{1,3}\Z") | st.from_regex(
    r"\A\d{4}[-/.]\d{2}[-/.]\d{2}\Z"
)


@settings(max_examples=300)
@given(ISO_LIKE | st.text(max_size=12))
def test_a_text_day_reads_as_the_full_parser_reads_it(text: str) -> None:
    assert read_day(text) == parse_day_text(text)


@given(DAYS)
def test_iso_days_and_impossible_ones(day: dt.date) -> None:
    assert read_day(day.isoformat()) == day
    assert read_day(f"{day.year}-02-30") is None and read_day(f"{day.year}-13-01") is None


PLAIN = st.from_regex(r"\A[0-9]{1,16}(\.[0-9]{1,12})?\Z") | st.from_regex(r"\A\.[0-9]{1,8}\Z")
TEXTS = PLAIN | st.from_regex(r"\A[0-9.,٠-٩]{1,8}\Z") | st.text(alphabet="0123456789.,-+ %万元¥kK", max_size=10)


def _shown(read: tuple[Decimal | None, int | None, bool]) -> tuple[str, int | None, bool]:
    return str(read[0]), read[1], read[2]


@settings(max_examples=300)
@given(TEXTS, st.sampled_from(["元", "万元", "家", "%", None]))
def test_a_text_amount_reads_as_the_full_parser_reads_it(text: str, unit: str | None) -> None:
    assert _shown(_number(text)) == _shown(parse_number_text(text))
    once, again = read_value(text, unit), read_value(text, unit)  # the second from the cache
    assert str(once) == str(again) == str(_read(text, unit, None))
    header = ("金额（元）", "元")
    assert str(read_value(text, unit, header)) == str(_read(text, unit, header))


@given(PLAIN)
def test_plain_numbers_take_the_direct_reading(text: str) -> None:
    assert parse_number_text(text) == (Decimal(text), None, False)
    assert str(parse_number_text(text)[0]) == str(Decimal(text))


LABELS = st.text(max_size=8)  # quotes, backslashes, control characters, any language
MAYBE = st.none() | LABELS
FIGURES = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def review_rows(draw: st.DrawFn) -> ReviewRow:
    coords = draw(st.dictionaries(st.sampled_from(["region", "product", "rep", "month"]), LABELS, max_size=3))
    return ReviewRow(
        depth=draw(st.integers(0, 5)),
        level=draw(MAYBE),
        part=draw(MAYBE),
        label=draw(LABELS),
        coords=coords,
        target=draw(FIGURES),
        actual=draw(FIGURES),
        expected=draw(FIGURES),
        achievement=draw(st.none() | FIGURES),
        pacing=draw(st.none() | FIGURES),
        gap=draw(FIGURES),
        status=draw(st.sampled_from(STATUSES)),
    )


@st.composite
def reviews(draw: st.DrawFn) -> Review:
    window = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    review = Review(dt.date(2026, 6, 30), window, Thresholds(), triggers=Triggers(3, Decimal("12.5")))
    for _ in range(draw(st.integers(0, 3))):
        target = TargetReview(
            draw(LABELS), draw(MAYBE), draw(MAYBE), draw(LABELS), draw(st.booleans()), draw(st.booleans()), window
        )
        target.rows = draw(st.lists(review_rows(), min_size=1, max_size=6))
        if draw(st.booleans()):
            figure = PeriodFigure("2026-05", Fraction(7, 3), draw(st.none() | st.just(Fraction(1))), True)
            target.alerts = [Alert("streak", draw(LABELS), {"region": draw(LABELS)}, "month", (figure,), None)]
        review.targets.append(target)
    return review


@settings(max_examples=200, deadline=None)
@given(reviews())
def test_streamed_json_is_the_document_as_json_dumps_writes_it(review: Review) -> None:
    expected = json.dumps(document(review), ensure_ascii=False, indent=2) + "\n"
    assert render_json(review) == expected
    assert "".join(json_chunks(review)) == expected


@functools.cache
def _reference() -> LoadedPlan:
    return load_plan(REFERENCE)


SALES = st.lists(st.tuples(st.integers(0, 10**6), st.integers(-3, 95), st.integers(-(10**6), 10**6)), max_size=60)


@settings(max_examples=40, deadline=None)
@given(drawn=SALES, offset=st.integers(-5, 97), month_only=st.booleans())
def test_bundled_rows_review_as_each_row_alone(
    drawn: list[tuple[int, int, int]], offset: int, month_only: bool
) -> None:
    loaded = _reference()
    assert loaded.plan is not None
    splits = [s for s in split_plan(loaded).splits if s.target_id == "T1"]
    leaves = [{k: v for k, v in coords.items() if k != "month"} for coords, _ in splits[0].leaves()]
    shared: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
    alone, together = [], []
    for n, (pick, day, cents) in enumerate(drawn):
        place = leaves[pick % len(leaves)]
        when = dt.date(2026, 7, 1) + dt.timedelta(days=day)
        month = when.strftime("%Y-%m") if month_only and n % 3 == 0 else None
        day_of = None if month else when
        source = SourceRef("a.csv", n + 2, 1)
        value = Decimal(cents) / 100
        alone.append(ActualRow("T1", value, source, dict(place), day_of, month, index=n + 1))
        mapping = shared.setdefault(tuple(place.items()), dict(place))  # as the reader shares them
        together.append(ActualRow("T1", value, source, mapping, day_of, month, index=n + 1))
    as_of = dt.date(2026, 7, 1) + dt.timedelta(days=offset)
    one = review_plan(loaded.plan, splits, alone, as_of, Thresholds())
    other = review_plan(loaded.plan, splits, together, as_of, Thresholds())
    assert render_json(one) == render_json(other)
    assert one.targets[0].alerts == other.targets[0].alerts
    assert [d.format("en") for d in one.diagnostics] == [d.format("en") for d in other.diagnostics]
