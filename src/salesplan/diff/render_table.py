"""The terminal rendering of a plan diff (rich tables, plain text: no colour codes in a pipe)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesplan.diff import present, words
from salesplan.diff.result import EntityDiff, FieldChange, PlanDiff, TargetDiff
from salesplan.i18n import render
from salesplan.rendering import RenderOptions, plain_console

if TYPE_CHECKING:
    from rich.console import Console


def _header(key: str, lang: str) -> str:
    return words.HEADER[key].render(lang)


def _fields(console: Console, changes: tuple[FieldChange, ...], lang: str) -> None:
    from rich.table import Table

    table = Table(show_header=True)
    for key in ("field", "old", "new", "change"):
        table.add_column(_header(key, lang), justify="right" if key == "change" else "left")
    for c in changes:
        table.add_row(
            render(words.field_name(c.name), lang),
            present.value_text(c, c.old, lang),
            present.value_text(c, c.new, lang),
            present.delta_text(c, lang),
        )
    console.print(table)


def _parts(console: Console, target: TargetDiff, lang: str) -> None:
    from rich.table import Table

    table = Table(show_header=True)
    table.add_column(_header("part", lang))
    table.add_column(_header("level", lang))
    for key in ("old", "new", "change", "pct"):
        table.add_column(_header(key, lang), justify="right")
    table.add_column(_header("cause", lang))
    for part in target.parts:
        table.add_row(
            "  " * (part.depth - 1) + present.part_name(part),
            present.part_level(part, lang),
            present.amount(part.old),
            present.amount(part.new),
            present.signed(part.delta) if part.cause != "context" else "0",
            present.percent(part.pct),
            words.CAUSE[part.cause].render(lang),
            style="bold" if part.depth == 1 else None,
        )
    console.print(table)


def _entities(console: Console, items: tuple[EntityDiff, ...], lang: str) -> None:
    from rich.table import Table

    table = Table(show_header=True, show_lines=True)
    for key in ("id", "what", "status", "changes"):
        table.add_column(_header(key, lang))
    for item in items:
        status = words.STATUS[item.status].render(lang)
        table.add_row(item.id, present.entity_name(item, lang), status, "\n".join(present.entity_lines(item, lang)))
    console.print(table)


def render_table(diff: PlanDiff, options: RenderOptions) -> str:
    """The diff as text tables, one section after the other, with a closing count (`options.width` columns)."""
    lang = options.lang

    console, buffer = plain_console(options.width)
    if not diff.changed:
        console.print(words.no_change(diff.old_file, diff.new_file).render(lang))
        return buffer.getvalue()
    console.print(words.title(diff.old_file, diff.new_file).render(lang))
    console.print(words.amounts_in(diff.unit).render(lang))

    def section(key: str) -> None:
        console.print(f"\n{words.SECTION[key].render(lang)}", style="bold")

    if diff.plan:
        section("plan")
        _fields(console, diff.plan, lang)
    if diff.targets:
        section("targets")
        for target in diff.targets:
            status = words.STATUS[target.status].render(lang)
            console.print(f"{present.target_title(target)} [{status}]")
            if target.fields:
                _fields(console, target.fields, lang)
            if not target.comparable:
                console.print(present.not_comparable(target, lang))
            if target.parts:
                _parts(console, target, lang)
    for key, items in (("strategies", diff.strategies),):
        if items:
            section(key)
            _entities(console, items, lang)
    if diff.budget:
        section("budget")
        _fields(console, diff.budget, lang)
    for key, items in (("risks", diff.risks), ("tasks", diff.tasks), ("team", diff.team)):
        if items:
            section(key)
            _entities(console, items, lang)
    if diff.other:
        section("other")
        for name in diff.other:
            console.print(f"- {words.OTHER[name].render(lang)}")
    console.print()
    console.print(words.summary(present.count(diff)).render(lang))
    return buffer.getvalue()
