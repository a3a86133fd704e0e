"""Export findings as warnings located at the plan value they come from (file:line:col)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef, inert
from salesplan.export.findings import Finding
from salesplan.export.forbidden import FORBIDDEN
from salesplan.export.xlsx_text import CUT_MARK
from salesplan.i18n import Message, _, n_

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan

_Path = tuple[str | int, ...]
_QUOTE = 60  # characters of a text quoted in a message


def _scalars(data: Any, path: _Path = ()) -> Iterator[tuple[_Path, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _scalars(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _scalars(value, (*path, index))
    else:
        yield path, data


class PlanValues:
    """The plan's texts and numbers by value, to find where a text or number of the export was written."""

    def __init__(self, data: Any) -> None:
        self.texts: dict[str, _Path] = {}
        self.numbers: dict[Decimal, _Path] = {}
        self.forbidden: list[tuple[str, _Path]] = []
        for path, value in _scalars(data):
            if isinstance(value, str):
                self.texts.setdefault(value, path)
                if not value.isprintable() and FORBIDDEN.search(value):
                    self.forbidden.append((value, path))
            elif isinstance(value, (Decimal, int)) and not isinstance(value, bool):
                self.numbers.setdefault(Decimal(value), path)

    def text_path(self, text: str, code: str) -> _Path | None:
        """The plan text that is `text`, else the longest one inside it (holding a forbidden character
        when that is what the finding is about)."""
        exact = self.texts.get(text)
        if exact is not None:
            return exact
        pool = self.forbidden if code == codes.FORBIDDEN_CHARACTER else self.texts.items()
        best: tuple[int, _Path] | None = None
        for value, path in pool:
            if len(value) > 1 and value in text and (best is None or len(value) > best[0]):
                best = (len(value), path)
        return best[1] if best else None

    def number_path(self, number: Decimal) -> _Path | None:
        return self.numbers.get(number)


def _quote(text: str) -> str:
    return inert(text if len(text) <= _QUOTE else text[:_QUOTE] + "…")


_PLACES = {"title": _("the document title"), "subtitle": _("the document subtitle")}


def _message(finding: Finding, places: int) -> Message:
    """What export changed, where it first shows (and in how many more places)."""
    more = n_(" (and {count} more place)", " (and {count} more places)", places - 1) if places > 1 else ""
    where = _PLACES.get(finding.where, finding.where)
    value = finding.value
    if finding.code == codes.FORBIDDEN_CHARACTER:
        return _(
            "{chars} cannot be written to a file; shown as U+FFFD (\ufffd) in {where}{more}: '{text}'",
            chars=finding.detail,
            where=where,
            more=more,
            text=_quote(str(value)),
        )
    if finding.code == codes.CELL_TEXT_CUT:
        return _(
            "text of {length} characters is over Excel's 32,767 per cell; cut in {where}{more}, ending in {mark}: "
            "'{text}'",
            length=finding.detail,
            where=where,
            more=more,
            mark=CUT_MARK,
            text=_quote(str(value)),
        )
    detail = _(", {detail}", detail=finding.detail) if finding.detail else ""
    return _(
        "{number} has more than 15 significant digits, which Excel would round; written as exact text in "
        "{where}{more}{detail}",
        number=value,
        where=where,
        more=more,
        detail=detail,
    )


def locate(findings: Sequence[Finding], loaded: LoadedPlan) -> list[Diagnostic]:
    """One warning per plan value (the first place it shows, and how many more), at that value's position."""
    if not findings:
        return []
    values, source = PlanValues(loaded.data), loaded.source
    grouped: dict[tuple[str, _Path | None, str | Decimal], list[Finding]] = {}
    for finding in findings:
        value = finding.value
        path = values.number_path(value) if isinstance(value, Decimal) else values.text_path(value, finding.code)
        key = (finding.code, path, value if path is None else "")
        grouped.setdefault(key, []).append(finding)
    out: list[Diagnostic] = []
    for (code, path, _value), group in grouped.items():
        first = group[0]
        where = source.ref(path) if path is not None else SourceRef(source.file, 1, 1)
        out.append(codes.diagnostic(code, where, _message(first, len(group)), path=path or ()))
    return out
