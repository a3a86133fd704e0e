"""A plan diff as GitHub-flavoured Markdown: for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

Every text from a plan is escaped (`salesplan.export.md_text.md_escape`): an id or a name cannot
open a link, a tag or a new table cell."""

from __future__ import annotations

from collections.abc import Iterable

from salesplan.diff import present, words
from salesplan.diff.result import EntityDiff, FieldChange, PlanDiff, TargetDiff
from salesplan.i18n import render
from salesplan.markup import md_escape
from salesplan.rendering import RenderOptions

_INDENT = "&emsp;"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(headers: list[tuple[str, str]], rows: Iterable[list[str]], lang: str) -> list[str]:
    """`headers`: (header key, alignment '-' or ':'), rows of already escaped cells."""
    out = [_row(words.HEADER[key].render(lang) for key, _align in headers)]
    out.append(_row("---:" if align == ":" else "---" for _key, align in headers))
    out += [_row(cells) for cells in rows]
    return [*out, ""]


def _fields(changes: tuple[FieldChange, ...], lang: str) -> list[str]:
    rows = (
        [
            md_escape(render(words.field_name(c.name), lang)),
            md_escape(present.value_text(c, c.old, lang)),
            md_escape(present.value_text(c, c.new, lang)),
            md_escape(present.delta_text(c, lang)),
        ]
        for c in changes
    )
    return _table([("field", "-"), ("old", "-"), ("new", "-"), ("change", ":")], rows, lang)


def _parts(target: TargetDiff, lang: str) -> list[str]:
    rows = (
        [
            _INDENT * (p.depth - 1) + md_escape(present.part_name(p)),
            md_escape(present.part_level(p, lang)),
            present.amount(p.old),
            present.amount(p.new),
            present.signed(p.delta) if p.cause != "context" else "0",
            present.percent(p.pct),
            md_escape(words.CAUSE[p.cause].render(lang)),
        ]
        for p in target.parts
    )
    headers = [("part", "-"), ("level", "-"), ("old", ":"), ("new", ":"), ("change", ":"), ("pct", ":"), ("cause", "-")]
    return _table(headers, rows, lang)


def _entities(items: tuple[EntityDiff, ...], lang: str) -> list[str]:
    rows = (
        [
            md_escape(item.id),
            md_escape(present.entity_name(item, lang)),
            md_escape(words.STATUS[item.status].render(lang)),
            md_escape("\n".join(present.entity_lines(item, lang))),
        ]
        for item in items
    )
    return _table([("id", "-"), ("what", "-"), ("status", "-"), ("changes", "-")], rows, lang)


def render_md(diff: PlanDiff, options: RenderOptions) -> str:
    """The diff as Markdown sections (### per section, #### per target)."""
    lang = options.lang
    old, new = md_escape(diff.old_file), md_escape(diff.new_file)
    if not diff.changed:
        return words.no_change(old, new).render(lang) + "\n"
    out = [f"## {words.title(old, new).render(lang)}", "", md_escape(words.amounts_in(diff.unit).render(lang)), ""]

    def section(key: str) -> None:
        out.extend([f"### {words.SECTION[key].render(lang)}", ""])

    if diff.plan:
        section("plan")
        out += _fields(diff.plan, lang)
    if diff.targets:
        section("targets")
        for target in diff.targets:
            status = words.STATUS[target.status].render(lang)
            out += [f"#### {md_escape(present.target_title(target))} ({md_escape(status)})", ""]
            if target.fields:
                out += _fields(target.fields, lang)
            if not target.comparable:
                out += [md_escape(present.not_comparable(target, lang)), ""]
            if target.parts:
                out += _parts(target, lang)
    if diff.strategies:
        section("strategies")
        out += _entities(diff.strategies, lang)
    if diff.budget:
        section("budget")
        out += _fields(diff.budget, lang)
    for key, items in (("risks", diff.risks), ("tasks", diff.tasks), ("team", diff.team)):
        if items:
            section(key)
            out += _entities(items, lang)
    if diff.other:
        section("other")
        out += [f"- {md_escape(words.OTHER[name].render(lang))}" for name in diff.other] + [""]
    out.append(md_escape(words.summary(present.count(diff)).render(lang)))
    return "\n".join(out) + "\n"
