"""The one place jinja2 environments are built: StrictUndefined, sandboxed, filters registered here.

Built-in templates live in the repository's `templates/` folder (packaged as
`salesplan/templates`); a user's `--template DIR` overrides them file by file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

_PACKAGED = Path(__file__).resolve().parent / "templates"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "templates"

# name -> function; modules that render register their filters here so every environment has them
FILTERS: dict[str, Callable[..., Any]] = {}


def templates_dir() -> Path:
    """The built-in templates: packaged in a wheel, or the source tree's in a checkout."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """A sandboxed environment with StrictUndefined; `user_dir` templates take precedence."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env
