"""Splits by channel, account and tier (issue 14): parts, methods, history, IPF and located diagnostics.

Every expected value is computed by hand in the comment beside it.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from salesplan import codes
from salesplan.loader import LoadedPlan, load_text
from salesplan.split.engine import SplitOutcome, split_plan
from salesplan.split.result import SplitNode, TargetSplit

BASE = """\
salesplan: 1
plan:
  name: 客户与渠道
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions:
    - {id: east-a, name: A区}
    - {id: east-b, name: B区}
  products:
    - {id: device, name: 医疗器械}
    - {id: consumable, name: 耗材}
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 600}
    - {id: 周杰, role: rep, region: east-b, capacity: 600}
  channels:
    - {id: direct, name: 直销, type: direct}
    - {id: agent, name: 代理商, type: agent}
    - {id: online, name: 电商, type: online}
  accounts:
    - {id: renji, name: 仁济医院, tier: A, region: east-a, owner: 李雷}
    - {id: ruijin, name: 瑞金医院, tier: A, region: east-a, owner: 李雷}
    - {id: zhongshan, name: 中山医院, tier: B, region: east-b, owner: 周杰}
    - {id: huashan, name: 华山医院, tier: C, region: east-b, owner: 周杰}
history:
  by_channel: {direct: 300, agent: 200, online: 100}
  by_account:
    renji: {device: 80, consumable: 40}
    ruijin: {device: 30, consumable: 50}
    zhongshan: 60
    huashan: 40
targets:
"""


def plan_with(targets: str, base: str = BASE) -> str:
    return base + textwrap.indent(textwrap.dedent(targets).strip("\n"), "  ") + "\n"


def leaf_values(split: TargetSplit) -> dict[tuple[str, ...], Decimal]:
    return {tuple(coords.values()): node.value for coords, node in split.leaves()}


def assert_exact(root: SplitNode, granularity: Decimal) -> None:
    for _, node in root.walk():
        assert node.value % granularity == 0, (node.part, node.value)
        if node.children:
            assert sum(c.value for c in node.children) == node.value, (node.part, node.value)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _load(targets: str, base: str = BASE) -> LoadedPlan:
    return load_text(plan_with(targets, base), "plan.yaml")


def _split(targets: str, base: str = BASE) -> SplitOutcome:
    loaded = _load(targets, base)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return split_plan(loaded)


def _one(targets: str, base: str = BASE) -> TargetSplit:
    outcome = _split(targets, base)
    assert not outcome.diagnostics, [d.format() for d in outcome.diagnostics]
    [split] = outcome.splits
    assert_exact(split.root, split.granularity)
    return split


def _bases(split: TargetSplit, lang: str = "zh") -> dict[tuple[str, ...], str]:
    return {tuple(coords.values()): node.basis.text(lang) for coords, node in split.leaves()}


def test_channel_by_history_shares_the_channels_last_revenue() -> None:
    split = _one("- {id: T, value: 1000, split: [{by: channel, method: history}]}")
    # 1000 x 300/600 = 500, x 200/600 = 333.33, x 100/600 = 166.67: the unit left goes to online (.67)
    assert leaf_values(split) == {("direct",): 500, ("agent",): 333, ("online",): 167}
    assert _bases(split) == {
        ("direct",): "按历史占比 50.0%",
        ("agent",): "按历史占比 33.3%",
        ("online",): "按历史占比 16.7%",
    }
    assert _bases(split, "en")[("agent",)] == "by history share 33.3%"
    assert [child.label for child in split.root.children] == ["直销", "代理商", "电商"]
    assert split.levels == ["channel"]


def test_channel_weights_and_even() -> None:
    split = _one(
        "- {id: T, value: 100, split: [{by: channel, method: weights, weights: {direct: 5, agent: 3, online: 2}}]}"
    )
    assert leaf_values(split) == {("direct",): 50, ("agent",): 30, ("online",): 20}
    assert _bases(split, "en")[("direct",)] == "by weight 5/10"
    split = _one("- {id: T, value: 100, split: [{by: channel, method: even}]}")
    # 33.33 each: the unit left goes to the earliest declared part
    assert leaf_values(split) == {("direct",): 34, ("agent",): 33, ("online",): 33}
    assert _bases(split) == {key: "平均" for key in leaf_values(split)}


def test_accounts_under_a_region_are_that_regions_accounts() -> None:
    split = _one(
        """
        - id: T
          value: 1000
          split:
            - {by: region, method: even}
            - {by: account, method: even}
        """
    )
    assert leaf_values(split) == {
        ("east-a", "renji"): 250,
        ("east-a", "ruijin"): 250,
        ("east-b", "zhongshan"): 250,
        ("east-b", "huashan"): 250,
    }
    assert [c.label for c in split.root.children[0].children] == ["仁济医院", "瑞金医院"]


def test_tier_then_account_within_the_tier() -> None:
    split = _one(
        """
        - id: T
          value: 1000
          split:
            - {by: tier, method: weights, weights: {A: 5, B: 3, C: 2}}
            - {by: account, method: even}
        """
    )
    assert leaf_values(split) == {
        ("A", "renji"): 250,
        ("A", "ruijin"): 250,
        ("B", "zhongshan"): 300,
        ("C", "huashan"): 200,
    }


def test_tier_history_sums_its_accounts_and_accounts_follow_their_history() -> None:
    split = _one(
        """
        - id: T
          value: 1000
          split:
            - {by: tier, method: history}
            - {by: account, method: history}
        """
    )
    # by_account totals: renji 120, ruijin 80 (tier A 200), zhongshan 60 (B), huashan 40 (C), of 300:
    # A 666.67, B 200, C 133.33 -> A takes the unit left: 667; renji 667 x 120/200 = 400.2, ruijin 266.8 -> 267
    assert leaf_values(split) == {
        ("A", "renji"): 400,
        ("A", "ruijin"): 267,
        ("B", "zhongshan"): 200,
        ("C", "huashan"): 133,
    }
    assert _bases(split)[("A", "ruijin")] == "按历史占比 40.0%"


def test_tier_parts_are_the_tiers_of_the_targets_accounts() -> None:
    # east-a's accounts are both tier A: a target scoped to east-a has one tier part
    split = _one("- {id: T, value: 90, scope: {regions: [east-a]}, split: [{by: tier, method: even}]}")
    assert leaf_values(split) == {("A",): 90}
    split = _one("- {id: T, value: 90, scope: {accounts: [ruijin, huashan]}, split: [{by: tier, method: even}]}")
    assert leaf_values(split) == {("A",): 45, ("C",): 45}


def test_an_account_brings_its_region_and_tier() -> None:
    # reps under an account are its region's; a product split under an account uses the account's row
    split = _one(
        """
        - id: T
          value: 300
          scope: {accounts: [renji, ruijin]}
          split:
            - {by: account, method: explicit, values: {renji: 120, ruijin: 180}}
            - {by: product, method: history}
            - {by: rep, method: even}
        """
    )
    # renji 120 x 80/120 = 80 device, 40 consumable; ruijin 180 x 30/80 = 67.5, x 50/80 = 112.5: a tie of
    # halves, the unit to the larger weight (consumable): 67 / 113
    assert leaf_values(split) == {
        ("renji", "device", "李雷"): 80,
        ("renji", "consumable", "李雷"): 40,
        ("ruijin", "device", "李雷"): 67,
        ("ruijin", "consumable", "李雷"): 113,
    }


def test_held_accounts_and_the_rest() -> None:
    split = _one("- {id: T, value: 600, split: [{by: account, values: {renji: 200}, rest: even}]}")
    # 400 left over three accounts: 133.33 each, the unit left to the earliest (ruijin)
    assert leaf_values(split) == {("renji",): 200, ("ruijin",): 134, ("zhongshan",): 133, ("huashan",): 133}
    assert _bases(split)[("renji",)] == "指定"
    split = _one("- {id: T, value: 600, split: [{by: channel, values: {direct: 300}, rest: history}]}")
    # 300 left by agent 200 : online 100
    assert leaf_values(split) == {("direct",): 300, ("agent",): 200, ("online",): 100}
    assert _bases(split)[("agent",)] == "按历史占比 66.7%"


def test_ipf_channel_by_product_is_seeded_from_history_by_channel() -> None:
    base = BASE.replace(
        "  by_channel: {direct: 300, agent: 200, online: 100}\n",
        "  by_channel:\n    direct: {device: 200, consumable: 100}\n    agent: {device: 100, consumable: 50}\n",
    ).replace("    - {id: online, name: 电商, type: online}\n", "")
    split = _one(
        "- {id: T, value: 900, split: [{by: [channel, product], method: ipf, "
        "margins: {channel: {direct: 600, agent: 300}}}]}",
        base,
    )
    # the seed already has the margins' shape (products from the seed's totals 300:150 -> 600:300): twice the seed
    assert leaf_values(split) == {
        ("direct", "device"): 400,
        ("direct", "consumable"): 200,
        ("agent", "device"): 200,
        ("agent", "consumable"): 100,
    }
    assert split.levels == ["channel", "product"]


def test_ipf_region_by_channel_without_history_is_the_product_of_the_margins() -> None:
    split = _one(
        """
        - id: T
          value: 1000
          split:
            - by: [region, channel]
              method: ipf
              margins:
                region: {east-a: 600, east-b: 400}
                channel: {direct: 500, agent: 300, online: 200}
        """
    )
    # a seed of ones fits to row x column / total: 600 x 500/1000 = 300 ...
    assert leaf_values(split) == {
        ("east-a", "direct"): 300,
        ("east-a", "agent"): 180,
        ("east-a", "online"): 120,
        ("east-b", "direct"): 200,
        ("east-b", "agent"): 120,
        ("east-b", "online"): 80,
    }


def _error(targets: str, base: str = BASE) -> tuple[str, int, str, str, str | None]:
    outcome = _split(targets, base)
    assert not outcome.splits
    [found] = outcome.diagnostics
    return found.code, found.line, found.message, found.message_zh or "", found.hint


def test_an_unknown_channel_is_located_at_its_key() -> None:
    code, line, en, zh, hint = _error(
        """
        - id: T
          value: 60
          split:
            - by: channel
              method: weights
              weights:
                direct: 3
                onlin: 1
        """
    )
    assert (code, line) == (codes.UNKNOWN_PART, BASE.count("\n") + 8)
    assert en == "target 'T': 'onlin' is not a part of the channel level; did you mean 'online'?"
    assert zh == "目标 'T'：'onlin' 不是按渠道拆解的拆解项；是否应为 'online'？"
    assert hint == "parts here: direct, agent, online"


def test_an_unknown_account_is_located_at_its_key() -> None:
    code, line, en, _zh, _hint = _error("- {id: T, value: 60, split: [{by: account, values: {renji: 30, xinhua: 30}}]}")
    assert (code, line) == (codes.UNKNOWN_PART, BASE.count("\n") + 1)
    assert en == "target 'T': 'xinhua' is not a part of the account level"


def test_a_tier_with_no_accounts_is_an_empty_level_at_its_key() -> None:
    code, line, en, zh, hint = _error(
        "- {id: T, value: 60, scope: {regions: [east-a]}, "
        "split: [{by: tier, method: explicit, values: {A: 40, B: 20}}]}"
    )
    assert (code, line) == (codes.EMPTY_LEVEL, BASE.count("\n") + 1)
    assert en == "target 'T': no account of the target has tier 'B'"
    assert zh == "目标 'T'：目标的客户中没有分级为 'B' 的客户"
    assert hint == "give the target's accounts a tier: A, B or C"


def test_an_account_level_without_accounts() -> None:
    base = BASE[: BASE.index("  accounts:")] + BASE[BASE.index("history:") :]
    base = base[: base.index("  by_account:")] + "targets:\n"
    code, line, en, zh, hint = _error("- {id: T, value: 60, split: [{by: account, method: even}]}", base)
    assert (code, line) == (codes.EMPTY_LEVEL, base.count("\n") + 1)
    assert en == "target 'T': the account level has no parts"
    assert zh == "目标 'T'：按客户拆解的层级没有任何拆解项"
    assert hint == "declare team.accounts (or the target's scope.accounts)"


def test_a_region_without_accounts_under_an_account_level() -> None:
    code, line, en, _zh, hint = _error(
        """
        - id: T
          value: 60
          scope: {accounts: [renji]}
          split:
            - {by: region, method: even}
            - {by: account, method: even}
        """
    )
    assert (code, line) == (codes.EMPTY_LEVEL, BASE.count("\n") + 6)
    assert en == "target 'T': no account of the level's parts belongs to east-b"
    assert hint == "an account belongs to its region, its tier and the rep who owns it (owner)"


def test_history_by_channel_needs_its_table() -> None:
    base = BASE.replace("  by_channel: {direct: 300, agent: 200, online: 100}\n", "")
    code, _line, en, zh, _hint = _error("- {id: T, value: 60, split: [{by: channel, method: history}]}", base)
    assert code == codes.NO_HISTORY
    assert en == "target 'T': method: history by channel needs `history.by_channel` (channel -> amount)"
    assert zh == "目标 'T'：按渠道的 method: history 需要 `history.by_channel`（渠道 -> 金额）"


def test_a_product_split_under_an_account_of_one_amount_needs_product_rows() -> None:
    outcome = _split(
        """
        - id: T
          value: 60
          split:
            - {by: tier, method: even}
            - {by: product, method: even}
            - {by: account, method: history}
        """
    )
    assert not outcome.splits
    # zhongshan's and huashan's history are one amount each: an account split inside a product needs their
    # product rows; the two accounts are in different tiers, and both are said at once
    found = [(d.code, d.source.line, d.message) for d in outcome.diagnostics]
    assert found == [
        (
            codes.NO_HISTORY,
            _line_of(BASE, "    zhongshan: 60"),
            "target 'T': history of account 'zhongshan' has no per-product rows, which split level 3 needs",
        ),
        (
            codes.NO_HISTORY,
            _line_of(BASE, "    huashan: 40"),
            "target 'T': history of account 'huashan' has no per-product rows, which split level 3 needs",
        ),
    ]


@pytest.mark.parametrize(
    ("level", "code"),
    [
        ("{by: [account, region], method: ipf}", codes.METHOD_NOT_APPLICABLE),
        ("{by: channel, method: capacity}", codes.METHOD_NOT_APPLICABLE),
        ("{by: tier, method: workdays}", codes.METHOD_NOT_APPLICABLE),
    ],
)
def test_methods_that_do_not_apply(level: str, code: str) -> None:
    assert _error(f"- {{id: T, value: 60, split: [{level}]}}")[0] == code


def test_the_loader_checks_channels_and_the_history_tables() -> None:
    plan = BASE.replace("    - {id: online, name: 电商, type: online}\n", "    - {id: direct, name: 电商}\n")
    plan = plan.replace(
        "  by_channel: {direct: 300, agent: 200, online: 100}\n", "  by_channel: {direct: 300, tv: 1}\n"
    )
    plan = plan.replace("    huashan: 40\n", "    huashan: 40\n  by_tier: {A: 1, D: 2}\n")
    loaded = load_text(plan + "  - {id: T, value: 1}\n", "plan.yaml")
    found = sorted((d.code, d.message) for d in loaded.diagnostics)
    assert found == [
        (codes.DUPLICATE_ID, "duplicate channel id 'direct' (first defined at line 17)"),
        (codes.UNRESOLVED_REFERENCE, "unknown channel 'tv'"),
        (codes.UNRESOLVED_REFERENCE, "unknown tier 'D'"),
    ]


def test_a_channel_type_is_one_of_the_known_kinds() -> None:
    loaded = load_text(BASE.replace("type: agent", "type: tv") + "  - {id: T, value: 1}\n", "plan.yaml")
    assert [(d.code, d.line) for d in loaded.diagnostics] == [(codes.INVALID_VALUE, _line_of(BASE, "type: agent"))]


def test_values_are_exact_decimals() -> None:
    split = _one("- {id: T, value: 10, granularity: 0.5, split: [{by: channel, method: history}]}")
    # 20 units of 0.5: 20 x 1/2 = 10, x 1/3 = 6.67, x 1/6 = 3.33 -> 10, 7, 3 units
    assert leaf_values(split) == {("direct",): Decimal(5), ("agent",): Decimal("3.5"), ("online",): Decimal("1.5")}


def test_a_region_level_under_an_account_without_a_region() -> None:
    base = BASE.replace(
        "    - {id: huashan, name: 华山医院, tier: C, region: east-b, owner: 周杰}\n", "    - {id: huashan}\n"
    )
    code, line, en, zh, _hint = _error(
        """
        - id: T
          value: 60
          scope: {accounts: [renji, huashan]}
          split:
            - {by: account, method: even}
            - {by: region, method: even}
        """,
        base,
    )
    assert (code, line) == (codes.EMPTY_LEVEL, base.count("\n") + 6)
    assert en == "target 'T': account 'huashan' is in no region of the level"
    assert zh == "目标 'T'：客户 'huashan' 不属于该层级的任何区域"
