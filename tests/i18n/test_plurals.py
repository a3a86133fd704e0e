"""Plural messages (`n_()`): one catalog entry with a form per plural of the language, chosen by count."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from salesplan import i18n
from salesplan.i18n import n_

SRC = Path(__file__).resolve().parents[2] / "src" / "salesplan"


@pytest.mark.parametrize(
    ("count", "en", "zh"), [(0, "0 files", "0 个文件"), (1, "1 file", "1 个文件"), (2, "2 files", "2 个文件")]
)
def test_a_plural_message_takes_the_form_of_its_count(count: int, en: str, zh: str) -> None:
    message = n_("{count} file", "{count} files", count)
    assert (message.render("en"), message.render("zh")) == (en, zh)


@pytest.mark.parametrize("name", list(i18n.CATALOGS))
def test_every_plural_message_has_a_plural_entry(name: str) -> None:
    plurals: dict[str, str] = {}
    i18n.extract(name, SRC, SRC.parents[1], plurals=plurals)
    po = SRC / "locale" / "zh" / "LC_MESSAGES" / f"{name}.po"
    if not plurals or not po.exists():
        return
    with po.open("rb") as handle:
        entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in read_po(handle, locale="zh") if m.id}
    for singular, plural in plurals.items():
        entry = entries[singular]
        assert entry.id == (singular, plural) and isinstance(entry.string, tuple) and all(entry.string), entry.id


def test_update_turns_an_entry_plural_and_keeps_its_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "zh" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(SRC / "locale" / "zh" / "LC_MESSAGES" / "lint.po", folder / "lint.po")
    text = (folder / "lint.po").read_text(encoding="utf-8")
    singular = 'msgid "{count} file"\nmsgstr "{count} 个文件"\n'
    plural = 'msgid "{count} file"\nmsgid_plural "{count} files"\nmsgstr[0] "{count} 个文件"\n'
    assert plural in text
    (folder / "lint.po").write_text(text.replace(plural, singular), encoding="utf-8")  # as written before plurals
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.update_catalogs(names=["lint"])
    assert plural in (folder / "lint.po").read_text(encoding="utf-8")
    i18n.update_catalogs(names=["lint"])  # stable
    assert (folder / "lint.po").read_text(encoding="utf-8") == text
