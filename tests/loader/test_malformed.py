"""Malformed plans: each gives the right code at the right line and column, all at once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.loader import load_plan, load_text

REFERENCE = REPO_REFERENCE


def reference() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def patched(old: str, new: str, count: int = 1) -> str:
    text = reference()
    assert old in text, old
    return text.replace(old, new, count)


# (case id, plan text, expected code, line, column)
CASES = [
    ("tab-indent", patched("  currency: CNY", "\tcurrency: CNY"), "SP004", 10, 1),
    ("unclosed-quote", patched("  name: 华东大区 2026 年第三季度销售计划", '  name: "华东大区'), "SP004", 7, 9),
    ("unclosed-bracket", patched("strategies: [S1, S2]", "strategies: [S1, S2"), "SP004", 51, 16),
    ("duplicate-key", patched("    metric: revenue\n", "    metric: revenue\n    metric: orders\n"), "SP005", 43, 5),
    ("nan", patched("value: 500", "value: .nan"), "SP008", 43, 12),
    ("huge-number", patched("value: 500", "value: " + "9" * 400), "SP008", 43, 12),
    ("tiny-number", patched("granularity: 1 ", "granularity: 1.5e-300 "), "SP008", 51, 18),
    ("eleven-places", patched("baseline: 416.7", "baseline: 416.12345678901"), "SP008", 45, 15),
    ("no-such-date", patched("deadline: 2026-09-30", "deadline: 2026-02-30"), "SP009", 46, 15),
    ("unknown-key", patched("targets:", "targts:"), "SP020", 37, 1),
    ("wrong-type", patched("value: 500", "value: [500]"), "SP021", 43, 12),
    ("bad-enum", patched("scenario: regional-expansion", "scenario: regional"), "SP021", 8, 13),
    ("missing-field", patched("  period: {start: 2026-07-01, end: 2026-09-30}\n", ""), "SP022", 7, 3),
    ("duplicate-id", patched("  - id: T2", "  - id: T1"), "SP030", 58, 9),
    ("unresolved-owner", patched("    owner: 王芳\n    scope", "    owner: 王小芳\n    scope"), "SP031", 47, 12),
    ("negative-target", patched("value: 500", "value: -500"), "SP033", 43, 12),
    ("zero-width-id", patched("  - id: K3", "  - id: K\u200b3"), "SP032", 156, 9),
    ("bad-probability", patched("probability: medium", "probability: 9"), "SP021", 116, 18),
    ("version-2", patched("salesplan: 1", "salesplan: 2"), "SP011", 4, 12),
    ("raw-control-char", patched("  - id: K3", "  - id: K\x013"), "SP004", 156, 10),
    ("raw-escape", patched("    name: 新增客户数", "    name: 新增\x1b[31m客户数"), "SP004", 59, 13),
    # YAML breaks lines at U+2028 too; editors do not, and the position follows the editor
    (
        "line-separator-before-an-error",
        patched("strategies: [S1, S2]", "strategies: [S1, S2").replace(
            "  name: 华东大区 2026 年第三季度销售计划", '  name: "华东大区\u2028第三季度销售计划"'
        ),
        "SP004",
        51,
        16,
    ),
    (
        "negative-after-line-separator",
        patched("value: 500", "value: -500").replace(
            "  name: 华东大区 2026 年第三季度销售计划", '  name: "华东大区\u2028第三季度销售计划"'
        ),
        "SP033",
        43,
        12,
    ),
    ("weight-1e400", patched("2026-09: 4}}", "2026-09: 1e400}}"), "SP021", 56, 81),
    ("percent-400-digits", patched("value: 18%", "value: " + "9" * 400 + "%"), "SP021", 80, 12),
    ("octal-looking", patched("value: 500", "value: 0500"), "SP008", 43, 12),
    ("base-60", patched("value: 30\n", "value: 3:30\n"), "SP008", 63, 12),
    ("norway", patched("    - {id: east-a, name: A区}", "    - {id: no, name: A区}"), "SP021", 17, 12),
    ("not-a-plan", "just: yaml\n", "SP010", 1, 1),
    ("empty", "", "SP010", 1, 1),
]


@pytest.mark.parametrize(("case", "text", "code", "line", "col"), CASES, ids=[c[0] for c in CASES])
def test_malformed_plan_is_located(case: str, text: str, code: str, line: int, col: int) -> None:
    loaded = load_text(text, f"{case}.yaml")
    assert loaded.plan is None or not loaded.ok
    found = [(d.code, d.line, d.col) for d in loaded.diagnostics]
    assert (code, line, col) in found, found


def test_unknown_key_suggests_the_right_one() -> None:
    loaded = load_text(patched("targets:", "targts:"), "p.yaml")
    [diag] = [d for d in loaded.diagnostics if d.code == "SP020"]
    assert "did you mean 'targets'" in diag.message
    assert "targets" in (diag.message_zh or "")


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    text = patched("targets:", "targts:")
    text = text.replace("scenario: regional-expansion", "scenario: nowhere")
    text = text.replace("probability: 2", "probability: 9")
    loaded = load_text(text, "p.yaml")
    codes = sorted(d.code for d in loaded.diagnostics)
    assert codes == ["SP020", "SP021", "SP021"]
    lines = [d.line for d in loaded.diagnostics]
    assert lines == sorted(lines)


def test_value_errors_and_schema_errors_come_together() -> None:
    text = patched("value: 500", "value: .inf").replace("targets:", "targts:")
    codes = {d.code for d in load_text(text, "p.yaml").diagnostics}
    assert codes == {"SP008", "SP020"}


def test_unclosed_bracket_names_where_it_opened() -> None:
    [diag] = load_text(patched("strategies: [S1, S2]", "strategies: [S1, S2"), "p.yaml").diagnostics
    assert "opened at line 50, column 17" in diag.message


def test_duplicate_key_names_the_first() -> None:
    text = patched("    metric: revenue\n", "    metric: revenue\n    metric: orders\n")
    [diag] = load_text(text, "p.yaml").diagnostics
    assert "line 42" in diag.message


def test_billion_laughs_is_refused_fast() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    text = "salesplan: 1\n" + "\n".join(lines) + "\n"
    start = time.perf_counter()
    loaded = load_text(text, "laughs.yaml")
    assert time.perf_counter() - start < 0.5
    assert [d.code for d in loaded.diagnostics] == ["SP006"]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "- " * 100_000 + "x\n",
        "a: " + "[" * 70 + "]" * 70,
        # past libyaml's own flow limit (~1000 in 0.2.6): classified by cause, not by the parser's text
        "salesplan: 1\nplan: " + "[" * 1001 + "]" * 1001 + "\n",
        "salesplan: 1\nplan: " + "{a: " * 1001 + "}" * 1001 + "\n",
        "salesplan: 1\nplan: " + "[" * 1001 + "\n",
    ],
)
def test_deep_nesting_is_refused_without_crashing(text: str) -> None:
    loaded = load_text(text, "deep.yaml")
    assert [d.code for d in loaded.diagnostics] == ["SP007"]
    assert "YAML" not in loaded.diagnostics[0].message


def test_gbk_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(reference().encode("gb18030"))
    [diag] = load_plan(path).diagnostics
    assert diag.code == "SP003"
    assert "GBK" in diag.message
    assert diag.line == 7  # the header comments are ASCII; the first Chinese byte is on line 7


def test_utf8_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + reference().encode("utf-8"))
    loaded = load_plan(path)
    assert loaded.ok, loaded.diagnostics


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"\x00" * 1000)
    assert [d.code for d in load_plan(path).diagnostics] == ["SP003"]


def test_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    start = time.perf_counter()
    assert [d.code for d in load_plan(path).diagnostics] == ["SP002"]
    assert time.perf_counter() - start < 0.5


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert [d.code for d in load_plan(tmp_path / "nope.yaml").diagnostics] == ["SP001"]
    assert [d.code for d in load_plan(tmp_path).diagnostics] == ["SP001"]


def test_ten_decimal_places_are_kept_exactly() -> None:
    loaded = load_text(patched("baseline: 416.7", "baseline: 416.1234567890"), "p.yaml")
    assert loaded.ok and loaded.plan is not None, [d.format() for d in loaded.diagnostics]
    assert str(loaded.plan.targets[0].baseline) == "416.1234567890"


def test_too_many_values_are_refused_before_anything_is_built() -> None:
    from salesplan.loader.yamltree import MAX_NODES

    start = time.perf_counter()
    loaded = load_text("salesplan: 1\nextra: [" + "0," * MAX_NODES + "0]\n", "p.yaml")
    assert time.perf_counter() - start < 5
    [diag] = loaded.diagnostics
    assert (diag.code, diag.line) == ("SP002", 2) and f"more than {MAX_NODES:,} values" in diag.message
    # the first value over the limit: five come before the list's items (the top mapping, two keys,
    # the version, the list itself)
    assert diag.col == len("extra: [") + 2 * (MAX_NODES - 5) + 1


def test_a_long_text_with_few_values_is_not_refused() -> None:
    text = patched("    deliverable: 签约 3 家代理商，合同归档", "    deliverable: " + "长" * 300_000)
    assert load_text(text, "p.yaml").ok


def _every_loader_problem(tmp_path: Path) -> list[tuple[str, object]]:
    """(case, loaded) for every malformed text above and every file-level refusal."""
    out: list[tuple[str, object]] = [(case, load_text(text, f"{case}.yaml")) for case, text, *_ in CASES]
    out.append(("tab-in-indentation", load_text("salesplan: 1\nplan:\n\tname: x\n", "tab.yaml")))
    out.append(("deep", load_text("[" * 100_000 + "]" * 100_000, "deep.yaml")))
    out.append(("laughs", load_text("a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"b{i}: &b{i} [{','.join(['*a' if i == 0 else f'*b{i - 1}'] * 10)}]\n" for i in range(8)
    ), "laughs.yaml")))  # fmt: skip
    out.append(("too-many-values", load_text("salesplan: 1\nx: [" + "1," * 200_001 + "1]\n", "many.yaml")))
    out.append(("empty", load_text("", "empty.yaml")))
    out.append(("odd-numbers", load_text("salesplan: 1\na: 0x1g\nb: 1.5.5\nc: !!python/name:os.system x\n", "n.yaml")))
    files = {
        "gbk.yaml": reference().encode("gb18030"),
        "utf16.yaml": reference().encode("utf-16"),
        "nul.yaml": b"\x00" * 10,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out.append((name, load_plan(tmp_path / name)))
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    out += [("big", load_plan(big)), ("missing", load_plan(tmp_path / "nope.yaml")), ("dir", load_plan(tmp_path))]
    return out


def test_every_loader_message_and_hint_is_in_chinese_too(tmp_path: Path) -> None:
    """zh is the default language: no loader diagnostic falls back to English text."""
    untranslated = []
    for case, loaded in _every_loader_problem(tmp_path):
        diagnostics = loaded.diagnostics  # type: ignore[attr-defined]
        assert diagnostics, case
        for diag in diagnostics:
            if not diag.message_zh or (diag.hint and not diag.hint_zh):
                untranslated.append((case, diag.format("en"), diag.hint))
            elif diag.hint:
                assert diag.hint_in("zh") == diag.hint_zh and diag.hint_in("en") == diag.hint
    assert untranslated == []


def test_an_unquoted_no_gets_the_quoting_hint() -> None:
    loaded = load_text(patched("    - {id: east-a, name: A区}", "    - {id: no, name: A区}"), "no.yaml")
    [diag] = [d for d in loaded.diagnostics if d.line == 17]
    assert diag.hint is not None and "'no'" in diag.hint and diag.hint_zh is not None
