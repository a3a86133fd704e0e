"""`salesplan init`: a complete starting plan for one of the five scenarios (DOMAIN.md §1).

The flow is one way: command-line options (and answers, on a terminal) -> `Basics` -> the
template context (dates and amounts computed here) -> the rendered YAML -> a load check ->
the plan file and its editor schema written atomically. The command in `salesplan.cli.init_cmd`
only parses options and prints.
"""

from __future__ import annotations

from salesplan.scaffold.basics import Options, Prompts
from salesplan.scaffold.errors import ScaffoldError
from salesplan.scaffold.run import Created, init_plan, plan_text
from salesplan.scaffold.scenarios import SCENARIO_IDS, describe_scenarios

__all__ = [
    "SCENARIO_IDS",
    "Created",
    "Options",
    "Prompts",
    "ScaffoldError",
    "describe_scenarios",
    "init_plan",
    "plan_text",
]
