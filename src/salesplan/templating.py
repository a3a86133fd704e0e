"""The one place jinja2 environments are built: StrictUndefined, sandboxed, translated, filters registered here.

Built-in templates live in the repository's `templates/` folder (packaged as
`salesplan/templates`); a user's `--template DIR` overrides them file by file.

Templates are translated like the code, from the gettext catalogs (jinja2's i18n extension with
salesplan.i18n's catalogs, for the language the environment is built for): the English text is
the msgid, the Chinese is in `locale/zh/LC_MESSAGES/templates.po`.

    {{ _("Next steps") }}                          fixed text
    {{ _("{title}: a starting plan", title=t) }}   fields are `{name}`, as in the code
    {{ pgettext("task", "Launch event") }}        the same English translated apart where it stands
    {% trans %}Longer fixed text{% endtrans %}     text without variables

A field that is a `salesplan.i18n.Message` is rendered in the same language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplan.i18n import DEFAULT, Message, render, translation

if TYPE_CHECKING:
    import jinja2

_PACKAGED = Path(__file__).resolve().parent / "templates"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "templates"

# name -> function; modules that render register their filters here so every environment has them
FILTERS: dict[str, Callable[..., Any]] = {}


def templates_dir() -> Path:
    """The built-in templates: packaged in a wheel, or the source tree's in a checkout."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def environment(user_dir: Path | None = None, lang: str = DEFAULT) -> jinja2.Environment:
    """A sandboxed environment with StrictUndefined whose templates speak `lang`; `user_dir` templates
    take precedence over the built-in ones."""
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
        extensions=["jinja2.ext.i18n"],
    )
    env.filters.update(FILTERS)
    gettext, ngettext, pgettext = gettext_callables(lang)
    env.install_gettext_callables(gettext, ngettext, newstyle=False, pgettext=pgettext)  # type: ignore[attr-defined]
    return env


def gettext_callables(
    lang: str,
) -> tuple[Callable[..., str], Callable[..., str], Callable[..., str]]:
    """`gettext`, `ngettext` and `pgettext` for templates, rendering salesplan's catalogs in `lang`.

    Keyword arguments are the message's `{fields}`, as `_()` takes them in the code (jinja2's
    old-style gettext: a `{% trans %}` block without variables is looked up as it is written).
    """

    def gettext(msgid: str, /, **fields: Any) -> str:
        return Message(msgid, tuple(fields.items())).render(lang)

    def ngettext(singular: str, plural: str, count: int, /, **fields: Any) -> str:
        return Message(singular, (("count", count), *fields.items()), plural, count).render(lang)

    def pgettext(context: str, msgid: str, /, **fields: Any) -> str:
        text = translation(lang).pgettext(context, msgid)
        return text.format(**{name: render(value, lang) for name, value in fields.items()}) if fields else text

    return gettext, ngettext, pgettext
