"""Languages: one `_()` for every user-visible string, translated from gettext message catalogs.

English is the source language: a message's English text is its msgid. The Chinese text lives in
`locale/zh/LC_MESSAGES/*.po`, one catalog per part of salesplan, which translators edit (never
the code); the build compiles them to `.mo` (hatch_build.py, with Babel) and the standard
library's gettext reads those at run time. For a source checkout, `python -m salesplan.i18n
update` brings the catalogs in line with the code (new strings get an empty translation) and
`python -m salesplan.i18n compile` compiles them; Babel is needed only for these two.

A message is made where the problem is found but shown later, in the language of the output, so
`_()` returns a `Message` (the msgid and its named fields), rendered by `render(lang)`:

    msg = _("'{key}' is not a part of the {dim} level", key="W60", dim=_("week"))
    msg.render("zh")  # "'W60' 不是按周拆解的拆解项"

A field that is itself a `Message` is rendered in the same language. The language of a run is
chosen once: `--lang`, else `SALESPLAN_LANG`, else the locale (LC_ALL, LC_MESSAGES, LANG) when it
names a language, else Chinese, salesplan's default (`resolve_lang`).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT: Lang = "zh"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE = Path(__file__).resolve().parent
# catalog name -> where its strings are (relative to the package; `templates` is the repository's
# templates/ folder): each part of salesplan has a catalog of its own
CATALOGS: dict[str, tuple[str, ...]] = {
    "core": ("*.py",),
    "cli": ("cli/**/*.py",),
    "loader": ("loader/**/*.py", "model/**/*.py"),
    "split": ("split/**/*.py",),
    "review": ("review/**/*.py",),
    "export": ("export/**/*.py",),
    "lint": ("lint/**/*.py", "rules/**/*.py", "risk/**/*.py", "report/**/*.py"),
    "scaffold": ("scaffold/**/*.py",),
    "diff": ("diff/**/*.py",),
    "rollup": ("rollup/**/*.py",),
    "capacity": ("capacity/**/*.py",),
    "importer": ("importer/**/*.py",),
    # the rules' documentation (`salesplan rules`): each rule module's docstring cut into paragraphs, its
    # SUMMARY and its options' docs (the risk rules' are in risk/), and the summaries of `salesplan.codes`
    "rules_doc": ("rules/**/sp*.py", "risk/**/*.py", "codes.py"),
    "templates": ("templates/**/*.j2",),
}


@dataclass(frozen=True)
class Message:
    """A user-visible text not yet rendered: an English msgid (a `str.format` template) and its fields."""

    msgid: str
    fields: tuple[tuple[str, Any], ...] = ()
    plural: str | None = None
    count: int | None = field(default=None, compare=False)
    context: str | None = None  # `pgettext`'s context: the same English translated apart where it stands

    def render(self, lang: str = DEFAULT) -> str:
        """The text in `lang`; a msgid the catalog lacks is shown in English."""
        catalog = translation(lang)
        if self.plural is not None and self.count is not None:
            template = catalog.ngettext(self.msgid, self.plural, self.count)
        elif self.context is not None:
            template = catalog.pgettext(self.context, self.msgid)
        else:
            template = catalog.gettext(self.msgid)
        if not self.fields:
            return template
        values = {name: render(value, lang) for name, value in self.fields}
        return template.format(**values)

    def __str__(self) -> str:
        return self.render("en")


Text = str | Message


def _(msgid: str, /, **fields: Any) -> Message:
    """Mark `msgid` for translation; its `{name}` fields are filled in when it is rendered."""
    return Message(msgid, tuple(fields.items()))


def n_(singular: str, plural: str, count: int, /, **fields: Any) -> Message:
    """A message with a plural form chosen by `count` (available to the template as `{count}`)."""
    return Message(singular, (("count", count), *fields.items()), plural, count)


def pgettext(context: str, msgid: str, /, **fields: Any) -> Message:
    """`_()` for an English word that is translated otherwise where it stands (`context` says where):
    one catalog entry per (context, msgid)."""
    return Message(msgid, tuple(fields.items()), context=context)


def render(value: Any, lang: str = DEFAULT) -> str:
    """Any value as text in `lang`: a `Message` is translated, anything else is `str()`."""
    if isinstance(value, Message):
        return value.render(lang)
    return str(value)


def translate(msgid: str, lang: str = DEFAULT) -> str:
    """A fixed string (no fields) in `lang`: for labels and headers rendered at once."""
    return translation(lang).gettext(msgid)


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """Every compiled catalog of `lang`, chained (English needs none: msgids are English).

    The catalogs are one per part of salesplan (`loader.po`, `split.po`, …, see `CATALOGS`), so
    each part's strings are extracted and translated on their own."""
    chain = gettext.NullTranslations()
    if lang == "en":
        return chain
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    for mo in sorted(folder.glob("*.mo")):
        with mo.open("rb") as handle:
            part = gettext.GNUTranslations(handle)
        part.add_fallback(chain)
        chain = part
    return chain


def locale_lang(environ: Mapping[str, str] | None = None) -> Lang | None:
    """The language the locale names (zh for zh_CN, zh_TW …, en for any other real language),
    or None when it names none (unset, C, POSIX)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if not value:
            continue
        tag = value.split(".")[0].split("@")[0].lower()
        if tag in ("c", "posix", ""):
            return None
        return "zh" if tag.startswith("zh") else "en"
    return None


def resolve_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language of a run: `--lang`, else SALESPLAN_LANG, else the locale, else Chinese."""
    env = os.environ if environ is None else environ
    for candidate in (option, env.get("SALESPLAN_LANG")):
        if candidate:
            value = candidate.strip().lower()
            if value.startswith("zh"):
                return "zh"
            if value.startswith("en"):
                return "en"
    return locale_lang(env) or DEFAULT


def compile_catalogs(source: Path = LOCALE_DIR, target: Path | None = None) -> list[Path]:
    """Compile every `LANG/LC_MESSAGES/*.po` under `source` to `.mo` beside it (or under `target`).

    Used by the build (hatch_build.py) and by `python -m salesplan.i18n compile`; needs Babel, which
    is a build and test dependency, never a run-time one.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written: list[Path] = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        mo = (target or source) / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


KEYWORDS = {"_": None, "n_": (1, 2), "pgettext": ((1, "c"), 2)}
# gettext's separator of a message context and its msgid (pgettext, in templates): one catalog entry
# per (context, msgid), so the same English can have two translations where it stands apart
CONTEXT = "\x04"
# a template calls what jinja2's i18n extension installs (a `{% trans %}` block is a gettext/ngettext
# call) and is read as salesplan.templating reads it, so a block's msgid is the one looked up;
# a template that does not parse is an error, not a template without messages
TEMPLATE_KEYWORDS = {**KEYWORDS, "gettext": None, "ngettext": (1, 2)}
TEMPLATE_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "keep_trailing_newline": "true",
    "silent": "false",
}


def catalog_key(msgid: str, context: str | None = None) -> str:
    """How `extract` names a msgid said in a context (`pgettext(context, msgid)`)."""
    return f"{context}{CONTEXT}{msgid}" if context else msgid


def extract(
    name: str, package: Path = SOURCE, root: Path | None = None, plurals: dict[str, str] | None = None
) -> dict[str, list[tuple[str, int]]]:
    """The msgids the code of catalog `name` marks, each with where it is (file, line); needs Babel.

    A msgid said in a context is keyed `catalog_key(msgid, context)`; a message with a plural form
    (`n_()`) is keyed by its singular, and `plurals`, when given, gets its plural msgid under that key.

    `package` is salesplan's source folder, `root` the repository (for templates/)."""
    from babel.messages.extract import extract as extract_from

    base = package if name != "templates" else (root or package.parents[1])
    found: dict[str, list[tuple[str, int]]] = {}
    for pattern in CATALOGS[name]:
        for path in sorted(base.glob(pattern)):
            if name == "core" and path.parent != package:
                continue
            template = path.suffix == ".j2"
            method, keywords = ("jinja2", TEMPLATE_KEYWORDS) if template else ("python", KEYWORDS)
            if name == "rules_doc":  # Babel's way to name an extraction method: module:function
                method = "salesplan.doctext:extract_rule_docs"
            options = TEMPLATE_OPTIONS if template else {}
            with path.open("rb") as handle:
                for line, message, _comments, context in extract_from(
                    method, handle, keywords, options=options, strip_comment_tags=True
                ):
                    msgid = message if isinstance(message, str) else message[0]
                    if msgid:
                        key = catalog_key(msgid, context)
                        found.setdefault(key, []).append((str(path.relative_to(base)), line))
                        if plurals is not None and not isinstance(message, str):
                            plurals[key] = message[1]
    return found


def update_catalogs(lang: str = "zh", names: list[str] | None = None) -> list[Path]:
    """Bring the catalogs `names` (default: all) of `lang` in line with the code: new msgids get an
    empty translation, msgids the code no longer has are dropped, translations are kept; needs Babel."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    written: list[Path] = []
    for name in names or list(CATALOGS):
        po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{name}.po"
        old = Catalog(locale=lang)
        if po.exists():
            with po.open("rb") as handle:
                old = read_po(handle, locale=lang)
        plurals: dict[str, str] = {}
        found = extract(name, plurals=plurals)
        if not found and not po.exists():
            continue
        new = Catalog(
            locale=lang,
            project="salesplan",
            domain=name,
            header_comment=f"# salesplan's {name} messages in {lang}: edit the msgstr lines, never the code.",
            copyright_holder="salesplan",
            fuzzy=False,
            creation_date=old.creation_date if po.exists() else None,
        )
        for key, places in found.items():
            context, _sep, msgid = key.rpartition(CONTEXT)
            entry = old.get(msgid, context=context or None)
            known = entry.string if entry is not None and entry.string else ""
            forms = [known] if isinstance(known, str) else list(known)
            if key in plurals:  # one msgstr per plural form of `lang` (Chinese has one)
                count = new.num_plurals
                new.add(
                    (msgid, plurals[key]),
                    tuple((forms + [""] * count)[:count]),
                    locations=places,
                    context=context or None,
                )
            else:
                new.add(msgid, forms[0], locations=places, context=context or None)
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as handle:
            write_po(handle, new, width=120, no_location=True, omit_header=False, include_previous=False)
        written.append(po)
    return written


if __name__ == "__main__":  # pragma: no cover - a developer's command
    import sys

    command, *names = sys.argv[1:] or ["compile"]
    for path in update_catalogs(names=names) if command == "update" else compile_catalogs():
        print(path)
