"""Rendering a scenario's template into plan text, and refusing text that does not load cleanly.

Templates: `templates/init/<scenario>.yaml.j2`, each extending `_base.yaml.j2`, one for both
languages: their text is English marked for translation, rendered in the plan's language from the
templates catalog. Their context is built here: YAML-ready header values, period dates,
`at`/`before` for dates inside the period, `wan(x)` for amounts written in 万元 and rendered in the
plan's unit, `history_by_month(total, shape)` for last year's same months, `person(name)` for the
sample people, `yaml(text)` to quote text where YAML needs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from salesplan.i18n import _
from salesplan.scaffold.errors import ScaffoldError
from salesplan.scaffold.scenarios import scenario
from salesplan.scaffold.timeline import Timeline, money
from salesplan.scaffold.yamltext import person_id, yaml_scalar

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.scaffold.basics import Basics

SCHEMA_DIR = ".salesplan"


def schema_ref() -> str:
    """The modeline's schema path, relative to the plan: `.salesplan/plan-1.schema.json`."""
    from salesplan.model.schema import SCHEMA_FILE

    return f"{SCHEMA_DIR}/{SCHEMA_FILE}"


def template_name(scenario_id: str) -> str:
    return f"init/{scenario_id}.yaml.j2"


@dataclass(frozen=True)
class Person:
    """A sample person in a template: `{{ p }}` is the id, `p.name` the name when it is not the id."""

    id: str
    name: str

    def __str__(self) -> str:
        return self.id


def person(name: str) -> Person:
    """王芳 is the person 王芳; Grace Chen is grace.chen named Grace Chen (as the owner is)."""
    pid = person_id(name)
    return Person(yaml_scalar(pid), yaml_scalar(name) if pid != name else "")


def history_by_month(timeline: Timeline, unit: str) -> Callable[[int, Sequence[int]], str]:
    """`history_by_month(680, shape)` in a template: the YAML flow mapping of last year's months,
    680 万元 shared like the 12-month `shape`, in the plan's unit."""
    wan = money(unit)

    def by_month(total: int, shape: Sequence[int]) -> str:
        return "{" + ", ".join(f"{key}: {wan(amount)}" for key, amount in timeline.seasonal(total, shape)) + "}"

    return by_month


def plan_context(basics: Basics) -> dict[str, Any]:
    timeline = Timeline(basics.period.start, basics.period.end)
    owner_id = person_id(basics.owner)
    history_start, history_end = timeline.last_year()
    return {
        "schema_ref": schema_ref(),
        "scenario": basics.scenario,
        "scenario_title": scenario(basics.scenario).title.render(basics.lang),
        "lang": basics.lang,
        "name": yaml_scalar(basics.name),
        "unit": basics.unit,
        "owner": yaml_scalar(owner_id),
        "owner_name": yaml_scalar(basics.owner) if owner_id != basics.owner else "",
        "start": timeline.start,
        "end": timeline.end,
        "history_start": history_start,
        "history_end": history_end,
        "at": timeline.at,
        "before": timeline.before,
        "month_weights": timeline.month_weights,
        "history_by_month": history_by_month(timeline, basics.unit),
        "spring": timeline.spring(),
        "season_start": timeline.season()[0],
        "season_end": timeline.season()[1],
        "week_method": "workdays" if timeline.workdays_known() else "even",
        "wan": money(basics.unit),
        "person": person,
        "yaml": yaml_scalar,
    }


def render_plan(basics: Basics) -> str:
    """The plan text for `basics`, from the built-in templates."""
    from salesplan.templating import environment

    template = environment(lang=basics.lang).get_template(template_name(basics.scenario))
    return template.render(plan_context(basics))


def check_rendered(text: str, basics: Basics, display: str) -> LoadedPlan:
    """Load the rendered text; any diagnostic at all means no file is written."""
    from salesplan import codes
    from salesplan.loader import load_text

    loaded = load_text(text, display)
    if not loaded.diagnostics and loaded.plan is not None:
        return loaded
    owner_id = person_id(basics.owner)
    clash = any(
        d.code == codes.DUPLICATE_ID and d.path[:2] == ("team", "people") and owner_id in d.message
        for d in loaded.diagnostics
    )
    if clash:
        reason = _(
            "the generated plan does not load: the owner '{owner}' clashes with a person in the template; "
            "choose another --owner; nothing was written",
            owner=basics.owner,
        )
        raise ScaffoldError("owner_clash", reason, loaded.diagnostics)
    reason = _("the generated plan does not load cleanly (a template bug); nothing was written")
    raise ScaffoldError("bad_render", reason, loaded.diagnostics)
