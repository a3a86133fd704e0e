"""`init` end to end: basics -> rendered text -> load check -> files; the report it prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from salesplan.i18n import _
from salesplan.scaffold.basics import Basics, Options, Prompts, resolve_basics
from salesplan.scaffold.files import Written, write_plan_files
from salesplan.scaffold.render import check_rendered, render_plan
from salesplan.scaffold.scenarios import scenario


@dataclass(frozen=True)
class Created:
    basics: Basics
    written: Written

    def report(self) -> str:
        plan = self.written.plan
        lines = [_("Created {path} ({title})", path=plan, title=scenario(self.basics.scenario).title)]
        if self.written.schema_written:
            lines.append(
                _("Wrote {path}, the schema editors use to check and complete the plan", path=self.written.schema)
            )
        lines.append(
            _(
                "Next: replace the sample figures with your own, "
                "then run salesplan lint {path} and salesplan split {path}",
                path=plan,
            )
        )
        return "\n".join(line.render(self.basics.lang) for line in lines) + "\n"


def plan_text(options: Options, today: dt.date | None = None, display: str = "<init>") -> str:
    """The plan `init` would write for these options (defaults for the rest), checked to load cleanly."""
    basics = resolve_basics(options, None, today or dt.date.today())
    text = render_plan(basics)
    check_rendered(text, basics, display)
    return text


def init_plan(
    path: Path, options: Options, prompts: Prompts | None = None, force: bool = False, today: dt.date | None = None
) -> Created:
    """Create the starting plan at `path`; raises ScaffoldError, having written nothing, when it cannot."""
    basics = resolve_basics(options, prompts, today or dt.date.today())
    text = render_plan(basics)
    check_rendered(text, basics, str(path))
    return Created(basics, write_plan_files(path, text, force))
