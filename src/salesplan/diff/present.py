"""How the parts of a `PlanDiff` read, in a language: shared by the table and Markdown renderers."""

from __future__ import annotations

from decimal import Decimal

from salesplan.diff import words
from salesplan.diff.result import EntityDiff, FieldChange, PartChange, PlanDiff, TargetDiff
from salesplan.i18n import render
from salesplan.model.words import dimension
from salesplan.numbers import plain

_RISK_WORDS = ("probability", "impact", "level")
_ARROW = " → "


def signed(value: Decimal | None) -> str:
    """+20, -12, 0: a change with its sign."""
    if value is None:
        return ""
    return f"+{plain(value)}" if value > 0 else plain(value)


def amount(value: Decimal | None) -> str:
    """500, 66.7, 0 (`numbers.plain`); "" when there is none."""
    return "" if value is None else plain(value)


def percent(value: Decimal | None) -> str:
    """+6.7%, -10.0%, +0.0%: a change in percent, to the one decimal it was rounded to."""
    return "" if value is None else f"{value:+f}%"


def value_text(change: FieldChange, value: str | None, lang: str) -> str:
    """A field's value as shown: risk words translated, amounts with their unit, absent as '—'."""
    if value is None:
        return "—"
    if change.name in _RISK_WORDS:
        from salesplan.risk.config import word

        return render(word(value), lang)
    if change.name.startswith("allocation."):
        return f"{value}%"
    return f"{value}{change.unit}"


def delta_text(change: FieldChange, lang: str) -> str:
    """+5 (+11.1%), +5 天 / +5 days, +10 (percent points): '' when the field has no delta."""
    if change.delta is None:
        return ""
    if change.name in ("start", "end", "deadline"):
        days = int(change.delta)
        return render(words.moved(days), lang)
    text = signed(change.delta)
    if change.pct is not None:
        text += f", {percent(change.pct)}"
    return text


def field_line(change: FieldChange, lang: str) -> str:
    """`负责人: 赵强 → 李雷`, `预算: 45万元 → 50万元 (+5 (+11.1%))`, or `负责人: 赵强` for one side only."""
    name = render(words.field_name(change.name), lang)
    old, new = value_text(change, change.old, lang), value_text(change, change.new, lang)
    if change.old is None or change.new is None:
        shown = new if change.old is None else old
        return f"{name}: {shown}"
    delta = delta_text(change, lang)
    return f"{name}: {old}{_ARROW}{new}" + (f" ({delta})" if delta else "")


def entity_lines(entity: EntityDiff, lang: str) -> list[str]:
    """What changed in a strategy, risk, task …: a moved task says by how many days, a risk whose level
    changed says so first."""
    lines: list[str] = []
    skip: set[str] = set()
    if entity.kind == "risk" and entity.level_changed:
        level = entity.get("level")
        assert level is not None
        label = render(words.LEVEL_CHANGED, lang)
        lines.append(f"⚠ {label}: {value_text(level, level.old, lang)}{_ARROW}{value_text(level, level.new, lang)}")
        skip.add("level")
    days = entity.moved_days
    if days is not None:
        start, end = entity.get("start"), entity.get("end")
        assert start is not None and end is not None
        dates = f"{start.old}..{end.old}{_ARROW}{start.new}..{end.new}"
        lines.append(f"{render(words.moved(days), lang)} ({dates})")
        skip |= {"start", "end"}
    lines += [field_line(c, lang) for c in entity.fields if c.name not in skip]
    return lines


def entity_name(entity: EntityDiff, lang: str) -> str:
    """Its name; a member of the team also says what it is (person, region, product, channel, account),
    and the team's own fields are the team's."""
    if entity.kind in ("person", "region", "product", "channel", "account", "team"):
        return f"{words.KIND[entity.kind].render(lang)} {entity.name}".strip()
    return entity.name


def part_name(part: PartChange) -> str:
    """`A区 (east-a)` where the part has a name, else its id."""
    ident = part.path[-1][1]
    return f"{part.label} ({ident})" if part.label else ident


def part_level(part: PartChange, lang: str) -> str:
    return render(dimension(part.path[-1][0]), lang)


def target_title(target: TargetDiff) -> str:
    """`T1 第三季度销售额 · 500 → 520万元 (+20, +4%)`."""
    head = f"{target.id} {target.name}".strip()
    if target.old_value is not None and target.new_value is not None and target.comparable:
        delta = target.delta
        if delta:
            pct = percent(_pct(target))
            change = f" ({signed(delta)}{', ' + pct if pct else ''})"
            return f"{head} · {amount(target.old_value)}{_ARROW}{amount(target.new_value)}{target.unit}{change}"
        return f"{head} · {amount(target.new_value)}{target.unit}"
    value = target.new_value if target.new_value is not None else target.old_value
    return f"{head} · {amount(value)}{target.unit}"


def _pct(target: TargetDiff) -> Decimal | None:
    from salesplan.diff.result import percent_change

    return percent_change(target.old_value, target.new_value)


def not_comparable(target: TargetDiff, lang: str) -> str:
    unit = next((c for c in target.fields if c.name == "unit"), None)
    old = unit.old if unit is not None and unit.old is not None else ""
    return words.not_comparable(old, target.unit).render(lang)


def count(diff: PlanDiff) -> int:
    """How many things changed: each field of the plan and budget, each target, strategy, risk, task,
    member of the team, and each other section."""
    return (
        len(diff.plan)
        + len(diff.budget)
        + len(diff.targets)
        + len(diff.strategies)
        + len(diff.risks)
        + len(diff.tasks)
        + len(diff.team)
        + len(diff.other)
    )
