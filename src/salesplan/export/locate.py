"""Export findings as warnings located at the plan value they come from (file:line:col)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic, SourceRef, inert
from salesplan.export.findings import PART_OF_SUM, SUM_AS_VALUE, Finding
from salesplan.export.forbidden import FORBIDDEN

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


_PLACES = {"title": ("the document title", "文档标题"), "subtitle": ("the document subtitle", "文档副标题")}


def _messages(finding: Finding, places: int) -> tuple[str, str]:
    more_en = f" (and {places - 1} more places)" if places > 1 else ""
    more_zh = f"（另有 {places - 1} 处）" if places > 1 else ""
    where, where_zh = _PLACES.get(finding.where, (finding.where, finding.where))
    value = finding.value
    if finding.code == codes.FORBIDDEN_CHARACTER:
        return (
            f"{finding.detail} cannot be written to a file; shown as U+FFFD (�) in {where}{more_en}: "
            f"'{_quote(str(value))}'",
            f"{finding.detail} 不能写入文件，已在 {where_zh}{more_zh} 显示为 U+FFFD（�）：'{_quote(str(value))}'",
        )
    if finding.code == codes.CELL_TEXT_CUT:
        return (
            f"text of {finding.detail} characters is over Excel's 32,767 per cell; cut in {where}{more_en}, "
            f"ending in …[truncated]: '{_quote(str(value))}'",
            f"文本共 {finding.detail} 个字符，超过 Excel 单元格上限 32,767；已在 {where_zh}{more_zh} 截断，"
            f"以 …[截断] 结尾：'{_quote(str(value))}'",
        )
    return (
        f"{value} has more than 15 significant digits, which Excel would round; written as exact text in "
        f"{where}{more_en}{finding.detail and ', ' + finding.detail}",
        f"{value} 有效数字超过 15 位，Excel 会舍入；已在 {where_zh}{more_zh} 以文本写出精确值"
        f"{finding.detail and '，' + _ZH_DETAIL.get(finding.detail, finding.detail)}",
    )


_ZH_DETAIL = {
    SUM_AS_VALUE: "这是合计：写为精确值而非 SUM 公式",
    PART_OF_SUM: "包含它的合计写为精确值而非 SUM 公式（SUM 会跳过文本）",
}


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
    for (code, path, _), group in grouped.items():
        first = group[0]
        message, message_zh = _messages(first, len(group))
        where = source.ref(path) if path is not None else SourceRef(source.file, 1, 1)
        out.append(codes.diagnostic(code, where, message, message_zh, path or ()))
    return out
