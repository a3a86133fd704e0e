"""Two keys of one mapping that name the same part (`7月` and `2026-07`, ` 一区 ` and `一区`) are SP005 at the
second (YAML itself would see two keys and keep both, the split one of them); a part's name written where its
id belongs is suggested by its id. For weights, values, held nodes and held parts alike."""

from __future__ import annotations

from salesplan.loader import load_text
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan:
  name: 重复
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions: [{id: 一区}, {id: 二区}]
  channels: [{id: direct, name: 直销}, {id: online, name: 电商}]
  accounts: [{id: renji, name: 仁济医院, tier: A, region: 一区}]
targets:
  - id: T1
    metric: revenue
    value: 90
    split:
      - {by: month, method: weights, weights: {7月: 1, 2026-07: 5, 2026-08: 1, 2026-09: 1}}
  - id: T2
    metric: revenue
    value: 90
    split:
      - {by: region, method: explicit, values: {一区: 50, 二区: 40}}
      - {by: month, method: even, held: {一区: {7月: 10, 2026-07: 30}, " 一区 ": {2026-08: 1}}}
  - id: T3
    metric: revenue
    value: 90
    split:
      - {by: channel, method: weights, weights: {直销: 1, online: 2}}
      - {by: month, method: even, held: {电商: {2026-07: 10}}}
  - id: T4
    metric: revenue
    value: 90
    split:
      - {by: account, method: explicit, values: {仁济医院: 90}}
"""


def test_every_same_part_twice_and_every_name_for_an_id_is_reported_at_once() -> None:
    outcome = split_plan(load_text(PLAN, "plan.yaml"))
    found = [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics]
    assert found == [
        (
            "SP005",
            15,
            55,
            "target 'T1': '2026-07' names the same part as '7月' (2026-07): one of the two would be lost",
        ),
        (
            "SP005",
            21,
            55,
            "target 'T2': '2026-07' names the same part as '7月' (2026-07): one of the two would be lost",
        ),
        ("SP005", 21, 69, "target 'T2': ' 一区 ' names the same part as '一区' (一区): one of the two would be lost"),
        ("SP042", 26, 50, "target 'T3': '直销' is not a part of the channel level; did you mean 'direct'?"),
        ("SP042", 27, 42, "target 'T3': '电商' is not a part of the channel level; did you mean 'online'?"),
        ("SP042", 32, 50, "target 'T4': '仁济医院' is not a part of the account level; did you mean 'renji'?"),
    ]
    zh = {d.message_zh for d in outcome.diagnostics}
    assert "目标 'T2'：' 一区 ' 与 '一区' 指的是同一个拆解项（一区）：两个数值中会丢失一个" in zh
    assert "目标 'T3'：'直销' 不是按渠道拆解的拆解项；是否应为 'direct'？" in zh


def test_without_the_duplicates_the_split_is_the_hand_computed_one() -> None:
    """T1 weights 5:1:1 of 90: 64.29, 12.86, 12.86 → 64, 13, 13; T2 一区 50 with July held at 30: 10, 10."""
    text = PLAN.replace("7月: 1, ", "").replace("7月: 10, ", "").replace(', " 一区 ": {2026-08: 1}', "")
    text = text.replace("直销: 1", "direct: 1").replace("电商:", "online:").replace("仁济医院: 90", "renji: 90")
    outcome = split_plan(load_text(text, "plan.yaml"))
    assert outcome.diagnostics == []
    t1, t2 = outcome.splits[0], outcome.splits[1]
    assert [int(n.value) for n in t1.root.children] == [64, 13, 13]
    assert [int(n.value) for n in t2.root.children[0].children] == [30, 10, 10]
