"""A plan as stable text, one fact a line, for git's textconv (`salesplan diff --textconv PLAN`).

With `*.plan.yaml diff=salesplan` in .gitattributes and `git config diff.salesplan.textconv
"salesplan diff --textconv"`, `git diff` and `git log -p` compare these lines instead of the YAML:
a changed weight shows as the parts it moved. Sections come in a fixed order (plan, targets,
splits, strategies, budget, risks, tasks, team); inside each, lines are sorted by id and, for the
split, by the part's path, so reordering a list in the file changes no line. Every node of every
split has a line (`split T1 region=east-a product=device: 180万元`), the leaves among them.
Amounts are in the plan's own units, written exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from salesplan.diff import sections, words
from salesplan.diff.fields import Spec, by_id, text
from salesplan.i18n import render
from salesplan.model.words import dimension

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.model.plan import Plan
    from salesplan.split.result import SplitNode, TargetSplit


def _facts(prefix: str, item: Any, specs: Iterable[Spec], unit: str, lang: str) -> Iterator[str]:
    for spec in specs:
        value = text(spec.get(item))
        if value is None:
            continue
        if spec.kind == "amount":
            value += unit
        elif spec.name in ("probability", "impact", "level"):
            from salesplan.risk.config import word

            value = render(word(value), lang)
        yield f"{prefix} {render(words.field_name(spec.name), lang)}: {value}"


def _kind(kind: str, lang: str) -> str:
    return words.KIND[kind].render(lang)


def _split_lines(split: TargetSplit, lang: str) -> list[str]:
    prefix = f"{_kind('split', lang)} {split.target_id}"
    names = {level: render(dimension(level), lang) for level in split.levels}
    rows: list[tuple[tuple[tuple[str, str], ...], str]] = []
    stack: list[tuple[tuple[tuple[str, str], ...], SplitNode]] = [((), split.root)]
    while stack:
        path, node = stack.pop()
        if path:
            rows.append((path, text(node.value) or "0"))
        for child in node.children:
            stack.append(((*path, (child.level or "", child.part or "")), child))
    rows.sort(
        key=lambda row: tuple(
            (split.levels.index(level) if level in split.levels else 99, part) for level, part in row[0]
        )
    )
    out = []
    for path, value in rows:
        where = " ".join(f"{names.get(level, level)}={part}" for level, part in path)
        out.append(f"{prefix} {where}: {value}{split.unit}")
    return out


def plan_lines(plan: Plan, splits: dict[str, TargetSplit], lang: str = "zh") -> list[str]:
    """The lines of `plan` (see the module docstring); `splits` by target id (a target missing there did not split)."""
    unit = plan.plan.unit
    out = list(_facts(_kind("plan", lang), plan.plan, sections.PLAN, unit, lang))
    targets = sorted(by_id(plan.targets).items())
    for ident, target in targets:
        own = plan.target_unit(target)
        out += _facts(f"{_kind('target', lang)} {ident}", target, sections.TARGET, own, lang)
        out.append(f"{_kind('target', lang)} {ident} {render(words.field_name('unit'), lang)}: {own}")
    for ident, _target in targets:
        split = splits.get(ident)
        if split is None:
            out.append(f"{_kind('split', lang)} {ident}: {words.NOT_SPLIT.render(lang)}")
        else:
            out += _split_lines(split, lang)
    for ident, strategy in sorted(by_id(plan.strategies).items()):
        out += _facts(f"{_kind('strategy', lang)} {ident}", strategy, sections.STRATEGY, unit, lang)
    if plan.budget is not None:
        budget = _kind("budget", lang)
        if plan.budget.total is not None:
            out.append(f"{budget} {render(words.field_name('total'), lang)}: {text(plan.budget.total)}{unit}")
        for module, share in sorted(plan.budget.allocation.items()):
            out.append(f"{budget} {render(words.field_name('allocation.' + module), lang)}: {text(share)}%")
    for ident, scored in sorted(sections.scored_risks(plan).items()):
        out += _facts(f"{_kind('risk', lang)} {ident}", scored, sections.RISK, unit, lang)
    for ident, task in sorted(by_id(plan.tasks).items()):
        out += _facts(f"{_kind('task', lang)} {ident}", task, sections.TASK, unit, lang)
    for kind, items, specs in (
        ("person", plan.team.people, sections.PERSON),
        ("region", plan.team.regions, sections.REGION),
        ("product", plan.team.products, sections.NAMED),
        ("channel", plan.team.channels, sections.CHANNEL),
        ("account", plan.team.accounts, sections.ACCOUNT),
    ):
        for ident, item in sorted(by_id(items).items()):
            out += _facts(f"{_kind(kind, lang)} {ident}", item, specs, unit, lang)
    out += _facts(_kind("team", lang), plan.team, sections.TEAM, unit, lang)
    return out


def textconv(loaded: LoadedPlan, written: str, lang: str = "zh") -> str:
    """The text git compares: the plan's lines, or, for a file that does not load, its text as `written`
    under one line saying so (git log -p must not stop at a broken commit)."""
    from salesplan.split.engine import split_plan

    if loaded.plan is None or not loaded.ok:
        return f"{words.RAW.render(lang)}\n{written}" + ("" if written.endswith("\n") or not written else "\n")
    outcome = split_plan(loaded)
    splits = {s.target_id: s for s in outcome.splits}
    return "\n".join(plan_lines(loaded.plan, splits, lang)) + "\n"
