"""Loading a plan file: text -> data + source map -> validated `Plan`, errors as values.

`load_plan` never raises for bad input: every problem of the file comes back as a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic, has_errors
from salesplan.i18n import Message, _
from salesplan.loader.source import read_source
from salesplan.loader.yamltree import SourceMap, parse_yaml

if TYPE_CHECKING:
    from salesplan.model.plan import Plan


@dataclass
class LoadedPlan:
    """A plan file as loaded: the model (None when invalid), its source map and all findings."""

    file: str
    source: SourceMap
    data: Any = None
    plan: Plan | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    is_plan: bool = True
    text: str | None = None  # the file's text as read (what an exported workbook embeds)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not has_errors(self.diagnostics)


def _not_a_plan(source: SourceMap, message: Message) -> Diagnostic:
    return codes.diagnostic(codes.NOT_A_PLAN, source.ref(()), message)


def load_plan(path: Path | str, display: str | None = None) -> LoadedPlan:
    """Read, parse, validate and cross-check one plan file."""
    text = read_source(path, display)
    if text.text is None:
        return LoadedPlan(text.file, SourceMap(text.file), diagnostics=text.diagnostics)
    return load_text(text.text, text.file)


def load_text(text: str, file: str = "<string>") -> LoadedPlan:
    """Like `load_plan`, for text already in memory."""
    parsed = parse_yaml(text, file)
    result = LoadedPlan(file, parsed.source, parsed.data, diagnostics=list(parsed.diagnostics), text=text)
    data = parsed.data
    if data is None and parsed.diagnostics:
        return result
    if data is None:
        result.is_plan = False
        result.diagnostics.append(_not_a_plan(parsed.source, _("file is empty")))
        return result
    if not isinstance(data, dict) or "salesplan" not in data:
        result.is_plan = False
        result.diagnostics.append(
            _not_a_plan(parsed.source, _("not a salesplan plan: the top level needs 'salesplan: 1'"))
        )
        return result
    if type(data["salesplan"]) is not int or data["salesplan"] != 1:  # not 1.0, not true
        version = parsed.source.written(("salesplan",)) or str(data["salesplan"])
        result.diagnostics.append(
            codes.diagnostic(
                codes.UNSUPPORTED_VERSION,
                parsed.source.ref(("salesplan",)),
                _("format version '{version}' is not supported; this salesplan reads format 1", version=version),
                path=("salesplan",),
            )
        )
        return result
    return _validate(result)


def _plan_unit(data: dict[str, Any]) -> str:
    from salesplan.model.values import DEFAULT_UNIT

    header = data.get("plan")
    unit = header.get("unit") if isinstance(header, dict) else None
    return unit if isinstance(unit, str) else DEFAULT_UNIT


def _validate(result: LoadedPlan) -> LoadedPlan:
    """The model's findings, the id and reference checks and the YAML layer's, all in one run.

    The checks read the loaded data, so they run whether or not the model could be built; a path
    that already has a finding (a value refused by the YAML layer or by the model) gets no second.
    """
    from pydantic import ValidationError

    from salesplan.loader.checks import check_data
    from salesplan.loader.formulas import check_formulas
    from salesplan.loader.validate import validation_diagnostics
    from salesplan.model.plan import Plan

    refused_by_yaml = bool(result.diagnostics)  # a refused value became None: the data is not the file's
    try:
        plan = Plan.model_validate(result.data, context={"unit": _plan_unit(result.data)})
        if not refused_by_yaml:
            result.plan = plan
    except ValidationError as exc:
        known = {d.path for d in result.diagnostics} | result.source.refused
        found = validation_diagnostics(exc, result.data, result.source, Plan, known)
        result.diagnostics += [d for d in found if d.path not in known]
    known = {d.path for d in result.diagnostics}
    result.diagnostics += [d for d in check_data(result.data, result.source) if d.path not in known]
    result.diagnostics += [d for d in check_formulas(result.data, result.source) if d.path not in known]
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result
