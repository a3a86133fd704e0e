"""The rules_doc catalog holds exactly what `salesplan rules` shows, and a rule added without its
translation fails the suite, saying how to bring the catalog in line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from i18n import test_catalogs as catalogs  # the catalog tests beside this file (a module: its tests run once)
from salesplan import i18n
from salesplan.doctext import doc_messages
from salesplan.rules import RULES


def test_extraction_finds_every_text_the_rules_command_shows() -> None:
    shown = {
        text
        for info in RULES.values()
        for text in (*doc_messages(info.doc), info.summary, *(option.doc for option in info.options))
    }
    assert set(i18n.extract("rules_doc", catalogs.SRC, catalogs.REPO)) == shown


def test_a_new_rule_without_translation_fails_saying_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    extract = i18n.extract

    def with_a_new_rule(name: str, *args: Any, **kwargs: Any) -> dict[str, list[tuple[str, int]]]:
        found = extract(name, *args, **kwargs)
        if name == "rules_doc":
            found["A new rule's first paragraph."] = [("rules/smart/sp199_new_rule.py", 1)]
        return found

    monkeypatch.setattr(i18n, "extract", with_a_new_rule)
    with pytest.raises(AssertionError, match=r"run `python -m salesplan\.i18n update rules_doc` and translate"):
        catalogs.test_every_marked_string_is_in_its_catalog_and_translated("rules_doc")


def test_the_build_compiles_the_rules_doc_catalog(tmp_path: Path) -> None:
    compiled = i18n.compile_catalogs(i18n.LOCALE_DIR, tmp_path)
    assert tmp_path / "zh" / "LC_MESSAGES" / "rules_doc.mo" in compiled
