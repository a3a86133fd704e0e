"""The header row of an actuals table: which column is which, and the unit a value header names.

A header is matched after trimming, ignoring case and reading full-width letters as ASCII. A
value header may name its unit in brackets (`金额（万元）`, `value (元)`, `实际[亿元]`): every amount
of the column is then in that unit. Words of the user's own (`[review.columns]` in salesplan.toml)
are matched first. A header salesplan cannot place is an error, with the nearest known word,
unless it is listed to be ignored (`ignore = [...]` there, or `--ignore-column`): a column meant
for the rep that silently counted for the region only would make the review wrong.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from salesplan.i18n import Message, _
from salesplan.numbers import narrow
from salesplan.review.amounts import MONEY_EXAMPLES, money_scale
from salesplan.review.words import listing

# the documented table (README "The actuals file"): the words of each column, English then Chinese
COLUMNS: dict[str, tuple[str, ...]] = {
    "target": ("target", "metric", "目标", "目标编号", "指标", "指标名称"),
    "region": ("region", "区域", "大区", "片区", "地区", "区域名称"),
    "product": ("product", "产品", "产品线", "品类"),
    "rep": ("rep", "salesperson", "销售代表", "代表", "销售", "销售员", "业务员", "客户经理", "姓名"),
    "account": ("account", "customer", "客户", "客户名称", "客户编号"),
    "channel": ("channel", "渠道", "渠道名称", "销售渠道"),
    "date": ("date", "日期", "成交日期", "下单日期"),
    "month": ("month", "月份", "月"),
    "strategy": ("strategy", "策略", "策略编号", "归因策略"),
    "value": (
        "value",
        "amount",
        "actual",
        "金额",
        "数值",
        "实际",
        "实际值",
        "实际金额",
        "销售额",
        "实际销售额",
        "成交金额",
        "业绩",
    ),
}
COLUMN_KEYS = tuple(COLUMNS)
# the value column's words a diagnostic suggests when the table has none (each is one of COLUMNS["value"])
VALUE_WORDS = ("value", "金额", "实际", "销售额")
_HEADER_UNIT = re.compile(r"^(?P<word>.+?)\s*[(\[【]\s*(?P<unit>[^()\[\]【】]+?)\s*[)\]】]$")


def key(text: Any) -> str:
    """A header as it is matched: trimmed, lower case, full-width forms read as ASCII."""
    return " ".join(narrow(str(text)).split()).lower() if text is not None else ""


@dataclass(frozen=True)
class ColumnSettings:
    """The user's header words for each column, and the headers to leave unread."""

    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    # the columns the file takes, matched and listed in a hint (None: COLUMNS), and whether the command
    # reads [review.columns] and --ignore-column (split and lint do not: their hints never name them)
    accepted: Mapping[str, tuple[str, ...]] | None = None
    configurable: bool = True

    def with_ignored(self, names: Sequence[str]) -> ColumnSettings:
        return ColumnSettings(self.words, (*self.ignore, *names), self.accepted, self.configurable)


@dataclass
class Header:
    """Where each column sits, the unit the value header names, and each header cell that is a problem."""

    columns: dict[str, int] = field(default_factory=dict)
    value_unit: tuple[str, str] | None = None  # (header as written, unit)
    problems: list[tuple[int, Message, Message | None]] = field(default_factory=list)  # (column, message, hint)


def read_header(cells: Sequence[Any], settings: ColumnSettings, units: Sequence[str]) -> Header:
    """Place every header cell; `units` are the plan's target units (a value header may name one)."""
    words = _words(settings)
    ignored = {key(name) for name in settings.ignore}
    header = Header()
    for index, cell in enumerate(cells):
        name = key(cell)
        if not name or name in ignored:
            continue
        canonical, unit = _place(name, words)
        if canonical is None:
            header.problems.append((index, *_unknown(str(cell).strip(), words, settings)))
        elif canonical in header.columns:
            shown, first = str(cell).strip(), header.columns[canonical] + 1
            header.problems.append(
                (
                    index,
                    _repeated(canonical, shown, first),
                    _("remove one of them, or skip this one with --ignore-column '{header}'", header=shown)
                    if settings.configurable
                    else _("remove one of them"),
                )
            )
        elif unit is not None and canonical != "value":
            header.columns[canonical] = index  # `日期(年月日)`: the bracket only explains
        elif unit is not None and not (money_scale(unit) or unit in units):
            header.problems.append(
                (
                    index,
                    _(
                        "column '{header}' names a unit salesplan does not know: '{unit}'",
                        header=str(cell).strip(),
                        unit=unit,
                    ),
                    _(
                        "write a unit such as {money} or one of the targets' ({units})",
                        money=listing(MONEY_EXAMPLES),
                        units=listing(units),
                    ),
                )
            )
        else:
            header.columns[canonical] = index
            if unit is not None:
                header.value_unit = (str(cell).strip(), unit)
    return header


def header_unit(name: str) -> tuple[str, str | None]:
    """A matched header (`key`) and the unit its brackets name: `金额（万元）` -> (`金额`, `万元`)."""
    match = _HEADER_UNIT.match(name)
    return (match["word"], match["unit"]) if match is not None else (name, None)


def _words(settings: ColumnSettings) -> dict[str, str]:
    """Every header word -> its column; the user's words win over the built-in ones."""
    builtin = COLUMNS if settings.accepted is None else settings.accepted
    words = {key(word): canonical for canonical, aliases in builtin.items() for word in aliases}
    return words | {key(word): canonical for canonical, aliases in settings.words.items() for word in aliases}


def _place(name: str, words: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The column a header names and the unit in its brackets (a whole header of the user's wins)."""
    if name in words:
        return words[name], None
    match = _HEADER_UNIT.match(name)
    if match is not None and match["word"] in words:
        return words[match["word"]], match["unit"]
    return None, None


def _repeated(column: str, shown: str, first: int) -> Message:
    """A second header for `column`: a whole sentence per column, as Chinese names some columns
    differently from other parts of salesplan (the month column is 月份, a month level 月)."""
    fields = {"header": shown, "first": first}
    return {
        "target": _("repeated column '{header}': column {first} is already the target", **fields),
        "region": _("repeated column '{header}': column {first} is already the region", **fields),
        "product": _("repeated column '{header}': column {first} is already the product", **fields),
        "rep": _("repeated column '{header}': column {first} is already the rep", **fields),
        "account": _("repeated column '{header}': column {first} is already the account", **fields),
        "channel": _("repeated column '{header}': column {first} is already the channel", **fields),
        "date": _("repeated column '{header}': column {first} is already the date", **fields),
        "month": _("repeated column '{header}': column {first} is already the month", **fields),
        "strategy": _("repeated column '{header}': column {first} is already the strategy", **fields),
        "value": _("repeated column '{header}': column {first} is already the value", **fields),
    }[column]


def _unknown(shown: str, words: Mapping[str, str], settings: ColumnSettings) -> tuple[Message, Message]:
    near = difflib.get_close_matches(key(shown), list(words), n=1, cutoff=0.6)
    columns = COLUMNS if settings.accepted is None else settings.accepted
    accepted = "; ".join(f"{column}: {' / '.join(aliases)}" for column, aliases in columns.items())
    guess = _(" (did you mean '{word}'?)", word=near[0]) if near else ""
    message = _("unknown column '{header}'{guess}: salesplan cannot place it", header=shown, guess=guess)
    if not settings.configurable:
        return message, _(
            "accepted headers — {accepted}. Rename the column to one of them, or delete it", accepted=accepted
        )
    return (
        message,
        _(
            "accepted headers — {accepted}. Map your own under [review.columns] in salesplan.toml "
            "(e.g. rep = [\"{header}\"]), or skip the column with --ignore-column '{header}'",
            accepted=accepted,
            header=shown,
        ),
    )
