"""What an import made: the plan's updated data, what was read and changed, the diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from salesplan.diagnostics import Diagnostic
from salesplan.i18n import DEFAULT, Message, _, n_
from salesplan.importer.book import Book


@dataclass(frozen=True)
class Quoted(Message):
    """Another part's diagnostic quoted inside an import message: its own text in each language."""

    en: str = ""
    zh: str = ""

    @classmethod
    def of(cls, diag: Diagnostic) -> Quoted:
        return cls("", en=diag.text("en"), zh=diag.text("zh"))

    def render(self, lang: str = DEFAULT) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass
class Summary:
    """What was read and what changed, by kind: targets, split values, strategies, risks, tasks."""

    read: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    items: set[tuple[str, str]] = field(default_factory=set)  # the (kind, id) counted as changed

    def change(self, kind: str, item_id: str) -> None:
        """An item changed: counted once however many of its cells (and its split's total) changed."""
        if (kind, item_id) not in self.items:
            self.items.add((kind, item_id))
            self.changed[kind] = self.changed.get(kind, 0) + 1

    def saw(self, kind: str, changed: bool = False) -> None:
        self.read[kind] = self.read.get(kind, 0) + 1
        if changed:
            self.changed[kind] = self.changed.get(kind, 0) + 1


@dataclass
class Imported:
    """The plan's data after the workbook (None when a diagnostic is an error), the text it is written into
    (the embedded plan's, the `--into` file's, or None for a new plan from a blank template)."""

    data: Any = None
    base: str | None = None
    summary: Summary = field(default_factory=Summary)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    blank: bool = False
    lang: str = "zh"
    book: Book | None = None  # an exported workbook as read (its derived cells are checked by the caller)


KINDS = ("targets", "values", "strategies", "risks", "tasks")


def summary_lines(summary: Summary, blank: bool = False) -> list[Message]:
    """One line per kind read: `3 targets read, 1 changed` (targets, split values, strategies, risks, tasks)."""
    words = {
        "targets": lambda n: n_("{count} target", "{count} targets", n),
        "values": lambda n: n_("{count} split value", "{count} split values", n),
        "strategies": lambda n: n_("{count} strategy", "{count} strategies", n),
        "risks": lambda n: n_("{count} risk", "{count} risks", n),
        "tasks": lambda n: n_("{count} task", "{count} tasks", n),
    }
    lines = []
    for kind in KINDS:
        if summary.read.get(kind):
            items, changed = words[kind](summary.read[kind]), summary.changed.get(kind, 0)
            lines.append(
                _("{items} read", items=items)
                if blank
                else _("{items} read, {changed} changed", items=items, changed=changed)
            )
    return lines or [_("nothing read: the workbook's sheets hold no rows")]
