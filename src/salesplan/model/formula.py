"""A derived KPI's formula (`formula: revenue / orders`): a tiny arithmetic language over metric names.

    parse(text) -> Formula | FormulaError
    formula.value(values) -> Fraction | Missing | ZeroBase

The language: numbers (`100`, `0.5`), metric names (letters, digits and `_`, Chinese too, not
starting with a digit), `+ - * /` (and `× ÷ −`), unary minus, parentheses (full-width ones too).
It is parsed here by recursive descent, never handed to `eval`: a formula can compute nothing but
exact arithmetic (`fractions.Fraction`) over the values it is given. A division by zero and a
metric without a value are results (`ZeroBase`, `Missing`), not exceptions: review shows them as
states of a node.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from salesplan.i18n import Message, _

OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"}
FORMULA_PARENTHESES = {"(": ")", "（": "）"}  # an opening parenthesis -> its closing one (full-width too)
OPENING, CLOSING = tuple(FORMULA_PARENTHESES), tuple(FORMULA_PARENTHESES.values())
MAX_LENGTH = 500  # a formula longer than this is refused: it is a KPI, not a program


@dataclass(frozen=True)
class Number:
    value: Fraction
    start: int
    end: int


@dataclass(frozen=True)
class Name:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Operation:
    operator: str  # one of + - * /
    left: Node
    right: Node
    start: int
    end: int


@dataclass(frozen=True)
class Negation:
    operand: Node
    start: int
    end: int


Node = Number | Name | Operation | Negation


@dataclass(frozen=True)
class Missing:
    """Metrics the formula needs that have no value (in the formula's order, each once)."""

    metrics: tuple[str, ...]


@dataclass(frozen=True)
class ZeroBase:
    """A divisor is 0: `divisor` is its text in the formula (`orders`, `(leads + visits)`)."""

    divisor: str


@dataclass(frozen=True)
class FormulaError:
    """Why the text is not a formula, and where (0-based offset in the text)."""

    offset: int
    message: Message


@dataclass(frozen=True)
class Formula:
    text: str
    root: Node

    def names(self) -> tuple[str, ...]:
        """The metric names, in the order they appear, each once."""
        found: dict[str, None] = {}
        stack: list[Node] = [self.root]
        while stack:
            node = stack.pop()
            if isinstance(node, Name):
                found.setdefault(node.name)
            elif isinstance(node, Operation):
                stack += [node.right, node.left]
            elif isinstance(node, Negation):
                stack.append(node.operand)
        return tuple(found)

    def value(self, values: Mapping[str, Fraction | None]) -> Fraction | Missing | ZeroBase:
        """The formula over `values` (metric -> value; None or absent: no value), exactly."""
        missing = tuple(name for name in self.names() if values.get(name) is None)
        if missing:
            return Missing(missing)
        return self._value(self.root, values)

    def _value(self, node: Node, values: Mapping[str, Fraction | None]) -> Fraction | ZeroBase:
        if isinstance(node, Number):
            return node.value
        if isinstance(node, Name):
            found = values[node.name]
            assert found is not None  # `value` checked every name
            return found
        if isinstance(node, Negation):
            inner = self._value(node.operand, values)
            return inner if isinstance(inner, ZeroBase) else -inner
        left = self._value(node.left, values)
        if isinstance(left, ZeroBase):
            return left
        right = self._value(node.right, values)
        if isinstance(right, ZeroBase):
            return right
        if node.operator == "+":
            return left + right
        if node.operator == "-":
            return left - right
        if node.operator == "*":
            return left * right
        if right == 0:
            return ZeroBase(self.text[node.right.start : node.right.end].strip())
        return left / right


def _is_name_start(char: str) -> bool:
    return char == "_" or (char.isalpha() and char not in OPERATORS)


def _is_name_char(char: str) -> bool:
    return char == "_" or char.isalnum()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def fail(self, offset: int | None = None) -> _Failed:
        at = self.at if offset is None else offset
        if at >= len(self.text):
            return _Failed(FormulaError(len(self.text), _("the formula ends where a metric or a number should be")))
        return _Failed(FormulaError(at, _("unexpected '{char}' in the formula", char=self.text[at])))

    def skip(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def peek(self) -> str:
        self.skip()
        return self.text[self.at] if self.at < len(self.text) else ""

    def expression(self) -> Node:
        return self.chain(("+", "-"), self.term)

    def term(self) -> Node:
        return self.chain(("*", "/"), self.factor)

    def chain(self, operators: tuple[str, str], operand: Callable[[], Node]) -> Node:
        """Operands joined by `operators`, left to right (one precedence level: a - b - c is (a - b) - c)."""
        node = operand()
        while OPERATORS.get(self.peek()) in operators:
            operator = OPERATORS[self.text[self.at]]
            self.at += 1
            right = operand()
            node = Operation(operator, node, right, node.start, right.end)
        return node

    def factor(self) -> Node:
        char = self.peek()
        start = self.at
        if OPERATORS.get(char) in ("+", "-"):
            self.at += 1
            operand = self.factor()
            return operand if OPERATORS[char] == "+" else Negation(operand, start, operand.end)
        if char in OPENING:
            self.at += 1
            inner = self.expression()
            if self.peek() not in CLOSING:
                if self.at >= len(self.text):
                    raise _Failed(FormulaError(start, _("this parenthesis is never closed")))
                raise self.fail()
            self.at += 1
            return _within(inner, start, self.at)
        if char.isdigit():
            return self.number()
        if char and _is_name_start(char):
            while self.at < len(self.text) and _is_name_char(self.text[self.at]):
                self.at += 1
            return Name(self.text[start : self.at], start, self.at)
        raise self.fail()

    def number(self) -> Number:
        start = self.at
        while self.at < len(self.text) and (self.text[self.at].isdigit() or self.text[self.at] == "."):
            self.at += 1
        written = self.text[start : self.at]
        if written.count(".") > 1 or written.endswith(".") or not written.isascii():
            raise _Failed(FormulaError(start, _("'{number}' is not a number", number=written)))
        if self.at < len(self.text) and _is_name_char(self.text[self.at]):
            raise self.fail()
        return Number(Fraction(written), start, self.at)


def _within(node: Node, start: int, end: int) -> Node:
    """`node` spanning its parentheses too (a divisor's text then reads `(leads + visits)`)."""
    if isinstance(node, Number):
        return Number(node.value, start, end)
    if isinstance(node, Name):
        return node  # a name in parentheses is named as itself
    if isinstance(node, Negation):
        return Negation(node.operand, start, end)
    return Operation(node.operator, node.left, node.right, start, end)


class _Failed(Exception):
    def __init__(self, error: FormulaError) -> None:
        super().__init__(error.offset)
        self.error = error


def parse(text: str) -> Formula | FormulaError:
    """The formula written in `text`, or where and why it is not one."""
    if not text.strip():
        return FormulaError(0, _("the formula is empty"))
    if len(text) > MAX_LENGTH:
        return FormulaError(MAX_LENGTH, _("the formula is longer than {limit} characters", limit=MAX_LENGTH))
    parser = _Parser(text)
    try:
        root = parser.expression()
        if parser.peek():
            raise parser.fail()
    except _Failed as failed:
        return failed.error
    return Formula(text, root)
