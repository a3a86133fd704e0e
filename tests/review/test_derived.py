"""Derived KPIs (formula: on a target): the parser, sum-then-divide at every node, the explicit states."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplan.diagnostics import Severity, SourceRef
from salesplan.lint.check import lint_text
from salesplan.loader import LoadedPlan, load_text
from salesplan.model.formula import Formula, FormulaError, Missing, ZeroBase, parse
from salesplan.numbers import CENTS, to_decimal
from salesplan.review.actuals import ActualRow, parse_actuals
from salesplan.review.engine import Review, ReviewRow, TargetReview, Thresholds, review_plan
from salesplan.review.render import render_table
from salesplan.review.run import review_file
from salesplan.split.engine import split_plan

AS_OF = dt.date(2026, 8, 31)


def formula(text: str) -> Formula:
    parsed = parse(text)
    assert isinstance(parsed, Formula), parsed
    return parsed


def error(text: str) -> tuple[int, str]:
    parsed = parse(text)
    assert isinstance(parsed, FormulaError), parsed
    return parsed.offset, parsed.message.render("en")


# -- the parser ------------------------------------------------------------------------------------


def test_precedence_parentheses_and_unary_minus_exactly() -> None:
    values = {"a": Fraction(1), "b": Fraction(2), "c": Fraction(3), "d": Fraction(1)}
    assert formula("a + b * (c - d)").value(values) == 5
    assert formula("(a + b) * c - d").value(values) == 8
    assert formula("-a * 2 + b / c").value(values) == Fraction(-4, 3)
    assert formula("a / b / c").value(values) == Fraction(1, 6)  # left to right
    assert formula("c - b - a").value(values) == 0  # left to right: (3 - 2) - 1, not 3 - (2 - 1)
    assert formula("c - b + a * c / b").value(values) == Fraction(5, 2)
    assert formula("0.1 + 0.2").value({}) == Fraction(3, 10)  # exact: never a float
    assert formula("客单 ÷ （订单数 − 1） × 2").value({"客单": Fraction(9), "订单数": Fraction(4)}) == 6
    assert formula("revenue / orders").names() == ("revenue", "orders")
    assert formula("a / a + b").names() == ("a", "b")


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        ("revenue / / orders", 10, "unexpected '/' in the formula"),
        ("(deals / leads", 0, "this parenthesis is never closed"),
        ("revenue /", 9, "the formula ends where a metric or a number should be"),
        ("revenue orders", 8, "unexpected 'o' in the formula"),
        ("2x", 1, "unexpected 'x' in the formula"),
        ("1..2", 0, "'1..2' is not a number"),
        ("  ", 0, "the formula is empty"),
        ("a ** b", 3, "unexpected '*' in the formula"),
        ("revenue; orders", 7, "unexpected ';' in the formula"),
        # a formula is never handed to eval: code is only characters the parser refuses
        ("__import__('os').system('x')", 10, "unexpected '(' in the formula"),
        ("revenue.real", 7, "unexpected '.' in the formula"),
    ],
)
def test_what_is_not_a_formula_says_where(text: str, offset: int, message: str) -> None:
    assert error(text) == (offset, message)


def test_division_by_zero_and_missing_metrics_are_results() -> None:
    assert formula("deals / leads").value({"deals": Fraction(3), "leads": Fraction(0)}) == ZeroBase("leads")
    assert formula("a / (b - b)").value({"a": Fraction(1), "b": Fraction(2)}) == ZeroBase("(b - b)")
    assert formula("deals / leads").value({"deals": Fraction(3)}) == Missing(("leads",))
    assert formula("deals / leads").value({}) == Missing(("deals", "leads"))
    assert formula("0 / leads").value({"leads": Fraction(5)}) == 0


VALUES = {"a": Fraction(3), "b": Fraction(-2), "c": Fraction(0), "销售额": Fraction(7, 2)}
LEAVES = st.sampled_from(sorted(VALUES)) | st.integers(0, 999).map(str) | st.sampled_from(["0.5", "12.25"])
EXPRESSIONS = st.recursive(
    LEAVES,
    lambda inner: (
        st.tuples(st.sampled_from(["+", "-", "*", "/", "×", "÷", "−"]), inner, inner) | st.tuples(st.just("neg"), inner)
    ),
    max_leaves=12,
)
OPERATIONS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"}


def written(tree: object) -> str:
    if isinstance(tree, str):
        return tree
    assert isinstance(tree, tuple)
    if tree[0] == "neg":
        return f"-({written(tree[1])})"
    return f"({written(tree[1])} {tree[0]} {written(tree[2])})"


def computed(tree: object) -> Fraction | None:
    """The expression's value by Python's own Fractions (None: a division by zero on the way)."""
    if isinstance(tree, str):
        return VALUES[tree] if tree in VALUES else Fraction(tree)
    assert isinstance(tree, tuple)
    if tree[0] == "neg":
        inner = computed(tree[1])
        return None if inner is None else -inner
    left, right = computed(tree[1]), computed(tree[2])
    if left is None or right is None:
        return None
    operation = OPERATIONS[tree[0]]
    if operation == "/":
        return None if right == 0 else left / right
    return left + right if operation == "+" else left - right if operation == "-" else left * right


@settings(max_examples=200, deadline=None)
@given(tree=EXPRESSIONS)
def test_the_parser_computes_what_the_expression_means(tree: object) -> None:
    parsed = formula(written(tree))
    found, expected = parsed.value(VALUES), computed(tree)
    assert isinstance(found, ZeroBase) if expected is None else found == expected


# -- the review ------------------------------------------------------------------------------------

TARGETS = """
- id: T1
  metric: revenue
  value: 500
  split:
    - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}
    - {by: month, method: weights, weights: {2026-07: 3, 2026-08: 3, 2026-09: 4}}
- id: T4
  metric: orders
  value: 250
  unit: 单
  split:
    - {by: region, method: explicit, values: {east-a: 150, east-b: 100}}
    - {by: month, method: even}
- id: K1
  name: 客单价
  metric: average_order_value
  formula: revenue / orders
  value: 2
"""


def reviewed(loaded: LoadedPlan, rows: list[ActualRow], target: str = "K1") -> TargetReview:
    assert loaded.plan is not None
    splits = split_plan(loaded).splits
    review = review_plan(loaded.plan, splits, rows, AS_OF, Thresholds())
    return next(t for t in review.targets if t.target_id == target)


def row(target: str, value: str, region: str | None = None, day: str = "2026-07-10") -> ActualRow:
    coords = {"region": region} if region else {}
    return ActualRow(target, Decimal(value), SourceRef("a.csv"), coords, dt.date.fromisoformat(day))


def by_coords(target: TargetReview) -> dict[tuple[str, ...], ReviewRow]:
    return {tuple(r.coords.values()): r for r in target.rows}


def test_every_node_sums_its_parts_first_then_divides(small: Callable[[str], LoadedPlan]) -> None:
    rows = [
        row("T1", "60", "east-a"),
        row("T4", "20", "east-a"),
        row("T1", "40", "east-a", "2026-08-12"),
        row("T4", "30", "east-a", "2026-08-12"),
        row("T1", "30", "east-b", "2026-07-15"),
        row("T4", "15", "east-b", "2026-07-15"),
    ]
    k1 = reviewed(small(TARGETS), rows)
    nodes = by_coords(k1)
    # the levels revenue and orders share: region, then month
    assert list(nodes) == [
        (),
        ("east-a",),
        ("east-a", "2026-07"),
        ("east-a", "2026-08"),
        ("east-a", "2026-09"),
        ("east-b",),
        ("east-b", "2026-07"),
        ("east-b", "2026-08"),
        ("east-b", "2026-09"),
    ]
    total = nodes[()]
    # 130 / 65 = 2 exactly, not the average of the regions' 2 (100/50) and 2 (30/15)... nor of months 3 and 1.33
    assert (total.actual, total.achievement, total.pacing, total.status) == (
        Decimal(2),
        Decimal("100.0"),
        Decimal("100.0"),
        "on_track",
    )
    july_a, august_a = nodes[("east-a", "2026-07")], nodes[("east-a", "2026-08")]
    assert (july_a.actual, july_a.achievement, july_a.status) == (Decimal(3), Decimal("150.0"), "ahead")
    assert (august_a.actual, august_a.achievement, august_a.gap, august_a.status) == (
        Decimal("1.33"),
        Decimal("66.7"),
        Decimal("-0.67"),
        "at_risk",
    )
    # a ratio is compared as it is: the target holds at every node and date, expected = target
    assert {r.target for r in k1.rows} == {r.expected for r in k1.rows} == {Decimal(2)}
    assert k1.formula == "revenue / orders" and k1.is_rate


def test_missing_base_and_zero_divisor_are_states_never_zero(small: Callable[[str], LoadedPlan]) -> None:
    rows = [row("T1", "30", "east-b", "2026-07-15"), row("T1", "20", "east-b", "2026-08-20")]
    rows += [row("T4", "15", "east-b", "2026-07-15"), row("T4", "0", "east-b", "2026-08-20")]
    k1 = reviewed(small(TARGETS), rows)
    nodes = by_coords(k1)
    zero = nodes[("east-b", "2026-08")]
    assert zero.state is not None and (zero.state.kind, zero.state.divisor) == ("zero_base", "orders")
    assert (zero.achievement, zero.pacing, zero.status) == (None, None, "at_risk")
    missing = nodes[("east-a",)]
    assert missing.state is not None and missing.state.metrics == ("revenue", "orders")
    assert missing.state.text().render("zh") == "缺少 revenue, orders 的实际数据"
    assert zero.state.text().render("zh") == "— 无法计算（orders 为 0）"
    assert zero.state.text().render("en") == "— cannot compute (orders is 0)"
    # a month not begun yet is not at risk for lack of actuals
    assert nodes[("east-b", "2026-09")].status == "on_track"
    # the region still sums its months: 50 / 15
    assert nodes[("east-b",)].actual == Decimal("3.33")
    text = render_table(Review(AS_OF, (AS_OF, AS_OF), Thresholds(), [k1]), "zh", width=200)
    line = next(line for line in text.splitlines() if "无法计算" in line)
    assert "0.0%" not in line and "— 无法计算（orders 为 0）" in line


def test_money_is_converted_and_a_percent_target_shows_percent_points(small: Callable[[str], LoadedPlan]) -> None:
    targets = TARGETS.replace(
        "  formula: revenue / orders\n  value: 2\n", "  formula: revenue / orders\n  value: 20000\n  unit: 元\n"
    )
    targets += """
- id: K2
  metric: collection_rate
  formula: collected / revenue
  value: 90%
"""
    loaded = small(targets)
    rows = [row("T1", "10", "east-a"), row("T4", "4", "east-a"), row("collected", "7.5", "east-a")]
    k1 = reviewed(loaded, rows)
    assert k1.rows[0].actual == Decimal(25000) and k1.rows[0].achievement == Decimal("125.0")  # 10万 / 4 = 25000元
    k2 = reviewed(loaded, rows, "K2")
    # collected has no target: read in the plan's unit (万元); 7.5 / 10 = 75%, against 90%
    assert (k2.rows[0].actual, k2.rows[0].achievement, k2.rows[0].status) == (
        Decimal("75.00"),
        Decimal("83.3"),
        "behind",
    )
    assert len(k2.rows) == 9  # revenue's own levels (region, month): collected has no split to share


def test_a_target_below_its_baseline_is_lower_is_better(small: Callable[[str], LoadedPlan]) -> None:
    targets = (
        TARGETS
        + """
- id: K2
  metric: cost_ratio
  formula: cost / revenue * 100
  value: 8
  baseline: 10
  unit: 点
"""
    )
    rows = [row("T1", "100", "east-a"), row("cost", "10", "east-a")]
    k2 = reviewed(small(targets), rows, "K2")
    assert k2.lower_is_better
    assert (k2.rows[0].actual, k2.rows[0].achievement, k2.rows[0].gap) == (Decimal(10), Decimal("80.0"), Decimal(-2))


def test_a_formula_over_another_formula_computes_it_at_the_same_node(small: Callable[[str], LoadedPlan]) -> None:
    targets = (
        TARGETS
        + """
- id: K4
  metric: aov_with_tax
  formula: average_order_value * 1.13
  value: 22600
  unit: 元
"""
    )
    rows = [row("T1", "60", "east-a"), row("T4", "20", "east-a"), row("T1", "40", "east-b"), row("T4", "10", "east-b")]
    k4 = reviewed(small(targets), rows, "K4")
    # 客单价 at each node (100/30, 60/20 = 3万, 40/10 = 4万), in K4's unit (元), times 1.13
    assert [r.actual for r in k4.rows if r.depth < 2] == [Decimal("37666.67"), Decimal(33900), Decimal(45200)]


def test_the_actuals_name_a_metric_or_its_target_but_not_a_formula_target(
    small: Callable[[str], LoadedPlan], write: Callable[[str, str], Path]
) -> None:
    loaded = small(TARGETS + "- {id: K3, metric: lead_conversion, formula: deals / leads, value: 18%}\n")
    assert loaded.plan is not None
    actuals = write(
        "a.csv", "指标,区域,日期,金额\norders,A区,2026-07-01,3\nleads,,2026-07-02,40\nK1,A区,2026-07-03,2\n"
    )
    read = parse_actuals(actuals, loaded.plan)
    assert [(r.target, r.value) for r in read.rows] == [("T4", 3), ("leads", 40)]
    [problem] = read.diagnostics
    assert (problem.code, problem.source.line, problem.source.col) == ("SP063", 4, 1)
    assert problem.message == (
        "target 'K1' is computed from its formula (revenue / orders): record the metrics it names instead"
    )


def test_reviewing_only_the_kpi_still_breaks_it_down(
    small: Callable[[str], LoadedPlan], write: Callable[[str, str], Path]
) -> None:
    actuals = write("a.csv", "目标,区域,日期,金额\nT1,A区,2026-07-10,60\norders,A区,2026-07-10,20\n")
    result = review_file(small(TARGETS), actuals, AS_OF, Thresholds(), target_ids=["K1"])
    assert result.review is not None and not result.diagnostics
    [k1] = result.review.targets
    assert k1.target_id == "K1" and len(k1.rows) == 9 and k1.rows[0].actual == Decimal(3)


def test_a_misspelt_metric_is_a_warning_at_the_formula(
    small: Callable[[str], LoadedPlan], write: Callable[[str, str], Path]
) -> None:
    loaded = small(TARGETS.replace("revenue / orders", "revenue / order"))
    actuals = write("a.csv", "目标,区域,日期,金额\nT1,A区,2026-07-10,60\n")
    result = review_file(loaded, actuals, AS_OF, Thresholds())
    [warning] = result.diagnostics
    assert (warning.code, warning.source.file, warning.source.line) == ("SP069", "plan.yaml", 32)
    assert "did you mean 'orders'?" in warning.message
    assert result.review is not None  # a warning: the review is written, the KPI says what it lacks
    k1 = next(t for t in result.review.targets if t.target_id == "K1")
    assert k1.rows[0].state is not None and k1.rows[0].state.metrics == ("order",)


# -- the invariant ---------------------------------------------------------------------------------

PARTS = [("east-a", "2026-07"), ("east-a", "2026-08"), ("east-b", "2026-07"), ("east-b", "2026-09")]
DRAWN = st.lists(st.tuples(st.sampled_from(["T1", "T4"]), st.sampled_from(PARTS), st.integers(0, 10**6)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(drawn=DRAWN)
def test_each_node_is_the_formula_over_its_summed_parts(
    small: Callable[[str], LoadedPlan], drawn: list[tuple[str, tuple[str, str], int]]
) -> None:
    rows = [
        ActualRow(t, Decimal(v) / 100, SourceRef("a.csv"), {"region": r}, dt.date.fromisoformat(f"{m}-05"))
        for t, (r, m), v in drawn
    ]
    k1 = reviewed(small(TARGETS), rows)
    counted = [x for x in rows if x.day is not None and x.day <= AS_OF]  # September's are after the review date
    for node in k1.rows:
        inside = [
            x
            for x in counted
            if all(
                (x.coords.get(level) == part)
                if level == "region"
                else (x.day is not None and x.day.isoformat()[:7] == part)
                for level, part in node.coords.items()
            )
        ]
        revenue = sum((Fraction(x.value) for x in inside if x.target == "T1"), Fraction(0))
        orders = sum((Fraction(x.value) for x in inside if x.target == "T4"), Fraction(0))
        has = {x.target for x in inside}
        if has != {"T1", "T4"}:
            assert node.state is not None and node.state.kind == "missing" and node.achievement is None
        elif orders == 0:
            assert node.state is not None and node.state.kind == "zero_base" and node.achievement is None
        else:
            assert node.state is None
            assert node.actual == to_decimal(revenue / orders, CENTS)
            assert node.achievement == to_decimal(revenue / orders / 2 * 100, Decimal("0.1"))


def test_the_kpi_plan_of_the_goldens_lints_without_errors() -> None:
    text = regen().kpi_plan_text()
    result = lint_text(text, "kpi-plan.yaml")
    assert [d.format("en") for d in result.diagnostics if d.severity is Severity.ERROR] == []
    assert not [d for d in result.diagnostics if d.code == "SP106"]  # 500 / 250 = 2; 450 / 500 = 90%
    assert load_text(text, "kpi-plan.yaml").ok


def regen() -> ModuleType:
    """tests/review/regen_golden.py (it builds the KPI plan of the goldens), imported once."""
    name = "review_regen_golden"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "regen_golden.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def test_ci_findings_name_the_state(small: Callable[[str], LoadedPlan]) -> None:
    from salesplan.review.annotations import review_findings

    loaded = small(TARGETS)
    assert loaded.plan is not None
    rows = [row("T1", "30", "east-b"), row("T4", "0", "east-b"), row("T1", "50", "east-a")]
    review = review_plan(loaded.plan, split_plan(loaded).splits, rows, AS_OF, Thresholds())
    review.targets = [t for t in review.targets if t.target_id == "K1"]
    found = [(d.name, d.message, d.message_zh) for d in review_findings(review, loaded)]
    assert found == [
        (
            "review-at-risk",
            "K1 · overall: at risk, — cannot compute (orders is 0)",
            "K1 · 整体：风险，— 无法计算（orders 为 0）",
        ),
        ("review-at-risk", "K1 · A区: at risk, no actuals for orders", "K1 · A区：风险，缺少 orders 的实际数据"),
        (
            "review-at-risk",
            "K1 · B区: at risk, — cannot compute (orders is 0)",
            "K1 · B区：风险，— 无法计算（orders 为 0）",
        ),
    ]


def test_an_english_metric_column(small: Callable[[str], LoadedPlan], write: Callable[[str, str], Path]) -> None:
    loaded = small(TARGETS)
    assert loaded.plan is not None
    actuals = write("a.csv", "metric,region,date,value\nrevenue,east-a,2026-07-01,30\norders,east-a,2026-07-01,10\n")
    read = parse_actuals(actuals, loaded.plan)
    assert ([(r.target, r.value) for r in read.rows], read.diagnostics) == ([("T1", 30), ("T4", 10)], [])


def test_an_unsplit_base_target_shares_no_level(small: Callable[[str], LoadedPlan]) -> None:
    targets = TARGETS.replace(
        """  unit: 单
  split:
    - {by: region, method: explicit, values: {east-a: 150, east-b: 100}}
    - {by: month, method: even}
""",
        "  unit: 单\n",
    )
    k1 = reviewed(small(targets), [row("T1", "60", "east-a"), row("T4", "20", "east-a")])
    assert [(r.depth, r.actual) for r in k1.rows] == [(0, Decimal(3))]


def test_a_kpi_without_a_value_fails_the_gate(small: Callable[[str], LoadedPlan]) -> None:
    loaded = small(TARGETS)
    assert loaded.plan is not None
    rows = [row("T1", "60", "east-a"), row("T4", "0", "east-a")]
    review = review_plan(loaded.plan, split_plan(loaded).splits, rows, AS_OF, Thresholds())
    assert "K1" in [t.target_id for t in review.under(Decimal(0))]  # 60 / 0: no value, not a pass
