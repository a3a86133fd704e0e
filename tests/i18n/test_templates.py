"""Templates are translated like the code: jinja2's i18n extension over salesplan's catalogs.

What a template marks (`_()`, `ngettext`, `pgettext`, `{% trans %}`) is extracted with the msgid
the environment looks up, and one English text has one translation in every catalog it is in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from babel.messages.pofile import read_po
from jinja2.exceptions import SecurityError

from salesplan import i18n, templating
from salesplan.i18n import _

LOCALE = Path(__file__).resolve().parents[2] / "src" / "salesplan" / "locale" / "zh" / "LC_MESSAGES"

MARKED = """\
{% if True %}
  {% trans %}
    Plain text, 5% of it
  {% endtrans %}
{% endif %}
{{ _("Hello {name}", name=who) }} {{ ngettext("{count} store", "{count} stores", n) }}
{{ pgettext("task name", "Launch event") }} {{ gettext("Jiangsu") }}
"""


def _render(lang: str, source: str, tmp_path: Path, **context: Any) -> str:
    (tmp_path / "t.j2").write_text(source, encoding="utf-8")
    return templating.environment(tmp_path, lang).get_template("t.j2").render(context)


def test_a_template_speaks_the_language_its_environment_is_built_for(tmp_path: Path) -> None:
    source = '{{ _("Jiangsu") }}|{{ pgettext("task name", "Launch event") }}|{{ _("Launch event") }}|{{ _("x y") }}'
    assert _render("zh", source, tmp_path) == "江苏|新品上市发布会|上市发布会|x y"
    assert _render("en", source, tmp_path) == "Jiangsu|Launch event|Launch event|x y"


def test_fields_are_filled_in_the_same_language_a_message_field_too(tmp_path: Path) -> None:
    source = '{{ _("{title}: {stresses}", title=t, stresses="s") }}|{{ ngettext("{count} x", "{count} xs", 2) }}'
    assert _render("zh", source, tmp_path, t=_("Regional expansion")) == "区域市场扩张：s|2 xs"
    assert _render("en", source, tmp_path, t=_("Regional expansion")) == "Regional expansion: s|2 xs"


def test_a_trans_block_is_looked_up_as_written(tmp_path: Path) -> None:
    assert _render("zh", "{% trans %}Jiangsu{% endtrans %} {% trans %}5% off{% endtrans %}", tmp_path) == (
        "江苏 5% off"
    )


def test_strict_undefined_and_the_sandbox_stay(tmp_path: Path) -> None:
    with pytest.raises(jinja2.UndefinedError):
        _render("zh", "{{ missing }}", tmp_path)
    with pytest.raises(SecurityError):
        _render("zh", "{{ _.__globals__ }}", tmp_path)
    with pytest.raises(SecurityError):
        _render("en", "{{ ''.__class__.__mro__ }}", tmp_path)


def test_what_a_template_marks_is_extracted_with_the_msgid_it_looks_up(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "part"
    folder.mkdir(parents=True)
    (folder / "marked.j2").write_text(MARKED, encoding="utf-8")
    extracted = set(i18n.extract("templates", tmp_path / "src" / "salesplan", tmp_path))

    looked_up: set[str] = set()
    env = templating.environment(folder, "en")

    def gettext(msgid: str, /, **fields: Any) -> str:
        looked_up.add(msgid)
        return msgid

    def ngettext(singular: str, plural: str, count: int, /, **fields: Any) -> str:
        looked_up.add(singular)
        return singular

    def pgettext(context: str, msgid: str, /, **fields: Any) -> str:
        looked_up.add(i18n.catalog_key(msgid, context))
        return msgid

    env.install_gettext_callables(gettext, ngettext, newstyle=False, pgettext=pgettext)  # type: ignore[attr-defined]
    env.get_template("marked.j2").render(who="a", n=2)
    assert looked_up == extracted
    assert "    Plain text, 5% of it\n" in extracted  # whitespace as the environment reads it
    assert i18n.catalog_key("Launch event", "task name") in extracted


def test_a_template_that_does_not_parse_fails_extraction(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "broken.j2").write_text('{{ _("x") }}{% if %}', encoding="utf-8")
    with pytest.raises(jinja2.TemplateSyntaxError):
        i18n.extract("templates", tmp_path / "src" / "salesplan", tmp_path)


def test_an_english_text_has_one_translation_in_every_catalog() -> None:
    """The catalogs are one namespace when salesplan runs: a msgid in two must mean the same in both."""
    seen: dict[str, dict[str, str]] = {}
    for po in sorted(LOCALE.glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale="zh")
        for message in catalog:
            if message.id:
                msgid = message.id if isinstance(message.id, str) else message.id[0]
                text = message.string if isinstance(message.string, str) else message.string[0]
                seen.setdefault(i18n.catalog_key(msgid, message.context), {})[po.stem] = text
    differing = {key: where for key, where in seen.items() if len(set(where.values())) > 1}
    assert not differing, f"one English text, two translations (use pgettext in a template): {differing}"
