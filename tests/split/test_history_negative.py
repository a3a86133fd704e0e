"""A negative history amount is SP044 at it (a history share below nothing would give a part a negative
target), for every history table a `method: history` level reads: history.revenue by region (and per
product), history.metrics, history.by_channel, by_account, by_tier (and by_account for a tier without
by_tier). All of them at once, in both languages; a history table that no level reads is not blamed."""

from __future__ import annotations

import textwrap

import pytest

from salesplan.loader import load_text
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan:
  name: 负历史
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions: [{id: 一区}, {id: 二区}]
  products: [{id: 器械}, {id: 耗材}]
  channels: [{id: 直销, name: 直销}, {id: 电商, name: 电商}]
  accounts:
    - {id: 仁济, name: 仁济医院, tier: A, region: 一区}
    - {id: 瑞金, name: 瑞金医院, tier: B, region: 二区}
history:
  revenue:
    一区: {器械: 30, 耗材: -10}
    二区: {器械: 50, 耗材: 20}
  by_channel: {直销: -100, 电商: 300}
  by_account: {仁济: -5, 瑞金: 10}
targets:
TARGETS
"""


def _found(targets: str) -> list[tuple[str, int, int, str, str]]:
    text = PLAN.replace("TARGETS\n", textwrap.indent(textwrap.dedent(targets), "  "))
    outcome = split_plan(load_text(text, "plan.yaml"))
    return [(d.code, d.line, d.col, d.message, d.message_zh) for d in outcome.diagnostics]


def test_every_negative_history_amount_a_level_reads_is_reported_at_once() -> None:
    found = _found(
        """\
        - {id: T1, metric: revenue, value: 100, split: [{by: channel, method: history}]}
        - {id: T2, metric: revenue, value: 100, split: [{by: account, method: history}]}
        - {id: T3, metric: revenue, value: 100, split: [{by: tier, method: history}]}
        - {id: T4, metric: revenue, value: 100, split: [{by: region, method: history}]}
        """
    )
    assert found == [
        (
            "SP044",
            15,
            22,
            "target 'T4': history.revenue of '一区/耗材' is negative (-10)",
            "目标 'T4'：history.revenue 中 '一区/耗材' 的值为负数（-10）",
        ),
        (
            "SP044",
            17,
            20,
            "target 'T1': history.by_channel of '直销' is negative (-100)",
            "目标 'T1'：history.by_channel 中 '直销' 的值为负数（-100）",
        ),
        (
            "SP044",
            18,
            20,
            "target 'T2': history.by_account of '仁济' is negative (-5)",
            "目标 'T2'：history.by_account 中 '仁济' 的值为负数（-5）",
        ),
        (
            "SP044",
            18,
            20,
            "target 'T3': history.by_account of '仁济' is negative (-5)",
            "目标 'T3'：history.by_account 中 '仁济' 的值为负数（-5）",
        ),
    ]


@pytest.mark.parametrize(
    "level",
    [
        "{by: channel, method: even}",
        "{by: account, method: weights, weights: {仁济: 1, 瑞金: 1}}",
        "{by: region, method: even}",
    ],
)
def test_a_table_no_history_level_reads_is_not_blamed(level: str) -> None:
    assert _found(f"- {{id: T1, metric: revenue, value: 100, split: [{level}]}}\n") == []


def test_without_negatives_the_history_shares_are_the_hand_computed_ones() -> None:
    """by_channel 直销 100, 电商 300 of 100: 25 and 75."""
    text = PLAN.replace("直销: -100", "直销: 100").replace(
        "TARGETS\n", "  - {id: T1, metric: revenue, value: 100, split: [{by: channel, method: history}]}\n"
    )
    outcome = split_plan(load_text(text, "plan.yaml"))
    assert outcome.diagnostics == []
    assert [int(node.value) for node in outcome.splits[0].root.children] == [25, 75]
