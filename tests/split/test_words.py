"""The split engine's words and messages come from the `split` catalog: the same text as ever in zh and en,
and no English left inside a Chinese message."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan import codes
from salesplan.diagnostics import Diagnostic
from salesplan.i18n import _
from salesplan.loader import load_text
from salesplan.model.words import DIMENSIONS, dimension
from salesplan.split.engine import split_plan
from salesplan.split.ipf import IpfFailed, controlled_round, fit
from salesplan.split.result import Basis, SplitNode, TargetSplit
from salesplan.split.table import render_table

TESTS = Path(__file__).resolve().parents[1]
CASES = TESTS / "rules" / "cases"
REFERENCE = REPO_REFERENCE
CATALOGS = Path(__file__).resolve().parents[2] / "src" / "salesplan" / "locale" / "zh" / "LC_MESSAGES"

D = Decimal
ACTIVE = _("active {active}/{days} days", active=46, days=92)
# every method's 拆解逻辑, with and without a note, as `salesplan split` has always worded it
BASES = [
    (Basis("total"), "目标总额", "target total"),
    (Basis("even"), "平均", "even"),
    (Basis("explicit"), "指定", "explicit"),
    (Basis("weights", D(3), D(10)), "按权重 3/10", "by weight 3/10"),
    (Basis("history", D(250), D("416.7")), "按历史占比 60.0%", "by history share 60.0%"),
    (Basis("history"), "按历史占比 ", "by history share "),
    (Basis("capacity", D("79.57"), D("199.57")), "按产能 79.57/199.57", "by capacity 79.57/199.57"),
    (
        Basis("capacity", D(70), D(230), ACTIVE),
        "按产能 70/230（在岗 46/92 天）",
        "by capacity 70/230 (active 46/92 days)",
    ),
    (Basis("workdays", D(22), D(64)), "按工作日 22/64", "by workdays 22/64"),
    (Basis("days", D(5), D(7)), "按天数 5/7", "by days 5/7"),
    (Basis("ipf", D(300), D(500), _("margin")), "双向拟合 60.0%（边际）", "IPF fit 60.0% (margin)"),
    (Basis("even", note=_("inactive")), "平均（未在岗）", "even (inactive)"),
    (Basis("capacity", D(1), D(2), _("at capacity")), "按产能 1/2（已达产能上限）", "by capacity 1/2 (at capacity)"),
    (
        Basis("capacity", D(1), D(2), _("{first}; {second}", first=ACTIVE, second=_("takes others' excess"))),
        "按产能 1/2（在岗 46/92 天；承接他人超出产能部分）",
        "by capacity 1/2 (active 46/92 days; takes others' excess)",
    ),
    (Basis("custom"), "custom", "custom"),
]


@pytest.mark.parametrize(("basis", "zh", "en"), BASES, ids=[f"{b.method}-{en}" for b, _zh, en in BASES])
def test_every_basis_reads_as_it_always_has(basis: Basis, zh: str, en: str) -> None:
    assert (basis.text("zh"), basis.text("en"), basis.text()) == (zh, en, zh)


def test_dimension_names() -> None:
    zh = {dim: word.render("zh") for dim, word in DIMENSIONS.items()}
    assert zh == {
        "region": "区域",
        "product": "产品",
        "rep": "销售代表",
        "channel": "渠道",
        "account": "客户",
        "tier": "客户分级",
        "quarter": "季度",
        "month": "月",
        "week": "周",
    }
    assert {dim: word.render("en") for dim, word in DIMENSIONS.items()} == {dim: dim for dim in DIMENSIONS}
    assert dimension("ipf") == "ipf"


def _table_split() -> TargetSplit:
    root = SplitNode(None, None, D(30), Basis("total"))
    region = SplitNode("region", "east-a", D(30), Basis("weights", D(1), D(1)), label="A区")
    region.children = [SplitNode("month", "2026-07", D(30), Basis("even"))]
    root.children = [region]
    return TargetSplit("T1", "万元", D(30), ["region", "month"], root)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "zh",
            ["拆解项", "层级", "目标值（万元）", "拆解逻辑", "合计", "区域", "月", "按权重 1/1", "平均", "目标总额"],
        ),
        ("en", ["Part", "Level", "Value (万元)", "Basis", "Total", "region", "month", "by weight 1/1", "target total"]),
    ],
)
def test_the_table_speaks_the_language_asked(lang: str, words: list[str]) -> None:
    text = render_table([_table_split()], lang)
    assert all(word in text for word in words), (words, text)
    assert "T1 · 30万元" in text and "A区 (east-a)" in text


def _messages(targets: str, make_plan: Callable[[str], str], **options: object) -> list[Diagnostic]:
    return split_plan(load_text(make_plan(targets), "plan.yaml"), **options).diagnostics  # type: ignore[arg-type]


LATE = ("region: east-b, capacity: 120}", "region: east-b, capacity: 120, start: 2026-08-01}")  # 周杰 starts in August
BY_REP = "- {id: T, value: 12, split: [{by: month}, {by: region}, {by: rep%s}]}"
# messages whose Chinese once held English (a defect) or said more than the English, now saying the same
FIXED = [
    (
        "- {id: T, value: 10, split: [{by: quarter, parts: [Q3]}, {by: month, method: explicit, values: {7月: 9}}]}",
        "目标 'T'：指定值合计 9万元，不等于被拆解的 10万元（整个目标）",
        "target 'T': values add up to 9万元, not to the 10万元 they split (the whole target)",
    ),
    (
        BY_REP % "",
        "目标 'T'：east-b / 2026-07-01..2026-07-31 的 2万元 没有在岗的销售代表承担",
        "target 'T': no active rep can carry 2万元 in east-b / 2026-07-01..2026-07-31",
    ),
    (
        BY_REP % ", method: capacity, cap: false",
        "目标 'T'：east-b / 2026-07-01..2026-07-31 的 2万元 没有在岗（且有产能）的销售代表承担",
        "target 'T': no active rep with capacity can carry 2万元 in east-b / 2026-07-01..2026-07-31",
    ),
]


@pytest.mark.parametrize(("targets", "zh", "en"), FIXED)
def test_chinese_messages_say_what_the_english_says(
    make_plan: Callable[[str], str], targets: str, zh: str, en: str
) -> None:
    text = make_plan(targets).replace(*LATE)
    (diag,) = split_plan(load_text(text, "plan.yaml")).diagnostics
    assert (diag.message_zh, diag.message) == (zh, en)


def test_a_part_without_history_is_named_with_its_place_in_both_languages(make_plan: Callable[[str], str]) -> None:
    text = make_plan("- {id: T, value: 10, split: [{by: product}, {by: region, method: history}]}")
    text = text.replace("    east-b: {device: 100, consumable: 66.7}\n", "")
    (diag,) = split_plan(load_text(text, "plan.yaml")).diagnostics
    assert diag.code == codes.HISTORY_MISSING_PART
    assert diag.message == "target 'T': no history for region 'east-b' (device): it gets nothing by history"
    assert diag.message_zh == "目标 'T'：区域 'east-b'（device）没有历史数据：按历史拆解时不分配"


def test_the_leaf_limit_left_is_worded_in_each_language(make_plan: Callable[[str], str]) -> None:
    targets = "- {id: A, value: 10, split: [{by: week}]}\n- {id: B, value: 10, split: [{by: week}]}"
    (diag,) = _messages(targets, make_plan, max_leaves=20)
    assert diag.message == "target 'B': the breakdown would have 14 leaves, more than the limit (6 left of 20); " + (
        "nothing was built"
    )
    assert diag.message_zh == "目标 'B'：拆解结果将有 14 个末级项，超过上限（共 20，剩余 6）；未执行拆解"


def test_an_unknown_target_in_a_plan_without_targets_says_none_in_each_language() -> None:
    text = "salesplan: 1\nplan: {name: p, period: {start: 2026-07-01, end: 2026-09-30}}\ntargets: []\n"
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None, [d.format() for d in loaded.diagnostics]
    (diag,) = split_plan(loaded, ["T9"]).diagnostics
    assert (diag.message, diag.message_zh) == (
        "no target 'T9' in this plan (targets: none)",
        "计划中没有目标 'T9'（已有目标：无）",
    )


def test_an_ipf_failure_gives_its_reason_in_each_language() -> None:
    with pytest.raises(IpfFailed) as failed:
        fit([[D(0), D(0)], [D(1), D(1)]], [D(1), D(1)], [D(1), D(1)])
    assert str(failed.value) == "row 1 is all zero in the seed but its margin is 1 units"
    assert failed.value.reason.render("zh") == "第 1 行 在初值中全为 0，但其边际合计为 1 个单位"
    with pytest.raises(IpfFailed) as failed:
        controlled_round([[D(2)]], [1], [1])
    assert failed.value.reason.render("zh") == "拟合后的矩阵不满足边际合计"


def _english_fragments() -> list[str]:
    """The wording of every split message, outside its fields: none of it may stand in a Chinese text."""
    with (CATALOGS / "split.po").open("rb") as handle:
        catalog = read_po(handle, locale="zh")
    fragments = set()
    for message in catalog:
        if not message.id:
            continue
        for literal, *_rest in string.Formatter().parse(str(message.id)):
            if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", literal) and "`" not in literal:
                fragments.add(literal.strip(" '():;,"))
    return sorted(fragments)


def _case_plans() -> Iterator[tuple[str, str, list[str] | None]]:
    """The plans of the split codes' rule cases (SP040–SP059), with the targets each splits."""
    for file in sorted(CASES.glob("SP0[45]?.yml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8"))["cases"]:
            text = REFERENCE.read_text(encoding="utf-8") if case.get("reference") else case.get("plan", "")
            for old, new in case.get("replace", []):
                text = text.replace(old, new, 1)
            yield f"{file.stem}-{case['name']}", text, case.get("targets")


def test_no_chinese_split_message_holds_english_wording() -> None:
    fragments = _english_fragments()
    assert "the whole target" in fragments and "is all zero in the seed but its margin is" in fragments
    checked = 0
    for name, text, targets in _case_plans():
        for over in (False, True):
            for diag in split_plan(load_text(text, "plan.yaml"), targets, allow_over_capacity=over).diagnostics:
                if not diag.code.startswith(("SP04", "SP05")):
                    continue
                checked += 1
                for zh in (diag.message_zh or "", diag.hint_zh or ""):
                    assert not [f for f in fragments if f in zh], (name, zh)
                assert diag.message_zh != diag.message and (diag.hint is None) == (diag.hint_zh is None), name
    assert checked >= 20


def test_split_words_shared_with_other_catalogs_are_translated_alike() -> None:
    """All catalogs are consulted as one: a msgid of the split catalog that another catalog also has
    must read the same there, or the split's output would depend on which catalog answers first."""

    def entries(po: Path) -> dict[tuple[str, str | None], str]:
        with po.open("rb") as handle:
            catalog = read_po(handle, locale="zh")
        return {(str(m.id), m.context): str(m.string) for m in catalog if m.id and isinstance(m.id, str)}

    mine = entries(CATALOGS / "split.po")
    for po in sorted(CATALOGS.glob("*.po")):
        if po.name == "split.po":
            continue
        clashes = {key: (text, mine[key]) for key, text in entries(po).items() if key in mine and text != mine[key]}
        assert not clashes, f"{po.name} translates split's words otherwise: {clashes}"
