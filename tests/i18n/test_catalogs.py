"""Every user-visible string is in the gettext catalogs, translated, and the compiled catalogs are current.

The catalogs (src/salesplan/locale/zh/LC_MESSAGES/*.po) are what a translator edits; the code holds
English msgids only. A Chinese string literal in the code is either input vocabulary (words salesplan
reads: 高/中/低, 金额, 万/亿, declared in VOCABULARY below) or a message that belongs in a catalog.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from salesplan import i18n

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "salesplan"  # the committed source, whatever copy of salesplan is installed
LOCALE = SRC / "locale"
CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")

# module-level names whose Chinese strings are input vocabulary (what users write), not messages
VOCABULARY = {
    "PROBABILITY_LABELS", "IMPACT_LABELS", "_MAGNITUDE", "_AMOUNT_RE", "AMOUNT_PATTERN", "_MONTH_RE", "_QUARTER",
    "_MONTH", "_WEEK", "COLUMNS", "HEADER_WORDS", "UNIT_WORDS", "_DATE_FORMS", "_DAY_RE", "_HEADER_UNIT",
    "_PERIOD_RANGE",
    "VAGUE",
    "_ZH_DAY_RE", "DAY_FORMS", "MONTH_FORMS", "MAGNITUDES", "MONEY", "MONEY_EXAMPLES", "VALUE_WORDS",
    "REVENUE_METRICS", "_ACTUALS_EXAMPLES",
    "UNIT_PREFIXES", "CURRENCIES",
    "EXAMPLE_UNIT",
    "DEFAULT_UNIT", "_AMOUNT_EXAMPLES", "_QUOTING_EXAMPLES", "SCHEMA_TERMS", "_YUAN",
    "PROGRESS_COLUMNS", "STATUS_READINGS", "SPEND_COLUMNS", "COMMIT_WORDS", "ALLOCATION_WORDS",
    "FORMULA_PARENTHESES",
    "_NO_START", "_NO_END", "_WIDE",  # character classes of line breaking, not words
}  # fmt: skip

# modules whose messages have not moved to the catalogs yet: this set only ever shrinks
PENDING = {
    line.strip()
    for line in (Path(__file__).parent / "pending.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _catalog(name: str) -> dict[str, str]:
    po = LOCALE / "zh" / "LC_MESSAGES" / f"{name}.po"
    if not po.exists():
        return {}
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="zh")
    assert not [m.id for m in catalog if m.id and m.fuzzy], f"{po.name}: fuzzy entries"
    # a plural entry (n_()) is keyed by its singular msgid and shown by its first form
    return {i18n.catalog_key(_first(m.id), m.context): _first(m.string) for m in catalog if m.id}


def _first(value: object) -> str:
    return value if isinstance(value, str) else str(value[0]) if isinstance(value, (tuple, list)) else ""


@pytest.mark.parametrize("name", list(i18n.CATALOGS))
def test_every_marked_string_is_in_its_catalog_and_translated(name: str) -> None:
    found = i18n.extract(name, SRC, REPO)
    catalog = _catalog(name)
    missing = sorted(set(found) - set(catalog))
    assert not missing, f"{name}.po lacks {missing[:5]}: run `python -m salesplan.i18n update {name}` and translate"
    stale = sorted(set(catalog) - set(found))
    assert not stale, f"{name}.po has entries the code no longer uses: {stale[:5]}"
    untranslated = sorted(msgid for msgid, text in catalog.items() if not text)
    assert not untranslated, f"{name}.po: untranslated {untranslated[:5]}: translate them in {name}.po"


def _fields(text: str) -> set[str]:
    return {field for _literal, field, _spec, _conv in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("name", list(i18n.CATALOGS))
def test_translations_keep_every_field(name: str) -> None:
    for msgid, text in _catalog(name).items():
        assert _fields(text) == _fields(msgid), (msgid, text)


def test_compiled_catalogs_are_current(tmp_path: Path) -> None:
    fresh = i18n.compile_catalogs(LOCALE, tmp_path)
    for mo in fresh:
        installed = i18n.LOCALE_DIR / mo.relative_to(tmp_path)
        assert installed.exists() and installed.read_bytes() == mo.read_bytes(), (
            f"{installed} is stale: run `python -m salesplan.i18n compile` (the build does it)"
        )


def _chinese_literals(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id in VOCABULARY for t in targets):
            allowed |= {id(n) for n in ast.walk(node)}
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in allowed
        and id(node) not in docstrings
    ]


def test_no_chinese_message_outside_the_catalogs() -> None:
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = str(path.relative_to(SRC))
        lines = _chinese_literals(path)
        if lines and relative not in PENDING:
            offenders[relative] = lines[:5]
    assert not offenders, f"Chinese text in code, not in a catalog (file: lines): {offenders}"


def test_pending_list_only_names_modules_that_still_need_it() -> None:
    done = sorted(p for p in PENDING if not (SRC / p).exists() or not _chinese_literals(SRC / p))
    assert not done, f"remove from tests/i18n/pending.txt: {done}"


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _marked(path: Path) -> list[tuple[int, str | None]]:
    """Every `_()`/`n_()`/`pgettext()` call of a module: (line, catalog key or None when it is not a literal)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        args = [*node.args, None, None]
        if node.func.id in ("_", "n_"):
            found.append((node.lineno, _literal(args[0])))
        elif node.func.id == "pgettext":
            context, msgid = _literal(args[0]), _literal(args[1])
            found.append((node.lineno, i18n.catalog_key(msgid, context) if context and msgid else None))
    return found


def test_every_call_of_underscore_is_a_literal_in_a_catalog() -> None:
    """Babel reads no f-string: a `_()` inside one would be shown in English to everyone."""
    known = {msgid for name in i18n.CATALOGS for msgid in _catalog(name)}
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        for line, msgid in _marked(path):
            if msgid is None or msgid not in known:
                problems.append(f"{path.relative_to(SRC)}:{line} {msgid!r}")
    assert not problems, f"`_()` calls whose msgid is not a literal in a catalog: {problems[:10]}"
