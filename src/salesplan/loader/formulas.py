"""Checks of the targets' `formula:` (derived KPIs): each must parse (SP035), and no formula may
depend, through other formula targets' metrics, on its own target's metric (SP036).

A name a formula uses that no target measures is not an error here: the actuals may record it
(`salesplan review` judges that, SP069).
"""

from __future__ import annotations

from typing import Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef
from salesplan.i18n import _
from salesplan.loader.yamltree import Path_, SourceMap
from salesplan.model.formula import Formula, FormulaError, parse

_QUOTES = ("'", '"')


def _formula_targets(data: dict[str, Any]) -> list[tuple[int, dict[str, Any], str]]:
    targets = data.get("targets")
    if not isinstance(targets, list):
        return []
    return [
        (i, t, t["formula"]) for i, t in enumerate(targets) if isinstance(t, dict) and isinstance(t.get("formula"), str)
    ]


def _at(source: SourceMap, path: Path_, offset: int) -> SourceRef:
    """The place of `offset` inside the formula's text (the value's start where it spans lines)."""
    ref = source.ref(path)
    if ref.end_line is not None and ref.end_line != ref.line:
        return ref
    quoted = source.line_text(ref.line)[ref.col - 1 : ref.col] in _QUOTES
    return SourceRef(ref.file, ref.line, ref.col + offset + (1 if quoted else 0))


def check_formulas(data: dict[str, Any], source: SourceMap) -> list[Diagnostic]:
    """SP035 for a formula that does not parse, SP036 for each formula target on a cycle."""
    out: list[Diagnostic] = []
    parsed: dict[str, tuple[int, Formula]] = {}  # metric -> (target index, formula) of the formula targets
    for i, target, text in _formula_targets(data):
        path: Path_ = ("targets", i, "formula")
        found = parse(text)
        if isinstance(found, FormulaError):
            where = _at(source, path, found.offset)
            hint = _("write metric names, numbers, + - * / and parentheses, e.g. revenue / orders")
            out.append(codes.diagnostic(codes.FORMULA_SYNTAX, where, found.message, path=path, hint=hint))
            continue
        metric = target.get("metric")
        if isinstance(metric, str):
            parsed.setdefault(metric, (i, found))
    for metric, (i, _formula) in parsed.items():
        cycle = _cycle_from(metric, parsed)
        if cycle is None:
            continue
        path = ("targets", i, "formula")
        ident = data["targets"][i].get("id")
        message = _(
            "the formula of target '{id}' depends on its own metric: {cycle}", id=ident, cycle=" → ".join(cycle)
        )
        hint = _("a formula is computed from other metrics: break the circle")
        out.append(codes.diagnostic(codes.FORMULA_CYCLE, source.ref(path), message, path=path, hint=hint))
    return out


def _cycle_from(start: str, parsed: dict[str, tuple[int, Formula]]) -> list[str] | None:
    """The metrics of a path from `start` back to itself through formula metrics, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        metric, trail = stack.pop()
        for name in parsed[metric][1].names():
            if name == start:
                return [*trail, start]
            if name in parsed and name not in seen:
                seen.add(name)
                stack.append((name, [*trail, name]))
    return None
